package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.text.Numbers;

/**
 * The legend of a plot's colours: which column colours the lines and the values at the two ends of the scale
 * (written as every other number on screen, {@link Numbers#display}; the first and last level of a category).
 *
 * @param title the colour column's name, with " (log)" on a log scale
 * @param low   the value coloured blue
 * @param high  the value coloured red
 */
public record ColourScale(String title, String low, String high) {
    /** The scale of a layout's colour axis. */
    public static ColourScale of(ParallelLayout layout) {
        Axis a = layout.colourAxis();
        String title = layout.colourColumn().name() + (a.kind() == Axis.Kind.LOG ? " (log)" : "");
        if (a.isCategorical()) {
            return a.levels().isEmpty() ? new ColourScale(title, "", "")
                    : new ColourScale(title, a.levels().get(0), a.levels().get(a.levels().size() - 1));
        }
        return new ColourScale(title, Numbers.display(a.min()), Numbers.display(a.max()));
    }
}
