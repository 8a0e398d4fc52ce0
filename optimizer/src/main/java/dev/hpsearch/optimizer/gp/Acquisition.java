package dev.hpsearch.optimizer.gp;

import java.util.List;

/**
 * An acquisition score to minimise over the input space, averaged over one GP (MLE) or several
 * GPs with parameters drawn from their posterior (MCMC): {@code a(x) = 1/S sum_s score(m_s(x), s_s(x))}.
 * The gradient follows from {@code d score/dx = d score/dm dm/dx + d score/ds ds/dx} with
 * {@code ds/dx = dvar/dx / (2 s)}. Holds work buffers: not thread-safe.
 */
public final class Acquisition implements DifferentiableFunction {

    private final AcquisitionType type;
    private final List<GaussianProcess> models;
    private final double parameter;
    private final double best;
    private final int d;
    private final double[] meanVar = new double[2];
    private final double[] dMean;
    private final double[] dVar;
    private final double[] derivatives = new double[2];

    /**
     * @param models one or more GPs on the same data and y normalisation
     * @param parameter {@code xi} for EI/MPI, {@code kappa} for LCB, in normalised y units
     */
    public Acquisition(AcquisitionType type, List<GaussianProcess> models, double parameter) {
        if (models.isEmpty()) {
            throw new IllegalArgumentException("need at least one model");
        }
        this.type = type;
        this.models = List.copyOf(models);
        this.parameter = parameter;
        this.d = models.get(0).dimension();
        double b = 0;
        for (GaussianProcess gp : models) {
            b += gp.minMeanAtData();
        }
        this.best = b / models.size();
        this.dMean = new double[d];
        this.dVar = new double[d];
    }

    /** The incumbent used: smallest posterior mean at the data, averaged over models, normalised units. */
    double best() {
        return best;
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0);
        double total = 0;
        for (GaussianProcess gp : models) {
            gp.predictNormalized(x, meanVar, dMean, dVar);
            double sd = Math.sqrt(meanVar[1]);
            total += type.score(meanVar[0], sd, best, parameter, derivatives);
            double dm = derivatives[0];
            double dsOverVar = derivatives[1] / (2 * sd);
            for (int j = 0; j < d; j++) {
                gradient[j] += dm * dMean[j] + dsOverVar * dVar[j];
            }
        }
        int s = models.size();
        for (int j = 0; j < d; j++) {
            gradient[j] /= s;
        }
        return total / s;
    }

    /** The score without gradient. */
    public double value(double[] x) {
        double total = 0;
        for (GaussianProcess gp : models) {
            gp.predictNormalized(x, meanVar, null, null);
            total += type.score(meanVar[0], Math.sqrt(meanVar[1]), best, parameter, derivatives);
        }
        return total / models.size();
    }

    /** Posterior mean averaged over the models, in the units of the original y. */
    public double mean(double[] x) {
        double total = 0;
        for (GaussianProcess gp : models) {
            gp.predictNormalized(x, meanVar, null, null);
            total += gp.toOriginal(meanVar[0]);
        }
        return total / models.size();
    }
}
