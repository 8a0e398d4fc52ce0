package dev.hpsearch.optimizer.gp;

import java.util.Objects;

/**
 * What GP to fit.
 *
 * @param kernel covariance function
 * @param normalizeY standardise y (zero mean, unit variance) before fitting; otherwise y is only centred
 * @param exactFeval the observations are exact: the noise variance is fixed to
 *     1e-6 of the modelled y variance instead of being a parameter
 */
public record GpSpec(KernelType kernel, boolean normalizeY, boolean exactFeval) {
    public GpSpec {
        Objects.requireNonNull(kernel, "kernel");
    }

    /** Number of log-parameters for inputs of dimension {@code dim}: d lengthscales, variance, (alpha), (noise). */
    public int parameterCount(int dim) {
        return dim + 1 + (kernel.hasAlpha() ? 1 : 0) + (exactFeval ? 0 : 1);
    }
}
