package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.config.FailureValue;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Constraint;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.pareto.Objectives;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.gp.BoptCore;
import dev.hpsearch.optimizer.gp.ConstraintObservations;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * bopt for several objectives and constraints by ParEGO (docs/decisions/0025): for each suggestion it draws
 * random weights, scales each objective (turned to be minimized) to [0, 1] over the finished runs, combines them by
 * the augmented Chebyshev function {@code max_i w_i f_i + 0.05 sum_i w_i f_i}, and lets the single-objective bopt
 * (its one GP, its acquisition) propose the next combination for that value. With constraints (a single objective
 * under constraints takes this path too) a GP per constrained metric gives the probability of feasibility, which
 * weighs the acquisition; once two runs are feasible the infeasible ones leave the objective's GP, before that they
 * count as the worst feasible value plus 1 plus their violations, each scaled by its metric's observed range. A run
 * missing an objective or a constrained value counts as failed ({@code y_failure_value}).
 */
public final class ParEgoStrategy implements Strategy {
    /** The augmented Chebyshev function's weight of the sum, as in Knowles' ParEGO. */
    static final double RHO = 0.05;

    private final Objectives objectives;
    private final BoptStrategy bopt;
    private final SearchSpace space;

    public ParEgoStrategy(SearchConfig config, SearchSpace space) {
        this.objectives = new Objectives(config.objectives(), config.higherIsBetter());
        this.space = space;
        // the scalarized value is already a loss in [0, 1 + penalty] and the one objective of the inner bopt: no
        // y_transformation, no objectives; a fixed failure value is a score of the script, meaningless on this
        // scale, so the worst-value rule stands in for it
        FailureValue failure = config.yFailureValue() instanceof FailureValue.Fixed
                ? FailureValue.parse("max").orElseThrow() : config.yFailureValue();
        SearchConfig single = new SearchConfig(config.searchType(), config.searchTimeHours(), config.searchMemoryGb(),
                config.searchEnvironmentPath(), config.searchScriptPath(), config.maxSuggestions(),
                config.maxActivePoints(), config.numGridPointsPerHyperparameter(), config.minInitialPoints(), "none",
                failure, config.gridSuggestionProbability(), config.randomSuggestionProbability(),
                config.randomSeed(), config.bopt(), config.failures(), config.mailUser(), config.replicates(),
                config.pruner(), config.starting(), ObjectivesConfig.NONE);
        this.bopt = new BoptStrategy(single, space);
    }

    @Override
    public List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng) {
        List<Suggestion> out = new ArrayList<>();
        List<PendingTrial> pending = new ArrayList<>(context.pending());
        Set<Combination> seen = new HashSet<>(context.seen());
        List<ConstraintObservations> constraints = constraintObservations(context.finished());
        Set<Integer> leftOut = infeasibleLeftOut(context.finished());
        for (int k = 0; k < count; k++) {
            double[] w = weights(objectives.objectives().size(), rng);
            SearchContext scalarized = new SearchContext(context.space(), scalarize(context.finished(), w), pending,
                    seen);
            List<Suggestion> one = bopt.suggest(scalarized, 1, rng, constraints, leftOut);
            if (one.isEmpty()) {
                break;
            }
            Suggestion s = one.get(0);
            StringBuilder ws = new StringBuilder();
            for (double x : w) {
                ws.append(ws.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.3f", x));
            }
            Suggestion noted = new Suggestion(s.combination(), s.searchType(), s.ordinal(),
                    ("ParEGO weights (" + ws + "); " + (s.note() == null ? "" : s.note())).strip());
            out.add(noted);
            seen.add(s.combination());
            pending.add(new PendingTrial(-1 - k, s.combination(), s.searchType(), s.ordinal()));
        }
        return out;
    }

    /**
     * The ids of the infeasible runs (with every objective and constrained value) to leave out of the objective's
     * GP: all of them once at least {@link BoptCore#MIN_OBSERVATIONS} runs are feasible, else none (they then keep
     * their penalty, so the GP has data to fit). Package-private for tests.
     */
    Set<Integer> infeasibleLeftOut(List<FinishedTrial> finished) {
        Set<Integer> infeasible = new HashSet<>();
        int feasible = 0;
        for (FinishedTrial t : finished) {
            if (objectives.minimized(t.loss(), t.metrics()) == null) {
                continue;
            }
            double violation = 0;
            for (Constraint c : objectives.constraints()) {
                violation += Objectives.violation(c, t.loss(), t.metrics());
            }
            if (violation == 0) {
                feasible++;
            } else if (Double.isFinite(violation)) {
                infeasible.add(t.combinationId());
            }
        }
        return feasible >= BoptCore.MIN_OBSERVATIONS ? infeasible : Set.of();
    }

    /** Each constraint's values at the finished runs that reported it, for its GP. */
    private List<ConstraintObservations> constraintObservations(List<FinishedTrial> finished) {
        List<ConstraintObservations> out = new ArrayList<>();
        for (Constraint c : objectives.constraints()) {
            List<double[]> points = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            for (FinishedTrial t : finished) {
                Double v = Objectives.value(c.name(), t.loss(), t.metrics());
                double[] x = space.coordinates(t.combination());
                if (v != null && Arrays.stream(x).allMatch(u -> u >= 0)) {
                    points.add(x);
                    values.add(v);
                }
            }
            out.add(new ConstraintObservations(c.name(), points,
                    values.stream().mapToDouble(Double::doubleValue).toArray(), c.min(), c.max()));
        }
        return out;
    }

    /** Weights drawn uniformly on the simplex (normalized exponentials). */
    static double[] weights(int m, RandomGenerator rng) {
        double[] w = new double[m];
        double sum = 0;
        for (int i = 0; i < m; i++) {
            w[i] = -Math.log(1 - rng.nextDouble());
            sum += w[i];
        }
        for (int i = 0; i < m; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * The finished runs with their scalarized value as a score (package-private for tests): an augmented Chebyshev
     * value over the objectives scaled to [0, 1]; infeasible runs above every feasible one; failed when a value is
     * missing.
     */
    List<FinishedTrial> scalarize(List<FinishedTrial> finished, double[] w) {
        int m = w.length;
        List<double[]> points = new ArrayList<>();
        double[] lo = new double[m];
        double[] hi = new double[m];
        Arrays.fill(lo, Double.POSITIVE_INFINITY);
        Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        for (FinishedTrial t : finished) {
            double[] p = objectives.minimized(t.loss(), t.metrics());
            points.add(p);
            if (p != null) {
                for (int i = 0; i < m; i++) {
                    lo[i] = Math.min(lo[i], p[i]);
                    hi[i] = Math.max(hi[i], p[i]);
                }
            }
        }
        double[] scale = constraintScales(finished);
        double[] value = new double[finished.size()];
        double[] violation = new double[finished.size()];
        double worstFeasible = 0;
        for (int j = 0; j < finished.size(); j++) {
            double[] p = points.get(j);
            if (p == null) {
                continue;
            }
            double max = Double.NEGATIVE_INFINITY;
            double sum = 0;
            for (int i = 0; i < m; i++) {
                double range = hi[i] - lo[i];
                double f = range > 0 ? (p[i] - lo[i]) / range : 0;
                max = Math.max(max, w[i] * f);
                sum += w[i] * f;
            }
            value[j] = max + RHO * sum;
            FinishedTrial t = finished.get(j);
            List<Constraint> cs = objectives.constraints();
            for (int c = 0; c < cs.size(); c++) {
                violation[j] += Objectives.violation(cs.get(c), t.loss(), t.metrics()) / scale[c];
            }
            if (violation[j] == 0) {
                worstFeasible = Math.max(worstFeasible, value[j]);
            }
        }
        List<FinishedTrial> out = new ArrayList<>();
        for (int j = 0; j < finished.size(); j++) {
            FinishedTrial t = finished.get(j);
            Outcome o;
            if (points.get(j) == null || Double.isInfinite(violation[j])) {
                o = Outcome.Unscored.FAILED;
            } else if (violation[j] > 0) {
                o = new Outcome.Scored(worstFeasible + 1 + violation[j]);
            } else {
                o = new Outcome.Scored(value[j]);
            }
            out.add(new FinishedTrial(t.combinationId(), t.combination(), t.searchType(), t.ordinal(), o,
                    t.metrics()));
        }
        return out;
    }

    /** Each constraint's metric's observed range over the finished runs (1 when it is 0 or unknown). */
    private double[] constraintScales(List<FinishedTrial> finished) {
        List<Constraint> cs = objectives.constraints();
        double[] scale = new double[cs.size()];
        for (int c = 0; c < cs.size(); c++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (FinishedTrial t : finished) {
                Double v = Objectives.value(cs.get(c).name(), t.loss(), t.metrics());
                if (v != null) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
            scale[c] = hi > lo ? hi - lo : 1;
        }
        return scale;
    }

    @Override
    public String name() {
        return BoptStrategy.TYPE + " (ParEGO)";
    }
}
