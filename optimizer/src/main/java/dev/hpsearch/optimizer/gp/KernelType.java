package dev.hpsearch.optimizer.gp;

/**
 * Stationary covariance functions with per-dimension (ARD) lengthscales.
 *
 * <p>Every kernel is written as {@code k(x, x') = s2 * g(r2)} with the scaled squared distance
 * {@code r2 = sum_j (x_j - x'_j)^2 / l_j^2}; only the shape {@code g} differs. Writing the
 * kernels through {@code g} and {@code dg/dr2} gives every derivative the GP needs: with respect
 * to {@code log l_j} ({@code dk/dr2 * -2 (x_j - x'_j)^2 / l_j^2}), to {@code log s2} ({@code k})
 * and to {@code x_j} ({@code dk/dr2 * 2 (x_j - x'_j) / l_j^2}).
 */
public enum KernelType {
    /** Exponentiated quadratic (RBF, squared exponential): {@code g = exp(-r2 / 2)}. */
    EXP_QUAD("ExpQuad", false) {
        @Override
        double shape(double r2, double alpha) {
            return Math.exp(-0.5 * r2);
        }

        @Override
        double shapeDerivative(double r2, double alpha) {
            // dg/dr2 = -g / 2
            return -0.5 * Math.exp(-0.5 * r2);
        }

        @Override
        double shapeWithDerivative(double r2, double alpha, double[] derivatives) {
            double g = Math.exp(-0.5 * r2);
            derivatives[0] = -0.5 * g;
            return g;
        }
    },
    /**
     * Rational quadratic, a scale mixture of RBF kernels:
     * {@code g = (1 + r2 / (2 alpha))^(-alpha)}; it has the extra parameter {@code alpha > 0}.
     */
    RAT_QUAD("RatQuad", true) {
        @Override
        double shape(double r2, double alpha) {
            return Math.exp(-alpha * Math.log1p(r2 / (2 * alpha)));
        }

        @Override
        double shapeDerivative(double r2, double alpha) {
            // dg/dr2 = -1/2 (1 + r2/(2 alpha))^(-alpha-1)
            return -0.5 * Math.exp((-alpha - 1) * Math.log1p(r2 / (2 * alpha)));
        }

        @Override
        double shapeAlphaDerivative(double r2, double alpha) {
            // b = 1 + r2/(2 alpha); dg/dlog(alpha) = g * (-alpha log b + r2 / (2 b))
            double logB = Math.log1p(r2 / (2 * alpha));
            double b = 1 + r2 / (2 * alpha);
            return Math.exp(-alpha * logB) * (-alpha * logB + r2 / (2 * b));
        }
    },
    /**
     * Matern 5/2 with {@code r = sqrt(r2)}: {@code g = (1 + sqrt5 r + 5/3 r2) exp(-sqrt5 r)}.
     * Its derivative {@code dg/dr2 = -5/6 (1 + sqrt5 r) exp(-sqrt5 r)} is finite at {@code r = 0}.
     */
    MATERN52("Matern52", false) {
        @Override
        double shape(double r2, double alpha) {
            double r = Math.sqrt(r2);
            return (1 + SQRT5 * r + FIVE_THIRDS * r2) * Math.exp(-SQRT5 * r);
        }

        @Override
        double shapeDerivative(double r2, double alpha) {
            double r = Math.sqrt(r2);
            return -FIVE_SIXTHS * (1 + SQRT5 * r) * Math.exp(-SQRT5 * r);
        }

        @Override
        double shapeWithDerivative(double r2, double alpha, double[] derivatives) {
            double r = Math.sqrt(r2);
            double e = Math.exp(-SQRT5 * r);
            derivatives[0] = -FIVE_SIXTHS * (1 + SQRT5 * r) * e;
            return (1 + SQRT5 * r + FIVE_THIRDS * r2) * e;
        }
    };

    private static final double SQRT5 = Math.sqrt(5);
    private static final double FIVE_THIRDS = 5.0 / 3.0;
    private static final double FIVE_SIXTHS = 5.0 / 6.0;

    private final String label;
    private final boolean hasAlpha;

    KernelType(String label, boolean hasAlpha) {
        this.label = label;
        this.hasAlpha = hasAlpha;
    }

    /** The name used in configs and in the search log ({@code ExpQuad}, {@code RatQuad}, {@code Matern52}). */
    public String label() {
        return label;
    }

    /** Whether the kernel has the rational-quadratic shape parameter {@code alpha}. */
    public boolean hasAlpha() {
        return hasAlpha;
    }

    /**
     * The kernel for a config name, case-insensitive.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    public static KernelType fromLabel(String name) {
        for (KernelType k : values()) {
            if (k.label.equalsIgnoreCase(name) || k.name().equalsIgnoreCase(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown kernel '" + name + "'; allowed: ExpQuad, RatQuad, Matern52");
    }

    /** The shape {@code g(r2)} with {@code g(0) = 1}. */
    abstract double shape(double r2, double alpha);

    /** {@code dg/dr2}. */
    abstract double shapeDerivative(double r2, double alpha);

    /**
     * {@code g(r2)} with its derivatives in one pass (shared exponentials).
     *
     * @param derivatives receives {@code [dg/dr2, dg/dlog(alpha)]} (the second only for RatQuad); modified
     */
    double shapeWithDerivative(double r2, double alpha, double[] derivatives) {
        derivatives[0] = shapeDerivative(r2, alpha);
        if (hasAlpha) {
            derivatives[1] = shapeAlphaDerivative(r2, alpha);
        }
        return shape(r2, alpha);
    }

    /** {@code dg/dlog(alpha)}; zero for kernels without {@code alpha}. */
    double shapeAlphaDerivative(double r2, double alpha) {
        return 0;
    }
}
