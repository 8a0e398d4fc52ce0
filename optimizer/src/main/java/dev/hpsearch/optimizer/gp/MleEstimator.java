package dev.hpsearch.optimizer.gp;

import java.util.random.RandomGenerator;

/**
 * Maximum a posteriori estimate of the GP log-parameters (log marginal likelihood plus the weak
 * priors of {@link ParamLayout}), by projected L-BFGS inside the layout's box from the prior
 * medians and a number of random starts drawn from the priors.
 */
final class MleEstimator {

    private static final BoxLbfgsOptimizer OPTIMIZER = new BoxLbfgsOptimizer(
            BoxLbfgsOptimizer.Settings.defaults().withMaxIterations(150).withMaxEvaluations(400)
                    .withGradientTolerance(1e-5).withRelativeTolerance(1e-9));

    /**
     * @param theta best log-parameters
     * @param logPosterior log marginal likelihood + log prior there
     * @param starts starts tried
     * @param failedStarts starts where the objective was not finite
     * @param evaluations likelihood evaluations over all starts
     */
    record Fit(double[] theta, double logPosterior, int starts, int failedStarts, int evaluations) {
    }

    private MleEstimator() {
    }

    /**
     * @param logPosterior the objective (maximised); its layout gives the box and the starts
     * @throws GpFitException if no start gives a finite value
     */
    static Fit maximize(MarginalLikelihood logPosterior, int randomStarts, RandomGenerator rng) throws GpFitException {
        ParamLayout layout = logPosterior.layout;
        double[] lower = layout.lowerBounds();
        double[] upper = layout.upperBounds();
        DifferentiableFunction negative = (theta, gradient) -> {
            double v = logPosterior.valueAndGradient(theta, gradient);
            for (int i = 0; i < gradient.length; i++) {
                gradient[i] = -gradient[i];
            }
            return Double.isFinite(v) ? -v : Double.NaN;
        };
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        int failed = 0;
        int evaluations = 0;
        for (int s = 0; s <= randomStarts; s++) {
            double[] start = s == 0 ? layout.defaults() : layout.randomStart(rng);
            OptimizationResult r = OPTIMIZER.minimize(negative, start, lower, upper);
            evaluations += r.evaluations();
            if (!Double.isFinite(r.value())) {
                failed++;
                continue;
            }
            if (r.value() < bestValue) {
                bestValue = r.value();
                best = r.x();
            }
        }
        if (best == null) {
            throw new GpFitException("marginal likelihood not finite from any of " + (randomStarts + 1) + " starts");
        }
        return new Fit(best, -bestValue, randomStarts + 1, failed, evaluations);
    }
}
