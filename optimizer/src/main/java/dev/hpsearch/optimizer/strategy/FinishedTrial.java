package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.Combination;
import java.util.Objects;

/**
 * A combination that finished with an outcome, as a strategy may know it.
 *
 * @param combinationId the id in the search
 * @param combination   its values
 * @param searchType    what produced it
 * @param ordinal       the producing strategy's ordinal, or -1
 * @param outcome       how it ended
 */
public record FinishedTrial(int combinationId, Combination combination, String searchType, long ordinal,
                            Outcome outcome) {
    public FinishedTrial {
        Objects.requireNonNull(combination, "combination");
        Objects.requireNonNull(outcome, "outcome");
    }

    /** The score, or {@code null} when it ended without one. */
    public Double loss() {
        return outcome.loss();
    }
}
