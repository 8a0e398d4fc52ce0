package dev.hpsearch.optimizer.bench;

/**
 * The quality benchmark's test functions with their known minima; {@code bench/optuna_tpe.py} defines
 * the same functions (keep them in step). The GP benchmarks fit {@link #hartmann6} too.
 */
public final class QualityFunctions {

    static final double BRANIN_MIN = 0.397887357729738;
    static final double HARTMANN6_MIN = -3.32236801141551;
    static final double ROSENBROCK_MIN = 0;
    static final double MIXED_MIN = 0;
    static final String[] MIXED_LEVELS = {"adam", "sgd", "rmsprop"};
    private static final double[] MIXED_OFFSET = {0.5, 0, 1.0};

    private QualityFunctions() {
    }

    /** Branin-Hoo on x1 in [-5, 10], x2 in [0, 15]; minimum 0.397887 at three points. */
    static double branin(double x1, double x2) {
        double b = 5.1 / (4 * Math.PI * Math.PI);
        double c = 5 / Math.PI;
        double t = 1 / (8 * Math.PI);
        double u = x2 - b * x1 * x1 + c * x1 - 6;
        return u * u + 10 * (1 - t) * Math.cos(x1) + 10;
    }

    /** Hartmann-6 on [0,1]^6; minimum -3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573). */
    public static double hartmann6(double[] x) {
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        double[][] a = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
        double[][] p = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
        double f = 0;
        for (int i = 0; i < 4; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                s += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
            }
            f -= alpha[i] * Math.exp(-s);
        }
        return f;
    }

    /** Rosenbrock, any dimension: sum_i 100 (x_{i+1} - x_i^2)^2 + (1 - x_i)^2; minimum 0 at (1, ..., 1). */
    static double rosenbrock(double[] x) {
        double f = 0;
        for (int i = 0; i + 1 < x.length; i++) {
            double a = x[i + 1] - x[i] * x[i];
            double b = 1 - x[i];
            f += 100 * a * a + b * b;
        }
        return f;
    }

    /**
     * The mixed space: a log-scale continuous {@code lr} in [1e-4, 1], an integer {@code units} in 1..20 and a
     * categorical {@code optimizer}. With {@code u = log10(lr) + 2.5} and {@code v = (units - 13) / 5}:
     * {@code u^2 + v^2 + 0.5 u^2 v^2 + offset(optimizer)}, offsets adam 0.5, sgd 0, rmsprop 1; minimum 0 at
     * lr = 10^-2.5, units = 13, sgd.
     */
    static double mixed(double lr, int units, String optimizer) {
        double u = Math.log10(lr) + 2.5;
        double v = (units - 13) / 5.0;
        int level = java.util.Arrays.asList(MIXED_LEVELS).indexOf(optimizer);
        if (level < 0) {
            throw new IllegalArgumentException("unknown optimizer " + optimizer);
        }
        return u * u + v * v + 0.5 * u * u * v * v + MIXED_OFFSET[level];
    }
}
