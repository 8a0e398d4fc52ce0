package dev.hpsearch.app.gui.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javafx.css.CssMetaData;
import javafx.css.SimpleStyleableObjectProperty;
import javafx.css.StyleConverter;
import javafx.css.Styleable;
import javafx.css.StyleableObjectProperty;
import javafx.css.StyleableProperty;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * A canvas that fills its pane and redraws its plot when resized (at the next layout pass), given a new plot,
 * or given new colours by the theme. The colours are CSS properties of the style class {@code plot-canvas}
 * ({@code -hp-plot-foreground}, {@code -hp-plot-muted}, {@code -hp-plot-grid}, {@code -hp-plot-background}),
 * which the app's stylesheet maps to the theme's looked-up colours.
 */
public final class PlotCanvas extends Pane {
    private static final List<ColourProperty> COLOURS = List.of(
            new ColourProperty("-hp-plot-foreground", 0, PlotColours.LIGHT.foreground()),
            new ColourProperty("-hp-plot-muted", 1, PlotColours.LIGHT.muted()),
            new ColourProperty("-hp-plot-grid", 2, PlotColours.LIGHT.grid()),
            new ColourProperty("-hp-plot-background", 3, PlotColours.LIGHT.background()));
    private static final List<CssMetaData<? extends Styleable, ?>> CSS;

    static {
        List<CssMetaData<? extends Styleable, ?>> all = new ArrayList<>(Pane.getClassCssMetaData());
        all.addAll(COLOURS);
        CSS = Collections.unmodifiableList(all);
    }

    private final Canvas canvas = new Canvas();
    private final List<StyleableObjectProperty<Color>> colours = new ArrayList<>();
    private Plot plot;
    /** Reused by every redraw of the same size: no 3 MB buffer and image per brush stroke. */
    private LineRaster raster;
    private Executor rasterHelper = ForkJoinPool.commonPool();
    private boolean resized;

    public PlotCanvas(Plot plot) {
        this.plot = plot;
        getStyleClass().add("plot-canvas");
        for (ColourProperty c : COLOURS) {
            StyleableObjectProperty<Color> p = new SimpleStyleableObjectProperty<>(c, this, c.getProperty(), c.getInitialValue(this));
            p.addListener((o, a, b) -> redraw());
            colours.add(p);
        }
        getChildren().add(canvas);
        setMinSize(200, 150);
        // one redraw per layout pass, not one for the width and another for the height
        widthProperty().addListener((o, a, b) -> resized());
        heightProperty().addListener((o, a, b) -> resized());
    }

    /**
     * The executor a plot may use for a second rasterising thread (default: the common fork-join pool), or
     * {@code null} to rasterise on the FX thread only. The FX thread never waits for a helper that has not
     * started.
     */
    public void setRasterHelper(Executor helper) {
        rasterHelper = helper;
    }

    public Canvas canvas() {
        return canvas;
    }

    /** The colours the plot is drawn in now: the theme's once CSS has been applied. */
    public PlotColours colours() {
        return new PlotColours(colours.get(0).get(), colours.get(1).get(), colours.get(2).get(), colours.get(3).get());
    }

    public static List<CssMetaData<? extends Styleable, ?>> getClassCssMetaData() {
        return CSS;
    }

    @Override
    public List<CssMetaData<? extends Styleable, ?>> getCssMetaData() {
        return CSS;
    }

    public Plot plot() {
        return plot;
    }

    public void setPlot(Plot plot) {
        this.plot = plot;
        redraw();
    }

    private void resized() {
        resized = true;
        requestLayout();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (resized) {
            resized = false;
            redraw();
        }
    }

    /** Draws the plot again on the FX thread. */
    public void redraw() {
        double w = getWidth();
        double h = getHeight();
        if (canvas.getWidth() != w || canvas.getHeight() != h) {
            canvas.setWidth(w);
            canvas.setHeight(h);
        }
        var g = canvas.getGraphicsContext2D();
        PlotColours theme = colours();
        // filled, not cleared: a PNG of the canvas then reads the same on any page
        g.setFill(theme.background());
        g.fillRect(0, 0, w, h);
        if (plot != null && w > 0 && h > 0) {
            int bw = (int) Math.ceil(w);
            int bh = (int) Math.ceil(h);
            if (raster == null || raster.width() != bw || raster.height() != bh) {
                raster = new LineRaster(bw, bh);
            }
            CanvasPainter painter = new CanvasPainter(g, raster, rasterHelper, theme);
            plot.draw(painter, w, h);
            painter.flush();
        }
    }

    /** One of the plot's colours as a CSS property. */
    private static final class ColourProperty extends CssMetaData<PlotCanvas, Color> {
        private final int index;

        ColourProperty(String name, int index, Color initial) {
            super(name, StyleConverter.getColorConverter(), initial);
            this.index = index;
        }

        @Override
        public boolean isSettable(PlotCanvas c) {
            return !c.colours.get(index).isBound();
        }

        @Override
        public StyleableProperty<Color> getStyleableProperty(PlotCanvas c) {
            return c.colours.get(index);
        }
    }
}
