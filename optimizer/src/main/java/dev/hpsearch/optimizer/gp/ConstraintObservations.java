package dev.hpsearch.optimizer.gp;

import java.util.List;

/**
 * The observed values of one constrained metric, for the probability of feasibility (docs/decisions/0025): the
 * finished points that reported the metric (per hyperparameter, as {@link BoptProblem#observed()}), their values,
 * and the bounds that make a point feasible ({@code min <= value <= max}, either may be absent).
 *
 * @param name   the metric, for diagnostics
 * @param points the points that reported it
 * @param values their values, finite
 * @param min    the lower bound, or {@code null}
 * @param max    the upper bound, or {@code null}
 */
public record ConstraintObservations(String name, List<double[]> points, double[] values, Double min, Double max) {
    public ConstraintObservations {
        if (min == null && max == null) {
            throw new IllegalArgumentException("constraint " + name + " has neither min nor max");
        }
        if (points.size() != values.length) {
            throw new IllegalArgumentException(points.size() + " points but " + values.length + " values");
        }
        points = List.copyOf(BoptSuggestion.copyPoints(points));
        values = values.clone();
    }

    @Override
    public List<double[]> points() {
        return BoptSuggestion.copyPoints(points);
    }

    @Override
    public double[] values() {
        return values.clone();
    }
}
