package dev.hpsearch.optimizer.config;

/**
 * The seed's {@code y_failure_value}: what loss bopt assumes for a failed combination.
 *
 * @param kind  MAX (1.05 times the worst loss seen so far), NAN (ignore failures) or NUMBER
 * @param value the loss for NUMBER; ignored otherwise
 */
public record FailureValue(Kind kind, double value) {
    /** How the loss of a failed combination is chosen. */
    public enum Kind { MAX, NAN, NUMBER }

    public static FailureValue max() {
        return new FailureValue(Kind.MAX, Double.NaN);
    }

    @Override
    public String toString() {
        return kind == Kind.NUMBER ? Double.toString(value) : kind.name().toLowerCase();
    }
}
