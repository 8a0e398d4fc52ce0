package dev.hpsearch.optimizer.gp;

import java.util.Arrays;

/**
 * Projected L-BFGS for minimisation on a box {@code lower <= x <= upper}.
 *
 * <p>Each iteration fixes the variables that sit on a bound with the gradient pushing outwards,
 * builds the L-BFGS direction on the remaining (free) variables with the two-loop recursion, and
 * backtracks along the projected path {@code P(x + t d)} until the Armijo condition
 * {@code f(P(x + t d)) <= f(x) + c1 g^T (P(x + t d) - x)} holds. It stops when the projected gradient
 * is below {@code gradientTolerance} (infinity norm) or the relative decrease of {@code f} is below
 * {@code relativeTolerance}. This is simpler than L-BFGS-B's generalised Cauchy point but behaves
 * the same on the smooth, low-dimensional problems met here (acquisition functions and GP
 * likelihoods). Instances are immutable and thread-safe.
 */
public final class BoxLbfgsOptimizer {

    private static final double ARMIJO_C1 = 1e-4;
    private static final int MAX_BACKTRACKS = 40;

    /**
     * @param memory number of correction pairs kept (typically 5-10)
     * @param maxIterations iteration limit
     * @param maxEvaluations evaluation limit (line searches included)
     * @param gradientTolerance stop when {@code max_i |projected gradient_i| <= gradientTolerance}
     * @param relativeTolerance stop when {@code (f_k - f_k+1) <= relativeTolerance * max(|f_k|, |f_k+1|, 1)}
     */
    public record Settings(int memory, int maxIterations, int maxEvaluations, double gradientTolerance,
                           double relativeTolerance) {
        public Settings {
            if (memory < 1 || maxIterations < 1 || maxEvaluations < 1) {
                throw new IllegalArgumentException("memory, maxIterations and maxEvaluations must be >= 1");
            }
            if (!(gradientTolerance >= 0) || !(relativeTolerance >= 0)) {
                throw new IllegalArgumentException("tolerances must be >= 0");
            }
        }

        /** memory 8, 200 iterations, 1000 evaluations, gradient tolerance 1e-6, relative tolerance 1e-10. */
        public static Settings defaults() {
            return new Settings(8, 200, 1000, 1e-6, 1e-10);
        }

        public Settings withMaxIterations(int n) {
            return new Settings(memory, n, maxEvaluations, gradientTolerance, relativeTolerance);
        }

        public Settings withMaxEvaluations(int n) {
            return new Settings(memory, maxIterations, n, gradientTolerance, relativeTolerance);
        }

        public Settings withGradientTolerance(double tol) {
            return new Settings(memory, maxIterations, maxEvaluations, tol, relativeTolerance);
        }

        public Settings withRelativeTolerance(double tol) {
            return new Settings(memory, maxIterations, maxEvaluations, gradientTolerance, tol);
        }
    }

    private final Settings settings;

    public BoxLbfgsOptimizer(Settings settings) {
        this.settings = settings;
    }

    public BoxLbfgsOptimizer() {
        this(Settings.defaults());
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Minimises {@code f} on the box.
     *
     * @param f objective with gradient; a non-finite value is treated as "worse than anything"
     * @param start starting point (projected onto the box first); not modified
     * @param lower lower bounds; not modified
     * @param upper upper bounds ({@code >= lower}); not modified
     * @return the best point seen; if {@code f} is not finite at the start, that point with its value
     */
    public OptimizationResult minimize(DifferentiableFunction f, double[] start, double[] lower, double[] upper) {
        int n = start.length;
        if (lower.length != n || upper.length != n) {
            throw new IllegalArgumentException("start, lower and upper must have the same length");
        }
        for (int i = 0; i < n; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException("lower[" + i + "] > upper[" + i + "]: " + lower[i] + " > " + upper[i]);
            }
        }
        int m = settings.memory();
        double[][] sHist = new double[m][n];
        double[][] yHist = new double[m][n];
        double[] rho = new double[m];
        int stored = 0;
        int newest = -1;

        double[] x = new double[n];
        project(start, lower, upper, x);
        double[] g = new double[n];
        double fx = f.valueAndGradient(x, g);
        int evaluations = 1;
        if (!Double.isFinite(fx)) {
            return new OptimizationResult(x, fx, 0, evaluations, false);
        }
        double[] d = new double[n];
        double[] xNew = new double[n];
        double[] gNew = new double[n];
        double[] alphaBuf = new double[m];
        boolean[] free = new boolean[n];
        int iter = 0;
        boolean converged = false;
        while (iter < settings.maxIterations() && evaluations < settings.maxEvaluations()) {
            // free variables: not on a bound with the gradient pointing out of the box
            double pgNorm = 0;
            for (int i = 0; i < n; i++) {
                boolean atLower = x[i] <= lower[i] && g[i] > 0;
                boolean atUpper = x[i] >= upper[i] && g[i] < 0;
                free[i] = !(atLower || atUpper) && lower[i] < upper[i];
                if (free[i]) {
                    pgNorm = Math.max(pgNorm, Math.abs(g[i]));
                }
            }
            if (pgNorm <= settings.gradientTolerance()) {
                converged = true;
                break;
            }
            iter++;
            direction(g, free, sHist, yHist, rho, stored, newest, alphaBuf, d);
            double slope = maskedDot(g, d, free);
            if (!(slope < 0)) {
                // not a descent direction: forget the curvature pairs and take steepest descent
                stored = 0;
                for (int i = 0; i < n; i++) {
                    d[i] = free[i] ? -g[i] : 0;
                }
            }
            double t = stored == 0 ? Math.min(1.0, 1.0 / infNorm(d)) : 1.0;
            double fNew = Double.NaN;
            boolean accepted = false;
            for (int bt = 0; bt < MAX_BACKTRACKS && evaluations < settings.maxEvaluations(); bt++) {
                for (int i = 0; i < n; i++) {
                    xNew[i] = Math.min(upper[i], Math.max(lower[i], x[i] + t * d[i]));
                }
                double decrease = 0;
                for (int i = 0; i < n; i++) {
                    decrease += g[i] * (xNew[i] - x[i]);
                }
                fNew = f.valueAndGradient(xNew, gNew);
                evaluations++;
                if (Double.isFinite(fNew) && fNew <= fx + ARMIJO_C1 * decrease) {
                    accepted = true;
                    break;
                }
                t *= 0.5;
            }
            if (!accepted) {
                if (stored > 0) {
                    stored = 0; // retry once more from steepest descent
                    continue;
                }
                break;
            }
            // curvature pair s = x+ - x, y = g+ - g, kept when s^T y > 0 (keeps H positive definite)
            int slot = (newest + 1) % m;
            double sy = 0;
            double yy = 0;
            for (int i = 0; i < n; i++) {
                double si = xNew[i] - x[i];
                double yi = gNew[i] - g[i];
                sHist[slot][i] = si;
                yHist[slot][i] = yi;
                sy += si * yi;
                yy += yi * yi;
            }
            if (sy > 1e-12 * yy && sy > 0) {
                rho[slot] = 1.0 / sy;
                newest = slot;
                stored = Math.min(stored + 1, m);
            }
            double fOld = fx;
            System.arraycopy(xNew, 0, x, 0, n);
            System.arraycopy(gNew, 0, g, 0, n);
            fx = fNew;
            if (fOld - fx <= settings.relativeTolerance() * Math.max(Math.max(Math.abs(fOld), Math.abs(fx)), 1.0)) {
                converged = true;
                break;
            }
        }
        return new OptimizationResult(x, fx, iter, evaluations, converged);
    }

    /** d = -H g on the free variables by the L-BFGS two-loop recursion; zero on fixed ones. */
    private static void direction(double[] g, boolean[] free, double[][] s, double[][] y, double[] rho,
                                  int stored, int newest, double[] alpha, double[] d) {
        int n = g.length;
        int m = rho.length;
        for (int i = 0; i < n; i++) {
            d[i] = free[i] ? g[i] : 0;
        }
        if (stored == 0) {
            for (int i = 0; i < n; i++) {
                d[i] = -d[i];
            }
            return;
        }
        int idx = newest;
        for (int k = 0; k < stored; k++) {
            // alpha_k = rho_k s_k^T q; q -= alpha_k y_k
            double a = rho[idx] * maskedDot(s[idx], d, free);
            alpha[idx] = a;
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    d[i] -= a * y[idx][i];
                }
            }
            idx = (idx - 1 + m) % m;
        }
        // initial Hessian gamma I with gamma = s^T y / y^T y of the newest pair
        double yy = maskedDot(y[newest], y[newest], free);
        double gamma = yy > 0 ? maskedDot(s[newest], y[newest], free) / yy : 1.0;
        if (!(gamma > 0) || !Double.isFinite(gamma)) {
            gamma = 1.0 / rho[newest] / Math.max(dot(y[newest], y[newest]), 1e-300);
        }
        for (int i = 0; i < n; i++) {
            d[i] *= gamma;
        }
        idx = (newest - stored + 1 + m) % m;
        for (int k = 0; k < stored; k++) {
            // beta = rho_k y_k^T r; r += s_k (alpha_k - beta)
            double b = rho[idx] * maskedDot(y[idx], d, free);
            for (int i = 0; i < n; i++) {
                if (free[i]) {
                    d[i] += s[idx][i] * (alpha[idx] - b);
                }
            }
            idx = (idx + 1) % m;
        }
        for (int i = 0; i < n; i++) {
            d[i] = free[i] ? -d[i] : 0;
        }
    }

    private static double maskedDot(double[] a, double[] b, boolean[] mask) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            if (mask[i]) {
                s += a[i] * b[i];
            }
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double infNorm(double[] a) {
        double s = 0;
        for (double v : a) {
            s = Math.max(s, Math.abs(v));
        }
        return s > 0 ? s : 1.0;
    }

    private static void project(double[] x, double[] lower, double[] upper, double[] out) {
        for (int i = 0; i < x.length; i++) {
            out[i] = Math.min(upper[i], Math.max(lower[i], x[i]));
        }
        Arrays.fill(out, x.length, out.length, 0);
    }
}
