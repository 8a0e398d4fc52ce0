package dev.hpsearch.optimizer.gp;

import org.ejml.data.DMatrixRMaj;

/**
 * Log marginal likelihood of a zero-mean GP (plus, optionally, the log prior of {@link ParamLayout})
 * as a function of the log-parameters, with its analytic gradient.
 *
 * <p>{@code log p(y | theta) = -1/2 y^T K^-1 y - 1/2 log|K| - n/2 log(2 pi)} and
 * {@code d/dtheta_p = 1/2 tr((a a^T - K^-1) dK/dtheta_p)} with {@code a = K^-1 y}.
 * One Cholesky factorisation (and, for the gradient, one inverse from it) per evaluation; all
 * buffers are allocated once. Not thread-safe: one instance per chain or optimiser run.
 */
final class MarginalLikelihood implements DifferentiableFunction {

    private static final double LOG_2PI = Math.log(2 * Math.PI);

    final ParamLayout layout;
    private final int n;
    private final int d;
    private final double[] x;
    private final boolean withPrior;
    private final DMatrixRMaj k;
    /** Lower triangle of K^-1. */
    private final double[] kinv;
    private final double[] linvWork;
    private final double[] rowWork;
    private final double[] derivatives = new double[2];
    private final DMatrixRMaj alpha;
    private final DMatrixRMaj yMat;
    /** Kernel values s2 * g(r2) without noise, lower triangle. */
    private final double[] kval;
    /** s2 * dg/dr2, lower triangle. */
    private final double[] dShape;
    /** s2 * dg/dlog(alpha), lower triangle; RatQuad only. */
    private final double[] dAlpha;
    private final double[] invLsq;
    private final CholeskyJitter factor = new CholeskyJitter();
    private double lastJitter;

    /**
     * @param layout parameter layout and priors
     * @param x n points of dimension {@code layout.dim}, row-major ({@code x[i*d + j]}); not modified, kept
     * @param y n targets (already normalised); not modified
     * @param withPrior add the log prior, making this the unnormalised log posterior
     */
    MarginalLikelihood(ParamLayout layout, double[] x, double[] y, boolean withPrior) {
        this.layout = layout;
        this.d = layout.dim;
        this.n = y.length;
        if (x.length != n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x " + d);
        }
        this.x = x;
        this.withPrior = withPrior;
        this.k = new DMatrixRMaj(n, n);
        this.kinv = new double[n * n];
        this.linvWork = new double[n * n];
        this.rowWork = new double[n];
        this.alpha = new DMatrixRMaj(n, 1);
        this.yMat = new DMatrixRMaj(n, 1, true, y);
        this.kval = new double[n * n];
        this.dShape = new double[n * n];
        this.dAlpha = layout.kernel.hasAlpha() ? new double[n * n] : null;
        this.invLsq = new double[d];
    }

    int size() {
        return layout.size;
    }

    /** Relative jitter used by the last successful evaluation. */
    double lastJitter() {
        return lastJitter;
    }

    @Override
    public double valueAndGradient(double[] theta, double[] gradient) {
        double v = logLikelihood(theta, gradient);
        if (!Double.isFinite(v)) {
            return Double.NaN;
        }
        return withPrior ? v + layout.addLogPrior(theta, gradient) : v;
    }

    /**
     * The log marginal likelihood without prior.
     *
     * @param gradient receives the gradient if non-null (modified); skipped (no inverse) when null
     * @return the value, or {@code NaN} if the covariance could not be factored even with jitter
     */
    double logLikelihood(double[] theta, double[] gradient) {
        KernelType kernel = layout.kernel;
        for (int j = 0; j < d; j++) {
            // 1 / l_j^2 = exp(-2 log l_j)
            invLsq[j] = Math.exp(-2 * theta[j]);
        }
        double s2 = Math.exp(theta[layout.varianceIndex]);
        double a = layout.alpha(theta);
        double sn2 = layout.noiseVariance(theta);
        boolean grad = gradient != null;
        double[] kd = k.data;
        double[] der = derivatives;
        // K_im = s2 g(r2_im) + sn2 delta_im; kernel values and derivatives kept in the lower triangle
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            kd[rowI + i] = s2 + sn2;
            int xi = i * d;
            for (int m = 0; m < i; m++) {
                int xm = m * d;
                double r2 = 0;
                for (int j = 0; j < d; j++) {
                    double diff = x[xi + j] - x[xm + j];
                    r2 += diff * diff * invLsq[j];
                }
                double kv;
                if (grad) {
                    kv = s2 * kernel.shapeWithDerivative(r2, a, der);
                    kval[rowI + m] = kv;
                    dShape[rowI + m] = s2 * der[0];
                    if (dAlpha != null) {
                        dAlpha[rowI + m] = s2 * der[1];
                    }
                } else {
                    kv = s2 * kernel.shape(r2, a);
                }
                kd[rowI + m] = kv;
                kd[m * n + i] = kv;
            }
        }
        double jitter = factor.factor(k);
        if (Double.isNaN(jitter)) {
            return Double.NaN;
        }
        lastJitter = jitter;
        // a = K^-1 y via the Cholesky factor
        factor.solver().solve(yMat, alpha);
        double[] al = alpha.data;
        double[] yd = yMat.data;
        double quad = 0;
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            quad += yd[i] * al[i];
            // log|K| = 2 sum_i log L_ii
            logDet += 2 * Math.log(kd[i * n + i]);
        }
        double ll = -0.5 * quad - 0.5 * logDet - 0.5 * n * LOG_2PI;
        if (!Double.isFinite(ll)) {
            return Double.NaN;
        }
        if (grad) {
            gradientInto(gradient, s2, sn2);
        }
        return ll;
    }

    private void gradientInto(double[] gradient, double s2, double sn2) {
        java.util.Arrays.fill(gradient, 0, layout.size, 0);
        CholeskyJitter.inverseLower(k.data, n, linvWork, rowWork, kinv);
        double[] ki = kinv;
        double[] al = alpha.data;
        double gVar = 0;
        double gAlpha = 0;
        double traceW = 0;
        // W = a a^T - K^-1; d/dtheta = 1/2 sum_im W_im dK_im/dtheta; the pair (i,m),(m,i) gives 2 * 1/2
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            int xi = i * d;
            double ai = al[i];
            for (int m = 0; m < i; m++) {
                double w = ai * al[m] - ki[rowI + m];
                gVar += w * kval[rowI + m];
                if (dAlpha != null) {
                    gAlpha += w * dAlpha[rowI + m];
                }
                // dK/dlog l_j = s2 g'(r2) * (-2 diff_j^2 / l_j^2)
                double ws = -2 * w * dShape[rowI + m];
                int xm = m * d;
                for (int j = 0; j < d; j++) {
                    double diff = x[xi + j] - x[xm + j];
                    gradient[j] += ws * diff * diff;
                }
            }
            traceW += ai * ai - ki[rowI + i];
        }
        for (int j = 0; j < d; j++) {
            gradient[j] *= invLsq[j];
        }
        // diagonal: dK_ii/dlog s2 = s2, dK_ii/dlog sn2 = sn2 (without the constant floor)
        gradient[layout.varianceIndex] = gVar + 0.5 * traceW * s2;
        if (layout.alphaIndex >= 0) {
            gradient[layout.alphaIndex] = gAlpha;
        }
        if (layout.noiseIndex >= 0) {
            double learned = sn2 - ParamLayout.NOISE_FLOOR_RELATIVE * layout.yVariance;
            gradient[layout.noiseIndex] = 0.5 * traceW * learned;
        }
    }
}
