package dev.hpsearch.optimizer.gp;

/**
 * The GP posterior of the latent function at one point, in the units of the observed y.
 *
 * @param mean posterior mean
 * @param variance posterior variance of the latent function (observation noise not included)
 * @param meanGradient d mean / dx
 * @param varianceGradient d variance / dx
 */
public record GpPrediction(double mean, double variance, double[] meanGradient, double[] varianceGradient) {
    public GpPrediction {
        meanGradient = meanGradient.clone();
        varianceGradient = varianceGradient.clone();
    }

    @Override
    public double[] meanGradient() {
        return meanGradient.clone();
    }

    @Override
    public double[] varianceGradient() {
        return varianceGradient.clone();
    }
}
