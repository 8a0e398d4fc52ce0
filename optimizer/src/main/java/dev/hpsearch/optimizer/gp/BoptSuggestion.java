package dev.hpsearch.optimizer.gp;

import java.util.ArrayList;
import java.util.List;

/**
 * The answer of {@link BoptCore#suggest}.
 *
 * @param points suggested points, per hyperparameter (unit values; level index for categoricals)
 * @param label {@code {Kernel}_{Acq}_{Method}} with the method actually used (e.g. {@code Matern52_EI_MCMC},
 *     or {@code Matern52_EI_MLE} after an MCMC fallback), or {@code random} when no model could be used
 * @param modelBased false when the points are random because fitting failed or there was too little data
 * @param diagnostics human-readable lines for the search log: fit status, parameters, jitter, R-hat/ESS,
 *     fallbacks and their reasons
 */
public record BoptSuggestion(List<double[]> points, String label, boolean modelBased, String diagnostics) {
    public BoptSuggestion {
        points = List.copyOf(copyPoints(points));
    }

    @Override
    public List<double[]> points() {
        return copyPoints(points);
    }

    /** A list of copies of the points (records of points copy them in and out with it). */
    static List<double[]> copyPoints(List<double[]> points) {
        List<double[]> copy = new ArrayList<>(points.size());
        for (double[] p : points) {
            copy.add(p.clone());
        }
        return copy;
    }
}
