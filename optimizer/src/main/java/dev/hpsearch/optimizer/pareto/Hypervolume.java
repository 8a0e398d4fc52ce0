package dev.hpsearch.optimizer.pareto;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The hypervolume of a set of points whose coordinates are minimized: the volume of the region they dominate,
 * bounded by a reference point. Exact for 1 to 3 objectives (a sweep in 2, slices along the third in 3); a Monte
 * Carlo estimate with its standard error for more.
 */
public final class Hypervolume {
    /** Uniform samples of the Monte Carlo estimate (4 or more objectives). */
    public static final int MONTE_CARLO_SAMPLES = 200_000;

    private Hypervolume() {
    }

    /**
     * A hypervolume.
     *
     * @param value         the volume
     * @param standardError 0 when exact, else the Monte Carlo estimate's standard error
     */
    public record Estimate(double value, double standardError) {
        /** Whether the value is exact. */
        public boolean exact() {
            return standardError == 0;
        }
    }

    /**
     * The hypervolume of {@code points} up to {@code reference}; points not below the reference in every coordinate
     * add nothing.
     *
     * @param rng drawn from only for 4 or more objectives
     */
    public static Estimate of(List<double[]> points, double[] reference, SplittableRandom rng) {
        List<double[]> inside = new ArrayList<>();
        for (double[] p : points) {
            if (p.length != reference.length) {
                throw new IllegalArgumentException("a point has " + p.length + " coordinates, the reference "
                        + reference.length);
            }
            boolean below = true;
            for (int i = 0; i < p.length; i++) {
                below &= p[i] < reference[i];
            }
            if (below) {
                inside.add(p);
            }
        }
        int d = reference.length;
        if (inside.isEmpty()) {
            return new Estimate(0, 0);
        }
        switch (d) {
            case 1:
                return new Estimate(reference[0] - inside.stream().mapToDouble(p -> p[0]).min().orElseThrow(), 0);
            case 2:
                return new Estimate(exact2(inside, reference[0], reference[1]), 0);
            case 3:
                return new Estimate(exact3(inside, reference), 0);
            default:
                return monteCarlo(inside, reference, rng);
        }
    }

    /** A sweep along the first coordinate: each point of the front adds the rectangle up to the last one's height. */
    static double exact2(List<double[]> points, double refX, double refY) {
        double[][] sorted = points.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.<double[]>comparingDouble(p -> p[0]).thenComparingDouble(p -> p[1]));
        double volume = 0;
        double height = refY;
        for (double[] p : sorted) {
            if (p[1] < height) {
                volume += (refX - p[0]) * (height - p[1]);
                height = p[1];
            }
        }
        return volume;
    }

    /** Slices along the third coordinate: between two consecutive values the section is a 2-objective area. */
    static double exact3(List<double[]> points, double[] ref) {
        double[][] sorted = points.toArray(new double[0][]);
        Arrays.sort(sorted, Comparator.comparingDouble(p -> p[2]));
        double volume = 0;
        List<double[]> below = new ArrayList<>();
        for (int i = 0; i < sorted.length; i++) {
            below.add(sorted[i]);
            double top = i + 1 < sorted.length ? sorted[i + 1][2] : ref[2];
            double thickness = top - sorted[i][2];
            if (thickness > 0) {
                volume += thickness * exact2(below, ref[0], ref[1]);
            }
        }
        return volume;
    }

    /** The share of uniform samples of the box [ideal, reference] that some point dominates, times its volume. */
    static Estimate monteCarlo(List<double[]> points, double[] ref, SplittableRandom rng) {
        int d = ref.length;
        double[] low = ref.clone();
        for (double[] p : points) {
            for (int i = 0; i < d; i++) {
                low[i] = Math.min(low[i], p[i]);
            }
        }
        double box = 1;
        for (int i = 0; i < d; i++) {
            box *= ref[i] - low[i];
        }
        int hits = 0;
        double[] x = new double[d];
        for (int s = 0; s < MONTE_CARLO_SAMPLES; s++) {
            for (int i = 0; i < d; i++) {
                x[i] = low[i] + rng.nextDouble() * (ref[i] - low[i]);
            }
            for (double[] p : points) {
                if (weaklyDominates(p, x)) {
                    hits++;
                    break;
                }
            }
        }
        double share = hits / (double) MONTE_CARLO_SAMPLES;
        double se = Math.sqrt(share * (1 - share) / MONTE_CARLO_SAMPLES);
        // a share of 0 or 1 still carries the resolution of the sample
        return new Estimate(box * share, box * Math.max(se, 1.0 / MONTE_CARLO_SAMPLES));
    }

    private static boolean weaklyDominates(double[] p, double[] x) {
        for (int i = 0; i < p.length; i++) {
            if (p[i] > x[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * The reference point hpsearch reports against: per coordinate, the worst value among {@code points} plus
     * 10 % of their range (plus 1 when the range is 0), so every point of the front adds volume.
     */
    public static double[] referencePoint(List<double[]> points) {
        int d = points.get(0).length;
        double[] ref = new double[d];
        for (int i = 0; i < d; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            double range = hi - lo;
            ref[i] = hi + (range > 0 ? 0.1 * range : 1);
        }
        return ref;
    }
}
