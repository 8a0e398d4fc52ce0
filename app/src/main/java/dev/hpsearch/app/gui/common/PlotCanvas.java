package dev.hpsearch.app.gui.common;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;

/** A canvas that fills its pane and redraws its plot when resized (at the next layout pass) or given a new plot. */
public final class PlotCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private Plot plot;
    /** Reused by every redraw of the same size: no 3 MB buffer and image per brush stroke. */
    private LineRaster raster;
    private Executor rasterHelper = ForkJoinPool.commonPool();
    private boolean resized;

    public PlotCanvas(Plot plot) {
        this.plot = plot;
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
        g.clearRect(0, 0, w, h);
        if (plot != null && w > 0 && h > 0) {
            int bw = (int) Math.ceil(w);
            int bh = (int) Math.ceil(h);
            if (raster == null || raster.width() != bw || raster.height() != bh) {
                raster = new LineRaster(bw, bh);
            }
            CanvasPainter painter = new CanvasPainter(g, raster, rasterHelper);
            plot.draw(painter, w, h);
            painter.flush();
        }
    }
}
