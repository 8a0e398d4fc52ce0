package dev.hpsearch.optimizer.config;

import java.util.Locale;
import java.util.Optional;

/**
 * The seed's {@code y_failure_value}: what loss bopt assumes for a failed combination. Losses here are the
 * transformed ones (after {@code y_transformation}), the values the GP is fitted to.
 */
public sealed interface FailureValue permits FailureValue.Max, FailureValue.Ignore, FailureValue.Fixed {

    /**
     * The loss of a failed combination.
     *
     * @param worst     the largest transformed loss among the results, NaN when there is none
     * @param best      the smallest transformed loss among the results, NaN when there is none
     * @param transform the search's {@code y_transformation}; returns {@code null} for a value it cannot take
     * @return the loss, or {@code null} to leave failed combinations out of the fit
     */
    Double imputed(double worst, double best, java.util.function.DoubleFunction<Double> transform);

    /** "max", "nan" (any case), or empty for other text. */
    static Optional<FailureValue> parse(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.equals(Max.NAME)) {
            return Optional.of(new Max());
        }
        if (t.equals(Ignore.NAME)) {
            return Optional.of(new Ignore());
        }
        return Optional.empty();
    }

    /**
     * "max": 1.05 times the largest loss seen so far, recomputed as results arrive, as the original tool does; when
     * that loss is 0 or below (the neg transformation, or log of losses below 1) 1.05 times it would rank a failure
     * better than the worst result, so 5 % of its size is added instead. See docs/decisions/0018.
     */
    record Max() implements FailureValue {
        static final String NAME = "max";
        static final double FACTOR = 1.05;

        /**
         * The imputed loss for the largest and smallest losses seen: {@code worst + 0.05 |worst|} (that is
         * {@code 1.05 worst} for a positive worst); for a worst of exactly 0, 5 % of the range {@code worst - best}
         * (or 0.05 when all losses are 0).
         */
        public static double valueFor(double worst, double best) {
            double size = Math.abs(worst);
            if (size == 0) {
                size = worst - best > 0 ? worst - best : 1;
            }
            return worst + (FACTOR - 1) * size;
        }

        @Override
        public Double imputed(double worst, double best, java.util.function.DoubleFunction<Double> transform) {
            return Double.isNaN(worst) ? null : valueFor(worst, best);
        }

        @Override
        public String toString() {
            return NAME;
        }
    }

    /** "nan": failed combinations are left out of the fit. */
    record Ignore() implements FailureValue {
        static final String NAME = "nan";

        @Override
        public Double imputed(double worst, double best, java.util.function.DoubleFunction<Double> transform) {
            return null;
        }

        @Override
        public String toString() {
            return NAME;
        }
    }

    /** A number: a score of the user's script, transformed like the others. */
    record Fixed(double score) implements FailureValue {
        public Fixed {
            if (!Double.isFinite(score)) {
                throw new IllegalArgumentException("a failure value must be finite: " + score);
            }
        }

        @Override
        public Double imputed(double worst, double best, java.util.function.DoubleFunction<Double> transform) {
            return transform.apply(score);
        }

        @Override
        public String toString() {
            return Double.toString(score);
        }
    }
}
