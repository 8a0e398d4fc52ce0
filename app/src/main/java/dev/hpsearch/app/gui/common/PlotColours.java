package dev.hpsearch.app.gui.common;

import javafx.scene.paint.Color;

/**
 * The theme's colours for what a plot draws around its data: text and axes, secondary text, grid lines and the
 * background. A {@link PlotCanvas} takes them from the theme (its stylesheet maps them to the theme's looked-up
 * colours); exported SVG uses {@link #LIGHT}, for paper. Data colours (series, colour scales) stay the plot's.
 *
 * @param foreground titles, tick labels, axis lines
 * @param muted      secondary text and frames
 * @param grid       grid lines, faint
 * @param background what the plot is drawn on
 */
public record PlotColours(Color foreground, Color muted, Color grid, Color background) {
    public static final PlotColours LIGHT =
            new PlotColours(Color.web("#24292f"), Color.web("#57606a"), Color.web("#e4e4e4"), Color.WHITE);

    public PlotColours {
        if (foreground == null || muted == null || grid == null || background == null) {
            throw new IllegalArgumentException("every plot colour is needed");
        }
    }

    /** The foreground with the given opacity (brush boxes, point clouds). */
    public Color foreground(double opacity) {
        return Color.color(foreground.getRed(), foreground.getGreen(), foreground.getBlue(), opacity);
    }
}
