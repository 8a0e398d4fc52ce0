package dev.hpsearch.app.gui.common;

import java.util.concurrent.Executor;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints on a JavaFX canvas. Paths ({@link #beginPath} .. {@link #strokePath}) are rasterised here into a
 * {@link LineRaster} with one-pixel lines and drawn as one image: stroking a path of tens of thousands of
 * segments through the canvas takes seconds with the software pipeline, the buffer takes milliseconds.
 * Plots with very many lines may also rasterise straight into {@link #raster()}. Call {@link #flush} after
 * drawing.
 */
public final class CanvasPainter implements Painter {
    private final GraphicsContext g;
    private final LineRaster raster;
    private final Executor helper;
    private final PlotColours colours;
    private boolean imageUsed;
    private double cx;
    private double cy;
    private boolean antialias = true;

    /** A painter with its own raster of the canvas's size. */
    public CanvasPainter(GraphicsContext g) {
        this(g, new LineRaster(Math.max(1, (int) Math.ceil(g.getCanvas().getWidth())),
                Math.max(1, (int) Math.ceil(g.getCanvas().getHeight()))), null);
    }

    /**
     * A painter that rasterises paths into {@code raster} (cleared, then reused: a canvas that redraws often
     * keeps one raster per size). The raster's image is drawn at most once per painter.
     *
     * @param helper an executor whose thread may help rasterise (see {@link #helper}), or {@code null}
     */
    public CanvasPainter(GraphicsContext g, LineRaster raster, Executor helper) {
        this(g, raster, helper, PlotColours.LIGHT);
    }

    /** A painter as above that gives plots the theme's {@code colours}. */
    public CanvasPainter(GraphicsContext g, LineRaster raster, Executor helper, PlotColours colours) {
        this.g = g;
        this.colours = colours;
        this.raster = raster;
        this.helper = helper;
        raster.clear();
        g.setTextBaseline(VPos.BASELINE);
        g.setLineWidth(1);
    }

    /**
     * Anti-aliased path lines (two pixels per step) or plain ones (one pixel per step, half the work); plots
     * with thousands of lines switch it off, as the lines blend into a density anyway.
     */
    public void setAntialias(boolean on) {
        antialias = on;
    }

    public boolean antialias() {
        return antialias;
    }

    /** The buffer paths are rasterised into; what is drawn there appears at the next {@link #flush}. */
    public LineRaster raster() {
        return raster;
    }

    /**
     * An executor a plot may hand part of its rasterising to (disjoint row ranges of {@link #raster()}), or
     * {@code null}. The painting thread must not wait for a task that has not started: the pool may be busy.
     */
    public Executor helper() {
        return helper;
    }

    /** Draws the rasterised paths so far onto the canvas (below what is drawn next). */
    public void flush() {
        if (!raster.isDirty()) {
            return;
        }
        // the canvas draws the image when it renders, so an image already drawn by this painter is not reused
        g.drawImage(raster.toImage(!imageUsed), 0, 0);
        imageUsed = true;
        raster.clear();
    }

    @Override
    public PlotColours colours() {
        return colours;
    }

    @Override
    public void setStroke(Color colour, double width) {
        raster.setColour(colour);
        g.setStroke(colour);
        g.setLineWidth(width);
    }

    @Override
    public void setFill(Color colour) {
        g.setFill(colour);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        flush();
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void rect(double x, double y, double w, double h, boolean fill) {
        flush();
        if (fill) {
            g.fillRect(x, y, w, h);
        } else {
            g.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void circle(double x, double y, double r) {
        flush();
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    @Override
    public void polygon(double[] xs, double[] ys, int n) {
        flush();
        g.fillPolygon(xs, ys, n);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        flush();
        g.strokePolyline(xs, ys, n);
    }

    @Override
    public void text(String s, double x, double y, Align align, double size) {
        flush();
        g.setFont(Font.font(size));
        g.setTextAlign(align == Align.LEFT ? TextAlignment.LEFT : align == Align.RIGHT ? TextAlignment.RIGHT
                : TextAlignment.CENTER);
        g.fillText(s, x, y);
    }

    @Override
    public void beginPath() {
        // segments are rasterised as they are added
    }

    @Override
    public void moveTo(double x, double y) {
        cx = x;
        cy = y;
    }

    @Override
    public void lineTo(double x, double y) {
        if (antialias) {
            raster.smoothLine(cx, cy, x, y);
        } else {
            raster.line(LineRaster.fixed(cx), LineRaster.fixed(cy), LineRaster.fixed(x), LineRaster.fixed(y));
        }
        cx = x;
        cy = y;
    }

    @Override
    public void strokePath() {
        // segments are rasterised as they are added
    }
}
