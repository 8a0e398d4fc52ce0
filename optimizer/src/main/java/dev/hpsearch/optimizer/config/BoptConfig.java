package dev.hpsearch.optimizer.config;

import dev.hpsearch.optimizer.gp.AcquisitionType;
import dev.hpsearch.optimizer.gp.BatchMethod;
import dev.hpsearch.optimizer.gp.EstimationMethod;
import dev.hpsearch.optimizer.gp.KernelType;
import java.util.List;

/**
 * The seed's {@code bopt_config.*} settings, with the seed's recommended values (from {@link ConfigSchema}) as
 * defaults. Lists mean "choose one at random at each iteration"; their names are parsed into enums once, when the
 * file is read.
 */
public record BoptConfig(
        List<AcquisitionType> acquisitionTypes,
        String acquisitionOptimizerType,
        String modelType,
        List<EstimationMethod> modelEstimationMethods,
        List<KernelType> kernels,
        boolean normalizeY,
        boolean deDuplication,
        boolean exactFeval,
        double eps,
        int nBurnin,
        int nSamples,
        double stepSize,
        int subsampleInterval,
        int leapfrogSteps,
        BatchMethod batchMethod) {

    public BoptConfig {
        java.util.Objects.requireNonNull(batchMethod, "batchMethod");
        acquisitionTypes = List.copyOf(acquisitionTypes);
        modelEstimationMethods = List.copyOf(modelEstimationMethods);
        kernels = List.copyOf(kernels);
        if (acquisitionTypes.isEmpty() || modelEstimationMethods.isEmpty() || kernels.isEmpty()) {
            throw new IllegalArgumentException("acquisition types, estimation methods and kernels need one each");
        }
    }

    /**
     * A config from the names as a file spells them (already checked against the schema's choices).
     *
     * @throws IllegalArgumentException for a name that is no acquisition, estimation method or kernel
     */
    public static BoptConfig of(List<String> acquisitionTypes, String acquisitionOptimizerType, String modelType,
                                List<String> modelEstimationMethods, List<String> kernels, boolean normalizeY,
                                boolean deDuplication, boolean exactFeval, double eps, int nBurnin, int nSamples,
                                double stepSize, int subsampleInterval, int leapfrogSteps, String batchMethod) {
        return new BoptConfig(acquisitionTypes.stream().map(AcquisitionType::fromLabel).toList(),
                acquisitionOptimizerType, modelType,
                modelEstimationMethods.stream().map(EstimationMethod::fromLabel).toList(),
                kernels.stream().map(KernelType::fromLabel).toList(),
                normalizeY, deDuplication, exactFeval, eps, nBurnin, nSamples, stepSize, subsampleInterval,
                leapfrogSteps, BatchMethod.fromLabel(batchMethod));
    }

    /** The seed's recommendations, as the schema holds them. */
    public static BoptConfig defaults() {
        return of(ConfigSchema.ACQUISITION_TYPE.listDefault(), ConfigSchema.ACQUISITION_OPTIMIZER.textDefault(),
                ConfigSchema.MODEL_TYPE.textDefault(), ConfigSchema.ESTIMATION_METHOD.listDefault(),
                ConfigSchema.KERNEL.listDefault(), ConfigSchema.NORMALIZE_Y.boolDefault(),
                ConfigSchema.DE_DUPLICATION.boolDefault(), ConfigSchema.EXACT_FEVAL.boolDefault(),
                ConfigSchema.EPS.numberDefault(), ConfigSchema.N_BURNIN.intDefault(),
                ConfigSchema.N_SAMPLES.intDefault(), ConfigSchema.STEP_SIZE.numberDefault(),
                ConfigSchema.SUBSAMPLE_INTERVAL.intDefault(), ConfigSchema.LEAPFROG_STEPS.intDefault(),
                ConfigSchema.BATCH_METHOD.textDefault());
    }
}
