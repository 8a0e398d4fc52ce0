package dev.hpsearch.optimizer.strategy;

/**
 * How a finished combination ended, as a strategy may know it: with a score, or failed, or without a score.
 * A cancelled combination has no outcome (it says nothing about the objective) and is never given to a strategy.
 */
public sealed interface Outcome permits Outcome.Scored, Outcome.Unscored {

    /** The score, or {@code null} when the run ended without one. */
    Double loss();

    /** A run that reported a score. */
    record Scored(Double loss) implements Outcome {
        public Scored {
            java.util.Objects.requireNonNull(loss, "loss");
        }
    }

    /** A run that ended without a score; strategies take both kinds for a failure at that point. */
    enum Unscored implements Outcome {
        /** Crashed, ran out of time or memory, or wrote an unusable output.json. */
        FAILED,
        /** Exited normally without writing a score. */
        NO_SCORE;

        @Override
        public Double loss() {
            return null;
        }
    }

    /** The outcome of a score, or of a run without one ({@link Unscored#FAILED}) when {@code loss} is null. */
    static Outcome of(Double loss) {
        return loss == null ? Unscored.FAILED : new Scored(loss);
    }
}
