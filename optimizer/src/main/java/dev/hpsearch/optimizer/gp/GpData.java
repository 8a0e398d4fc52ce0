package dev.hpsearch.optimizer.gp;

/**
 * Training inputs, flattened row-major, and the y values the GP models.
 *
 * <p>With {@code normalizeY} the modelled values are {@code (y - mean) / sd}; without it they are
 * only centred ({@code y - mean}, a constant-mean GP) so a GP on raw losses far from zero does not
 * revert to 0 between observations. The prior scale {@link #priorVariance} is 1 after normalisation
 * and the sample variance of y otherwise.
 */
final class GpData {
    final int n;
    final int d;
    final double[] x;
    final double[] y;
    final double yMean;
    final double yScale;
    final double priorVariance;

    private GpData(int n, int d, double[] x, double[] y, double yMean, double yScale, double priorVariance) {
        this.n = n;
        this.d = d;
        this.x = x;
        this.y = y;
        this.yMean = yMean;
        this.yScale = yScale;
        this.priorVariance = priorVariance;
    }

    /**
     * @param x points (each of the same dimension); not modified
     * @param y observed values, finite; not modified
     * @throws GpFitException for non-finite values
     */
    static GpData of(double[][] x, double[] y, boolean normalizeY) throws GpFitException {
        int n = y.length;
        if (x.length != n) {
            throw new IllegalArgumentException(x.length + " points but " + n + " y values");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no observations");
        }
        int d = x[0].length;
        double[] flat = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (x[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has dimension " + x[i].length + ", expected " + d);
            }
            for (int j = 0; j < d; j++) {
                if (!Double.isFinite(x[i][j])) {
                    throw new GpFitException("point " + i + " has a non-finite coordinate");
                }
                flat[i * d + j] = x[i][j];
            }
            if (!Double.isFinite(y[i])) {
                throw new GpFitException("y[" + i + "] is not finite: " + y[i]);
            }
        }
        double mean = 0;
        for (double v : y) {
            mean += v;
        }
        mean /= n;
        double ss = 0;
        for (double v : y) {
            ss += (v - mean) * (v - mean);
        }
        double var = n > 1 ? ss / (n - 1) : 0;
        // a constant y (or a single point) has no scale: keep 1 so the priors stay usable
        boolean degenerate = !(var > 1e-24 * Math.max(1.0, mean * mean));
        double scale = normalizeY && !degenerate ? Math.sqrt(var) : 1.0;
        double priorVariance = normalizeY || degenerate ? 1.0 : var;
        double[] yy = new double[n];
        for (int i = 0; i < n; i++) {
            yy[i] = (y[i] - mean) / scale;
        }
        return new GpData(n, d, flat, yy, mean, scale, priorVariance);
    }

    /** The same normalisation applied to more points (fantasised observations), y in original units. */
    GpData append(double[][] xs, double[] ys) {
        int p = ys.length;
        double[] flat = new double[(n + p) * d];
        System.arraycopy(x, 0, flat, 0, n * d);
        double[] yy = new double[n + p];
        System.arraycopy(y, 0, yy, 0, n);
        for (int i = 0; i < p; i++) {
            System.arraycopy(xs[i], 0, flat, (n + i) * d, d);
            yy[n + i] = (ys[i] - yMean) / yScale;
        }
        return new GpData(n + p, d, flat, yy, yMean, yScale, priorVariance);
    }

    /**
     * A uniformly random subset of {@code size} points with the same normalisation (so parameters fitted
     * on it are in the units of the whole data), for fitting the GP parameters on large data.
     */
    GpData randomSubset(int size, java.util.random.RandomGenerator rng) {
        if (size >= n) {
            return this;
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        // partial Fisher-Yates: the first size entries are a uniform random subset
        for (int i = 0; i < size; i++) {
            int j = i + rng.nextInt(n - i);
            int t = idx[i];
            idx[i] = idx[j];
            idx[j] = t;
        }
        java.util.Arrays.sort(idx, 0, size);
        double[] flat = new double[size * d];
        double[] yy = new double[size];
        for (int k = 0; k < size; k++) {
            System.arraycopy(x, idx[k] * d, flat, k * d, d);
            yy[k] = y[idx[k]];
        }
        return new GpData(size, d, flat, yy, yMean, yScale, priorVariance);
    }

    ParamLayout layout(KernelType kernel, boolean exactFeval) {
        return new ParamLayout(kernel, d, !exactFeval, priorVariance);
    }
}
