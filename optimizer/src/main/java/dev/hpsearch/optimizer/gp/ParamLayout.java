package dev.hpsearch.optimizer.gp;

import java.util.random.RandomGenerator;

/**
 * Where each GP parameter sits in the log-parameter vector {@code theta}, its weak prior and the
 * box used by maximum likelihood.
 *
 * <p>Layout: {@code [log l_1 .. log l_d, log s2, (log alpha if RatQuad), (log sn2 unless the noise
 * is fixed)]}. All priors are independent normals on the log-parameters (log-normal on the
 * parameters), scaled by the variance {@code v} of the modelled y (1 after normalisation):
 * <ul>
 *   <li>lengthscale: {@code log l ~ N(log 0.5, 1)}: in the unit box, 95% mass in [0.07, 3.7];</li>
 *   <li>signal variance: {@code log s2 ~ N(log v, 1.5^2)};</li>
 *   <li>RatQuad alpha: {@code log alpha ~ N(0, 1.5^2)};</li>
 *   <li>noise variance: {@code log sn2 ~ N(log(1e-3 v), 3^2)}, wide: from almost exact to very noisy.</li>
 * </ul>
 * A floor of {@code 1e-8 v} is always added to the noise so the covariance stays usable.
 */
final class ParamLayout {

    static final double LENGTHSCALE_PRIOR_MEAN = Math.log(0.5);
    static final double LENGTHSCALE_PRIOR_SD = 1.0;
    static final double VARIANCE_PRIOR_SD = 1.5;
    static final double ALPHA_PRIOR_SD = 1.5;
    static final double NOISE_PRIOR_RELATIVE = 1e-3;
    static final double NOISE_PRIOR_SD = 3.0;
    /** Relative noise used when evaluations are exact ({@code exactFeval}). */
    static final double EXACT_NOISE_RELATIVE = 1e-6;
    static final double NOISE_FLOOR_RELATIVE = 1e-8;

    final KernelType kernel;
    final int dim;
    final boolean learnNoise;
    final int size;
    final int varianceIndex;
    final int alphaIndex;
    final int noiseIndex;
    /** Variance of the modelled y; the scale of the variance and noise priors. */
    final double yVariance;

    private final double[] priorMean;
    private final double[] priorSd;
    private final double[] lower;
    private final double[] upper;

    ParamLayout(KernelType kernel, int dim, boolean learnNoise, double yVariance) {
        if (dim < 1) {
            throw new IllegalArgumentException("dimension must be >= 1, was " + dim);
        }
        if (!(yVariance > 0) || Double.isInfinite(yVariance)) {
            throw new IllegalArgumentException("y variance must be finite and > 0, was " + yVariance);
        }
        this.kernel = kernel;
        this.dim = dim;
        this.learnNoise = learnNoise;
        this.yVariance = yVariance;
        int next = dim;
        this.varianceIndex = next++;
        this.alphaIndex = kernel.hasAlpha() ? next++ : -1;
        this.noiseIndex = learnNoise ? next++ : -1;
        this.size = next;

        priorMean = new double[size];
        priorSd = new double[size];
        lower = new double[size];
        upper = new double[size];
        double logV = Math.log(yVariance);
        for (int j = 0; j < dim; j++) {
            set(j, LENGTHSCALE_PRIOR_MEAN, LENGTHSCALE_PRIOR_SD, Math.log(0.01), Math.log(100));
        }
        set(varianceIndex, logV, VARIANCE_PRIOR_SD, logV + Math.log(1e-3), logV + Math.log(1e3));
        if (alphaIndex >= 0) {
            set(alphaIndex, 0, ALPHA_PRIOR_SD, Math.log(1e-2), Math.log(1e2));
        }
        if (noiseIndex >= 0) {
            set(noiseIndex, logV + Math.log(NOISE_PRIOR_RELATIVE), NOISE_PRIOR_SD,
                    logV + Math.log(1e-8), logV + Math.log(10));
        }
    }

    private void set(int i, double mean, double sd, double lo, double hi) {
        priorMean[i] = mean;
        priorSd[i] = sd;
        lower[i] = lo;
        upper[i] = hi;
    }

    /** Noise variance added to the diagonal for these parameters. */
    double noiseVariance(double[] theta) {
        double fixedOrLearned = learnNoise ? Math.exp(theta[noiseIndex]) : EXACT_NOISE_RELATIVE * yVariance;
        return fixedOrLearned + NOISE_FLOOR_RELATIVE * yVariance;
    }

    double alpha(double[] theta) {
        return alphaIndex >= 0 ? Math.exp(theta[alphaIndex]) : 1.0;
    }

    /** The prior medians: a sensible default start. */
    double[] defaults() {
        return priorMean.clone();
    }

    /** A random start drawn from the prior and clipped to the MLE box. */
    double[] randomStart(RandomGenerator rng) {
        double[] theta = new double[size];
        for (int i = 0; i < size; i++) {
            double v = priorMean[i] + priorSd[i] * rng.nextGaussian();
            theta[i] = Math.min(upper[i], Math.max(lower[i], v));
        }
        return theta;
    }

    double[] lowerBounds() {
        return lower.clone();
    }

    double[] upperBounds() {
        return upper.clone();
    }

    /**
     * Adds the log prior density's gradient to {@code gradient} (modified, if non-null) and
     * returns the log prior density (up to a constant).
     */
    double addLogPrior(double[] theta, double[] gradient) {
        // log p = sum_i -(theta_i - m_i)^2 / (2 sd_i^2); d/dtheta_i = -(theta_i - m_i) / sd_i^2
        double lp = 0;
        for (int i = 0; i < size; i++) {
            double z = (theta[i] - priorMean[i]) / priorSd[i];
            lp -= 0.5 * z * z;
            if (gradient != null) {
                gradient[i] -= z / priorSd[i];
            }
        }
        return lp;
    }

    /** A short name for diagnostics: {@code lengthscale[2]}, {@code variance}, {@code alpha}, {@code noise}. */
    String name(int i) {
        if (i < dim) {
            return "lengthscale[" + i + "]";
        }
        if (i == varianceIndex) {
            return "variance";
        }
        if (i == alphaIndex) {
            return "alpha";
        }
        return "noise";
    }

    /** The parameters (not their logs), for diagnostics. */
    String describe(double[] theta) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(name(i)).append('=').append(String.format(java.util.Locale.ROOT, "%.3g", Math.exp(theta[i])));
        }
        return sb.toString();
    }
}
