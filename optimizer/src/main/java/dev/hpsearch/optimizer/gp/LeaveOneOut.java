package dev.hpsearch.optimizer.gp;

/**
 * How well a GP predicts each of its own training points when that point is left out: the observed values, the
 * predictions and their variances (latent plus noise), in the units of y.
 */
public record LeaveOneOut(double[] observed, double[] mean, double[] variance) {
    /** 1 - (sum of squared leave-one-out errors) / (sum of squares about the mean): the share of variation predicted. */
    public double r2() {
        double avg = 0;
        for (double v : observed) {
            avg += v;
        }
        avg /= observed.length;
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < observed.length; i++) {
            sse += (observed[i] - mean[i]) * (observed[i] - mean[i]);
            sst += (observed[i] - avg) * (observed[i] - avg);
        }
        return sst == 0 ? Double.NaN : 1 - sse / sst;
    }

    /** The share of standardized residuals {@code (y - mean) / sd} beyond two: about 5 % for a calibrated model. */
    public double outsideTwoSd() {
        int outside = 0;
        for (int i = 0; i < observed.length; i++) {
            if (Math.abs(observed[i] - mean[i]) > 2 * Math.sqrt(variance[i])) {
                outside++;
            }
        }
        return (double) outside / observed.length;
    }
}
