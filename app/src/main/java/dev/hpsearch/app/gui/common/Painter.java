package dev.hpsearch.app.gui.common;

import javafx.scene.paint.Color;

/**
 * The drawing operations every plot uses. One implementation paints a JavaFX canvas, another writes SVG,
 * so a plot is drawn by one piece of code whichever the target.
 */
public interface Painter {
    /** Text alignment relative to the anchor point. */
    enum Align { LEFT, CENTER, RIGHT }

    /** The theme's colours for text, axes, grid and background; plots draw their frame in these. */
    default PlotColours colours() {
        return PlotColours.LIGHT;
    }

    void setStroke(Color colour, double width);

    void setFill(Color colour);

    void line(double x1, double y1, double x2, double y2);

    void rect(double x, double y, double w, double h, boolean fill);

    void circle(double cx, double cy, double r);

    /** A filled polygon. */
    void polygon(double[] xs, double[] ys, int n);

    /** An open polyline in the current stroke. */
    void polyline(double[] xs, double[] ys, int n);

    void text(String s, double x, double y, Align align, double size);

    /** Starts a path of many segments drawn with one stroke (fast for thousands of lines). */
    void beginPath();

    void moveTo(double x, double y);

    void lineTo(double x, double y);

    /** Strokes the current path in the current stroke. */
    void strokePath();
}
