package dev.hpsearch.optimizer.gp;

/** How the GP parameters are estimated (seed: {@code model_estimation_method}). */
public enum EstimationMethod {
    /** Maximum likelihood (with weak priors, i.e. MAP) from several starts. */
    MLE,
    /** Hamiltonian Monte Carlo over the parameters; acquisitions averaged over the draws. */
    MCMC;

    /**
     * The method for a config name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static EstimationMethod fromLabel(String name) {
        for (EstimationMethod m : values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown model_estimation_method '" + name + "'; allowed: MLE, MCMC");
    }
}
