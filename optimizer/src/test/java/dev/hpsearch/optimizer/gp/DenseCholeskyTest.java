package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DenseCholeskyTest {

    /** A random symmetric positive definite matrix B B^T + n I, full (both triangles). */
    private static double[] spd(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[n * n];
        for (int i = 0; i < b.length; i++) {
            b[i] = rng.nextDouble() - 0.5;
        }
        double[] k = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < n; m++) {
                double s = i == m ? n : 0;
                for (int j = 0; j < n; j++) {
                    s += b[i * n + j] * b[m * n + j];
                }
                k[i * n + m] = s;
            }
        }
        return k;
    }

    // sizes around the block of 4 (remainders 0..3) and one large enough for several blocks
    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 7, 8, 13, 37, 100})
    void factorReproducesTheMatrixAndTheInverseIsOne(int n) {
        double[] k = spd(n, n);
        double[] a = k.clone();
        // garbage in the strict upper triangle must not matter
        for (int i = 1; i < n; i++) {
            a[i] = Double.NaN;
        }

        assertThat(DenseCholesky.factorLower(a, n, new double[n])).isTrue();

        for (int i = 0; i < n; i++) {
            for (int m = 0; m <= i; m++) {
                double s = 0;
                for (int j = 0; j <= m; j++) {
                    s += a[i * n + j] * a[m * n + j];
                }
                assertThat(s).as("(L L^T)_%d%d", i, m).isCloseTo(k[i * n + m], within(1e-10 * n));
            }
        }
        double[] kinv = new double[n * n];
        DenseCholesky.inverseLower(a, n, new double[n * n], new double[n], kinv);
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < n; m++) {
                double s = 0;
                for (int j = 0; j < n; j++) {
                    double inv = j <= m ? kinv[m * n + j] : kinv[j * n + m];
                    s += k[i * n + j] * inv;
                }
                assertThat(s).as("(K K^-1)_%d%d", i, m).isCloseTo(i == m ? 1 : 0, within(1e-10));
            }
        }
        double[] rhs = new double[n];
        for (int i = 0; i < n; i++) {
            rhs[i] = Math.sin(i + 1.0);
        }
        double[] x = new double[n];
        DenseCholesky.solve(a, n, rhs, x);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += k[i * n + j] * x[j];
            }
            assertThat(s).isCloseTo(rhs[i], within(1e-10));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 6})
    void indefiniteMatrixIsRefusedAndJitterCannotRescueIt(int n) {
        double[] a = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int m = 0; m < n; m++) {
                a[i * n + m] = i == m ? 1 : 2;
            }
        }

        assertThat(DenseCholesky.factorLower(a.clone(), n, new double[n])).isFalse();
        assertThat(new CholeskyJitter().factorLower(a, n)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 9})
    void singularMatrixIsFactoredWithTheSmallestJitterThatWorks(int n) {
        double[] a = new double[n * n];
        java.util.Arrays.fill(a, 1.0);

        double jitter = new CholeskyJitter().factorLower(a, n);

        assertThat(jitter).isBetween(CholeskyJitter.FIRST_JITTER, CholeskyJitter.MAX_JITTER);
    }
}
