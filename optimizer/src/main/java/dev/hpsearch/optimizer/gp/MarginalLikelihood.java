package dev.hpsearch.optimizer.gp;

/**
 * Log marginal likelihood of a zero-mean GP (plus, optionally, the log prior of {@link ParamLayout})
 * as a function of the log-parameters, with its analytic gradient.
 *
 * <p>{@code log p(y | theta) = -1/2 y^T K^-1 y - 1/2 log|K| - n/2 log(2 pi)} and
 * {@code d/dtheta_p = 1/2 tr((a a^T - K^-1) dK/dtheta_p)} with {@code a = K^-1 y}.
 * One Cholesky factorisation (and, for the gradient, one inverse from it) per evaluation, both from
 * {@link DenseCholesky}; all buffers are allocated once and nothing is allocated per evaluation (HMC calls
 * this tens of thousands of times). Kernel values and derivatives are kept per pair {@code (i, m < i)} in
 * row order of the lower triangle. Not thread-safe: one instance per chain or optimiser run.
 */
final class MarginalLikelihood implements DifferentiableFunction {

    private static final double LOG_2PI = Math.log(2 * Math.PI);
    /** Largest number of cached squared differences (d x pairs), 32 MB; above it they are recomputed. */
    static final long MAX_CACHED_SQUARES = 1L << 22;

    final ParamLayout layout;
    private final int n;
    private final int d;
    private final double[] x;
    private final boolean withPrior;
    /** K on entry to the factorisation (lower triangle), then L (lower). */
    private final double[] k;
    /** Lower triangle of K^-1. */
    private final double[] kinv;
    /** Work array for the inverse: {@code L^-T}. */
    private final double[] linvWork;
    private final double[] rowWork;
    private final double[] derivatives = new double[2];
    private final double[] alpha;
    private final double[] y;
    /** Kernel values s2 * g(r2) without noise, per pair. */
    private final double[] kval;
    /** s2 * dg/dr2, per pair. */
    private final double[] dShape;
    /** s2 * dg/dlog(alpha), per pair; RatQuad only. */
    private final double[] dAlpha;
    private final double[] invLsq;
    /** Per-dimension sums of the gradient pass. */
    private final double[] lengthGradient;
    /**
     * Squared differences {@code (x_ij - x_mj)^2} per dimension j and pair p, at {@code j * pairs + p}, so
     * r2 and the lengthscale gradient are contiguous, vectorisable passes; null when too large.
     */
    private final double[] squares;
    /** Scaled squared distances r2 per pair when {@link #squares} is used; else null. */
    private final double[] r2Pairs;
    /** -2 W_im dk_im/dr2 per pair when {@link #squares} is used; else null. */
    private final double[] weightPairs;
    private final int pairs;
    private final CholeskyJitter factor = new CholeskyJitter();
    private double lastJitter;

    /**
     * @param layout parameter layout and priors
     * @param x n points of dimension {@code layout.dim}, row-major ({@code x[i*d + j]}); not modified, kept
     * @param y n targets (already normalised); not modified
     * @param withPrior add the log prior, making this the unnormalised log posterior
     */
    MarginalLikelihood(ParamLayout layout, double[] x, double[] y, boolean withPrior) {
        this(layout, x, y, withPrior, MAX_CACHED_SQUARES);
    }

    /** As above, caching squared differences only if {@code d x pairs <= maxCachedSquares} (tests use 0). */
    MarginalLikelihood(ParamLayout layout, double[] x, double[] y, boolean withPrior, long maxCachedSquares) {
        this.layout = layout;
        this.d = layout.dim;
        this.n = y.length;
        if (x.length != n * d) {
            throw new IllegalArgumentException("x has " + x.length + " values, expected " + n + " x " + d);
        }
        this.x = x;
        this.withPrior = withPrior;
        int pairs = n * (n - 1) / 2;
        this.pairs = pairs;
        if ((long) d * pairs <= maxCachedSquares) {
            squares = new double[d * pairs];
            r2Pairs = new double[pairs];
            weightPairs = new double[pairs];
            for (int j = 0; j < d; j++) {
                int p = j * pairs;
                for (int i = 0; i < n; i++) {
                    for (int m = 0; m < i; m++, p++) {
                        double diff = x[i * d + j] - x[m * d + j];
                        squares[p] = diff * diff;
                    }
                }
            }
        } else {
            squares = null;
            r2Pairs = null;
            weightPairs = null;
        }
        this.k = new double[n * n];
        this.kinv = new double[n * n];
        this.linvWork = new double[n * n];
        this.rowWork = new double[n];
        this.alpha = new double[n];
        this.y = y;
        this.kval = new double[pairs];
        this.dShape = new double[pairs];
        this.dAlpha = layout.kernel.hasAlpha() ? new double[pairs] : null;
        this.lengthGradient = new double[d];
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
        double[] kd = k;
        double[] der = derivatives;
        // K_im = s2 g(r2_im) + sn2 delta_im, written to the lower triangle for the factorisation;
        // kernel values and derivatives kept per pair (i, m < i)
        if (squares != null) {
            // r2_p = sum_j sq_jp / l_j^2, one contiguous pass per dimension
            double[] r2p = r2Pairs;
            double c = invLsq[0];
            for (int q = 0; q < pairs; q++) {
                r2p[q] = c * squares[q];
            }
            for (int j = 1; j < d; j++) {
                double cj = invLsq[j];
                int off = j * pairs;
                for (int q = 0; q < pairs; q++) {
                    r2p[q] += cj * squares[off + q];
                }
            }
        }
        int p = 0;
        for (int i = 0; i < n; i++) {
            kd[i * n + i] = s2 + sn2;
            int xi = i * d;
            for (int m = 0; m < i; m++, p++) {
                double r2;
                if (squares != null) {
                    r2 = r2Pairs[p];
                } else {
                    int xm = m * d;
                    r2 = 0;
                    for (int j = 0; j < d; j++) {
                        double diff = x[xi + j] - x[xm + j];
                        r2 += diff * diff * invLsq[j];
                    }
                }
                double kv;
                if (grad) {
                    kv = s2 * kernel.shapeWithDerivative(r2, a, der);
                    kval[p] = kv;
                    dShape[p] = s2 * der[0];
                    if (dAlpha != null) {
                        dAlpha[p] = s2 * der[1];
                    }
                } else {
                    kv = s2 * kernel.shape(r2, a);
                }
                kd[i * n + m] = kv;
            }
        }
        double jitter = factor.factorLower(kd, n);
        if (Double.isNaN(jitter)) {
            return Double.NaN;
        }
        lastJitter = jitter;
        // a = K^-1 y via the Cholesky factor
        DenseCholesky.solve(kd, n, y, alpha);
        double[] al = alpha;
        double quad = 0;
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            quad += y[i] * al[i];
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
        DenseCholesky.inverseLower(k, n, linvWork, rowWork, kinv);
        double[] ki = kinv;
        double[] al = alpha;
        double[] gl = lengthGradient;
        java.util.Arrays.fill(gl, 0);
        double gVar = 0;
        double gAlpha = 0;
        double traceW = 0;
        // W = a a^T - K^-1; d/dtheta = 1/2 sum_im W_im dK_im/dtheta; the pair (i,m),(m,i) gives 2 * 1/2
        int p = 0;
        for (int i = 0; i < n; i++) {
            int rowI = i * n;
            int xi = i * d;
            double ai = al[i];
            for (int m = 0; m < i; m++, p++) {
                double w = ai * al[m] - ki[rowI + m];
                gVar += w * kval[p];
                if (dAlpha != null) {
                    gAlpha += w * dAlpha[p];
                }
                // dK/dlog l_j = s2 g'(r2) * (-2 diff_j^2 / l_j^2)
                double ws = -2 * w * dShape[p];
                if (squares != null) {
                    weightPairs[p] = ws;
                } else {
                    int xm = m * d;
                    for (int j = 0; j < d; j++) {
                        double diff = x[xi + j] - x[xm + j];
                        gl[j] += ws * diff * diff;
                    }
                }
            }
            traceW += ai * ai - ki[rowI + i];
        }
        if (squares != null) {
            // sum_p ws_p sq_jp, one dot product per dimension (four partial sums)
            for (int j = 0; j < d; j++) {
                int off = j * pairs;
                double s0 = 0;
                double s1 = 0;
                double s2p = 0;
                double s3 = 0;
                int q = 0;
                for (; q + 3 < pairs; q += 4) {
                    s0 += weightPairs[q] * squares[off + q];
                    s1 += weightPairs[q + 1] * squares[off + q + 1];
                    s2p += weightPairs[q + 2] * squares[off + q + 2];
                    s3 += weightPairs[q + 3] * squares[off + q + 3];
                }
                for (; q < pairs; q++) {
                    s0 += weightPairs[q] * squares[off + q];
                }
                gl[j] = (s0 + s1) + (s2p + s3);
            }
        }
        System.arraycopy(gl, 0, gradient, 0, d);
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
