package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.Combination;
import java.util.Objects;

/**
 * A combination suggested and not finished yet (queued or running), as a strategy may know it.
 *
 * @param combinationId the id in the search
 * @param combination   its values
 * @param searchType    what produced it
 * @param ordinal       the producing strategy's ordinal, or -1
 */
public record PendingTrial(int combinationId, Combination combination, String searchType, long ordinal) {
    public PendingTrial {
        Objects.requireNonNull(combination, "combination");
    }
}
