package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.List;
import java.util.Set;

/**
 * Everything a strategy may look at: the space, every finished combination with its outcome, every pending
 * (queued or running) combination, and the set of all combinations suggested so far.
 */
public record SearchContext(SearchSpace space, List<Observation> finished, List<Observation> pending,
                            Set<Combination> seen) {

    /** Largest ordinal of earlier suggestions of the given search type, or -1. */
    public long lastOrdinal(String searchType) {
        long last = -1;
        for (List<Observation> list : List.of(finished, pending)) {
            for (Observation o : list) {
                if (o.searchType().equals(searchType)) {
                    last = Math.max(last, o.ordinal());
                }
            }
        }
        return last;
    }
}
