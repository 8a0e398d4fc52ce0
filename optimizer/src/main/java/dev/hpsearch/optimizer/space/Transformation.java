package dev.hpsearch.optimizer.space;

/** How a numeric hyperparameter is mapped to [0, 1]. */
public enum Transformation {
    /** Shift and scale. */
    LINEAR,
    /** log10, then shift and scale. */
    LOG,
    /** For categorical hyperparameters, which have no numeric scale. */
    NONE;

    /** The value on the scale where points are spread evenly. */
    public double forward(double x) {
        return this == LOG ? Math.log10(x) : x;
    }

    public double inverse(double t) {
        return this == LOG ? Math.pow(10, t) : t;
    }
}
