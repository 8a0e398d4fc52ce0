package dev.hpsearch.optimizer.gp;

/**
 * One function drawn from a GP's posterior, cheap to evaluate anywhere: a prior draw written as a sum of random
 * Fourier features, then moved onto the data by the GP's own update (pathwise conditioning:
 * {@code f_post(x) = f(x) + k(x, X) K^-1 (y - f(X) - e)} with {@code e} a draw of the observation noise). The
 * prior part is an approximation whose error shrinks as one over the square root of the number of features;
 * near the data the update corrects it. Thread-safe: it holds no buffers. As a {@link DifferentiableFunction}
 * it gives the value with its gradient, so it can be minimised (Thompson sampling).
 */
public final class GpSamplePath implements DifferentiableFunction {
    private final KernelType kernel;
    private final double[] omega;
    private final double[] phase;
    private final double[] weight;
    private final double[] trainX;
    private final double[] update;
    private final double[] invLsq;
    private final double s2;
    private final double kernelAlpha;
    private final double yMean;
    private final double yScale;
    private final int d;
    private final int features;

    GpSamplePath(KernelType kernel, double[] omega, double[] phase, double[] weight, double[] trainX,
                 double[] update, double[] invLsq, double s2, double kernelAlpha, double yMean, double yScale) {
        this.kernel = kernel;
        this.omega = omega;
        this.phase = phase;
        this.weight = weight;
        this.trainX = trainX;
        this.update = update;
        this.invLsq = invLsq;
        this.s2 = s2;
        this.kernelAlpha = kernelAlpha;
        this.yMean = yMean;
        this.yScale = yScale;
        this.d = invLsq.length;
        this.features = phase.length;
    }

    /** The drawn function at {@code x} (not modified), in the units of y. */
    public double value(double[] x) {
        double f = prior(x, 0);
        int n = update.length;
        for (int i = 0; i < n; i++) {
            double r2 = 0;
            int xi = i * d;
            for (int j = 0; j < d; j++) {
                double diff = x[j] - trainX[xi + j];
                r2 += diff * diff * invLsq[j];
            }
            f += s2 * kernel.shape(r2, kernelAlpha) * update[i];
        }
        return yMean + yScale * f;
    }

    /**
     * The drawn function at {@code x} (not modified), in the units of y, and its gradient:
     * {@code df/dx_j = -sqrt(2 s2 / F) sum_m w_m sin(omega_m . x + phase_m) omega_mj
     * + sum_i s2 g'(r2_i) 2 (x_j - x_ij) / l_j^2 u_i}, times the y scale.
     */
    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        java.util.Arrays.fill(gradient, 0, d, 0);
        double amplitude = Math.sqrt(2 * s2 / features);
        double sum = 0;
        for (int m = 0; m < features; m++) {
            double dot = phase[m];
            int om = m * d;
            for (int j = 0; j < d; j++) {
                dot += omega[om + j] * x[j];
            }
            sum += weight[m] * Math.cos(dot);
            double c = -amplitude * weight[m] * Math.sin(dot);
            for (int j = 0; j < d; j++) {
                gradient[j] += c * omega[om + j];
            }
        }
        double f = amplitude * sum;
        int n = update.length;
        for (int i = 0; i < n; i++) {
            double r2 = 0;
            int xi = i * d;
            for (int j = 0; j < d; j++) {
                double diff = x[j] - trainX[xi + j];
                r2 += diff * diff * invLsq[j];
            }
            f += s2 * kernel.shape(r2, kernelAlpha) * update[i];
            double c = 2 * s2 * kernel.shapeDerivative(r2, kernelAlpha) * update[i];
            for (int j = 0; j < d; j++) {
                gradient[j] += c * (x[j] - trainX[xi + j]) * invLsq[j];
            }
        }
        for (int j = 0; j < d; j++) {
            gradient[j] *= yScale;
        }
        return yMean + yScale * f;
    }

    /** The prior draw at the point stored in {@code x} from {@code offset}, in normalised units. */
    double prior(double[] x, int offset) {
        double sum = 0;
        for (int m = 0; m < features; m++) {
            double dot = phase[m];
            int om = m * d;
            for (int j = 0; j < d; j++) {
                dot += omega[om + j] * x[offset + j];
            }
            sum += weight[m] * Math.cos(dot);
        }
        return Math.sqrt(2 * s2 / features) * sum;
    }
}
