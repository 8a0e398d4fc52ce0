package dev.hpsearch.optimizer.gp;

/**
 * A function the acquisition optimizer minimises, weighted by the probability of feasibility (constrained
 * acquisition in the manner of Gardner et al. 2014): the gain {@code g(x)} times {@code P(x)}, negated.
 * <ul>
 *   <li>EI and MPI are gains already (their score is {@code -g}): the weighted score is {@code score * P}.</li>
 *   <li>A value to make small (LCB, a Thompson draw) is turned into a positive gain over the incumbent,
 *   {@code g = softplus((reference - v) / scale)}, which is increasing as {@code v} falls, so without constraints
 *   it ranks points as {@code v} does; the weighted score is {@code -P g}.</li>
 * </ul>
 */
final class FeasibilityWeighted implements DifferentiableFunction {
    private final DifferentiableFunction inner;
    private final boolean gain;
    private final double reference;
    private final double scale;
    private final Feasibility feasibility;

    private FeasibilityWeighted(DifferentiableFunction inner, boolean gain, double reference, double scale,
                                Feasibility feasibility) {
        this.inner = inner;
        this.gain = gain;
        this.reference = reference;
        this.scale = scale;
        this.feasibility = feasibility;
    }

    /** For a score that is minus a gain (EI, MPI). */
    static FeasibilityWeighted ofGain(DifferentiableFunction score, Feasibility feasibility) {
        return new FeasibilityWeighted(score, true, 0, 1, feasibility);
    }

    /** For a value to make small, with the incumbent {@code reference} and a {@code scale > 0} in its units. */
    static FeasibilityWeighted ofValue(DifferentiableFunction value, double reference, double scale,
                                       Feasibility feasibility) {
        return new FeasibilityWeighted(value, false, reference, scale, feasibility);
    }

    @Override
    public double valueAndGradient(double[] x, double[] gradient) {
        double[] dInner = new double[x.length];
        double v = inner.valueAndGradient(x, dInner);
        double[] dp = new double[x.length];
        double p = feasibility.probabilityAndGradient(x, dp);
        if (gain) {
            for (int j = 0; j < x.length; j++) {
                gradient[j] = dInner[j] * p + v * dp[j];
            }
            return v * p;
        }
        double z = (reference - v) / scale;
        double g = softplus(z);
        double dg = sigmoid(z) / scale; // d g / d(-v)
        for (int j = 0; j < x.length; j++) {
            gradient[j] = -(dp[j] * g) + p * dg * dInner[j];
        }
        return -p * g;
    }

    /** The weighted score without gradient. */
    double value(double[] x) {
        return valueAndGradient(x, new double[x.length]);
    }

    static double softplus(double z) {
        return z > 30 ? z : Math.log1p(Math.exp(z));
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    }
}
