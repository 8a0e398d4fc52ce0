package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.List;
import java.util.Set;

/**
 * Everything a strategy may look at: the space, every combination that finished with an outcome, every pending
 * (queued or running) combination, and the set of all combinations suggested so far. Cancelled combinations
 * appear only in {@code seen}: they have no outcome, so the types leave no place for them among the finished.
 */
public record SearchContext(SearchSpace space, List<FinishedTrial> finished, List<PendingTrial> pending,
                            Set<Combination> seen) {

    /** Largest ordinal of earlier finished or pending suggestions of the given search type, or -1. */
    public long lastOrdinal(String searchType) {
        long last = -1;
        for (FinishedTrial t : finished) {
            if (t.searchType().equals(searchType)) {
                last = Math.max(last, t.ordinal());
            }
        }
        for (PendingTrial t : pending) {
            if (t.searchType().equals(searchType)) {
                last = Math.max(last, t.ordinal());
            }
        }
        return last;
    }
}
