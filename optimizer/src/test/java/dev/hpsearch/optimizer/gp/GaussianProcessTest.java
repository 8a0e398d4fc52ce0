package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class GaussianProcessTest {

    private static final double LS = 0.3;
    private static final double S2 = 1.5;
    private static final double SN2 = 0.01;

    /** RBF with lengthscale LS and variance S2, written independently of the production code. */
    private static double rbf(double a, double b) {
        double r = (a - b) / LS;
        return S2 * Math.exp(-0.5 * r * r);
    }

    private static GaussianProcess twoPointRbf() throws GpFitException {
        double[][] x = {{0.2}, {0.6}};
        double[] y = {1.0, -1.0};
        double[] theta = {Math.log(LS), Math.log(S2), Math.log(SN2)};
        return GaussianProcess.withParameters(new GpSpec(KernelType.EXP_QUAD, false, false), x, y, theta);
    }

    @Test
    void posteriorMeanAndVarianceMatchTheTwoPointClosedForm() throws GpFitException {
        GaussianProcess gp = twoPointRbf();
        double xs = 0.45;
        // K = [[a, b], [b, a]], K^-1 = [[a, -b], [-b, a]] / (a^2 - b^2); y is centred (mean 0 here)
        double a = S2 + SN2;
        double b = rbf(0.2, 0.6);
        double det = a * a - b * b;
        double k1 = rbf(xs, 0.2);
        double k2 = rbf(xs, 0.6);
        double alpha1 = (a * 1.0 - b * -1.0) / det;
        double alpha2 = (-b * 1.0 + a * -1.0) / det;
        double expectedMean = k1 * alpha1 + k2 * alpha2;
        double quad = (a * k1 * k1 - 2 * b * k1 * k2 + a * k2 * k2) / det;
        double expectedVar = S2 - quad;

        GpPrediction p = gp.predict(new double[] {xs});

        assertThat(p.mean()).isCloseTo(expectedMean, within(1e-6));
        assertThat(p.variance()).isCloseTo(expectedVar, within(1e-6));
    }

    @Test
    void logMarginalLikelihoodMatchesTheTwoPointClosedForm() throws GpFitException {
        GaussianProcess gp = twoPointRbf();
        double a = S2 + SN2;
        double b = rbf(0.2, 0.6);
        double det = a * a - b * b;
        // y^T K^-1 y with y = (1, -1): (a + 2b + a) / det
        double quad = (2 * a + 2 * b) / det;
        double expected = -0.5 * quad - 0.5 * Math.log(det) - Math.log(2 * Math.PI);

        assertThat(gp.logMarginalLikelihood()).isCloseTo(expected, within(1e-6));
    }

    @Test
    void normalizeYReturnsPredictionsInOriginalUnits() throws GpFitException {
        double[][] x = {{0.1}, {0.5}, {0.9}};
        double[] y = {10, 30, 20};
        double[] theta = {Math.log(0.2), 0, Math.log(1e-6)};
        GaussianProcess gp = GaussianProcess.withParameters(new GpSpec(KernelType.MATERN52, true, false), x, y, theta);

        // with tiny noise the posterior mean interpolates the data
        assertThat(gp.predict(new double[] {0.5}).mean()).isCloseTo(30, within(1e-3));
        assertThat(gp.predict(new double[] {0.1}).mean()).isCloseTo(10, within(1e-3));
        // far from the data the mean reverts to the mean of y
        assertThat(gp.predict(new double[] {50}).mean()).isCloseTo(20, within(1e-6));
    }

    @Test
    void exactFevalMakesThePosteriorInterpolate() throws GpFitException {
        double[][] x = {{0.1, 0.2}, {0.5, 0.5}, {0.9, 0.1}, {0.3, 0.8}};
        double[] y = {1, 3, 2, 0};
        double[] theta = {Math.log(0.3), Math.log(0.3), 0};
        GaussianProcess gp = GaussianProcess.withParameters(new GpSpec(KernelType.EXP_QUAD, true, true), x, y, theta);

        for (int i = 0; i < x.length; i++) {
            GpPrediction p = gp.predict(x[i]);
            assertThat(p.mean()).isCloseTo(y[i], within(1e-4));
            assertThat(p.variance()).isLessThan(1e-4);
        }
    }

    @Test
    void meanAndVarianceGradientsMatchFiniteDifferences() throws GpFitException {
        SplittableRandom rng = new SplittableRandom(7);
        int d = 3;
        double[][] x = new double[10][d];
        double[] y = new double[10];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                x[i][j] = rng.nextDouble();
            }
            y[i] = Math.sin(3 * x[i][0]) + x[i][1] * x[i][2];
        }
        for (KernelType kernel : KernelType.values()) {
            GpSpec spec = new GpSpec(kernel, true, false);
            double[] theta = new double[spec.parameterCount(d)];
            theta[0] = Math.log(0.4);
            theta[1] = Math.log(0.7);
            theta[2] = Math.log(0.5);
            theta[3] = Math.log(1.2);
            if (kernel.hasAlpha()) {
                theta[4] = Math.log(0.8);
            }
            theta[theta.length - 1] = Math.log(0.01);
            GaussianProcess gp = GaussianProcess.withParameters(spec, x, y, theta);
            double[] at = {0.31, 0.62, 0.47};
            GpPrediction p = gp.predict(at);
            double h = 1e-6;
            for (int j = 0; j < d; j++) {
                double[] up = at.clone();
                double[] down = at.clone();
                up[j] += h;
                down[j] -= h;
                GpPrediction pu = gp.predict(up);
                GpPrediction pd = gp.predict(down);
                assertThat(p.meanGradient()[j]).as(kernel + " dmean/dx" + j)
                        .isCloseTo((pu.mean() - pd.mean()) / (2 * h), within(1e-5));
                assertThat(p.varianceGradient()[j]).as(kernel + " dvar/dx" + j)
                        .isCloseTo((pu.variance() - pd.variance()) / (2 * h), within(1e-5));
            }
        }
    }

    @Test
    void repeatedPointsWithExactFevalPredictTheirAverage() throws GpFitException {
        double[][] x = {{0.5}, {0.5}, {0.5}, {0.2}};
        double[] y = {1, 1.1, 0.9, 0};
        GaussianProcess gp = GaussianProcess.withParameters(new GpSpec(KernelType.RAT_QUAD, true, true), x,
                y, new double[] {Math.log(0.3), 0, 0});

        assertThat(gp.predict(new double[] {0.4}).mean()).isFinite();
        assertThat(gp.predict(new double[] {0.5}).mean()).isCloseTo(1.0, within(0.01));
    }

    @Test
    void mleRecoversALengthscaleOfTheRightOrder() throws GpFitException {
        SplittableRandom rng = new SplittableRandom(3);
        int n = 30;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextDouble();
            y[i] = Math.sin(6 * x[i][0]);
        }
        GaussianProcess gp = GaussianProcess.fitMle(new GpSpec(KernelType.EXP_QUAD, true, false), x, y, 3, rng);

        double lengthscale = Math.exp(gp.logParameters()[0]);
        assertThat(lengthscale).isBetween(0.05, 1.0);
        assertThat(gp.predict(new double[] {0.5}).mean()).isCloseTo(Math.sin(3), within(0.05));
    }
}
