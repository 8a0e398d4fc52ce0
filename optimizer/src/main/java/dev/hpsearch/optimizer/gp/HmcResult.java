package dev.hpsearch.optimizer.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws of an HMC run with its convergence diagnostics.
 *
 * @param draws kept draws of all chains, chain after chain
 * @param chains number of chains that produced draws
 * @param rhat split R-hat per parameter (infinite when a parameter never moved)
 * @param ess effective sample size per parameter over all chains
 * @param acceptanceRate mean acceptance probability after warm-up
 * @param stepSizes tuned step size per chain
 * @param divergences trajectories after warm-up abandoned (non-finite density or energy error above 1000)
 * @param failedChains chains whose start had no finite density
 * @param converged every R-hat below the limit and every ESS above the threshold, no failed chain
 */
public record HmcResult(List<double[]> draws, int chains, double[] rhat, double[] ess, double acceptanceRate,
                        double[] stepSizes, int divergences, int failedChains, boolean converged) {

    public HmcResult {
        List<double[]> copy = new ArrayList<>(draws.size());
        for (double[] d : draws) {
            copy.add(d.clone());
        }
        draws = List.copyOf(copy);
        rhat = rhat.clone();
        ess = ess.clone();
        stepSizes = stepSizes.clone();
    }

    @Override
    public double[] rhat() {
        return rhat.clone();
    }

    @Override
    public double[] ess() {
        return ess.clone();
    }

    @Override
    public double[] stepSizes() {
        return stepSizes.clone();
    }

    /** Largest split R-hat over the parameters. */
    public double maxRhat() {
        double m = 0;
        for (double r : rhat) {
            m = Double.isNaN(r) ? Double.POSITIVE_INFINITY : Math.max(m, r);
        }
        return m;
    }

    /** Smallest effective sample size over the parameters. */
    public double minEss() {
        double m = Double.POSITIVE_INFINITY;
        for (double e : ess) {
            m = Math.min(m, e);
        }
        return ess.length == 0 ? 0 : m;
    }

    /**
     * One line for the search log, e.g.
     * {@code HMC converged: 2 chains x 50 draws, max R-hat 1.02 (noise), min ESS 61 (lengthscale[3]), ...}.
     *
     * @param names parameter names, in order
     */
    public String summary(List<String> names) {
        int worstRhat = 0;
        int worstEss = 0;
        for (int i = 0; i < rhat.length; i++) {
            if (!(rhat[i] <= rhat[worstRhat])) {
                worstRhat = i;
            }
            if (ess[i] < ess[worstEss]) {
                worstEss = i;
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(converged ? "HMC converged: " : "HMC not converged: ");
        sb.append(chains).append(" chains x ").append(chains == 0 ? 0 : draws.size() / chains).append(" draws");
        if (rhat.length > 0) {
            sb.append(String.format(Locale.ROOT, ", max R-hat %.3f (%s), min ESS %.0f (%s)",
                    rhat[worstRhat], names.get(worstRhat), ess[worstEss], names.get(worstEss)));
        }
        sb.append(String.format(Locale.ROOT, ", acceptance %.2f, step sizes", acceptanceRate));
        for (double s : stepSizes) {
            sb.append(String.format(Locale.ROOT, " %.3g", s));
        }
        if (divergences > 0) {
            sb.append(", ").append(divergences).append(" divergent trajectories");
        }
        if (failedChains > 0) {
            sb.append(", ").append(failedChains).append(" chains failed to start");
        }
        return sb.toString();
    }
}
