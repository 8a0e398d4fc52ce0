package dev.hpsearch.optimizer.gp;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

import org.ejml.data.DMatrixRMaj;

/**
 * A GP regression model with fixed parameters, fitted to data: posterior mean and variance (with
 * gradients) anywhere in the input space.
 *
 * <p>Holds the Cholesky factor {@code L} of {@code K = K_f + (sn2 + jitter) I} and
 * {@code a = K^-1 y}. Prediction buffers are reused, so an instance is not thread-safe.
 */
public final class GaussianProcess {

    private final GpData data;
    private final ParamLayout layout;
    private final double[] theta;
    private final int n;
    private final int d;
    /** Lower-triangular Cholesky factor, row-major n x n. */
    private final double[] l;
    private final double[] alpha;
    private final double jitter;
    /** Noise plus jitter actually added to the diagonal, in normalised units. */
    private final double diagonalNoise;
    private final double logMarginal;
    private final double[] invLsq;
    private final double s2;
    private final double kernelAlpha;
    private final double[] kstar;
    private final double[] work;
    private final double[] dk;

    private GaussianProcess(GpData data, ParamLayout layout, double[] theta) throws GpFitException {
        this.data = data;
        this.layout = layout;
        this.theta = theta.clone();
        this.n = data.n;
        this.d = data.d;
        if (theta.length != layout.size) {
            throw new IllegalArgumentException("expected " + layout.size + " log-parameters, got " + theta.length);
        }
        for (double t : theta) {
            if (!Double.isFinite(t)) {
                throw new GpFitException("non-finite GP parameter");
            }
        }
        invLsq = new double[d];
        for (int j = 0; j < d; j++) {
            invLsq[j] = Math.exp(-2 * theta[j]);
        }
        s2 = Math.exp(theta[layout.varianceIndex]);
        kernelAlpha = layout.alpha(theta);
        double sn2 = layout.noiseVariance(theta);
        DMatrixRMaj k = new DMatrixRMaj(n, n);
        double[] kd = k.data;
        for (int i = 0; i < n; i++) {
            kd[i * n + i] = s2 + sn2;
            for (int m = i + 1; m < n; m++) {
                double v = s2 * layout.kernel.shape(scaledDistance(data.x, i * d, data.x, m * d), kernelAlpha);
                kd[i * n + m] = v;
                kd[m * n + i] = v;
            }
        }
        CholeskyJitter factor = new CholeskyJitter();
        double jit = factor.factor(k);
        if (Double.isNaN(jit)) {
            throw new GpFitException("covariance not positive definite even with jitter "
                    + CholeskyJitter.MAX_JITTER + " (" + layout.describe(theta) + ")");
        }
        this.jitter = jit;
        this.diagonalNoise = sn2 + jit * (s2 + sn2);
        this.l = k.data;
        DMatrixRMaj a = new DMatrixRMaj(n, 1);
        factor.solver().solve(new DMatrixRMaj(n, 1, true, data.y), a);
        this.alpha = a.data;
        double quad = 0;
        double logDet = 0;
        for (int i = 0; i < n; i++) {
            quad += data.y[i] * alpha[i];
            logDet += 2 * Math.log(l[i * n + i]);
        }
        this.logMarginal = -0.5 * quad - 0.5 * logDet - 0.5 * n * Math.log(2 * Math.PI);
        if (!Double.isFinite(logMarginal)) {
            throw new GpFitException("log marginal likelihood is not finite");
        }
        kstar = new double[n];
        work = new double[n];
        dk = new double[n * d];
    }

    /**
     * A GP with given log-parameters (layout: {@code d} log-lengthscales, log variance, log alpha for
     * RatQuad, log noise variance unless {@code exactFeval}; variances in normalised y units).
     *
     * @param x n points of dimension d; not modified
     * @param y n observed values; not modified
     * @throws GpFitException if the covariance cannot be factored even with the largest jitter
     */
    public static GaussianProcess withParameters(GpSpec spec, double[][] x, double[] y, double[] logParams)
            throws GpFitException {
        GpData data = GpData.of(x, y, spec.normalizeY());
        return new GaussianProcess(data, data.layout(spec.kernel(), spec.exactFeval()), logParams);
    }

    /**
     * A GP whose parameters maximise the log marginal likelihood plus the weak log priors, from the
     * prior medians and {@code randomStarts} random starts drawn from the priors.
     *
     * @throws GpFitException if no start gives a finite likelihood
     */
    public static GaussianProcess fitMle(GpSpec spec, double[][] x, double[] y, int randomStarts, RandomGenerator rng)
            throws GpFitException {
        GpData data = GpData.of(x, y, spec.normalizeY());
        ParamLayout layout = data.layout(spec.kernel(), spec.exactFeval());
        MleEstimator.Fit fit = MleEstimator.maximize(new MarginalLikelihood(layout, data.x, data.y, true),
                randomStarts, rng);
        return new GaussianProcess(data, layout, fit.theta());
    }

    static GaussianProcess of(GpData data, ParamLayout layout, double[] theta) throws GpFitException {
        return new GaussianProcess(data, layout, theta);
    }

    /**
     * The same GP (same parameters and y normalisation) with extra observations, e.g. pending points
     * with fantasised values (kriging believer).
     *
     * @param xs extra points; not modified
     * @param ys their values in the units of the original y; not modified
     */
    public GaussianProcess withObservations(double[][] xs, double[] ys) throws GpFitException {
        if (xs.length == 0) {
            return this;
        }
        return new GaussianProcess(data.append(xs, ys), layout, theta);
    }

    /** Posterior of the latent function at {@code x} (not modified), in the units of y. */
    public GpPrediction predict(double[] x) {
        double[] dMean = new double[d];
        double[] dVar = new double[d];
        double[] mv = new double[2];
        predictNormalized(x, mv, dMean, dVar);
        double sc = data.yScale;
        for (int j = 0; j < d; j++) {
            dMean[j] *= sc;
            dVar[j] *= sc * sc;
        }
        return new GpPrediction(data.yMean + sc * mv[0], sc * sc * mv[1], dMean, dVar);
    }

    /** Posterior mean only, in the units of y: cheaper than {@link #predict} and thread-safe. */
    public double predictMean(double[] x) {
        KernelType kernel = layout.kernel;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += s2 * kernel.shape(scaledDistance(x, 0, data.x, i * d), kernelAlpha) * alpha[i];
        }
        return toOriginal(mean);
    }

    /**
     * Posterior in normalised units.
     *
     * @param meanVar receives {@code [mean, variance]}; modified
     * @param dMean receives d mean/dx if non-null; modified
     * @param dVar receives d variance/dx if non-null; modified (zero where the variance hit its floor)
     */
    void predictNormalized(double[] x, double[] meanVar, double[] dMean, double[] dVar) {
        KernelType kernel = layout.kernel;
        boolean grad = dMean != null || dVar != null;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            int xi = i * d;
            double r2 = scaledDistance(x, 0, data.x, xi);
            double kv = s2 * kernel.shape(r2, kernelAlpha);
            kstar[i] = kv;
            mean += kv * alpha[i];
            if (grad) {
                // dk_i/dx_j = s2 g'(r2) * 2 (x_j - x_ij) / l_j^2
                double ds = 2 * s2 * kernel.shapeDerivative(r2, kernelAlpha);
                for (int j = 0; j < d; j++) {
                    dk[xi + j] = ds * (x[j] - data.x[xi + j]) * invLsq[j];
                }
            }
        }
        // v = L^-1 k*, forward substitution along rows of L
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = kstar[i];
            for (int m = 0; m < i; m++) {
                s -= l[row + m] * work[m];
            }
            work[i] = s / l[row + i];
        }
        // var = k(x,x) - v^T v
        double vv = 0;
        for (int i = 0; i < n; i++) {
            vv += work[i] * work[i];
        }
        double floor = 1e-12 * s2;
        double var = s2 - vv;
        boolean floored = var < floor;
        meanVar[0] = mean;
        meanVar[1] = floored ? floor : var;
        if (dMean != null) {
            java.util.Arrays.fill(dMean, 0);
            for (int i = 0; i < n; i++) {
                double ai = alpha[i];
                int xi = i * d;
                for (int j = 0; j < d; j++) {
                    dMean[j] += ai * dk[xi + j];
                }
            }
        }
        if (dVar != null) {
            java.util.Arrays.fill(dVar, 0);
            if (floored) {
                return;
            }
            // w = L^-T v = K^-1 k*, backward substitution by columns (row access of L)
            for (int i = n - 1; i >= 0; i--) {
                int row = i * n;
                double wi = work[i] / l[row + i];
                work[i] = wi;
                for (int m = 0; m < i; m++) {
                    work[m] -= l[row + m] * wi;
                }
            }
            // d var/dx = -2 sum_i w_i dk_i/dx
            for (int i = 0; i < n; i++) {
                double wi = -2 * work[i];
                int xi = i * d;
                for (int j = 0; j < d; j++) {
                    dVar[j] += wi * dk[xi + j];
                }
            }
        }
    }

    /**
     * A function drawn from the posterior (see {@link GpSamplePath}), with {@code features} random Fourier
     * features for its prior part. Supported for the Matern 5/2 and exponentiated quadratic kernels, whose
     * spectral densities are a Student t with 5 degrees of freedom and a normal.
     *
     * @throws UnsupportedOperationException for the rational quadratic kernel
     */
    public GpSamplePath samplePath(int features, RandomGenerator rng) {
        KernelType kernel = layout.kernel;
        if (kernel == KernelType.RAT_QUAD) {
            throw new UnsupportedOperationException("posterior sample paths need the Matern52 or ExpQuad kernel");
        }
        double[] omega = new double[features * d];
        double[] phase = new double[features];
        double[] weight = new double[features];
        for (int m = 0; m < features; m++) {
            // Matern 5/2: omega = z / l * sqrt(5 / u) with u ~ chi-squared(5); ExpQuad: omega = z / l
            double scale = 1;
            if (kernel == KernelType.MATERN52) {
                double u = 0;
                for (int k = 0; k < 5; k++) {
                    double z = rng.nextGaussian();
                    u += z * z;
                }
                scale = Math.sqrt(5 / u);
            }
            for (int j = 0; j < d; j++) {
                omega[m * d + j] = rng.nextGaussian() * scale * Math.sqrt(invLsq[j]);
            }
            phase[m] = rng.nextDouble() * 2 * Math.PI;
            weight[m] = rng.nextGaussian();
        }
        GpSamplePath prior = new GpSamplePath(kernel, omega, phase, weight, data.x, new double[0], invLsq, s2,
                kernelAlpha, 0, 1);
        double[] residual = new double[n];
        double noiseSd = Math.sqrt(diagonalNoise);
        for (int i = 0; i < n; i++) {
            residual[i] = data.y[i] - prior.prior(data.x, i * d) - noiseSd * rng.nextGaussian();
        }
        solveInPlace(residual);
        return new GpSamplePath(kernel, omega, phase, weight, data.x, residual, invLsq, s2, kernelAlpha,
                data.yMean, data.yScale);
    }

    /**
     * Leave-one-out predictions at the training points, from the fitted parameters without refitting (the
     * closed form {@code mu_-i = y_i - a_i / [K^-1]_ii}, {@code var_-i = 1 / [K^-1]_ii}), in the units of y.
     */
    public LeaveOneOut leaveOneOut() {
        // diag(K^-1) = column sums of squares of L^-1, with L^-1 built row by row by forward substitution
        double[] inverseDiagonal = new double[n];
        double[] column = new double[n];
        for (int c = 0; c < n; c++) {
            java.util.Arrays.fill(column, 0);
            column[c] = 1;
            for (int i = c; i < n; i++) {
                int row = i * n;
                double s = column[i];
                for (int m = c; m < i; m++) {
                    s -= l[row + m] * column[m];
                }
                column[i] = s / l[row + i];
                inverseDiagonal[c] += column[i] * column[i];
            }
        }
        double[] mean = new double[n];
        double[] variance = new double[n];
        double[] observed = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = toOriginal(data.y[i] - alpha[i] / inverseDiagonal[i]);
            variance[i] = data.yScale * data.yScale / inverseDiagonal[i];
            observed[i] = toOriginal(data.y[i]);
        }
        return new LeaveOneOut(observed, mean, variance);
    }

    /** Replaces {@code v} with {@code K^-1 v} using the Cholesky factor. */
    private void solveInPlace(double[] v) {
        for (int i = 0; i < n; i++) {
            int row = i * n;
            double s = v[i];
            for (int m = 0; m < i; m++) {
                s -= l[row + m] * v[m];
            }
            v[i] = s / l[row + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            int row = i * n;
            double wi = v[i] / l[row + i];
            v[i] = wi;
            for (int m = 0; m < i; m++) {
                v[m] -= l[row + m] * wi;
            }
        }
    }

    /** Smallest posterior mean at the training points, normalised units: {@code y_i - (sn2 + jitter) a_i}. */
    double minMeanAtData() {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            best = Math.min(best, data.y[i] - diagonalNoise * alpha[i]);
        }
        return best;
    }

    private double scaledDistance(double[] a, int ao, double[] b, int bo) {
        double r2 = 0;
        for (int j = 0; j < d; j++) {
            double diff = a[ao + j] - b[bo + j];
            r2 += diff * diff * invLsq[j];
        }
        return r2;
    }

    /** Normalised y value -> original units. */
    double toOriginal(double normalized) {
        return data.yMean + data.yScale * normalized;
    }

    double toNormalized(double original) {
        return (original - data.yMean) / data.yScale;
    }

    double yScale() {
        return data.yScale;
    }

    /** The log-parameters (copy). */
    public double[] logParameters() {
        return theta.clone();
    }

    /** Parameter names in the order of {@link #logParameters()}. */
    public List<String> parameterNames() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < layout.size; i++) {
            names.add(layout.name(i));
        }
        return names;
    }

    /** The parameters (not logs) for a log line. */
    public String describeParameters() {
        return layout.describe(theta);
    }

    /** The observation noise variance the GP estimated (plus the jitter it needed), in the units of y squared. */
    public double noiseVariance() {
        return diagonalNoise * data.yScale * data.yScale;
    }

    /** Relative jitter that had to be added to factor the covariance (0 if none). */
    public double jitter() {
        return jitter;
    }

    /** Log marginal likelihood of the normalised y at these parameters (no prior). */
    public double logMarginalLikelihood() {
        return logMarginal;
    }

    public int size() {
        return n;
    }

    public int dimension() {
        return d;
    }
}
