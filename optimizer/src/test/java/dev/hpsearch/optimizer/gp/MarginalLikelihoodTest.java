package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class MarginalLikelihoodTest {

    private static final int N = 12;
    private static final int D = 3;

    private static double[] fixtureX() {
        return fixtureData()[0];
    }

    private static double[] fixtureY() {
        return fixtureData()[1];
    }

    /** {x (n*d, row-major), y (n)}, the same on every call. */
    private static double[][] fixtureData() {
        SplittableRandom rng = new SplittableRandom(11);
        double[] x = new double[N * D];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < D; j++) {
                x[i * D + j] = rng.nextDouble();
            }
            y[i] = Math.cos(4 * x[i * D]) + 0.5 * x[i * D + 1] + 0.1 * rng.nextGaussian();
        }
        return new double[][] {x, y};
    }

    private static MarginalLikelihood fixture(KernelType kernel, boolean exact, boolean withPrior) {
        double[][] data = fixtureData();
        return new MarginalLikelihood(new ParamLayout(kernel, D, !exact, 1.0), data[0], data[1], withPrior);
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

    @ParameterizedTest
    @EnumSource(KernelType.class)
    void recomputedDistancesGiveTheSameValueAndGradientAsCachedOnes(KernelType kernel) {
        MarginalLikelihood cached = fixture(kernel, false, true);
        MarginalLikelihood recomputed = new MarginalLikelihood(cached.layout, fixtureX(), fixtureY(), true, 0);
        double[] theta = new double[cached.size()];
        double[] values = {0.3, 0.8, 0.5, 1.3, 0.7, 0.05};
        for (int i = 0; i < theta.length; i++) {
            theta[i] = Math.log(values[i]);
        }
        double[] g1 = new double[theta.length];
        double[] g2 = new double[theta.length];

        double v1 = cached.valueAndGradient(theta, g1);
        double v2 = recomputed.valueAndGradient(theta, g2);

        assertThat(v2).isCloseTo(v1, within(1e-10 * Math.abs(v1)));
        for (int p = 0; p < theta.length; p++) {
            assertThat(g2[p]).as("d/d %s", cached.layout.name(p)).isCloseTo(g1[p], within(1e-9 * Math.max(1, Math.abs(g1[p]))));
        }
        assertGradientMatchesCentralDifferences(recomputed, theta);
    }
}
