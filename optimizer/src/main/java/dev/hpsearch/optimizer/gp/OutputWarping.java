package dev.hpsearch.optimizer.gp;

/**
 * A monotone power transform of the observed losses (Yeo and Johnson 2000) with the exponent chosen by
 * maximum likelihood, so that heavy-tailed losses (Rosenbrock-like valleys spanning six orders of magnitude,
 * a few diverged runs) look roughly Gaussian to the GP. Increasing, so the minimiser is unchanged; an exponent
 * near 1 is the identity. The same transform is used for every value of one suggestion (observed and
 * fantasised), so the GP works entirely on the warped scale.
 *
 * <p>On {@code z = (y - mean) / sd}: {@code psi(z) = ((z + 1)^l - 1) / l} for {@code z >= 0} and
 * {@code -((1 - z)^(2 - l) - 1) / (2 - l)} for {@code z < 0} (logs at {@code l = 0} and {@code l = 2}); the
 * profile log-likelihood is {@code -n/2 log var(psi) + (l - 1) sum sign(z) log(1 + |z|)}.
 */
final class OutputWarping {

    static final double MIN_LAMBDA = -1;
    static final double MAX_LAMBDA = 1;
    private static final double STEP = 0.01;

    /**
     * @param lambda the exponent chosen
     * @param values the warped values, NaN where the input was not finite
     */
    record Result(double lambda, double[] values) {
    }

    private OutputWarping() {
    }

    /**
     * Warps {@code y} (not modified); non-finite values stay NaN and are ignored in the fit. With fewer than
     * three finite values or no spread, returns the standardised values unchanged ({@code lambda = 1}).
     */
    static Result apply(double[] y) {
        int n = 0;
        double mean = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                n++;
                mean += v;
            }
        }
        double[] out = new double[y.length];
        if (n == 0) {
            java.util.Arrays.fill(out, Double.NaN);
            return new Result(1, out);
        }
        mean /= n;
        double ss = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                ss += (v - mean) * (v - mean);
            }
        }
        double sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
        double[] z = new double[n];
        int k = 0;
        for (double v : y) {
            if (Double.isFinite(v)) {
                z[k++] = sd > 0 ? (v - mean) / sd : 0;
            }
        }
        double best = 1;
        if (n >= 3 && sd > 1e-12 * Math.max(1, Math.abs(mean))) {
            double jacobian = 0;
            for (double v : z) {
                jacobian += Math.signum(v) * Math.log1p(Math.abs(v));
            }
            double bestLl = Double.NEGATIVE_INFINITY;
            int steps = (int) Math.round((MAX_LAMBDA - MIN_LAMBDA) / STEP);
            for (int s = 0; s <= steps; s++) {
                double lambda = MIN_LAMBDA + s * STEP;
                double m = 0;
                double m2 = 0;
                for (double v : z) {
                    double p = psi(v, lambda);
                    m += p;
                    m2 += p * p;
                }
                double var = m2 / n - (m / n) * (m / n);
                double ll = -0.5 * n * Math.log(var) + (lambda - 1) * jacobian;
                if (var > 0 && ll > bestLl) {
                    bestLl = ll;
                    best = lambda;
                }
            }
        }
        for (int i = 0; i < y.length; i++) {
            out[i] = Double.isFinite(y[i]) ? psi(sd > 0 ? (y[i] - mean) / sd : 0, best) : Double.NaN;
        }
        return new Result(best, out);
    }

    static double psi(double z, double lambda) {
        if (z >= 0) {
            return Math.abs(lambda) < 1e-9 ? Math.log1p(z) : (Math.pow(1 + z, lambda) - 1) / lambda;
        }
        double l2 = 2 - lambda;
        return Math.abs(l2) < 1e-9 ? -Math.log1p(-z) : -(Math.pow(1 - z, l2) - 1) / l2;
    }
}
