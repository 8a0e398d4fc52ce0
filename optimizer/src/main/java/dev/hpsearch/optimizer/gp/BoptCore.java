package dev.hpsearch.optimizer.gp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.random.RandomGenerator;

/**
 * One Bayesian-optimisation step: fit a GP to the observed points, optimise the acquisition over
 * the encoded unit box and return points that are new.
 *
 * <p>The acquisition is optimised with projected L-BFGS from the best of many random candidates
 * and from the best observed points; every end point is snapped (discrete values to the nearest
 * allowed one, categoricals to the level with the largest coordinate) and rescored, and the
 * random candidates stay in the pool, so when the best candidate repeats a finished, pending or
 * already chosen point the next best is taken. A batch of several suggestions, and pending points
 * when {@code deDuplication} is on, are added to the model as observations equal to the posterior
 * mean there (kriging believer), which lowers the acquisition around them; with
 * {@link BatchMethod#THOMPSON} each point then minimises a posterior draw of that model instead of
 * the acquisition. Numerical failure (covariance not positive definite even with jitter, non-finite data)
 * never throws: the answer is then random points with the reason in the diagnostics.
 *
 * <p>Pure: no I/O, no clock; all randomness comes from the injected generator. Stateless and
 * thread-safe (each call allocates its own buffers).
 */
public final class BoptCore {

    /** Fewer observations than this give random points. */
    public static final int MIN_OBSERVATIONS = 2;
    /**
     * Above this many observations the GP parameters (MLE and HMC) are fitted on a random subset of this
     * size; the model used for the acquisition is still conditioned on every observation. Keeps a
     * suggestion at a few seconds and the memory at a few n x n arrays of this size in long searches
     * (one likelihood evaluation costs O(n^3)).
     */
    public static final int MAX_FIT_POINTS = 500;
    private static final int OBSERVED_STARTS = 3;
    private static final int RANDOM_UNSEEN_ATTEMPTS = 10_000;
    private static final double SAME = 1e-12;
    /** Random Fourier features of a Thompson draw. */
    static final int SAMPLE_FEATURES = 512;

    private static final BoxLbfgsOptimizer ACQUISITION_OPTIMIZER = new BoxLbfgsOptimizer(
            BoxLbfgsOptimizer.Settings.defaults().withMaxIterations(60).withMaxEvaluations(150)
                    .withGradientTolerance(1e-8).withRelativeTolerance(1e-10));

    /**
     * Suggests {@code count} new points.
     *
     * @param problem dimensions, observed points with their y, pending points
     * @param settings kernel, acquisition, estimation and search settings
     * @param count number of points wanted, {@code >= 1}
     * @param rng the only source of randomness
     * @throws IllegalArgumentException for a caller's mistake (invalid point values, count < 1)
     */
    public BoptSuggestion suggest(BoptProblem problem, BoptSettings settings, int count, RandomGenerator rng) {
        if (count < 1) {
            throw new IllegalArgumentException("count must be >= 1, was " + count);
        }
        List<double[]> observedEnc = new ArrayList<>();
        for (double[] p : problem.observed()) {
            observedEnc.add(problem.encode(p));
        }
        Taken taken = new Taken(settings.eps());
        for (double[] p : problem.observed()) {
            taken.add(p, problem.encode(p));
        }
        List<double[]> pendingEnc = new ArrayList<>();
        for (double[] p : problem.pending()) {
            double[] e = problem.encode(p);
            pendingEnc.add(e);
            taken.add(p, e);
        }
        for (ConstraintObservations c : problem.constraints()) {
            for (double[] p : c.points()) {
                taken.add(p, problem.encode(p)); // finished runs left out of the objective's data (infeasible)
            }
        }
        if (observedEnc.size() < MIN_OBSERVATIONS) {
            return randomSuggestion(problem, count, taken, rng, "random: " + observedEnc.size()
                    + " observations, the GP needs at least " + MIN_OBSERVATIONS);
        }
        StringBuilder log = new StringBuilder();
        double[] y = problem.y();
        if (settings.outputWarping()) {
            OutputWarping.Result w = OutputWarping.apply(y);
            y = w.values();
            log.append(String.format(Locale.ROOT, "losses modelled through a power transform (Yeo-Johnson, lambda %.2f)%n",
                    w.lambda()));
        }
        Fitted fitted;
        try {
            fitted = fit(y, settings, observedEnc, rng, log);
        } catch (GpFitException e) {
            log.append("GP fit failed: ").append(e.getMessage()).append("; suggesting random points\n");
            return randomSuggestion(problem, count, taken, rng, log.toString().strip());
        }
        List<GaussianProcess> models = fitted.models;
        double parameter = settings.effectiveAcquisitionParameter();
        Feasibility feasibility = problem.constraints().isEmpty() ? null
                : Feasibility.fit(problem, settings.kernel(), settings.exactFeval(), rng, log);
        if (feasibility != null && !feasibility.modelled()) {
            feasibility = null;
        }
        // when no candidate promises a gain large enough to be represented (the weighted scores all 0, as once the
        // constrained optimum is found), the most probably feasible one wins instead of an arbitrary one
        Feasibility f = feasibility;
        ToDoubleFunction<double[]> unlikely = f == null ? NO_TIE : e -> -f.probability(e);

        List<double[]> fantasyX = new ArrayList<>();
        List<Double> fantasyY = new ArrayList<>();
        if (settings.deDuplication() && !pendingEnc.isEmpty()) {
            Acquisition current = new Acquisition(settings.acquisition(), models, parameter);
            for (double[] e : pendingEnc) {
                fantasyX.add(e);
                fantasyY.add(current.mean(e));
            }
            log.append(pendingEnc.size()).append(" pending points added at their posterior mean (kriging believer)\n");
        }
        List<double[]> points = new ArrayList<>();
        double[] order = observedOrder(y);
        // Thompson sampling only where there is a batch to spread: alone, a point maximises the acquisition
        boolean batch = !pendingEnc.isEmpty() || count > 1;
        boolean thompsonKernel = settings.kernel() != KernelType.RAT_QUAD;
        if (batch && settings.batchMethod() == BatchMethod.THOMPSON && !thompsonKernel) {
            log.append("Thompson sampling needs the Matern52 or ExpQuad kernel: kriging believer with RatQuad\n");
        }
        boolean usedThompson = false;
        for (int k = 0; k < count; k++) {
            boolean thompson = settings.batchMethod() == BatchMethod.THOMPSON && thompsonKernel
                    && (k > 0 || !pendingEnc.isEmpty());
            usedThompson |= thompson;
            List<GaussianProcess> withFantasies = withFantasies(models, fantasyX, fantasyY, log);
            Acquisition acquisition = new Acquisition(settings.acquisition(), withFantasies, parameter);
            Candidate best;
            String what;
            if (thompson) {
                // one posterior draw of one model (a draw of the parameters too under MCMC), minimised
                GpSamplePath path = withFantasies.get(rng.nextInt(withFantasies.size())).samplePath(SAMPLE_FEATURES, rng);
                if (feasibility == null) {
                    best = optimise(path, path::value, NO_TIE, problem, settings, observedEnc, order, taken, rng);
                } else {
                    FeasibilityWeighted w = FeasibilityWeighted.ofValue(path, min(y), spread(y), feasibility);
                    best = optimise(w, w::value, unlikely, problem, settings, observedEnc, order, taken, rng);
                }
                what = feasibility == null ? "Thompson draw" : "Thompson draw's gain x P(feasible)";
            } else if (feasibility == null) {
                best = optimise(acquisition, acquisition::value, NO_TIE, problem, settings, observedEnc, order, taken,
                        rng);
                what = "acquisition";
            } else {
                FeasibilityWeighted w = settings.acquisition() == AcquisitionType.LCB
                        ? FeasibilityWeighted.ofValue(acquisition, acquisition.best(),
                                settings.normalizeY() ? 1 : spread(y), feasibility)
                        : FeasibilityWeighted.ofGain(acquisition, feasibility);
                best = optimise(w, w::value, unlikely, problem, settings, observedEnc, order, taken, rng);
                what = "acquisition x P(feasible)";
            }
            double[] point;
            double[] enc;
            if (best == null) {
                point = randomUnseen(problem, taken, rng, log);
                enc = problem.encode(point);
            } else {
                point = best.point;
                enc = best.encoded;
                log.append(String.format(Locale.ROOT, "suggestion %d: %s %.4g, posterior mean %.4g%s%s%n",
                        k + 1, what, thompson && feasibility == null ? best.score : -best.score,
                        acquisition.mean(enc), settings.outputWarping() ? " (warped scale)" : "",
                        feasibility == null ? "" : String.format(Locale.ROOT, ", P(feasible) %.3g",
                                feasibility.probability(enc))));
            }
            points.add(point);
            taken.add(point, enc);
            if (k + 1 < count) {
                fantasyX.add(enc);
                fantasyY.add(acquisition.mean(enc));
            }
        }
        String label = settings.kernel().label() + "_" + (usedThompson ? "Thompson" : settings.acquisition().name())
                + "_" + fitted.method;
        return new BoptSuggestion(points, label, true, log.toString().strip());
    }

    private static double min(double[] y) {
        return Arrays.stream(y).min().orElse(0);
    }

    /** The sample standard deviation of {@code y}, 1 when it is 0 (a scale for the gain of a value). */
    private static double spread(double[] y) {
        double mean = Arrays.stream(y).average().orElse(0);
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double sd = y.length > 1 ? Math.sqrt(ss / (y.length - 1)) : 0;
        return sd > 0 ? sd : 1;
    }

    private record Fitted(List<GaussianProcess> models, String method) {
    }

    private static Fitted fit(double[] y, BoptSettings settings, List<double[]> observedEnc,
                              RandomGenerator rng, StringBuilder log) throws GpFitException {
        GpData data = GpData.of(observedEnc.toArray(new double[0][]), y, settings.normalizeY());
        ParamLayout layout = data.layout(settings.kernel(), settings.exactFeval());
        GpData fitData = data.randomSubset(MAX_FIT_POINTS, rng);
        if (fitData != data) {
            log.append(String.format(Locale.ROOT, "GP parameters fitted on a random subset of %d of the %d observations%n",
                    fitData.n, data.n));
        }
        MleEstimator.Fit mle = MleEstimator.maximize(new MarginalLikelihood(layout, fitData.x, fitData.y, true),
                settings.mleRestarts(), rng);
        GaussianProcess mleModel = GaussianProcess.of(data, layout, mle.theta());
        log.append(String.format(Locale.ROOT, "MLE: n=%d, log posterior %.4g, %d/%d starts finite, %d evaluations; %s",
                data.n, mle.logPosterior(), mle.starts() - mle.failedStarts(), mle.starts(), mle.evaluations(),
                mleModel.describeParameters()));
        if (mleModel.jitter() > 0) {
            log.append(String.format(Locale.ROOT, "; jitter %.1e", mleModel.jitter()));
        }
        log.append('\n');
        if (settings.method() == EstimationMethod.MLE) {
            return new Fitted(List.of(mleModel), "MLE");
        }
        HmcSettings hmc = settings.hmc();
        List<double[]> starts = new ArrayList<>();
        starts.add(mle.theta());
        for (int c = 1; c < hmc.chains(); c++) {
            starts.add(layout.randomStart(rng));
        }
        HmcResult result = new HmcSampler(hmc).sample(c -> new MarginalLikelihood(layout, fitData.x, fitData.y, true),
                starts, rng);
        log.append(result.summary(mleModel.parameterNames())).append('\n');
        if (!result.converged()) {
            log.append("MCMC requested but the chains did not converge: fell back to MLE for this suggestion\n");
            return new Fitted(List.of(mleModel), "MLE");
        }
        List<double[]> draws = result.draws();
        int s = Math.min(settings.maxMcmcModels(), draws.size());
        List<GaussianProcess> models = new ArrayList<>();
        int failed = 0;
        double maxJitter = 0;
        for (int i = 0; i < s; i++) {
            double[] theta = draws.get((int) ((long) i * draws.size() / s));
            try {
                GaussianProcess gp = GaussianProcess.of(data, layout, theta);
                maxJitter = Math.max(maxJitter, gp.jitter());
                models.add(gp);
            } catch (GpFitException e) {
                failed++;
            }
        }
        if (models.isEmpty()) {
            log.append("MCMC draws could not be factored: fell back to MLE for this suggestion\n");
            return new Fitted(List.of(mleModel), "MLE");
        }
        log.append(String.format(Locale.ROOT, "MCMC: acquisition averaged over %d posterior draws", models.size()));
        if (failed > 0) {
            log.append(", ").append(failed).append(" draws skipped (not factorable)");
        }
        if (maxJitter > 0) {
            log.append(String.format(Locale.ROOT, ", max jitter %.1e", maxJitter));
        }
        log.append('\n');
        return new Fitted(models, "MCMC");
    }

    private static List<GaussianProcess> withFantasies(List<GaussianProcess> models, List<double[]> xs,
                                                       List<Double> ys, StringBuilder log) {
        if (xs.isEmpty()) {
            return models;
        }
        double[][] fx = xs.toArray(new double[0][]);
        double[] fy = new double[ys.size()];
        for (int i = 0; i < fy.length; i++) {
            fy[i] = ys.get(i);
        }
        List<GaussianProcess> out = new ArrayList<>(models.size());
        for (GaussianProcess gp : models) {
            try {
                out.add(gp.withObservations(fx, fy));
            } catch (GpFitException e) {
                log.append("fantasised observations could not be added (").append(e.getMessage())
                        .append("); this draw ignores them\n");
                out.add(gp);
            }
        }
        return out;
    }

    private static final ToDoubleFunction<double[]> NO_TIE = e -> 0;

    private record Candidate(double[] point, double[] encoded, double score, double tie) {
    }

    private static final Comparator<Candidate> BEST_FIRST = Comparator.comparingDouble(Candidate::score)
            .thenComparingDouble(Candidate::tie);

    /** The best candidate that is not taken, or null; equal scores are ordered by {@code tie}, smallest first. */
    private static Candidate optimise(DifferentiableFunction objective, ToDoubleFunction<double[]> value,
                                      ToDoubleFunction<double[]> tie,
                                      BoptProblem problem, BoptSettings settings, List<double[]> observedEnc,
                                      double[] order, Taken taken, RandomGenerator rng) {
        int width = problem.encodedWidth();
        double[] lower = new double[width];
        double[] upper = new double[width];
        Arrays.fill(upper, 1.0);
        List<Candidate> pool = new ArrayList<>();
        List<Candidate> random = new ArrayList<>();
        for (int i = 0; i < settings.randomCandidates(); i++) {
            double[] p = randomPoint(problem, rng);
            double[] e = problem.encode(p);
            random.add(new Candidate(p, e, scoreOrWorst(value, e), tie.applyAsDouble(e)));
        }
        random.sort(BEST_FIRST);
        pool.addAll(random);
        List<double[]> starts = new ArrayList<>();
        for (int i = 0; i < Math.min(settings.optimizerStarts(), random.size()); i++) {
            starts.add(random.get(i).encoded);
        }
        for (int i = 0; i < Math.min(OBSERVED_STARTS, order.length); i++) {
            starts.add(observedEnc.get((int) order[i]));
        }
        for (double[] start : starts) {
            OptimizationResult r = ACQUISITION_OPTIMIZER.minimize(objective, start, lower, upper);
            double[] p = problem.decode(r.x());
            double[] e = problem.encode(p);
            pool.add(new Candidate(p, e, scoreOrWorst(value, e), tie.applyAsDouble(e)));
        }
        pool.sort(BEST_FIRST);
        for (Candidate c : pool) {
            if (!taken.contains(c.point, c.encoded)) {
                return c;
            }
        }
        return null;
    }

    private static double scoreOrWorst(ToDoubleFunction<double[]> value, double[] e) {
        double v = value.applyAsDouble(e);
        return Double.isNaN(v) ? Double.POSITIVE_INFINITY : v + 0.0; // -0.0 ties with 0.0
    }

    /** Indices of the observations sorted by y, best first (as doubles to keep one array). */
    private static double[] observedOrder(double[] y) {
        Integer[] idx = new Integer[y.length];
        for (int i = 0; i < y.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble(i -> Double.isNaN(y[i]) ? Double.POSITIVE_INFINITY : y[i]));
        double[] out = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            out[i] = idx[i];
        }
        return out;
    }

    private static double[] randomPoint(BoptProblem problem, RandomGenerator rng) {
        List<Dimension> dims = problem.dimensions();
        double[] p = new double[dims.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = dims.get(i).random(rng);
        }
        return p;
    }

    private static double[] randomUnseen(BoptProblem problem, Taken taken, RandomGenerator rng, StringBuilder log) {
        for (int i = 0; i < RANDOM_UNSEEN_ATTEMPTS; i++) {
            double[] p = randomPoint(problem, rng);
            if (!taken.contains(p, problem.encode(p))) {
                log.append("every candidate repeated a finished, pending or chosen point (or was closer than eps): "
                        + "suggesting a random unseen point\n");
                return p;
            }
        }
        log.append("no unseen point found in ").append(RANDOM_UNSEEN_ATTEMPTS)
                .append(" random draws (space exhausted or eps too large): suggesting a random point that repeats one\n");
        return randomPoint(problem, rng);
    }

    private static BoptSuggestion randomSuggestion(BoptProblem problem, int count, Taken taken, RandomGenerator rng,
                                                   String reason) {
        StringBuilder log = new StringBuilder(reason).append('\n');
        List<double[]> points = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            double[] p = null;
            for (int i = 0; i < RANDOM_UNSEEN_ATTEMPTS && p == null; i++) {
                double[] c = randomPoint(problem, rng);
                if (!taken.contains(c, problem.encode(c))) {
                    p = c;
                }
            }
            if (p == null) {
                log.append("no unseen point found: a random point repeats one\n");
                p = randomPoint(problem, rng);
            }
            points.add(p);
            taken.add(p, problem.encode(p));
        }
        return new BoptSuggestion(points, "random", false, log.toString().strip());
    }

    /** Points that must not be suggested: observed, pending and already chosen ones. */
    private static final class Taken {
        private final double eps;
        private final List<double[]> points = new ArrayList<>();
        private final List<double[]> encoded = new ArrayList<>();

        Taken(double eps) {
            this.eps = eps;
        }

        void add(double[] point, double[] enc) {
            points.add(point.clone());
            encoded.add(enc.clone());
        }

        boolean contains(double[] point, double[] enc) {
            double eps2 = eps * eps;
            for (int i = 0; i < points.size(); i++) {
                if (same(points.get(i), point)) {
                    return true;
                }
                if (eps > 0) {
                    double[] o = encoded.get(i);
                    double d2 = 0;
                    for (int j = 0; j < enc.length; j++) {
                        double diff = o[j] - enc[j];
                        d2 += diff * diff;
                    }
                    if (d2 < eps2) {
                        return true;
                    }
                }
            }
            return false;
        }

        private static boolean same(double[] a, double[] b) {
            for (int j = 0; j < a.length; j++) {
                if (Math.abs(a[j] - b[j]) > SAME) {
                    return false;
                }
            }
            return true;
        }
    }
}
