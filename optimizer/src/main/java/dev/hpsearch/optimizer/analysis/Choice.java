package dev.hpsearch.optimizer.analysis;

import dev.hpsearch.optimizer.gp.GaussianProcess;
import dev.hpsearch.optimizer.gp.GpFitException;
import dev.hpsearch.optimizer.gp.GpSamplePath;
import dev.hpsearch.optimizer.gp.GpSpec;
import dev.hpsearch.optimizer.gp.KernelType;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Simpler;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Choosing honestly among the results, as the original tool's documentation asks: how noisy the response is for
 * fixed hyperparameters, which settings are not significantly worse than the best given that noise (ties), how
 * likely each is to be the best (from the GP), how optimistic the best observed value is, and an ensemble of good
 * settings weighted by their probability of being the best.
 *
 * <p>Results with the same hyperparameters are replicates of one setting. With at least two degrees of freedom
 * among them the noise is their pooled standard deviation, with a chi-squared interval; otherwise it is the GP's
 * noise estimate, labelled as such and without an interval.
 */
public final class Choice {
    /** One-sided level of the tie test: a setting is tied unless it is worse than the best at this level. */
    public static final double TIE_LEVEL = 0.95;
    /** The GP posterior draws that estimate each setting's probability of being the best. */
    public static final int DRAWS = 400;
    static final int FEATURES = 256;
    /** Settings below this probability of being the best are left out of the ensemble. */
    public static final double ENSEMBLE_FLOOR = 0.01;
    static final int ENSEMBLE_MAX = 10;

    private Choice() {
    }

    /**
     * The noise of the response for fixed hyperparameters.
     *
     * @param sd     its standard deviation
     * @param low    lower end of its 95 % interval, NaN without replicates
     * @param high   upper end, NaN without replicates
     * @param df     degrees of freedom among the replicates (0 without)
     * @param source "replicates" or "gp" (the GP's noise estimate)
     */
    public record Noise(double sd, double low, double high, int df, String source) {
        public boolean fromReplicates() {
            return source.equals("replicates");
        }
    }

    /**
     * A setting of the hyperparameters and what is known of it.
     *
     * @param id              its first combination
     * @param replicates      the combinations with these hyperparameters (one without replicates)
     * @param value           the mean response over them
     * @param difference      how much worse than the best it is (0 for the best)
     * @param threshold       the difference within which it is tied with the best, given the noise
     * @param probabilityBest the share of GP posterior draws in which it is the best
     */
    public record Setting(int id, int[] replicates, double value, double difference, double threshold,
                          double probabilityBest) {
        public boolean tied() {
            return difference <= threshold;
        }

        /** Lower end of the 95 % interval of {@link #probabilityBest}: its Monte Carlo error over the draws. */
        public double probabilityBestLow() {
            return wilson(probabilityBest, -1);
        }

        /** Upper end of the 95 % interval of {@link #probabilityBest}. */
        public double probabilityBestHigh() {
            return wilson(probabilityBest, 1);
        }
    }

    /**
     * An end of the Wilson score interval (95 %) of a share {@code p} of {@link #DRAWS} draws:
     * (p + z²/2n ± z √(p(1−p)/n + z²/4n²)) / (1 + z²/n); unlike p ± z √(p(1−p)/n) it does not collapse to a point
     * when no draw, or every draw, had the setting best.
     */
    static double wilson(double p, int side) {
        if ((p <= 0 && side < 0) || (p >= 1 && side > 0)) {
            // exactly, where the formula would leave a rounding residue such as 8.6e-19
            return p <= 0 ? 0 : 1;
        }
        double z = 1.959963984540054;
        double n = DRAWS;
        double centre = p + z * z / (2 * n);
        double half = z * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        return Math.max(0, Math.min(1, (centre + side * half) / (1 + z * z / n)));
    }

    /**
     * The choice.
     *
     * @param minimize      whether lower is better
     * @param noise         the noise
     * @param settings      every setting, best first
     * @param ties          the settings tied with the best, best first
     * @param expected      what the best setting's response is likely to be on untouched data: its observed value
     *                      moved by the expected winner's curse among the ties
     * @param gpMean        the GP's estimate of the best setting's true value
     * @param gpSd          its standard deviation
     * @param ensemble      settings with their weight (their probability of being the best, renormalized)
     * @param proposed      the setting to pick: the simplest of the ties by the {@code "simpler"} rules, else the best
     * @param why           why it is proposed, in a sentence
     * @param logScale      whether the analysis ran on log10 of the response (positive values spanning more than two
     *                      orders of magnitude): then noise, values, differences, thresholds, the expected value and
     *                      the GP's figures are on that scale ({@link #original} turns a value back)
     */
    public record Result(boolean minimize, Noise noise, List<Setting> settings, List<Setting> ties, double expected,
                         double gpMean, double gpSd, Map<Setting, Double> ensemble, Setting proposed, String why,
                         boolean logScale) {
        /** A value of the analysis scale in the response's own units. */
        public double original(double v) {
            return logScale ? Math.pow(10, v) : v;
        }

        public Setting best() {
            return settings.get(0);
        }

        /** How much the best observed value is likely to flatter the setting, in the response's units. */
        public double optimism() {
            return Math.abs(expected - best().value());
        }
    }

    /**
     * Chooses among the rows of {@code data}.
     *
     * @param minimize whether lower values are better (the loss); false for a metric to maximize
     * @throws GpFitException when the GP cannot be fitted (too few results)
     */
    public static Result choose(ResponseData data, boolean minimize, long seed) throws GpFitException {
        return choose(data, minimize, seed, Map.of(), null);
    }

    /**
     * Chooses among the rows of {@code data}, proposing the simplest of the settings tied with the best.
     *
     * @param simpler which values make the simpler model, by hyperparameter name ({@code "simpler"})
     * @param space   the hyperparameters the rules speak of; {@code null} for none
     */
    public static Result choose(ResponseData data, boolean minimize, long seed, Map<String, Simpler> simpler,
                                SearchSpace space) throws GpFitException {
        int n = data.size();
        if (n < 3) {
            throw new GpFitException(n + " results with a value; at least 3 are needed");
        }
        double sign = minimize ? 1 : -1;
        Map<String, List<Integer>> groups = replicateGroups(data);
        SplittableRandom rng = new SplittableRandom(seed);
        boolean log = spansOrders(data.y());
        double[] y = data.y().clone();
        if (log) {
            for (int i = 0; i < y.length; i++) {
                y[i] = Math.log10(y[i]);
            }
        }
        GaussianProcess gp = GaussianProcess.fitMle(new GpSpec(KernelType.MATERN52, true, false), data.x(), y, 2, rng);
        Noise noise = noise(groups, y, gp);
        List<List<Integer>> settings = new ArrayList<>(groups.values());
        double[] mean = new double[settings.size()];
        for (int s = 0; s < settings.size(); s++) {
            for (int i : settings.get(s)) {
                mean[s] += y[i];
            }
            mean[s] /= settings.get(s).size();
        }
        double[] pBest = probabilityBest(gp, data, settings, sign, rng);
        int best = 0;
        for (int s = 1; s < mean.length; s++) {
            if (sign * mean[s] < sign * mean[best]) {
                best = s;
            }
        }
        double z = new NormalDistribution().inverseCumulativeProbability(TIE_LEVEL);
        int nBest = settings.get(best).size();
        List<Setting> all = new ArrayList<>();
        for (int s = 0; s < settings.size(); s++) {
            int[] ids = settings.get(s).stream().mapToInt(i -> data.ids()[i]).toArray();
            double threshold = z * noise.sd() * Math.sqrt(1.0 / settings.get(s).size() + 1.0 / nBest);
            all.add(new Setting(ids[0], ids, mean[s], sign * (mean[s] - mean[best]), threshold, pBest[s]));
        }
        all.sort(Comparator.comparingDouble(Setting::difference).thenComparingInt(Setting::id));
        List<Setting> ties = all.stream().filter(Setting::tied).toList();
        Setting top = all.get(0);
        double bias = noise.sd() / Math.sqrt(nBest) * expectedMaximum(ties.size());
        double[] xb = data.x()[settings.get(best).get(0)];
        var at = gp.predict(xb);
        Map<Setting, Double> ensemble = new LinkedHashMap<>();
        List<Setting> byProbability = new ArrayList<>(all);
        byProbability.sort(Comparator.comparingDouble(Setting::probabilityBest).reversed());
        double kept = 0;
        for (Setting s : byProbability) {
            if (s.probabilityBest() < ENSEMBLE_FLOOR || ensemble.size() == ENSEMBLE_MAX) {
                break;
            }
            ensemble.put(s, s.probabilityBest());
            kept += s.probabilityBest();
        }
        double total = kept;
        ensemble.replaceAll((s, p) -> p / total);
        Map<Integer, double[]> positions = new LinkedHashMap<>();
        for (List<Integer> g : settings) {
            positions.put(data.ids()[g.get(0)], data.x()[g.get(0)]);
        }
        Setting proposed = top;
        String why = simpler.isEmpty() || space == null
                ? "the best; give hyperparameters a \"simpler\" in model_config.json to have the simplest tied setting"
                + " proposed instead"
                : "the best, and no tied setting is simpler";
        double bestRank = simplicity(data, space, simpler, positions.get(top.id()));
        for (Setting t : ties) {
            double r = simplicity(data, space, simpler, positions.get(t.id()));
            if (r < bestRank - 1e-12) {
                bestRank = r;
                proposed = t;
            }
        }
        if (proposed != top) {
            why = "the simplest of the " + ties.size() + " settings tied with the best (" + rules(simpler)
                    + "), worse than the best by " + Numbers.display(proposed.difference()) + ", within the "
                    + Numbers.display(proposed.threshold()) + " that noise allows" + (log ? " (in log10 units)" : "");
        }
        return new Result(minimize, noise, List.copyOf(all), ties, top.value() + sign * bias, at.mean(),
                Math.sqrt(Math.max(0, at.variance())), ensemble, proposed, why, log);
    }

    /**
     * Groups the rows into settings: rows whose hyperparameters sit at the same positions, and each replicate with
     * the combination it replicates ({@code replicate_of}), also when its replicate_key is a hyperparameter and so
     * its position differs. A replicate whose original has no value joins the other replicates of that original.
     */
    static Map<String, List<Integer>> replicateGroups(ResponseData data) {
        Map<Integer, Integer> rowOf = new java.util.HashMap<>();
        for (int i = 0; i < data.size(); i++) {
            rowOf.putIfAbsent(data.ids()[i], i);
        }
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < data.size(); i++) {
            int of = data.replicateOf()[i];
            Integer original = of < 0 ? Integer.valueOf(i) : rowOf.get(of);
            String key = original == null ? "replicates of " + of : Arrays.toString(data.x()[original]);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(i);
        }
        return groups;
    }

    /** Whether every value is positive and the largest is more than 100 times the smallest. */
    static boolean spansOrders(double[] y) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (double v : y) {
            if (!(v > 0)) {
                return false;
            }
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi > 100 * lo;
    }

    /** The mean rank, from simplest (0) to most complex (1), over the hyperparameters with a rule; 0 without. */
    private static double simplicity(ResponseData data, SearchSpace space, Map<String, Simpler> simpler,
                                     double[] position) {
        if (space == null || simpler.isEmpty()) {
            return 0;
        }
        double sum = 0;
        int n = 0;
        for (int j = 0; j < data.inputs().size(); j++) {
            String name = data.inputs().get(j).name();
            Simpler rule = simpler.get(name);
            if (rule == null) {
                continue;
            }
            Hyperparameter h = space.hyperparameters().stream().filter(x -> x.name().equals(name)).findFirst()
                    .orElse(null);
            double r = h == null ? Double.NaN : rule.rank(data.valueAt(j, position[j]), h);
            if (!Double.isNaN(r)) {
                sum += r;
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    private static String rules(Map<String, Simpler> simpler) {
        List<String> parts = new ArrayList<>();
        simpler.forEach((name, rule) -> parts.add(name + ": " + rule.describe()));
        return String.join("; ", parts);
    }

    private static Noise noise(Map<String, List<Integer>> groups, double[] y, GaussianProcess gp) {
        double ss = 0;
        int df = 0;
        for (List<Integer> g : groups.values()) {
            if (g.size() < 2) {
                continue;
            }
            double m = 0;
            for (int i : g) {
                m += y[i];
            }
            m /= g.size();
            for (int i : g) {
                ss += (y[i] - m) * (y[i] - m);
            }
            df += g.size() - 1;
        }
        if (df >= 2) {
            double sd = Math.sqrt(ss / df);
            ChiSquaredDistribution chi = new ChiSquaredDistribution(df);
            double low = Math.sqrt(ss / chi.inverseCumulativeProbability(0.975));
            double high = Math.sqrt(ss / chi.inverseCumulativeProbability(0.025));
            return new Noise(sd, low, high, df, "replicates");
        }
        return new Noise(Math.sqrt(gp.noiseVariance()), Double.NaN, Double.NaN, 0, "gp");
    }

    /** The share of posterior draws of the latent response in which each setting is the best. */
    private static double[] probabilityBest(GaussianProcess gp, ResponseData data, List<List<Integer>> settings,
                                            double sign, SplittableRandom rng) {
        double[] wins = new double[settings.size()];
        for (int r = 0; r < DRAWS; r++) {
            GpSamplePath path = gp.samplePath(FEATURES, rng);
            int best = -1;
            double bestValue = Double.POSITIVE_INFINITY;
            for (int s = 0; s < settings.size(); s++) {
                double v = sign * path.value(data.x()[settings.get(s).get(0)]);
                if (v < bestValue) {
                    bestValue = v;
                    best = s;
                }
            }
            wins[best]++;
        }
        for (int s = 0; s < wins.length; s++) {
            wins[s] /= DRAWS;
        }
        return wins;
    }

    /** The expected largest of {@code k} independent standard normal values (0 for k = 1). */
    static double expectedMaximum(int k) {
        if (k <= 1) {
            return 0;
        }
        NormalDistribution normal = new NormalDistribution();
        int steps = 4000;
        double lo = -8;
        double hi = 8;
        double h = (hi - lo) / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double x = lo + i * h;
            double f = x * k * normal.density(x) * Math.pow(normal.cumulativeProbability(x), k - 1);
            sum += (i == 0 || i == steps ? 0.5 : 1) * f;
        }
        return sum * h;
    }
}
