package dev.hpsearch.optimizer.space;

/** The seed's hyperparameter types. */
public enum HyperparameterType {
    /** A range [lower, upper]. */
    CONTINUOUS,
    /** A list of numbers. */
    DISCRETE,
    /** A list of values of any JSON type, without order. */
    CATEGORICAL
}
