package dev.hpsearch.app.gui.common;

import dev.hpsearch.optimizer.analysis.Axis;

/**
 * The plotting area of a one-panel plot inside fixed margins (the y labels on the left, the x labels and the x
 * title below, the title above), and where a position in [0, 1] along an {@link Axis} falls in it.
 *
 * @param left left edge of the area
 * @param top  top edge of the area
 * @param pw   width of the area; not positive when the plot is too small to draw in
 * @param ph   height of the area; not positive when the plot is too small to draw in
 */
public record PlotArea(double left, double top, double pw, double ph) {
    private static final double LEFT = 64;
    private static final double RIGHT = 16;
    private static final double TOP = 24;
    private static final double BOTTOM = 36;

    /** The area of a plot {@code w} by {@code h}, with its title drawn above it and its border drawn. */
    public static PlotArea framed(Painter p, double w, double h, String title) {
        PlotArea a = new PlotArea(LEFT, TOP, w - LEFT - RIGHT, h - TOP - BOTTOM);
        p.setFill(p.colours().foreground());
        p.text(title, a.left, 16, Painter.Align.LEFT, 12);
        p.setStroke(p.colours().muted(), 1);
        p.rect(a.left, a.top, a.pw, a.ph, false);
        return a;
    }

    /** Whether the plot is too small to draw in. */
    public boolean empty() {
        return pw <= 0 || ph <= 0;
    }

    /** A line in the middle of the area, in the current fill (what is missing where there is nothing to draw). */
    public void message(Painter p, String text) {
        p.text(text, left + pw / 2, top + ph / 2, Painter.Align.CENTER, 12);
    }

    /** The canvas x of a position along the x axis, 0 at the left edge and 1 at the right. */
    public double x(double position) {
        return left + position * pw;
    }

    /** The canvas y of a position along the y axis, 0 at the bottom edge and 1 at the top. */
    public double y(double position) {
        return top + ph - position * ph;
    }

    /** A grid line across the area at each tick of {@code axis} as the y axis, labelled on the left. */
    public void yGrid(Painter p, Axis axis) {
        for (Axis.Tick t : axis.ticks()) {
            double yy = y(t.position());
            p.setStroke(p.colours().grid(), 1);
            p.line(left, yy, left + pw, yy);
            p.setFill(p.colours().foreground());
            p.text(t.label(), left - 6, yy + 4, Painter.Align.RIGHT, 10);
        }
    }
}
