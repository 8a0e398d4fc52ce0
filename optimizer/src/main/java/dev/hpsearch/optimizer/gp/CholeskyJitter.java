package dev.hpsearch.optimizer.gp;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.chol.CholeskyDecompositionInner_DDRM;
import org.ejml.dense.row.linsol.chol.LinearSolverChol_DDRM;

/**
 * Cholesky factorisation {@code K = L L^T} that retries with growing diagonal jitter when the
 * matrix is not numerically positive definite.
 *
 * <p>The jitter added on the i-th retry is {@code 10^(i-11) * mean(diag K)}: 1e-10, 1e-9, ... up to
 * 1e-2 of the mean variance. A covariance that still fails is reported with {@code NaN}, never an
 * exception: callers treat it as an expected numerical failure. Not thread-safe; holds work buffers.
 */
final class CholeskyJitter {

    static final double FIRST_JITTER = 1e-10;
    static final double MAX_JITTER = 1e-2;

    private final CholeskyDecompositionInner_DDRM chol = new CholeskyDecompositionInner_DDRM(true);
    private final LinearSolverChol_DDRM solver = new LinearSolverChol_DDRM(chol);
    private double[] backup = new double[0];
    private double[] invDiag = new double[0];

    /**
     * Factors {@code k} in place: afterwards its lower triangle holds {@code L}.
     *
     * @param k a symmetric matrix; modified
     * @return the relative jitter that was needed (0 if none), or {@code NaN} if even the largest
     *     jitter did not make the matrix positive definite (then {@code k} is garbage)
     */
    double factor(DMatrixRMaj k) {
        int n = k.numRows;
        int len = n * n;
        if (backup.length < len) {
            backup = new double[len];
        }
        System.arraycopy(k.data, 0, backup, 0, len);
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += k.data[i * n + i];
        }
        meanDiag /= n;
        if (!Double.isFinite(meanDiag) || meanDiag <= 0) {
            return Double.NaN;
        }
        double jitter = 0;
        while (true) {
            if (jitter > 0) {
                System.arraycopy(backup, 0, k.data, 0, len);
                for (int i = 0; i < n; i++) {
                    k.data[i * n + i] += jitter * meanDiag;
                }
            }
            if (solver.setA(k) && diagonalFinitePositive(k)) {
                return jitter;
            }
            if (jitter >= MAX_JITTER * 0.999) {
                return Double.NaN;
            }
            jitter = jitter == 0 ? FIRST_JITTER : jitter * 10;
        }
    }

    /** The solver holding the last successful factorisation, for solves and the inverse. */
    LinearSolverChol_DDRM solver() {
        return solver;
    }

    /**
     * Factors {@code K = L L^T} held in the lower triangle of a plain row-major array, with the same
     * growing jitter as {@link #factor}, using {@link DenseCholesky} (the likelihood's hot path).
     *
     * @param a row-major {@code n x n}; on entry its lower triangle (with the diagonal) holds K; on success
     *     it holds L (modified); the strict upper triangle is not used
     * @return the relative jitter that was needed (0 if none), or {@code NaN} if even the largest jitter
     *     did not make the matrix positive definite (then {@code a} is garbage)
     */
    double factorLower(double[] a, int n) {
        int len = n * n;
        if (backup.length < len) {
            backup = new double[len];
        }
        if (invDiag.length < n) {
            invDiag = new double[n];
        }
        System.arraycopy(a, 0, backup, 0, len);
        double meanDiag = 0;
        for (int i = 0; i < n; i++) {
            meanDiag += a[i * n + i];
        }
        meanDiag /= n;
        if (!Double.isFinite(meanDiag) || meanDiag <= 0) {
            return Double.NaN;
        }
        double jitter = 0;
        while (true) {
            if (jitter > 0) {
                System.arraycopy(backup, 0, a, 0, len);
                for (int i = 0; i < n; i++) {
                    a[i * n + i] += jitter * meanDiag;
                }
            }
            if (DenseCholesky.factorLower(a, n, invDiag)) {
                return jitter;
            }
            if (jitter >= MAX_JITTER * 0.999) {
                return Double.NaN;
            }
            jitter = jitter == 0 ? FIRST_JITTER : jitter * 10;
        }
    }

    private static boolean diagonalFinitePositive(DMatrixRMaj l) {
        int n = l.numRows;
        for (int i = 0; i < n; i++) {
            double v = l.data[i * n + i];
            if (!(v > 0) || Double.isInfinite(v)) {
                return false;
            }
        }
        return true;
    }
}
