package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class HmcSamplerTest {

    // target: N(mean, S) with S = [[4, 1.8], [1.8, 1]] (correlation 0.9, scales 2 and 1)
    private static final double[] MEAN = {1.0, -2.0};
    private static final double S11 = 4;
    private static final double S12 = 1.8;
    private static final double S22 = 1;

    private static DifferentiableFunction correlatedGaussian() {
        double det = S11 * S22 - S12 * S12;
        double p11 = S22 / det;
        double p12 = -S12 / det;
        double p22 = S11 / det;
        return (x, g) -> {
            double a = x[0] - MEAN[0];
            double b = x[1] - MEAN[1];
            // log p = -1/2 z^T P z, grad = -P z
            g[0] = -(p11 * a + p12 * b);
            g[1] = -(p12 * a + p22 * b);
            return -0.5 * (p11 * a * a + 2 * p12 * a * b + p22 * b * b);
        };
    }

    @Test
    void recoversMeanAndCovarianceOfACorrelatedGaussian() {
        HmcSettings settings = HmcSettings.defaults().withSamples(1000).withSubsampleInterval(2).withChains(4)
                .withLeapfrogSteps(10);
        List<double[]> starts = List.of(new double[] {5, 5}, new double[] {-5, 3}, new double[] {0, -8}, new double[] {3, 0});

        HmcResult result = new HmcSampler(settings).sample(c -> correlatedGaussian(), starts, new SplittableRandom(42));

        double m0 = 0;
        double m1 = 0;
        for (double[] d : result.draws()) {
            m0 += d[0];
            m1 += d[1];
        }
        int n = result.draws().size();
        m0 /= n;
        m1 /= n;
        double c00 = 0;
        double c01 = 0;
        double c11 = 0;
        for (double[] d : result.draws()) {
            c00 += (d[0] - m0) * (d[0] - m0);
            c01 += (d[0] - m0) * (d[1] - m1);
            c11 += (d[1] - m1) * (d[1] - m1);
        }
        c00 /= n - 1;
        c01 /= n - 1;
        c11 /= n - 1;
        assertThat(n).isEqualTo(4000);
        assertThat(m0).isCloseTo(MEAN[0], within(0.15));
        assertThat(m1).isCloseTo(MEAN[1], within(0.08));
        assertThat(c00).isCloseTo(S11, within(0.15 * S11));
        assertThat(c01).isCloseTo(S12, within(0.15 * S12));
        assertThat(c11).isCloseTo(S22, within(0.15 * S22));
        assertThat(result.converged()).isTrue();
        assertThat(result.maxRhat()).isLessThan(1.05);
        assertThat(result.acceptanceRate()).isBetween(0.5, 0.98);
    }

    @Test
    void chainsStuckInSeparateModesAreReportedAsNotConverged() {
        // two far-apart narrow modes; each chain starts in its own and cannot cross
        DifferentiableFunction bimodal = (x, g) -> {
            double a = x[0] - 10;
            double b = x[0] + 10;
            double la = -0.5 * a * a / 0.01;
            double lb = -0.5 * b * b / 0.01;
            double mx = Math.max(la, lb);
            double wa = Math.exp(la - mx);
            double wb = Math.exp(lb - mx);
            g[0] = (wa * (-a / 0.01) + wb * (-b / 0.01)) / (wa + wb);
            return mx + Math.log(wa + wb);
        };
        HmcSettings settings = HmcSettings.defaults().withBurnin(200).withSamples(50).withSubsampleInterval(2);

        HmcResult result = new HmcSampler(settings).sample(c -> bimodal,
                List.of(new double[] {10}, new double[] {-10}), new SplittableRandom(1));

        assertThat(result.converged()).isFalse();
        assertThat(result.maxRhat()).isGreaterThan(1.5);
        assertThat(result.summary(List.of("x"))).startsWith("HMC not converged").contains("R-hat");
    }

    @Test
    void resultsAreReproducibleAndIndependentOfParallelism() {
        HmcSettings settings = HmcSettings.defaults().withBurnin(100).withSamples(20).withSubsampleInterval(1);
        List<double[]> starts = List.of(new double[] {0, 0}, new double[] {1, 1});

        HmcResult a = new HmcSampler(settings).sample(c -> correlatedGaussian(), starts, new SplittableRandom(5));
        HmcResult b = new HmcSampler(settings.withParallelChains(false))
                .sample(c -> correlatedGaussian(), starts, new SplittableRandom(5));

        assertThat(a.draws()).hasSize(40);
        for (int i = 0; i < a.draws().size(); i++) {
            assertThat(a.draws().get(i)).containsExactly(b.draws().get(i));
        }
    }
}
