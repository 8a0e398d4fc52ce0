package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class OutputWarpingTest {

    @Test
    void gaussianLossesAreLeftAlmostUnwarped() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] y = new double[400];
        for (int i = 0; i < y.length; i++) {
            y[i] = 5 + 2 * rng.nextGaussian();
        }

        OutputWarping.Result r = OutputWarping.apply(y);

        assertThat(r.lambda()).isCloseTo(1, within(0.2));
    }

    @Test
    void heavyUpperTailIsCompressedAndOrderIsKept() {
        SplittableRandom rng = new SplittableRandom(2);
        double[] y = new double[200];
        for (int i = 0; i < y.length; i++) {
            // log-normal over four orders of magnitude, like Rosenbrock values
            y[i] = Math.exp(3 * rng.nextGaussian());
        }

        OutputWarping.Result r = OutputWarping.apply(y);

        assertThat(r.lambda()).isLessThan(0.5).isGreaterThanOrEqualTo(OutputWarping.MIN_LAMBDA);
        for (int i = 0; i < y.length; i++) {
            for (int k = 0; k < y.length; k++) {
                if (y[i] < y[k]) {
                    assertThat(r.values()[i]).isLessThan(r.values()[k]);
                }
            }
        }
    }

    @Test
    void lowerTailIsNeverCompressed() {
        // a few very good losses among many poor ones: a larger exponent would squeeze the good ones together
        double[] y = new double[50];
        for (int i = 0; i < y.length; i++) {
            y[i] = i < 3 ? -30 - i : -(i % 5) * 0.01;
        }

        assertThat(OutputWarping.apply(y).lambda()).isLessThanOrEqualTo(OutputWarping.MAX_LAMBDA);
        assertThat(OutputWarping.MAX_LAMBDA).isEqualTo(1);
    }

    @Test
    void nonFiniteValuesStayNaNAndConstantLossesAreNotWarped() {
        OutputWarping.Result r = OutputWarping.apply(new double[] {1, Double.NaN, 3, 7, 2});
        assertThat(r.values()[1]).isNaN();
        assertThat(r.values()[0]).isFinite();

        OutputWarping.Result flat = OutputWarping.apply(new double[] {4, 4, 4});
        assertThat(flat.lambda()).isEqualTo(1);
        assertThat(flat.values()).containsOnly(0.0);
    }

    @Test
    void transformIsContinuousAtZeroAndAtTheLogExponents() {
        for (double lambda : new double[] {-1, 0, 0.5, 1}) {
            assertThat(OutputWarping.psi(1e-9, lambda)).isCloseTo(OutputWarping.psi(-1e-9, lambda), within(1e-8));
        }
        assertThat(OutputWarping.psi(2, 1e-12)).isCloseTo(Math.log(3), within(1e-9));
        assertThat(OutputWarping.psi(3, 1)).isCloseTo(3, within(1e-12));
        assertThat(OutputWarping.psi(-3, 1)).isCloseTo(-3, within(1e-12));
    }
}
