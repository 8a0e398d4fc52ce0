package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.Combination;
import java.util.Map;
import java.util.Objects;

/**
 * A combination that finished with an outcome, as a strategy may know it.
 *
 * @param combinationId the id in the search
 * @param combination   its values
 * @param searchType    what produced it
 * @param ordinal       the producing strategy's ordinal, or -1
 * @param outcome       how it ended
 * @param metrics       the further numbers of its output.json (for several objectives, docs/decisions/0025)
 */
public record FinishedTrial(int combinationId, Combination combination, String searchType, long ordinal,
                            Outcome outcome, Map<String, Double> metrics) {
    public FinishedTrial {
        Objects.requireNonNull(combination, "combination");
        Objects.requireNonNull(outcome, "outcome");
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
    }

    /** A finished combination whose further numbers are not known to the strategy. */
    public FinishedTrial(int combinationId, Combination combination, String searchType, long ordinal,
                         Outcome outcome) {
        this(combinationId, combination, searchType, ordinal, outcome, Map.of());
    }

    /** The score, or {@code null} when it ended without one. */
    public Double loss() {
        return outcome.loss();
    }
}
