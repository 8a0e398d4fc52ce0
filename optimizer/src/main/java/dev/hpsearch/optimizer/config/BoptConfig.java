package dev.hpsearch.optimizer.config;

import java.util.List;

/**
 * The seed's {@code bopt_config.*} settings, with the seed's recommended values as defaults.
 * Lists mean "choose one at random at each iteration".
 */
public record BoptConfig(
        List<String> acquisitionTypes,
        String acquisitionOptimizerType,
        String modelType,
        List<String> modelEstimationMethods,
        List<String> kernels,
        boolean normalizeY,
        boolean deDuplication,
        boolean exactFeval,
        double eps,
        int nBurnin,
        int nSamples,
        double stepSize,
        int subsampleInterval,
        int leapfrogSteps) {

    public static final List<String> ACQUISITIONS = List.of("EI", "MPI", "LCB");
    public static final List<String> ESTIMATION_METHODS = List.of("MLE", "MCMC");
    public static final List<String> KERNELS = List.of("ExpQuad", "RatQuad", "Matern52");

    public BoptConfig {
        acquisitionTypes = List.copyOf(acquisitionTypes);
        modelEstimationMethods = List.copyOf(modelEstimationMethods);
        kernels = List.copyOf(kernels);
    }

    /** The seed's recommendations. */
    public static BoptConfig defaults() {
        return new BoptConfig(ACQUISITIONS, "lbfgs", "GP", ESTIMATION_METHODS, KERNELS,
                true, true, false, 0.0, 500, 50, 0.1, 10, 20);
    }
}
