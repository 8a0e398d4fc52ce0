package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class CholeskyJitterTest {

    @Test
    void positiveDefiniteMatrixIsFactoredWithoutJitter() {
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {{4, 2}, {2, 3}});
        double jitter = new CholeskyJitter().factor(k);

        assertThat(jitter).isZero();
        // L = [[2, 0], [1, sqrt(2)]]
        assertThat(k.get(0, 0)).isCloseTo(2, within(1e-12));
        assertThat(k.get(1, 0)).isCloseTo(1, within(1e-12));
        assertThat(k.get(1, 1)).isCloseTo(Math.sqrt(2), within(1e-12));
    }

    @Test
    void singularMatrixGetsTheSmallestJitterThatWorks() {
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {{1, 1, 1}, {1, 1, 1}, {1, 1, 1}});
        double jitter = new CholeskyJitter().factor(k);

        assertThat(jitter).isBetween(CholeskyJitter.FIRST_JITTER, CholeskyJitter.MAX_JITTER);
    }

    @Test
    void indefiniteMatrixIsReportedAsNaNNotThrown() {
        DMatrixRMaj k = new DMatrixRMaj(new double[][] {{1, 2}, {2, 1}});

        assertThat(new CholeskyJitter().factor(k)).isNaN();
    }
}
