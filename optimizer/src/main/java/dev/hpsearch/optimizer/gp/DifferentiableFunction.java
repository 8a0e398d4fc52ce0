package dev.hpsearch.optimizer.gp;

/**
 * A scalar function of a vector with its gradient, evaluated in one call so shared work is done once.
 *
 * <p>Used both as an objective to minimise ({@link BoxLbfgsOptimizer}) and as a log density to sample
 * ({@link HmcSampler}).
 */
@FunctionalInterface
public interface DifferentiableFunction {

    /**
     * Evaluates the function.
     *
     * @param x the point; not modified
     * @param gradient receives {@code df/dx}; modified (fully overwritten); same length as {@code x}
     * @return {@code f(x)}; {@code NaN} or an infinity signals a point where the function cannot be
     *     evaluated (for example a covariance that is not positive definite), and the gradient is
     *     then unspecified
     */
    double valueAndGradient(double[] x, double[] gradient);
}
