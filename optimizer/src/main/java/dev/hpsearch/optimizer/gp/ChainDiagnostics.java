package dev.hpsearch.optimizer.gp;

/**
 * Split R-hat and effective sample size (Gelman et al., Bayesian Data Analysis 3rd ed., ch. 11;
 * the multi-chain autocorrelation with Geyer's initial monotone sequence as in Stan).
 */
final class ChainDiagnostics {

    private ChainDiagnostics() {
    }

    /**
     * Splits each chain in halves: {@code chains[c][t]} (equal lengths) becomes 2c chains of half length.
     */
    static double[][] split(double[][] chains) {
        int n = chains[0].length / 2;
        double[][] out = new double[2 * chains.length][n];
        for (int c = 0; c < chains.length; c++) {
            int len = chains[c].length;
            System.arraycopy(chains[c], 0, out[2 * c], 0, n);
            System.arraycopy(chains[c], len - n, out[2 * c + 1], 0, n);
        }
        return out;
    }

    /** R-hat of (already split) chains: {@code sqrt(var+ / W)}, {@code var+ = (N-1)/N W + B/N}. */
    static double rhat(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (m < 2 || n < 2) {
            return Double.NaN;
        }
        double[] means = new double[m];
        double w = 0;
        double grand = 0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(chains[c]);
            grand += means[c];
            w += variance(chains[c], means[c]);
        }
        grand /= m;
        w /= m;
        double bOverN = 0;
        for (double mu : means) {
            bOverN += (mu - grand) * (mu - grand);
        }
        bOverN /= (m - 1);
        double varPlus = (n - 1.0) / n * w + bOverN;
        if (w <= 0) {
            return varPlus > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        }
        return Math.sqrt(varPlus / w);
    }

    /**
     * Effective sample size of (already split) chains:
     * {@code rho_t = 1 - (W - mean_c acov_c(t)) / var+}, summed in pairs {@code P_k = rho_2k + rho_2k+1}
     * while positive and made monotone; {@code ESS = M N / (-1 + 2 sum_k P_k)}.
     */
    static double ess(double[][] chains) {
        int m = chains.length;
        int n = chains[0].length;
        if (n < 4) {
            return 0;
        }
        double[] means = new double[m];
        double w = 0;
        double grand = 0;
        for (int c = 0; c < m; c++) {
            means[c] = mean(chains[c]);
            grand += means[c];
            w += variance(chains[c], means[c]);
        }
        grand /= m;
        w /= m;
        double bOverN = 0;
        if (m > 1) {
            for (double mu : means) {
                bOverN += (mu - grand) * (mu - grand);
            }
            bOverN /= (m - 1);
        }
        double varPlus = (n - 1.0) / n * w + bOverN;
        if (!(varPlus > 0) || !(w > 0)) {
            return 0;
        }
        double sum = 0;
        double previousPair = Double.POSITIVE_INFINITY;
        for (int t = 0; t + 1 < n; t += 2) {
            double pair = rho(chains, means, t, varPlus, w, n) + rho(chains, means, t + 1, varPlus, w, n);
            if (!(pair > 0)) {
                break;
            }
            pair = Math.min(pair, previousPair);
            previousPair = pair;
            sum += pair;
        }
        double tau = -1 + 2 * sum;
        tau = Math.max(tau, 1.0 / Math.log10(m * (double) n));
        return m * (double) n / tau;
    }

    private static double rho(double[][] chains, double[] means, int lag, double varPlus, double w, int n) {
        double acov = 0;
        for (int c = 0; c < chains.length; c++) {
            double[] x = chains[c];
            double mu = means[c];
            double s = 0;
            for (int i = 0; i + lag < n; i++) {
                s += (x[i] - mu) * (x[i + lag] - mu);
            }
            acov += s / n;
        }
        acov /= chains.length;
        // W uses the (n-1) denominator, autocovariances the n denominator, as in Stan
        double wN = w * (n - 1.0) / n;
        return 1 - (wN - acov) / varPlus;
    }

    private static double mean(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s / x.length;
    }

    private static double variance(double[] x, double mean) {
        double s = 0;
        for (double v : x) {
            s += (v - mean) * (v - mean);
        }
        return s / (x.length - 1);
    }
}
