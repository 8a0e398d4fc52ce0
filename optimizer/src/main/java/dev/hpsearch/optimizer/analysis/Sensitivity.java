package dev.hpsearch.optimizer.analysis;

import dev.hpsearch.optimizer.gp.GaussianProcess;
import dev.hpsearch.optimizer.gp.GpFitException;
import dev.hpsearch.optimizer.gp.GpPrediction;
import dev.hpsearch.optimizer.gp.GpSpec;
import dev.hpsearch.optimizer.gp.KernelType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How much a response (the loss, or one of the script's metrics) depends on each hyperparameter. For every
 * axis: the observed (position, response) pairs (a slice plot) and, where a GP can be fitted to all combinations
 * with a response, the GP mean and a band of two standard deviations along that axis with the other
 * hyperparameters held at the best combination (the lowest loss; the lowest response when no row has a loss).
 * The influence of a hyperparameter is the range of the GP mean along its slice; without a GP it is the share
 * of the response's variance explained by binning the axis (the correlation ratio, eta squared).
 */
public final class Sensitivity {
    private static final int CURVE_POINTS = 41;
    private static final int MAX_GP_POINTS = 300;
    private static final int MIN_GP_POINTS = 5;

    private Sensitivity() {
    }

    /**
     * One hyperparameter's slice.
     *
     * @param axis      the hyperparameter's axis (positions in [0, 1])
     * @param x         positions of the combinations with a response
     * @param loss      their responses (the loss, or the metric analysed)
     * @param curveX    positions along the GP curve; empty without a GP
     * @param mean      GP mean of the loss at {@code curveX}
     * @param lower     mean - 2 sd (in loss units; through 10^ when fitted on log10 loss)
     * @param upper     mean + 2 sd
     * @param influence how much the loss depends on this hyperparameter (see the class comment)
     */
    public record Slice(Axis axis, double[] x, double[] loss, double[] curveX, double[] mean, double[] lower,
                        double[] upper, double influence) {
        public boolean hasCurve() {
            return curveX.length > 0;
        }
    }

    /**
     * The analysis.
     *
     * @param gpFitted whether a GP was fitted; when not, {@code note} says why
     * @param logLoss  whether the GP was fitted on log10 of the response
     * @param response what was analysed: the loss or a metric
     * @param rowIds   the combination of each point of every slice, in the order of {@link Slice#x}
     */
    public record Result(List<Slice> slices, boolean gpFitted, boolean logLoss, String note, Column response,
                         int[] rowIds) {
        /** A result about the loss without the points' combinations. */
        public Result(List<Slice> slices, boolean gpFitted, boolean logLoss, String note) {
            this(slices, gpFitted, logLoss, note, Column.LOSS, new int[0]);
        }

        /** Slices by decreasing influence. */
        public List<Slice> ranking() {
            List<Slice> r = new ArrayList<>(slices);
            r.sort(Comparator.comparingDouble(Slice::influence).reversed());
            return r;
        }
    }

    /**
     * Analyses a layout whose axes are hyperparameters followed by one last axis, the response (the loss or a
     * metric). The loss is analysed on a log10 scale when it is positive throughout, a metric when its axis is a
     * log axis. {@code seed} makes the GP fit reproducible.
     */
    public static Result analyze(ParallelLayout layout, long seed) {
        int d = layout.axes().size() - 1;
        Column response = layout.columns().get(d);
        List<Integer> scored = new ArrayList<>();
        for (int i = 0; i < layout.size(); i++) {
            if (!Double.isNaN(response.number(layout.rows().get(i))) && complete(layout, i, d)) {
                scored.add(i);
            }
        }
        SplittableRandom rng = new SplittableRandom(seed);
        boolean logLoss = scored.stream().allMatch(i -> response.number(layout.rows().get(i)) > 0)
                && (response.kind() == Column.Kind.LOSS || layout.axes().get(d).kind() == Axis.Kind.LOG);
        double[][] x = new double[scored.size()][d];
        double[] y = new double[scored.size()];
        int[] ids = new int[scored.size()];
        int best = -1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (int k = 0; k < scored.size(); k++) {
            int i = scored.get(k);
            ResultRow r = layout.rows().get(i);
            ids[k] = r.id();
            for (int j = 0; j < d; j++) {
                x[k][j] = layout.position(i, j);
            }
            double l = response.number(r);
            y[k] = logLoss ? Math.log10(l) : l;
            // the best combination: the lowest loss, or the lowest response where no row has a loss
            double rank = r.hasLoss() ? r.loss() : Double.POSITIVE_INFINITY;
            if (best < 0 || rank < bestLoss || (rank == bestLoss && y[k] < y[best])) {
                best = k;
                bestLoss = rank;
            }
        }
        GaussianProcess gp = null;
        String note = "";
        if (scored.size() < Math.max(MIN_GP_POINTS, d + 2)) {
            note = "no GP: " + scored.size() + " combinations with a " + response.name() + ", at least "
                    + Math.max(MIN_GP_POINTS, d + 2) + " needed";
        } else {
            int[] pick = subsample(scored.size(), MAX_GP_POINTS, best, rng);
            double[][] xs = new double[pick.length][];
            double[] ys = new double[pick.length];
            for (int k = 0; k < pick.length; k++) {
                xs[k] = x[pick[k]];
                ys[k] = y[pick[k]];
            }
            try {
                gp = GaussianProcess.fitMle(new GpSpec(KernelType.MATERN52, true, false), xs, ys, 2, rng);
            } catch (GpFitException | RuntimeException e) {
                note = "no GP: the fit failed (" + e.getMessage() + ")";
            }
        }
        List<Slice> slices = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            double[] xj = new double[scored.size()];
            double[] lj = new double[scored.size()];
            for (int k = 0; k < scored.size(); k++) {
                xj[k] = x[k][j];
                lj[k] = response.number(layout.rows().get(scored.get(k)));
            }
            Axis axis = layout.axes().get(j);
            if (gp != null) {
                double[] cx = curvePositions(axis);
                double[] mean = new double[cx.length];
                double[] lo = new double[cx.length];
                double[] hi = new double[cx.length];
                double min = Double.POSITIVE_INFINITY;
                double max = Double.NEGATIVE_INFINITY;
                double[] p = x[best].clone();
                for (int c = 0; c < cx.length; c++) {
                    p[j] = cx[c];
                    GpPrediction g = gp.predict(p);
                    double sd = Math.sqrt(Math.max(0, g.variance()));
                    min = Math.min(min, g.mean());
                    max = Math.max(max, g.mean());
                    mean[c] = back(g.mean(), logLoss);
                    lo[c] = back(g.mean() - 2 * sd, logLoss);
                    hi[c] = back(g.mean() + 2 * sd, logLoss);
                }
                slices.add(new Slice(axis, xj, lj, cx, mean, lo, hi, max - min));
            } else {
                double[] yj = new double[scored.size()];
                for (int k = 0; k < yj.length; k++) {
                    yj[k] = y[k];
                }
                slices.add(new Slice(axis, xj, lj, new double[0], new double[0], new double[0], new double[0],
                        etaSquared(xj, yj, axis)));
            }
        }
        return new Result(slices, gp != null, logLoss, note, response, ids);
    }

    private static boolean complete(ParallelLayout layout, int i, int d) {
        for (int j = 0; j < d; j++) {
            if (Double.isNaN(layout.position(i, j))) {
                return false;
            }
        }
        return true;
    }

    private static double back(double v, boolean log) {
        return log ? Math.pow(10, v) : v;
    }

    private static double[] curvePositions(Axis axis) {
        if (axis.isCategorical()) {
            int n = axis.levels().size();
            double[] c = new double[n];
            for (int i = 0; i < n; i++) {
                c[i] = n == 1 ? 0.5 : (double) i / (n - 1);
            }
            return c;
        }
        double[] c = new double[CURVE_POINTS];
        for (int i = 0; i < CURVE_POINTS; i++) {
            c[i] = (double) i / (CURVE_POINTS - 1);
        }
        return c;
    }

    /** At most {@code max} indexes out of {@code n}, always including {@code keep}. */
    private static int[] subsample(int n, int max, int keep, SplittableRandom rng) {
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        if (n <= max) {
            return idx;
        }
        // partial Fisher-Yates shuffle with the kept index first
        idx[keep] = 0;
        idx[0] = keep;
        for (int i = 1; i < max; i++) {
            int r = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[r];
            idx[r] = t;
        }
        return java.util.Arrays.copyOf(idx, max);
    }

    /**
     * eta^2 = sum_bins n_b (mean_b - mean)^2 / sum_i (y_i - mean)^2 with five equal-width bins of the
     * position (one bin per level on categorical axes).
     */
    static double etaSquared(double[] x, double[] y, Axis axis) {
        if (y.length < 2) {
            return 0;
        }
        int bins = axis.isCategorical() ? Math.max(1, axis.levels().size()) : 5;
        double[] sum = new double[bins];
        int[] count = new int[bins];
        double total = 0;
        for (double v : y) {
            total += v;
        }
        double mean = total / y.length;
        double ss = 0;
        for (int i = 0; i < y.length; i++) {
            int b = Math.min(bins - 1, (int) Math.floor(x[i] * (axis.isCategorical() ? bins - 1 : bins) + (axis.isCategorical() ? 0.5 : 0)));
            b = Math.max(0, b);
            sum[b] += y[i];
            count[b]++;
            ss += (y[i] - mean) * (y[i] - mean);
        }
        if (ss == 0) {
            return 0;
        }
        double between = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                double m = sum[b] / count[b];
                between += count[b] * (m - mean) * (m - mean);
            }
        }
        return between / ss;
    }
}
