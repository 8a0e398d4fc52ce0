package dev.hpsearch.optimizer.gp;

import java.util.ArrayList;
import java.util.List;

/**
 * What is known when a suggestion is asked for. Points are per hyperparameter (see {@link Dimension}).
 *
 * @param dimensions one per hyperparameter
 * @param observed finished points whose y is known
 * @param y their values, already transformed and imputed by the caller; smaller is better
 * @param pending queued or running points (no y yet)
 * @param constraints constrained metrics observed at finished points (maybe infeasible ones left out of
 *     {@code observed}); when not empty the acquisition is weighted by the probability of feasibility
 */
public record BoptProblem(List<Dimension> dimensions, List<double[]> observed, double[] y, List<double[]> pending,
                          List<ConstraintObservations> constraints) {

    /** A problem without constraints. */
    public BoptProblem(List<Dimension> dimensions, List<double[]> observed, double[] y, List<double[]> pending) {
        this(dimensions, observed, y, pending, List.of());
    }

    public BoptProblem {
        dimensions = List.copyOf(dimensions);
        if (dimensions.isEmpty()) {
            throw new IllegalArgumentException("need at least one hyperparameter");
        }
        observed = copy(observed, dimensions.size(), "observed");
        pending = copy(pending, dimensions.size(), "pending");
        constraints = List.copyOf(constraints);
        for (ConstraintObservations c : constraints) {
            copy(c.points(), dimensions.size(), "constraint " + c.name());
        }
        y = y.clone();
        if (y.length != observed.size()) {
            throw new IllegalArgumentException(observed.size() + " observed points but " + y.length + " y values");
        }
    }

    private static List<double[]> copy(List<double[]> points, int dims, String what) {
        List<double[]> out = new ArrayList<>(points.size());
        for (double[] p : points) {
            if (p.length != dims) {
                throw new IllegalArgumentException(what + " point has " + p.length + " values, expected " + dims);
            }
            out.add(p.clone());
        }
        return List.copyOf(out);
    }

    @Override
    public double[] y() {
        return y.clone();
    }

    @Override
    public List<double[]> observed() {
        return copy(observed, dimensions.size(), "observed");
    }

    @Override
    public List<double[]> pending() {
        return copy(pending, dimensions.size(), "pending");
    }

    /** Number of encoded columns. */
    public int encodedWidth() {
        int w = 0;
        for (Dimension d : dimensions) {
            w += d.width();
        }
        return w;
    }

    /** The encoded form of a per-hyperparameter point. */
    double[] encode(double[] point) {
        double[] out = new double[encodedWidth()];
        int off = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            d.encode(point[i], out, off);
            off += d.width();
        }
        return out;
    }

    /** The snapped per-hyperparameter point for encoded coordinates. */
    double[] decode(double[] encoded) {
        double[] out = new double[dimensions.size()];
        int off = 0;
        for (int i = 0; i < dimensions.size(); i++) {
            Dimension d = dimensions.get(i);
            out[i] = d.decode(encoded, off);
            off += d.width();
        }
        return out;
    }
}
