package dev.hpsearch.app.gui.common;

import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A canvas that fills its pane and redraws its plot when resized or invalidated. */
public final class PlotCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private Plot plot;

    public PlotCanvas(Plot plot) {
        this.plot = plot;
        getChildren().add(canvas);
        setMinSize(200, 150);
        widthProperty().addListener((o, a, b) -> redraw());
        heightProperty().addListener((o, a, b) -> redraw());
    }

    public Canvas canvas() {
        return canvas;
    }

    public Plot plot() {
        return plot;
    }

    public void setPlot(Plot plot) {
        this.plot = plot;
        redraw();
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
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
        g.clearRect(0, 0, w, h);
        if (plot != null && w > 0 && h > 0) {
            CanvasPainter painter = new CanvasPainter(g);
            plot.draw(painter, w, h);
            painter.flush();
        }
    }
}
