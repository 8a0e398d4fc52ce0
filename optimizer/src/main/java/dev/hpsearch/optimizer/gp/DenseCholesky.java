package dev.hpsearch.optimizer.gp;

/**
 * Cholesky factorisation, solves and inverse on plain row-major {@code n x n} arrays, written for the
 * likelihood's hot loop (tens of thousands of calls per HMC run).
 *
 * <p>The O(n^3) loops are dot products of contiguous rows whose partial sums stay in registers
 * ({@code Math.fma}, several rows against several at once), not axpy passes over short rows: at n = 100 on the
 * 2-core build machine (thread CPU) the factorisation takes 34 us against 51 us for the earlier right-looking
 * axpy version (and 95 us for EJML's {@code CholeskyDecompositionInner_DDRM}), the inverse 69 us against
 * 121 us. No allocation; stateless.
 */
final class DenseCholesky {

    private static final int BLOCK = 4;

    private DenseCholesky() {
    }

    /**
     * Factors {@code K = L L^T} in place, left-looking, one block of four columns at a time:
     * {@code L_ij = (K_ij - sum_{k<j} L_ik L_jk) / L_jj} and {@code L_jj = sqrt(K_jj - sum_{k<j} L_jk^2)}.
     * The sums over the finished columns {@code k < jb} are dot products of contiguous rows with their partial
     * sums in registers (two rows against the block's four: 8 sums, 6 loads per 8 multiply-adds); the few
     * terms inside the block follow one at a time. n^3/6 multiply-adds.
     *
     * @param a row-major {@code n x n}; its lower triangle (with the diagonal) holds K on entry and L on a
     *     successful return; the strict upper triangle is neither read nor written (modified)
     * @param invDiag work array of n; receives {@code 1 / L_jj} (modified)
     * @return false if a pivot is not positive (K not numerically positive definite; {@code a} is then
     *     partly overwritten)
     */
    static boolean factorLower(double[] a, int n, double[] invDiag) {
        for (int jb = 0; jb < n; jb += BLOCK) {
            int je = Math.min(n, jb + BLOCK);
            int kStart = 0;
            if (je - jb == BLOCK) {
                // the block's own lower triangle first loses the finished columns' terms, ten sums in one pass
                int r0 = jb * n;
                int r1 = r0 + n;
                int r2 = r1 + n;
                int r3 = r2 + n;
                double s00 = 0;
                double s10 = 0;
                double s11 = 0;
                double s20 = 0;
                double s21 = 0;
                double s22 = 0;
                double s30 = 0;
                double s31 = 0;
                double s32 = 0;
                double s33 = 0;
                for (int k = 0; k < jb; k++) {
                    double x0 = a[r0 + k];
                    double x1 = a[r1 + k];
                    double x2 = a[r2 + k];
                    double x3 = a[r3 + k];
                    s00 = Math.fma(x0, x0, s00);
                    s10 = Math.fma(x1, x0, s10);
                    s11 = Math.fma(x1, x1, s11);
                    s20 = Math.fma(x2, x0, s20);
                    s21 = Math.fma(x2, x1, s21);
                    s22 = Math.fma(x2, x2, s22);
                    s30 = Math.fma(x3, x0, s30);
                    s31 = Math.fma(x3, x1, s31);
                    s32 = Math.fma(x3, x2, s32);
                    s33 = Math.fma(x3, x3, s33);
                }
                a[r0 + jb] -= s00;
                a[r1 + jb] -= s10;
                a[r1 + jb + 1] -= s11;
                a[r2 + jb] -= s20;
                a[r2 + jb + 1] -= s21;
                a[r2 + jb + 2] -= s22;
                a[r3 + jb] -= s30;
                a[r3 + jb + 1] -= s31;
                a[r3 + jb + 2] -= s32;
                a[r3 + jb + 3] -= s33;
                kStart = jb;
            }
            // the diagonal block, one entry at a time (over k < jb too for a last, partial block)
            for (int i = jb; i < je; i++) {
                int ri = i * n;
                for (int j = jb; j <= i; j++) {
                    int rj = j * n;
                    double s = a[ri + j];
                    for (int k = kStart; k < j; k++) {
                        s = Math.fma(-a[ri + k], a[rj + k], s);
                    }
                    if (i == j) {
                        if (!(s > 0) || Double.isInfinite(s)) {
                            return false;
                        }
                        double u = Math.sqrt(s);
                        a[ri + i] = u;
                        invDiag[i] = 1.0 / u;
                    } else {
                        a[ri + j] = s * invDiag[j];
                    }
                }
            }
            if (je - jb < BLOCK) {
                break;
            }
            factorBelowBlock(a, n, invDiag, jb);
        }
        return true;
    }

    /** Columns jb..jb+3 of L below the diagonal block, which is finished. */
    private static void factorBelowBlock(double[] a, int n, double[] invDiag, int jb) {
        int j0 = jb * n;
        int j1 = j0 + n;
        int j2 = j1 + n;
        int j3 = j2 + n;
        double d0 = invDiag[jb];
        double d1 = invDiag[jb + 1];
        double d2 = invDiag[jb + 2];
        double d3 = invDiag[jb + 3];
        double l10 = a[j1 + jb];
        double l20 = a[j2 + jb];
        double l21 = a[j2 + jb + 1];
        double l30 = a[j3 + jb];
        double l31 = a[j3 + jb + 1];
        double l32 = a[j3 + jb + 2];
        int i = jb + BLOCK;
        for (; i + 2 <= n; i += 2) {
            int ri = i * n;
            int ri1 = ri + n;
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            double b0 = 0;
            double b1 = 0;
            double b2 = 0;
            double b3 = 0;
            for (int k = 0; k < jb; k++) {
                double x = a[ri + k];
                double z = a[ri1 + k];
                double y0 = a[j0 + k];
                double y1 = a[j1 + k];
                double y2 = a[j2 + k];
                double y3 = a[j3 + k];
                a0 = Math.fma(x, y0, a0);
                a1 = Math.fma(x, y1, a1);
                a2 = Math.fma(x, y2, a2);
                a3 = Math.fma(x, y3, a3);
                b0 = Math.fma(z, y0, b0);
                b1 = Math.fma(z, y1, b1);
                b2 = Math.fma(z, y2, b2);
                b3 = Math.fma(z, y3, b3);
            }
            finishRow(a, ri + jb, a0, a1, a2, a3, d0, d1, d2, d3, l10, l20, l21, l30, l31, l32);
            finishRow(a, ri1 + jb, b0, b1, b2, b3, d0, d1, d2, d3, l10, l20, l21, l30, l31, l32);
        }
        for (; i < n; i++) {
            int ri = i * n;
            double a0 = 0;
            double a1 = 0;
            double a2 = 0;
            double a3 = 0;
            for (int k = 0; k < jb; k++) {
                double x = a[ri + k];
                a0 = Math.fma(x, a[j0 + k], a0);
                a1 = Math.fma(x, a[j1 + k], a1);
                a2 = Math.fma(x, a[j2 + k], a2);
                a3 = Math.fma(x, a[j3 + k], a3);
            }
            finishRow(a, ri + jb, a0, a1, a2, a3, d0, d1, d2, d3, l10, l20, l21, l30, l31, l32);
        }
    }

    /** {@code L_i,jb+q} for q = 0..3 at {@code a[at + q]}, given the sums over the finished columns. */
    private static void finishRow(double[] a, int at, double s0, double s1, double s2, double s3,
                                  double d0, double d1, double d2, double d3,
                                  double l10, double l20, double l21, double l30, double l31, double l32) {
        double v0 = (a[at] - s0) * d0;
        double v1 = (a[at + 1] - s1 - v0 * l10) * d1;
        double v2 = (a[at + 2] - s2 - v0 * l20 - v1 * l21) * d2;
        double v3 = (a[at + 3] - s3 - v0 * l30 - v1 * l31 - v2 * l32) * d3;
        a[at] = v0;
        a[at + 1] = v1;
        a[at + 2] = v2;
        a[at + 3] = v3;
    }

    /**
     * Solves {@code K x = b} with {@code K = L L^T}.
     *
     * @param a lower triangle (with the diagonal) holds L; not modified
     * @param b right-hand side; not modified unless it is {@code x}
     * @param x receives the solution; may be {@code b}
     */
    static void solve(double[] a, int n, double[] b, double[] x) {
        if (x != b) {
            System.arraycopy(b, 0, x, 0, n);
        }
        // L z = b, row by row: z_i = (b_i - sum_{k<i} L_ik z_k) / L_ii
        for (int i = 0; i < n; i++) {
            int ri = i * n;
            double s = x[i];
            for (int k = 0; k < i; k++) {
                s -= a[ri + k] * x[k];
            }
            x[i] = s / a[ri + i];
        }
        // L^T x = z, column by column of L^T = row by row of L: x_i = z_i / L_ii; z_m -= L_im x_i
        for (int i = n - 1; i >= 0; i--) {
            int ri = i * n;
            double xi = x[i] / a[ri + i];
            x[i] = xi;
            for (int m = 0; m < i; m++) {
                x[m] -= a[ri + m] * xi;
            }
        }
    }

    /**
     * The lower triangle of {@code K^-1 = L^-T L^-1}.
     *
     * <p>Both halves are dot products over contiguous rows with their partial sums held in registers
     * ({@code Math.fma}), not axpy passes over short rows: {@code T = L^-T} in blocks of four rows of T and two
     * columns at a time (8 running sums, 6 loads per 8 multiply-adds), then {@code K^-1 = T T^T} in 4 x 4 blocks
     * (16 running sums, 8 loads per 16 multiply-adds). n^3/6 multiply-adds each. Measured at n = 100 (thread CPU,
     * the shared 2-core machine): 69 us against 121-175 us for the four-rows-per-pass axpy version.
     *
     * @param l lower triangle holds L, row-major n x n; not modified
     * @param t work array of n*n; modified (receives {@code T = L^-T}, upper triangular, zero below the diagonal)
     * @param row work array of n; modified (receives {@code 1 / L_ii})
     * @param out receives the lower triangle (with the diagonal) of K^-1; inside the 4 x 4 diagonal blocks the
     *     entries just above the diagonal are written too (with K^-1's values); the rest of the upper triangle is
     *     untouched
     */
    static void inverseLower(double[] l, int n, double[] t, double[] row, double[] out) {
        upperInverse(l, n, t, row);
        symmetricProduct(t, n, out);
    }

    /**
     * {@code T = L^-T}: row j of T is column j of {@code L^-1}, so {@code L (T_j)^T = e_j} gives
     * {@code T_jj = 1 / L_jj} and {@code T_ji = -(sum_{k=j}^{i-1} L_ik T_jk) / L_ii} for {@code i > j}.
     */
    private static void upperInverse(double[] l, int n, double[] t, double[] invDiag) {
        for (int i = 0; i < n; i++) {
            invDiag[i] = 1.0 / l[i * n + i];
        }
        int jb = 0;
        for (; jb + BLOCK <= n; jb += BLOCK) {
            // the 4 x 4 diagonal block of rows jb..jb+3, one dot product at a time (written out here: as a
            // call, C2 compiled this method 1.7 times slower)
            for (int j = jb; j < jb + BLOCK; j++) {
                int rj = j * n;
                java.util.Arrays.fill(t, rj, rj + j, 0.0);
                t[rj + j] = invDiag[j];
                for (int i = j + 1; i < jb + BLOCK; i++) {
                    int ri = i * n;
                    double s = 0;
                    for (int k = j; k < i; k++) {
                        s = Math.fma(l[ri + k], t[rj + k], s);
                    }
                    t[rj + i] = -s * invDiag[i];
                }
            }
            int t0 = jb * n;
            int t1 = t0 + n;
            int t2 = t1 + n;
            int t3 = t2 + n;
            int i = jb + BLOCK;
            // columns i and i+1 of the four rows: row i of L against each, then i+1 takes T_ji into account
            for (; i + 2 <= n; i += 2) {
                int ri = i * n;
                int ri1 = ri + n;
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                double b0 = 0;
                double b1 = 0;
                double b2 = 0;
                double b3 = 0;
                for (int k = jb; k < i; k++) {
                    double l0 = l[ri + k];
                    double l1 = l[ri1 + k];
                    double x0 = t[t0 + k];
                    double x1 = t[t1 + k];
                    double x2 = t[t2 + k];
                    double x3 = t[t3 + k];
                    a0 = Math.fma(l0, x0, a0);
                    a1 = Math.fma(l0, x1, a1);
                    a2 = Math.fma(l0, x2, a2);
                    a3 = Math.fma(l0, x3, a3);
                    b0 = Math.fma(l1, x0, b0);
                    b1 = Math.fma(l1, x1, b1);
                    b2 = Math.fma(l1, x2, b2);
                    b3 = Math.fma(l1, x3, b3);
                }
                double inv = invDiag[i];
                double v0 = -a0 * inv;
                double v1 = -a1 * inv;
                double v2 = -a2 * inv;
                double v3 = -a3 * inv;
                t[t0 + i] = v0;
                t[t1 + i] = v1;
                t[t2 + i] = v2;
                t[t3 + i] = v3;
                double c = l[ri1 + i];
                double inv1 = invDiag[i + 1];
                t[t0 + i + 1] = -Math.fma(c, v0, b0) * inv1;
                t[t1 + i + 1] = -Math.fma(c, v1, b1) * inv1;
                t[t2 + i + 1] = -Math.fma(c, v2, b2) * inv1;
                t[t3 + i + 1] = -Math.fma(c, v3, b3) * inv1;
            }
            for (; i < n; i++) {
                int ri = i * n;
                double a0 = 0;
                double a1 = 0;
                double a2 = 0;
                double a3 = 0;
                for (int k = jb; k < i; k++) {
                    double l0 = l[ri + k];
                    a0 = Math.fma(l0, t[t0 + k], a0);
                    a1 = Math.fma(l0, t[t1 + k], a1);
                    a2 = Math.fma(l0, t[t2 + k], a2);
                    a3 = Math.fma(l0, t[t3 + k], a3);
                }
                double inv = invDiag[i];
                t[t0 + i] = -a0 * inv;
                t[t1 + i] = -a1 * inv;
                t[t2 + i] = -a2 * inv;
                t[t3 + i] = -a3 * inv;
            }
        }
        for (int j = jb; j < n; j++) {
            upperInverseRow(l, n, t, invDiag, j, n);
        }
    }

    /** Row j of T up to column {@code end - 1}, zero below the diagonal; one dot product per entry. */
    private static void upperInverseRow(double[] l, int n, double[] t, double[] invDiag, int j, int end) {
        int rj = j * n;
        java.util.Arrays.fill(t, rj, rj + j, 0.0);
        t[rj + j] = invDiag[j];
        for (int i = j + 1; i < end; i++) {
            int ri = i * n;
            double s = 0;
            for (int k = j; k < i; k++) {
                s = Math.fma(l[ri + k], t[rj + k], s);
            }
            t[rj + i] = -s * invDiag[i];
        }
    }

    /**
     * {@code (K^-1)_ij = sum_{k >= i} T_ik T_jk} for {@code j <= i} (T is zero below its diagonal), in 4 x 4
     * blocks of (i, j); rows left over after the last whole block one entry at a time.
     */
    private static void symmetricProduct(double[] t, int n, double[] out) {
        int i0 = 0;
        for (; i0 + BLOCK <= n; i0 += BLOCK) {
            int a0 = i0 * n;
            int a1 = a0 + n;
            int a2 = a1 + n;
            int a3 = a2 + n;
            for (int j0 = 0; j0 <= i0; j0 += BLOCK) {
                int b0 = j0 * n;
                int b1 = b0 + n;
                int b2 = b1 + n;
                int b3 = b2 + n;
                double s00 = 0;
                double s01 = 0;
                double s02 = 0;
                double s03 = 0;
                double s10 = 0;
                double s11 = 0;
                double s12 = 0;
                double s13 = 0;
                double s20 = 0;
                double s21 = 0;
                double s22 = 0;
                double s23 = 0;
                double s30 = 0;
                double s31 = 0;
                double s32 = 0;
                double s33 = 0;
                for (int k = i0; k < n; k++) {
                    double x0 = t[a0 + k];
                    double x1 = t[a1 + k];
                    double x2 = t[a2 + k];
                    double x3 = t[a3 + k];
                    double y0 = t[b0 + k];
                    double y1 = t[b1 + k];
                    double y2 = t[b2 + k];
                    double y3 = t[b3 + k];
                    s00 = Math.fma(x0, y0, s00);
                    s01 = Math.fma(x0, y1, s01);
                    s02 = Math.fma(x0, y2, s02);
                    s03 = Math.fma(x0, y3, s03);
                    s10 = Math.fma(x1, y0, s10);
                    s11 = Math.fma(x1, y1, s11);
                    s12 = Math.fma(x1, y2, s12);
                    s13 = Math.fma(x1, y3, s13);
                    s20 = Math.fma(x2, y0, s20);
                    s21 = Math.fma(x2, y1, s21);
                    s22 = Math.fma(x2, y2, s22);
                    s23 = Math.fma(x2, y3, s23);
                    s30 = Math.fma(x3, y0, s30);
                    s31 = Math.fma(x3, y1, s31);
                    s32 = Math.fma(x3, y2, s32);
                    s33 = Math.fma(x3, y3, s33);
                }
                out[a0 + j0] = s00;
                out[a0 + j0 + 1] = s01;
                out[a0 + j0 + 2] = s02;
                out[a0 + j0 + 3] = s03;
                out[a1 + j0] = s10;
                out[a1 + j0 + 1] = s11;
                out[a1 + j0 + 2] = s12;
                out[a1 + j0 + 3] = s13;
                out[a2 + j0] = s20;
                out[a2 + j0 + 1] = s21;
                out[a2 + j0 + 2] = s22;
                out[a2 + j0 + 3] = s23;
                out[a3 + j0] = s30;
                out[a3 + j0 + 1] = s31;
                out[a3 + j0 + 2] = s32;
                out[a3 + j0 + 3] = s33;
            }
        }
        for (int i = i0; i < n; i++) {
            int ri = i * n;
            for (int j = 0; j <= i; j++) {
                int rj = j * n;
                double s = 0;
                for (int k = i; k < n; k++) {
                    s = Math.fma(t[ri + k], t[rj + k], s);
                }
                out[ri + j] = s;
            }
        }
    }
}
