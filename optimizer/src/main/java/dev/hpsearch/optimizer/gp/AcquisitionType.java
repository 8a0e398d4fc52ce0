package dev.hpsearch.optimizer.gp;

import org.apache.commons.math3.special.Erf;

/**
 * Acquisition functions for minimisation (smaller loss is better), each written as a score to
 * minimise with its derivatives with respect to the posterior mean {@code m} and standard deviation
 * {@code s}. With {@code u = (best - m - xi) / s}, {@code Phi} and {@code phi} the standard normal
 * CDF and density:
 * <ul>
 *   <li>EI: {@code -(s (u Phi(u) + phi(u)))}, exploration jitter {@code xi} default 0.01;</li>
 *   <li>MPI: {@code -Phi(u)}, jitter {@code xi} default 0.01;</li>
 *   <li>LCB: {@code m - kappa s}, {@code kappa} default 2.</li>
 * </ul>
 * The defaults are GPyOpt's, in the units of the modelled y (standardised when {@code normalizeY}).
 */
public enum AcquisitionType {
    /** Expected improvement. */
    EI(0.01) {
        @Override
        double score(double mean, double sd, double best, double xi, double[] derivatives) {
            double u = (best - mean - xi) / sd;
            double cdf = normalCdf(u);
            double pdf = normalPdf(u);
            // dEI/dm = -Phi(u), dEI/ds = phi(u)
            derivatives[0] = cdf;
            derivatives[1] = -pdf;
            return -sd * (u * cdf + pdf);
        }
    },
    /** Maximum probability of improvement. */
    MPI(0.01) {
        @Override
        double score(double mean, double sd, double best, double xi, double[] derivatives) {
            double u = (best - mean - xi) / sd;
            double pdf = normalPdf(u);
            // dPhi(u)/dm = -phi(u)/s, dPhi(u)/ds = -phi(u) u / s
            derivatives[0] = pdf / sd;
            derivatives[1] = pdf * u / sd;
            return -normalCdf(u);
        }
    },
    /** Lower confidence bound. */
    LCB(2.0) {
        @Override
        double score(double mean, double sd, double best, double kappa, double[] derivatives) {
            derivatives[0] = 1;
            derivatives[1] = -kappa;
            return mean - kappa * sd;
        }
    };

    private static final double INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);

    private final double defaultParameter;

    AcquisitionType(double defaultParameter) {
        this.defaultParameter = defaultParameter;
    }

    /** The jitter {@code xi} for EI and MPI (0.01), {@code kappa} for LCB (2). */
    public double defaultParameter() {
        return defaultParameter;
    }

    /**
     * The acquisition for a config name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static AcquisitionType fromLabel(String name) {
        for (AcquisitionType a : values()) {
            if (a.name().equalsIgnoreCase(name)) {
                return a;
            }
        }
        throw new IllegalArgumentException("unknown acquisition '" + name + "'; allowed: EI, MPI, LCB");
    }

    /**
     * The score to minimise.
     *
     * @param sd posterior standard deviation, {@code > 0}
     * @param best the incumbent (smallest posterior mean at the data)
     * @param parameter {@code xi} or {@code kappa}
     * @param derivatives receives {@code [d score/d mean, d score/d sd]}; modified
     */
    abstract double score(double mean, double sd, double best, double parameter, double[] derivatives);

    static double normalCdf(double u) {
        return 0.5 * Erf.erfc(-u / Math.sqrt(2));
    }

    static double normalPdf(double u) {
        return INV_SQRT_2PI * Math.exp(-0.5 * u * u);
    }
}
