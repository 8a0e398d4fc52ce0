package dev.hpsearch.optimizer.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * The probability that a point satisfies every constraint, from one GP per constrained metric (fitted by
 * {@link GaussianProcess#fitMle}): {@code P(x) = prod_c [Phi((max_c - m_c(x)) / s_c(x)) - Phi((min_c - m_c(x)) /
 * s_c(x))]}, a missing bound standing for an infinite one, with {@code m_c, s_c} the posterior mean and standard
 * deviation of the latent metric. Constraints with fewer than {@link BoptCore#MIN_OBSERVATIONS} values, or whose GP
 * cannot be fitted, are left out (named in the log). Pure; holds no buffers that calls share.
 */
public final class Feasibility {
    /** Random starts of each constraint GP's MLE on top of the prior medians. */
    static final int MLE_RESTARTS = 2;
    private static final double MIN_VARIANCE = 1e-12;

    private final List<GaussianProcess> models;
    private final List<ConstraintObservations> constraints;

    private Feasibility(List<GaussianProcess> models, List<ConstraintObservations> constraints) {
        this.models = models;
        this.constraints = constraints;
    }

    /**
     * Fits a GP to each constraint's values over the encoded points of {@code problem}'s space.
     *
     * @param kernel       the kernel of each constraint GP
     * @param exactFeval   whether the metrics are observed without noise
     * @param log          receives what was fitted and what was left out
     */
    public static Feasibility fit(BoptProblem problem, KernelType kernel, boolean exactFeval, RandomGenerator rng,
                                  StringBuilder log) {
        List<GaussianProcess> models = new ArrayList<>();
        List<ConstraintObservations> kept = new ArrayList<>();
        GpSpec spec = new GpSpec(kernel, true, exactFeval);
        for (ConstraintObservations c : problem.constraints()) {
            if (c.values().length < BoptCore.MIN_OBSERVATIONS) {
                log.append("constraint ").append(c.name()).append(": ").append(c.values().length)
                        .append(" values, not modelled (probability of feasibility taken as 1)\n");
                continue;
            }
            List<double[]> pts = c.points();
            double[][] x = new double[pts.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = problem.encode(pts.get(i));
            }
            try {
                models.add(GaussianProcess.fitMle(spec, x, c.values(), MLE_RESTARTS, rng));
                kept.add(c);
                log.append(String.format(Locale.ROOT, "constraint %s: GP on %d values%n", c.name(), x.length));
            } catch (GpFitException e) {
                log.append("constraint ").append(c.name()).append(": GP fit failed (").append(e.getMessage())
                        .append("), not modelled\n");
            }
        }
        return new Feasibility(List.copyOf(models), List.copyOf(kept));
    }

    /** Whether any constraint is modelled (otherwise the probability is 1 everywhere). */
    public boolean modelled() {
        return !models.isEmpty();
    }

    /** The probability of feasibility at encoded point {@code x} (not modified). */
    public double probability(double[] x) {
        double p = 1;
        for (int c = 0; c < models.size(); c++) {
            p *= one(c, x, null);
        }
        return p;
    }

    /** The probability at {@code x} with its gradient written to {@code gradient} (overwritten). */
    double probabilityAndGradient(double[] x, double[] gradient) {
        int k = models.size();
        double[] p = new double[k];
        double[][] g = new double[k][x.length];
        for (int c = 0; c < k; c++) {
            p[c] = one(c, x, g[c]);
        }
        java.util.Arrays.fill(gradient, 0);
        double total = 1;
        for (int c = 0; c < k; c++) {
            total *= p[c];
            double others = 1;
            for (int o = 0; o < k; o++) {
                if (o != c) {
                    others *= p[o];
                }
            }
            for (int j = 0; j < x.length; j++) {
                gradient[j] += others * g[c][j];
            }
        }
        return total;
    }

    /** One constraint's probability; its gradient into {@code gradient} when not null. */
    private double one(int c, double[] x, double[] gradient) {
        GpPrediction pr = models.get(c).predict(x);
        double var = Math.max(pr.variance(), MIN_VARIANCE);
        double sd = Math.sqrt(var);
        double m = pr.mean();
        ConstraintObservations con = constraints.get(c);
        double p = 0;
        double[] dm = pr.meanGradient();
        double[] dv = pr.varianceGradient();
        if (gradient != null) {
            java.util.Arrays.fill(gradient, 0);
        }
        // P = Phi(u_max) - Phi(u_min), u_b = (b - m) / sd; du/dx = -dm/sd - u dsd/sd, dsd = dvar / (2 sd)
        for (int side = 0; side < 2; side++) {
            Double bound = side == 0 ? con.max() : con.min();
            double sign = side == 0 ? 1 : -1;
            if (bound == null) {
                p += side == 0 ? 1 : 0;
                continue;
            }
            double u = (bound - m) / sd;
            p += sign * AcquisitionType.normalCdf(u);
            if (gradient != null) {
                double pdf = AcquisitionType.normalPdf(u);
                for (int j = 0; j < x.length; j++) {
                    double du = -dm[j] / sd - u * (dv[j] / (2 * sd)) / sd;
                    gradient[j] += sign * pdf * du;
                }
            }
        }
        return Math.max(0, Math.min(1, p));
    }
}
