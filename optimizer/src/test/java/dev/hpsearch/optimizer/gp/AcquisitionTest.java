package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class AcquisitionTest {

    private static List<GaussianProcess> models(int count) throws GpFitException {
        SplittableRandom rng = new SplittableRandom(9);
        int d = 2;
        double[][] x = new double[12][d];
        double[] y = new double[12];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = rng.nextDouble();
            x[i][1] = rng.nextDouble();
            y[i] = (x[i][0] - 0.3) * (x[i][0] - 0.3) + Math.sin(5 * x[i][1]);
        }
        List<GaussianProcess> out = new ArrayList<>();
        for (int s = 0; s < count; s++) {
            double[] theta = {Math.log(0.3 + 0.1 * s), Math.log(0.5), Math.log(1.0 + 0.2 * s), Math.log(0.01)};
            out.add(GaussianProcess.withParameters(new GpSpec(KernelType.MATERN52, true, false), x, y, theta));
        }
        return out;
    }

    @ParameterizedTest
    @EnumSource(AcquisitionType.class)
    void gradientMatchesCentralDifferencesForOneModel(AcquisitionType type) throws GpFitException {
        assertGradient(new Acquisition(type, models(1), type.defaultParameter()));
    }

    @ParameterizedTest
    @EnumSource(AcquisitionType.class)
    void gradientMatchesCentralDifferencesWhenAveragedOverPosteriorDraws(AcquisitionType type) throws GpFitException {
        assertGradient(new Acquisition(type, models(3), type.defaultParameter()));
    }

    private static void assertGradient(Acquisition a) {
        double[][] points = {{0.41, 0.77}, {0.05, 0.33}, {0.9, 0.9}};
        for (double[] x : points) {
            double[] g = new double[2];
            double v = a.valueAndGradient(x, g);
            assertThat(v).isEqualTo(a.value(x));
            double h = 1e-6;
            for (int j = 0; j < 2; j++) {
                double[] up = x.clone();
                double[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                double numeric = (a.value(up) - a.value(down)) / (2 * h);
                assertThat(g[j]).isCloseTo(numeric, within(1e-5 + 1e-4 * Math.abs(numeric)));
            }
        }
    }

    @Test
    void expectedImprovementMatchesItsClosedForm() {
        double[] der = new double[2];
        // m = 0.2, s = 0.5, best = 0, xi = 0: u = -0.4, EI = s (u Phi(u) + phi(u))
        double u = -0.4;
        double expected = 0.5 * (u * 0.34457825838967576 + 0.3682701403033233);
        assertThat(-AcquisitionType.EI.score(0.2, 0.5, 0.0, 0.0, der)).isCloseTo(expected, within(1e-12));
        assertThat(-AcquisitionType.MPI.score(0.2, 0.5, 0.0, 0.0, der)).isCloseTo(0.34457825838967576, within(1e-12));
        assertThat(AcquisitionType.LCB.score(0.2, 0.5, 0.0, 2.0, der)).isCloseTo(-0.8, within(1e-12));
    }
}
