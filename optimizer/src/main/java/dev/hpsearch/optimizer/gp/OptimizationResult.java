package dev.hpsearch.optimizer.gp;

/**
 * The outcome of one bounded minimisation.
 *
 * @param x the best point found (inside the box)
 * @param value {@code f(x)}
 * @param iterations quasi-Newton iterations performed
 * @param evaluations function (with gradient) evaluations, line searches included
 * @param converged whether a convergence test was met, rather than an iteration or evaluation limit
 *     or a failed line search
 */
public record OptimizationResult(double[] x, double value, int iterations, int evaluations, boolean converged) {
    public OptimizationResult {
        x = x.clone();
    }

    @Override
    public double[] x() {
        return x.clone();
    }
}
