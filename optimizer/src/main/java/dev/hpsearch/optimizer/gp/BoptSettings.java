package dev.hpsearch.optimizer.gp;

import java.util.Objects;

/**
 * Settings of one Bayesian-optimisation suggestion, immutable; change with the {@code withX} copies.
 *
 * @param kernel covariance function (seed {@code kernel})
 * @param acquisition acquisition function (seed {@code acquisition_type})
 * @param method parameter estimation (seed {@code model_estimation_method})
 * @param normalizeY standardise y before fitting (seed {@code normalize_Y}, default true)
 * @param exactFeval fix the noise to a tiny jitter (seed {@code exact_feval}, default false)
 * @param deDuplication add pending points to the model as fantasised observations (kriging
 *     believer) so parallel suggestions spread out (seed {@code de_duplication}, default true);
 *     finished and pending points are never suggested again either way
 * @param eps minimum Euclidean distance, in the encoded unit space (categoricals one-hot), between a
 *     suggestion and any observed, pending or already suggested point; 0 excludes exact duplicates only
 * @param hmc HMC settings for {@link EstimationMethod#MCMC}
 * @param acquisitionParameter {@code xi} (EI, MPI) or {@code kappa} (LCB); NaN means the type's default
 * @param mleRestarts random restarts of the likelihood maximisation besides the default start (default 3)
 * @param randomCandidates random points scored to choose the acquisition optimiser's starts (default 1000)
 * @param optimizerStarts L-BFGS starts from the best random candidates (default 8), plus up to 3 from
 *     the best observed points
 * @param maxMcmcModels at most this many posterior draws (evenly thinned) average the acquisition (default 20)
 * @param outputWarping model the losses through a monotone power transform fitted to them ({@link OutputWarping});
 *     default true
 * @param batchMethod how pending and already chosen points shape the next suggestion ({@link BatchMethod})
 */
public record BoptSettings(KernelType kernel, AcquisitionType acquisition, EstimationMethod method, boolean normalizeY,
                           boolean exactFeval, boolean deDuplication, double eps, HmcSettings hmc,
                           double acquisitionParameter, int mleRestarts, int randomCandidates, int optimizerStarts,
                           int maxMcmcModels, boolean outputWarping,
                           BatchMethod batchMethod) {

    public BoptSettings {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(acquisition, "acquisition");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(hmc, "hmc");
        Objects.requireNonNull(batchMethod, "batchMethod");
        if (!(eps >= 0) || Double.isInfinite(eps)) {
            throw new IllegalArgumentException("eps must be finite and >= 0, was " + eps);
        }
        if (mleRestarts < 0 || randomCandidates < 1 || optimizerStarts < 0 || maxMcmcModels < 1) {
            throw new IllegalArgumentException("mleRestarts and optimizerStarts must be >= 0, randomCandidates and maxMcmcModels >= 1");
        }
    }

    /** Matern52, EI, MLE, normalizeY, noisy, de-duplication, eps 0, default HMC and search effort, output warping. */
    public static BoptSettings defaults() {
        return new BoptSettings(KernelType.MATERN52, AcquisitionType.EI, EstimationMethod.MLE, true, false, true, 0,
                HmcSettings.defaults(), Double.NaN, 3, 1000, 8, 20, true, BatchMethod.KRIGING_BELIEVER);
    }

    /** The acquisition parameter in use: the explicit one or the type's default. */
    public double effectiveAcquisitionParameter() {
        return Double.isNaN(acquisitionParameter) ? acquisition.defaultParameter() : acquisitionParameter;
    }

    public BoptSettings withKernel(KernelType v) {
        return new BoptSettings(v, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withAcquisition(AcquisitionType v) {
        return new BoptSettings(kernel, v, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withMethod(EstimationMethod v) {
        return new BoptSettings(kernel, acquisition, v, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withNormalizeY(boolean v) {
        return new BoptSettings(kernel, acquisition, method, v, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withExactFeval(boolean v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, v, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withDeDuplication(boolean v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, v, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withEps(double v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, v, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withHmc(HmcSettings v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, v,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withAcquisitionParameter(double v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                v, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withMleRestarts(int v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, v, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withRandomCandidates(int v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, v, optimizerStarts, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withOptimizerStarts(int v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, v, maxMcmcModels, outputWarping, batchMethod);
    }

    public BoptSettings withMaxMcmcModels(int v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, v, outputWarping, batchMethod);
    }

    public BoptSettings withOutputWarping(boolean v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, v, batchMethod);
    }

    public BoptSettings withBatchMethod(BatchMethod v) {
        return new BoptSettings(kernel, acquisition, method, normalizeY, exactFeval, deDuplication, eps, hmc,
                acquisitionParameter, mleRestarts, randomCandidates, optimizerStarts, maxMcmcModels, outputWarping, v);
    }
}
