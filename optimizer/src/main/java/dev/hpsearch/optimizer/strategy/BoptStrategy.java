package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.config.BoptConfig;
import dev.hpsearch.optimizer.config.FailureValue;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.gp.AcquisitionType;
import dev.hpsearch.optimizer.gp.BatchMethod;
import dev.hpsearch.optimizer.gp.BoptCore;
import dev.hpsearch.optimizer.gp.BoptProblem;
import dev.hpsearch.optimizer.gp.BoptSettings;
import dev.hpsearch.optimizer.gp.BoptSuggestion;
import dev.hpsearch.optimizer.gp.ConstraintObservations;
import dev.hpsearch.optimizer.gp.Dimension;
import dev.hpsearch.optimizer.gp.EstimationMethod;
import dev.hpsearch.optimizer.gp.HmcSettings;
import dev.hpsearch.optimizer.gp.KernelType;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The seed's Bayesian optimization with its mixture: the first {@code min_initial_points} results come from
 * random combinations; after that each suggestion is a grid point with probability
 * {@code grid_suggestion_probability}, else a random one with {@code random_suggestion_probability}, else the
 * GP's proposal. Kernel, acquisition and estimation method are drawn per suggestion from the configured lists;
 * when both MLE and MCMC are listed, MCMC's share falls as results accumulate ({@code 10 / (10 + n)}).
 *
 * <p>Losses are transformed by {@code y_transformation}; failed combinations get {@code y_failure_value}
 * (see {@link FailureValue}: max is 1.05 times the worst transformed loss, nan leaves them out, a number is that
 * score, transformed). A loss the transformation cannot take (log of a value &lt;= 0) is treated as a failure and
 * named in the suggestion's note. The GP then sees these values through {@code BoptCore}'s output warping (a
 * monotone power transform fitted per suggestion, see {@code BoptSettings#outputWarping}).
 */
public final class BoptStrategy implements Strategy {
    public static final String TYPE = "bopt";
    private final SearchConfig config;
    private final SearchSpace space;
    private final List<Dimension> dimensions = new ArrayList<>();
    private final GridStrategy grid;
    private final RandomStrategy random;
    private final BoptCore core = new BoptCore();
    private final BatchMethod batchMethod;

    public BoptStrategy(SearchConfig config, SearchSpace space) {
        this(config, space, config.bopt().batchMethod());
    }

    private BoptStrategy(SearchConfig config, SearchSpace space, BatchMethod batchMethod) {
        this.config = config;
        this.batchMethod = batchMethod;
        this.space = space;
        for (Hyperparameter h : space.hyperparameters()) {
            switch (h.type()) {
                case CONTINUOUS:
                    dimensions.add(Dimension.continuous());
                    break;
                case DISCRETE:
                    double[] units = h.values().stream().mapToDouble(v -> h.toUnit(v.asDouble())).sorted().toArray();
                    dimensions.add(Dimension.discrete(units));
                    break;
                default:
                    dimensions.add(Dimension.categorical(h.size()));
                    break;
            }
        }
        this.grid = config.numGridPointsPerHyperparameter() > 0
                ? new GridStrategy(space, config.numGridPointsPerHyperparameter()) : null;
        this.random = new RandomStrategy(space);
    }

    /** The same strategy with another {@code batch_method} than the config's (benchmarks compare them). */
    public BoptStrategy withBatchMethod(BatchMethod method) {
        return new BoptStrategy(config, space, method);
    }

    @Override
    public List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng) {
        return suggest(context, count, rng, List.of(), Set.of());
    }

    /**
     * Suggestions whose acquisition is weighted by the probability of feasibility (docs/decisions/0025).
     *
     * @param constraints the constrained metrics at finished runs, for one GP each
     * @param leftOut     ids of finished runs left out of the objective's GP (infeasible ones); they still count
     *                    as results for {@code min_initial_points} and are never suggested again
     */
    List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng,
                             List<ConstraintObservations> constraints, Set<Integer> leftOut) {
        List<Suggestion> out = new ArrayList<>(count);
        Set<Combination> taken = new HashSet<>(context.seen());
        List<double[]> pending = new ArrayList<>();
        for (PendingTrial o : context.pending()) {
            pending.add(space.coordinates(o.combination()));
        }
        Training training = training(context, leftOut);
        for (int k = 0; k < count; k++) {
            Suggestion s = one(context, training, constraints, pending, taken, rng);
            if (s == null) {
                break;
            }
            out.add(s);
            taken.add(s.combination());
            pending.add(space.coordinates(s.combination()));
        }
        return out;
    }

    private Suggestion one(SearchContext context, Training training, List<ConstraintObservations> constraints,
                           List<double[]> pending, Set<Combination> taken, RandomGenerator rng) {
        int results = context.finished().size();
        if (results < config.minInitialPoints()) {
            return randomOne(taken, rng, "initial random combination (" + results + " of min_initial_points "
                    + config.minInitialPoints() + " results so far)");
        }
        if (grid != null && rng.nextDouble() < config.gridSuggestionProbability()) {
            Suggestion g = gridOne(taken, rng);
            if (g != null) {
                return g;
            }
        }
        if (rng.nextDouble() < config.randomSuggestionProbability()) {
            return randomOne(taken, rng, "random draw (random_suggestion_probability "
                    + config.randomSuggestionProbability() + ")");
        }
        if (training.x.size() < BoptCore.MIN_OBSERVATIONS) {
            return randomOne(taken, rng, "random: only " + training.x.size() + " usable results for the GP"
                    + training.notes);
        }
        BoptSettings settings = settings(training.x.size(), rng);
        BoptProblem problem = new BoptProblem(dimensions, training.x, training.yArray(), pending, constraints);
        BoptSuggestion s = core.suggest(problem, settings, 1, rng);
        Combination c = space.at(s.points().get(0));
        if (taken.contains(c)) {
            return randomOne(taken, rng, "random: the model's proposal repeats an earlier combination");
        }
        String note = (s.label() + ": " + s.diagnostics().replace('\n', ' ') + training.notes).strip();
        return new Suggestion(c, s.label(), -1, note);
    }

    private BoptSettings settings(int n, RandomGenerator rng) {
        BoptConfig b = config.bopt();
        KernelType kernel = pick(b.kernels(), rng);
        AcquisitionType acquisition = pick(b.acquisitionTypes(), rng);
        EstimationMethod method;
        if (b.modelEstimationMethods().size() > 1) {
            double mcmcShare = 10.0 / (10.0 + n);
            method = rng.nextDouble() < mcmcShare ? EstimationMethod.MCMC : EstimationMethod.MLE;
        } else {
            method = b.modelEstimationMethods().get(0);
        }
        HmcSettings hmc = HmcSettings.defaults().withBurnin(b.nBurnin()).withSamples(b.nSamples())
                .withSubsampleInterval(b.subsampleInterval()).withStepSize(b.stepSize())
                .withLeapfrogSteps(b.leapfrogSteps());
        return BoptSettings.defaults()
                .withKernel(kernel)
                .withAcquisition(acquisition)
                .withMethod(method)
                .withNormalizeY(b.normalizeY())
                .withExactFeval(b.exactFeval())
                .withDeDuplication(b.deDuplication())
                .withEps(b.eps())
                .withBatchMethod(batchMethod)
                .withHmc(hmc);
    }

    private static <T> T pick(List<T> options, RandomGenerator rng) {
        return options.get(rng.nextInt(options.size()));
    }

    private Suggestion randomOne(Set<Combination> taken, RandomGenerator rng, String note) {
        List<Suggestion> r = random.suggest(new SearchContext(space, List.of(), List.of(), taken), 1, rng);
        return r.isEmpty() ? null : new Suggestion(r.get(0).combination(), RandomStrategy.TYPE, -1, note);
    }

    /** A random grid point not yet taken; {@code null} if none is found quickly. */
    private Suggestion gridOne(Set<Combination> taken, RandomGenerator rng) {
        long size = grid.ordinals(); // with conditions, more than the distinct points: at() canonicalizes
        for (int attempt = 0; attempt < 64; attempt++) {
            long i = (long) (rng.nextDouble() * size);
            Combination c = grid.at(Math.min(size - 1, i));
            if (!taken.contains(c)) {
                return new Suggestion(c, GridStrategy.TYPE, -1, "grid point (grid_suggestion_probability "
                        + config.gridSuggestionProbability() + ")");
            }
        }
        return null;
    }

    /** The GP's training data from the finished combinations (package-private for tests). */
    Training training(SearchContext context) {
        return training(context, Set.of());
    }

    private Training training(SearchContext context, Set<Integer> leftOut) {
        Training t = new Training();
        List<double[]> failedX = new ArrayList<>();
        List<Integer> failedIds = new ArrayList<>();
        StringBuilder notes = new StringBuilder();
        for (FinishedTrial o : context.finished()) {
            double[] x = space.coordinates(o.combination());
            if (Arrays.stream(x).anyMatch(v -> v < 0) || leftOut.contains(o.combinationId())) {
                continue; // a value no longer in the domain (config edited between runs), or infeasible
            }
            Double y = o.loss() == null ? null : transform(o.loss());
            if (o.loss() != null && y == null) {
                notes.append("; combination ").append(o.combinationId()).append(": loss ").append(o.loss())
                        .append(" cannot be transformed by y_transformation ").append(config.yTransformation())
                        .append(", treated as a failure");
            }
            if (y == null) {
                failedX.add(x);
                failedIds.add(o.combinationId());
            } else {
                t.x.add(x);
                t.y.add(y);
            }
        }
        if (!failedX.isEmpty()) {
            double worst = t.y.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
            double best = t.y.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
            Double imputed = config.yFailureValue().imputed(worst, best, this::transform);
            if (imputed != null) {
                for (double[] x : failedX) {
                    t.x.add(x);
                    t.y.add(imputed);
                }
            }
        }
        t.notes = notes.toString();
        return t;
    }

    /** The seed's y_transformation; {@code null} when the value cannot be transformed. */
    Double transform(double loss) {
        switch (config.yTransformation()) {
            case "log":
                return loss > 0 ? Math.log10(loss) : null;
            case "neg":
                return -loss;
            case "neglog":
                return loss > 0 ? -Math.log10(loss) : null;
            default:
                return loss;
        }
    }

    @Override
    public String name() {
        return TYPE;
    }

    /** Coordinates and transformed losses the GP is fitted to, and notes about losses left out. */
    static final class Training {
        final List<double[]> x = new ArrayList<>();
        final List<Double> y = new ArrayList<>();
        String notes = "";

        double[] yArray() {
            return y.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
