package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MarginalLikelihoodTest {

    private static MarginalLikelihood fixture(KernelType kernel, boolean exact, boolean withPrior) {
        SplittableRandom rng = new SplittableRandom(11);
        int n = 12;
        int d = 3;
        double[] x = new double[n * d];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                x[i * d + j] = rng.nextDouble();
            }
            y[i] = Math.cos(4 * x[i * d]) + 0.5 * x[i * d + 1] + 0.1 * rng.nextGaussian();
        }
        return new MarginalLikelihood(new ParamLayout(kernel, d, !exact, 1.0), x, y, withPrior);
    }

    private static void assertGradientMatchesCentralDifferences(MarginalLikelihood f, double[] theta) {
        double[] g = new double[theta.length];
        double v = f.valueAndGradient(theta, g);
        assertThat(v).isFinite();
        double h = 1e-5;
        double[] scratch = new double[theta.length];
        for (int p = 0; p < theta.length; p++) {
            double[] up = theta.clone();
            double[] down = theta.clone();
            up[p] += h;
            down[p] -= h;
            double numeric = (f.valueAndGradient(up, scratch) - f.valueAndGradient(down, scratch)) / (2 * h);
            assertThat(g[p]).as("d/d %s", f.layout.name(p)).isCloseTo(numeric, within(1e-5 * Math.max(1, Math.abs(numeric))));
        }
    }

    @ParameterizedTest
    @EnumSource(KernelType.class)
    void logMarginalLikelihoodGradientMatchesFiniteDifferences(KernelType kernel) {
        MarginalLikelihood f = fixture(kernel, false, false);
        double[] theta = new double[f.size()];
        double[] values = {0.3, 0.8, 0.5, 1.3, 0.7, 0.05};
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.log(values[i]);
        }
        assertGradientMatchesCentralDifferences(f, theta);
    }

    @ParameterizedTest
    @EnumSource(KernelType.class)
    void logPosteriorGradientWithFixedNoiseMatchesFiniteDifferences(KernelType kernel) {
        MarginalLikelihood f = fixture(kernel, true, true);
        double[] theta = new double[f.size()];
        double[] values = {0.6, 0.2, 0.9, 0.8, 2.5};
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.log(values[i]);
        }
        assertGradientMatchesCentralDifferences(f, theta);
    }
}
