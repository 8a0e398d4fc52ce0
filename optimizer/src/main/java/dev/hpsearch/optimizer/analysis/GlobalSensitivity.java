package dev.hpsearch.optimizer.analysis;

import dev.hpsearch.optimizer.gp.GaussianProcess;
import dev.hpsearch.optimizer.gp.GpFitException;
import dev.hpsearch.optimizer.gp.GpSamplePath;
import dev.hpsearch.optimizer.gp.GpSpec;
import dev.hpsearch.optimizer.gp.KernelType;
import dev.hpsearch.optimizer.gp.LeaveOneOut;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Global sensitivity of a response to each input, on a GP surrogate fitted to the results: first-order and
 * total Sobol indices over the whole search space (inputs uniform on [0, 1]; an input with levels uniform over
 * its levels), partial dependence, and the GP mean over a pair of inputs.
 *
 * <p>Estimates are the indices of the GP's posterior mean, from a large quasi-random (Sobol) design with the
 * Saltelli estimator for first-order and Jansen's for total indices. Each interval is the spread of the same
 * indices over functions drawn from the GP posterior, each on its own randomly shifted quasi-random design: so
 * it widens both where the surrogate is unsure (few or noisy results) and where the design is small (Monte
 * Carlo error). Posterior draws were chosen over a bootstrap of the results because they need one GP fit, not
 * one per resample, and they carry the surrogate's uncertainty directly; a bootstrap would also refit the GP's
 * lengthscales, which this does not account for.
 */
public final class GlobalSensitivity {
    /** Quasi-random base points for the estimates on the posterior mean. */
    static final int MEAN_POINTS = 4096;
    /** Posterior draws behind each interval. */
    static final int DRAWS = 48;
    /** Base points per posterior draw. */
    static final int DRAW_POINTS = 256;
    /** Random Fourier features in each drawn function's prior part. */
    static final int FEATURES = 512;
    /** The GP's hyperparameters are fitted on at most this many results (all of them condition it). */
    static final int MAX_FIT_POINTS = 300;
    /** Below this leave-one-out R², the ranking is flagged as not to be trusted. */
    public static final double ADEQUATE_R2 = 0.5;
    /** The central share of the posterior draws an interval covers. */
    public static final double LEVEL = 0.95;

    private final GaussianProcess gp;
    private final List<Input> inputs;
    private final LeaveOneOut loo;
    private final long seed;

    /**
     * An input of the response.
     *
     * @param name   the hyperparameter's name
     * @param levels the positions its values take (a categorical or discrete hyperparameter), drawn with equal
     *               chances; empty for a continuous input, uniform on [0, 1]
     */
    public record Input(String name, double[] levels) {
        public Input {
            levels = levels.clone();
        }

        /** A continuous input. */
        public static Input continuous(String name) {
            return new Input(name, new double[0]);
        }

        /** An input with {@code count} levels evenly spaced on [0, 1] (one level at 0.5). */
        public static Input evenLevels(String name, int count) {
            double[] at = new double[count];
            for (int k = 0; k < count; k++) {
                at[k] = count == 1 ? 0.5 : (double) k / (count - 1);
            }
            return new Input(name, at);
        }

        public boolean hasLevels() {
            return levels.length > 0;
        }

        /** The position of a uniform [0, 1) draw. */
        double position(double u) {
            if (levels.length == 0) {
                return u;
            }
            return levels[Math.min(levels.length - 1, (int) Math.floor(u * levels.length))];
        }

        /** The positions along which partial dependence is drawn: its levels, or {@code points} even steps. */
        public double[] grid(int points) {
            if (levels.length > 0) {
                return levels.clone();
            }
            double[] g = new double[points];
            for (int k = 0; k < points; k++) {
                g[k] = (double) k / (points - 1);
            }
            return g;
        }
    }

    /** An estimate with the interval {@link #LEVEL} of the posterior draws cover. */
    public record Interval(double estimate, double low, double high) {
        public boolean covers(double v) {
            return low <= v && v <= high;
        }
    }

    /** One input's indices. */
    public record Index(String name, Interval firstOrder, Interval total) {
        /** Total minus first order: the share due to interactions with other inputs. */
        public double interaction() {
            return total.estimate() - firstOrder.estimate();
        }
    }

    /**
     * The indices.
     *
     * @param n       results the surrogate was conditioned on
     * @param looR2   leave-one-out R² of the surrogate
     * @param outside share of leave-one-out standardized residuals beyond two
     * @param warning a plain sentence when the surrogate explains too little to trust the ranking, else empty
     */
    public record Result(int n, double looR2, double outside, List<Index> indices, String warning) {
        /** The two inputs with the largest interaction shares (total minus first order), or fewer when d < 2. */
        public List<Index> topInteraction() {
            List<Index> r = new ArrayList<>(indices);
            r.sort((a, b) -> Double.compare(b.interaction(), a.interaction()));
            return r.subList(0, Math.min(2, r.size()));
        }

        /** The indices by decreasing total index. */
        public List<Index> ranking() {
            List<Index> r = new ArrayList<>(indices);
            r.sort((a, b) -> Double.compare(b.total().estimate(), a.total().estimate()));
            return r;
        }
    }

    /** Partial dependence along one input: the GP mean averaged over the others, with a band from the draws. */
    public record Dependence(Input input, double[] position, double[] mean, double[] low, double[] high) {
    }

    private GlobalSensitivity(GaussianProcess gp, List<Input> inputs, long seed) {
        this.gp = gp;
        this.inputs = List.copyOf(inputs);
        this.loo = gp.leaveOneOut();
        this.seed = seed;
    }

    /**
     * Fits the surrogate.
     *
     * @param x    positions in [0, 1] of each result, one column per input; not modified
     * @param y    the response at each; not modified
     * @param seed makes the fit, the designs and the draws reproducible
     * @throws GpFitException when no GP can be fitted, or there are too few results (at least d + 2 and 5)
     */
    public static GlobalSensitivity fit(double[][] x, double[] y, List<Input> inputs, long seed) throws GpFitException {
        int d = inputs.size();
        int least = Math.max(5, d + 2);
        if (y.length < least) {
            throw new GpFitException(y.length + " results with a value; at least " + least + " are needed");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        GpSpec spec = new GpSpec(KernelType.MATERN52, true, false);
        GaussianProcess gp;
        if (y.length <= MAX_FIT_POINTS) {
            gp = GaussianProcess.fitMle(spec, x, y, 2, rng);
        } else {
            int[] pick = rng.ints(0, y.length).distinct().limit(MAX_FIT_POINTS).toArray();
            double[][] xs = new double[pick.length][];
            double[] ys = new double[pick.length];
            for (int k = 0; k < pick.length; k++) {
                xs[k] = x[pick[k]];
                ys[k] = y[pick[k]];
            }
            double[] theta = GaussianProcess.fitMle(spec, xs, ys, 2, rng).logParameters();
            gp = GaussianProcess.withParameters(spec, x, y, theta);
        }
        return new GlobalSensitivity(gp, inputs, seed);
    }

    /** The surrogate's leave-one-out predictions. */
    public LeaveOneOut leaveOneOut() {
        return loo;
    }

    /** First-order and total indices of every input, with intervals. */
    public Result indices() {
        int d = inputs.size();
        double[][] mean = sobol(gp::predictMean, MEAN_POINTS, null);
        // each draw has its own generator, split off in order, so the draws run in parallel and stay reproducible
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        SplittableRandom[] streams = new SplittableRandom[DRAWS];
        for (int r = 0; r < DRAWS; r++) {
            streams[r] = rng.split();
        }
        double[][][] draws = IntStream.range(0, DRAWS).parallel().mapToObj(r -> {
            GpSamplePath path = gp.samplePath(FEATURES, streams[r]);
            double[] shift = new double[2 * d];
            for (int k = 0; k < shift.length; k++) {
                shift[k] = streams[r].nextDouble();
            }
            return sobol(path::value, DRAW_POINTS, shift);
        }).toArray(double[][][]::new);
        List<Index> out = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            out.add(new Index(inputs.get(j).name(), interval(mean[0][j], draws, 0, j),
                    interval(mean[1][j], draws, 1, j)));
        }
        double r2 = loo.r2();
        String warning = "";
        if (!(r2 >= ADEQUATE_R2)) {
            warning = String.format(java.util.Locale.ROOT, "The surrogate predicts only %.0f %% of the variation of"
                    + " results it did not see (leave-one-out R² %.2f): do not trust this ranking; run more"
                    + " combinations, or the response may be mostly noise.", Math.max(0, r2) * 100, r2);
        }
        return new Result(gp.size(), r2, loo.outsideTwoSd(), out, warning);
    }

    /** Partial dependence along input {@code j}: {@code points} positions for a continuous input, else its levels. */
    public Dependence partialDependence(int j, int points) {
        Input input = inputs.get(j);
        double[] grid = input.grid(points);
        int base = 128;
        double[][] design = design(base, inputs.size(), null);
        double[] mean = average(gp::predictMean, design, j, grid);
        int draws = 24;
        SplittableRandom rng = new SplittableRandom(seed ^ (31L * j + 7));
        SplittableRandom[] streams = new SplittableRandom[draws];
        for (int r = 0; r < draws; r++) {
            streams[r] = rng.split();
        }
        double[][] small = design(32, inputs.size(), null);
        double[][] byDraw = IntStream.range(0, draws).parallel()
                .mapToObj(r -> average(gp.samplePath(FEATURES, streams[r])::value, small, j, grid))
                .toArray(double[][]::new);
        double[] low = new double[grid.length];
        double[] high = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double[] v = new double[draws];
            for (int r = 0; r < draws; r++) {
                v[r] = byDraw[r][g];
            }
            low[g] = Math.min(mean[g], quantile(v, (1 - LEVEL) / 2));
            high[g] = Math.max(mean[g], quantile(v, (1 + LEVEL) / 2));
        }
        return new Dependence(input, grid, mean, low, high);
    }

    /** The GP mean over a grid of inputs {@code a} (rows) and {@code b} (columns), the others averaged out. */
    public double[][] pairMean(int a, int b, int points) {
        double[] ga = inputs.get(a).grid(points);
        double[] gb = inputs.get(b).grid(points);
        double[][] design = design(64, inputs.size(), null);
        double[][] z = new double[ga.length][gb.length];
        for (int i = 0; i < ga.length; i++) {
            for (int k = 0; k < gb.length; k++) {
                double sum = 0;
                for (double[] row : design) {
                    double[] p = row.clone();
                    p[a] = ga[i];
                    p[b] = gb[k];
                    sum += gp.predictMean(p);
                }
                z[i][k] = sum / design.length;
            }
        }
        return z;
    }

    private double[] average(ToDoubleFunction<double[]> f, double[][] design, int j, double[] grid) {
        double[] out = new double[grid.length];
        for (int g = 0; g < grid.length; g++) {
            double sum = 0;
            for (double[] row : design) {
                double[] p = row.clone();
                p[j] = grid[g];
                sum += f.applyAsDouble(p);
            }
            out[g] = sum / design.length;
        }
        return out;
    }

    /** {@code n} positions in the inputs' space from the first d Sobol coordinates (shifted modulo 1). */
    private double[][] design(int n, int d, double[] shift) {
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(d);
        sobol.skipTo(1);
        double[][] out = new double[n][d];
        for (int i = 0; i < n; i++) {
            double[] u = sobol.nextVector();
            for (int j = 0; j < d; j++) {
                out[i][j] = inputs.get(j).position(shift == null ? u[j] : frac(u[j] + shift[j]));
            }
        }
        return out;
    }

    /**
     * First-order (row 0) and total (row 1) indices of {@code f} from {@code n} base points: matrices A and B
     * from the first and last d of 2d Sobol coordinates, and A with column j taken from B.
     */
    private double[][] sobol(ToDoubleFunction<double[]> f, int n, double[] shift) {
        int d = inputs.size();
        SobolSequenceGenerator sobol = new SobolSequenceGenerator(2 * d);
        sobol.skipTo(1);
        double[] fa = new double[n];
        double[] fb = new double[n];
        double[][] fab = new double[d][n];
        double[] a = new double[d];
        double[] b = new double[d];
        for (int i = 0; i < n; i++) {
            double[] u = sobol.nextVector();
            for (int j = 0; j < d; j++) {
                a[j] = inputs.get(j).position(shift == null ? u[j] : frac(u[j] + shift[j]));
                b[j] = inputs.get(j).position(shift == null ? u[d + j] : frac(u[d + j] + shift[d + j]));
            }
            fa[i] = f.applyAsDouble(a);
            fb[i] = f.applyAsDouble(b);
            for (int j = 0; j < d; j++) {
                double keep = a[j];
                a[j] = b[j];
                fab[j][i] = f.applyAsDouble(a);
                a[j] = keep;
            }
        }
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += fa[i] + fb[i];
        }
        mean /= 2 * n;
        double variance = 0;
        for (int i = 0; i < n; i++) {
            variance += (fa[i] - mean) * (fa[i] - mean) + (fb[i] - mean) * (fb[i] - mean);
        }
        variance /= 2 * n - 1;
        double[][] out = new double[2][d];
        if (variance <= 0) {
            return out;
        }
        for (int j = 0; j < d; j++) {
            double first = 0;
            double total = 0;
            for (int i = 0; i < n; i++) {
                first += fb[i] * (fab[j][i] - fa[i]);
                total += (fa[i] - fab[j][i]) * (fa[i] - fab[j][i]);
            }
            out[0][j] = first / n / variance;
            out[1][j] = total / (2.0 * n) / variance;
        }
        return out;
    }

    private static Interval interval(double estimate, double[][][] draws, int kind, int j) {
        double[] v = new double[draws.length];
        for (int r = 0; r < draws.length; r++) {
            v[r] = draws[r][kind][j];
        }
        double low = Math.min(estimate, quantile(v, (1 - LEVEL) / 2));
        double high = Math.max(estimate, quantile(v, (1 + LEVEL) / 2));
        return new Interval(estimate, low, high);
    }

    /** The {@code p} quantile by linear interpolation between order statistics. */
    static double quantile(double[] values, double p) {
        double[] s = values.clone();
        Arrays.sort(s);
        double at = p * (s.length - 1);
        int lo = (int) Math.floor(at);
        int hi = Math.min(s.length - 1, lo + 1);
        return s[lo] + (at - lo) * (s[hi] - s[lo]);
    }

    private static double frac(double v) {
        return v - Math.floor(v);
    }
}
