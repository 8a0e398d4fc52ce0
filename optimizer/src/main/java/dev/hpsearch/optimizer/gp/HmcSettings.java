package dev.hpsearch.optimizer.gp;

/**
 * Hamiltonian Monte Carlo settings, named as in the seed's {@code bopt_config}.
 *
 * @param burnin iterations per chain for warm-up (step size and diagonal mass matrix are tuned here
 *     and the draws discarded); seed {@code n_burnin}, default 500
 * @param samples draws kept per chain; seed {@code n_samples}, default 50
 * @param subsampleInterval keep every k-th iteration after warm-up, so a chain runs
 *     {@code samples * subsampleInterval} sampling iterations; seed {@code subsample_interval}, default 10
 * @param stepSize initial leapfrog step size (dual averaging tunes it during warm-up); seed {@code step_size}, 0.1
 * @param leapfrogSteps leapfrog steps per iteration; seed {@code leapfrog_steps}, default 20
 * @param chains independent chains (at least 2 for R-hat); default 2
 * @param targetAcceptance mean acceptance probability dual averaging aims for; default 0.75
 * @param maxRhat converged only if every split R-hat is below this; default 1.1
 * @param minEss converged only if every effective sample size reaches
 *     {@code min(minEss, total draws / 4)}; default 20
 * @param parallelChains run the chains on the common fork-join pool (results do not depend on it)
 */
public record HmcSettings(int burnin, int samples, int subsampleInterval, double stepSize, int leapfrogSteps,
                          int chains, double targetAcceptance, double maxRhat, double minEss, boolean parallelChains) {

    public HmcSettings {
        if (burnin < 1 || samples < 1 || subsampleInterval < 1 || leapfrogSteps < 1) {
            throw new IllegalArgumentException("burnin, samples, subsampleInterval and leapfrogSteps must be >= 1");
        }
        if (!(stepSize > 0) || Double.isInfinite(stepSize)) {
            throw new IllegalArgumentException("stepSize must be finite and > 0, was " + stepSize);
        }
        if (chains < 1) {
            throw new IllegalArgumentException("chains must be >= 1, was " + chains);
        }
        if (!(targetAcceptance > 0 && targetAcceptance < 1)) {
            throw new IllegalArgumentException("targetAcceptance must be in (0, 1), was " + targetAcceptance);
        }
        if (!(maxRhat > 1) || !(minEss >= 0)) {
            throw new IllegalArgumentException("maxRhat must be > 1 and minEss >= 0");
        }
    }

    /** The seed's defaults plus two chains, target acceptance 0.75, R-hat 1.1, ESS 20, parallel chains. */
    public static HmcSettings defaults() {
        return new HmcSettings(500, 50, 10, 0.1, 20, 2, 0.75, 1.1, 20, true);
    }

    public HmcSettings withBurnin(int v) {
        return new HmcSettings(v, samples, subsampleInterval, stepSize, leapfrogSteps, chains, targetAcceptance, maxRhat, minEss, parallelChains);
    }

    public HmcSettings withSamples(int v) {
        return new HmcSettings(burnin, v, subsampleInterval, stepSize, leapfrogSteps, chains, targetAcceptance, maxRhat, minEss, parallelChains);
    }

    public HmcSettings withSubsampleInterval(int v) {
        return new HmcSettings(burnin, samples, v, stepSize, leapfrogSteps, chains, targetAcceptance, maxRhat, minEss, parallelChains);
    }

    public HmcSettings withStepSize(double v) {
        return new HmcSettings(burnin, samples, subsampleInterval, v, leapfrogSteps, chains, targetAcceptance, maxRhat, minEss, parallelChains);
    }

    public HmcSettings withLeapfrogSteps(int v) {
        return new HmcSettings(burnin, samples, subsampleInterval, stepSize, v, chains, targetAcceptance, maxRhat, minEss, parallelChains);
    }

    public HmcSettings withChains(int v) {
        return new HmcSettings(burnin, samples, subsampleInterval, stepSize, leapfrogSteps, v, targetAcceptance, maxRhat, minEss, parallelChains);
    }

    public HmcSettings withTargetAcceptance(double v) {
        return new HmcSettings(burnin, samples, subsampleInterval, stepSize, leapfrogSteps, chains, v, maxRhat, minEss, parallelChains);
    }

    public HmcSettings withMaxRhat(double v) {
        return new HmcSettings(burnin, samples, subsampleInterval, stepSize, leapfrogSteps, chains, targetAcceptance, v, minEss, parallelChains);
    }

    public HmcSettings withMinEss(double v) {
        return new HmcSettings(burnin, samples, subsampleInterval, stepSize, leapfrogSteps, chains, targetAcceptance, maxRhat, v, parallelChains);
    }

    public HmcSettings withParallelChains(boolean v) {
        return new HmcSettings(burnin, samples, subsampleInterval, stepSize, leapfrogSteps, chains, targetAcceptance, maxRhat, minEss, v);
    }
}
