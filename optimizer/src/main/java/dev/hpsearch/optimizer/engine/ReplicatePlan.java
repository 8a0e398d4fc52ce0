package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.ReplicateKey;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Which replicates to run (docs/decisions/0020): the {@code k} best scored ordinary combinations, each with replicates
 * numbered on from those it has, every one with a replicate_key value of its own ({@link ReplicateKey#value}).
 */
public final class ReplicatePlan {
    /** The search_type of a replicate's row. */
    public static final String SEARCH_TYPE = "replicate";

    private ReplicatePlan() {
    }

    /**
     * One replicate to run.
     *
     * @param of          the combination it replicates
     * @param number      its number among the replicates of {@code of}, from 1
     * @param combination its hyperparameter values (the original's, or with the key's column set when the key is a
     *                    hyperparameter)
     * @param value       the replicate_key's value in its input.json
     */
    public record Replicate(int of, int number, Combination combination, JsonNode value) {
    }

    /**
     * The best ordinary combinations with a score, best first (ties by id): the lowest scores, or the highest when
     * {@code higherIsBetter}; at most {@code k}.
     */
    public static List<TrialRecord> best(Collection<TrialRecord> trials, int k, boolean higherIsBetter) {
        Comparator<TrialRecord> byScore = Comparator.comparingDouble(TrialRecord::loss);
        if (higherIsBetter) {
            byScore = byScore.reversed();
        }
        return trials.stream()
                .filter(t -> !t.isReplicate() && t.status() == TrialStatus.OK && t.loss() != null
                        && Double.isFinite(t.loss()))
                .sorted(byScore.thenComparingInt(TrialRecord::id))
                .limit(k)
                .toList();
    }

    /**
     * The replicates to journal.
     *
     * @param more {@code true}: {@code n} more replicates of each (on demand); {@code false}: as many as make
     *             {@code n} in all (at the end of a search, so that a resumed search does not plan them twice)
     */
    public static List<Replicate> plan(SearchState state, int k, int n, boolean more, boolean higherIsBetter,
                                       ReplicateKey key, SearchSpace space) {
        return plan(state, best(state.trials(), k, higherIsBetter), n, more, key, space);
    }

    /** As {@link #plan(SearchState, int, int, boolean, boolean, ReplicateKey, SearchSpace)} for chosen originals. */
    public static List<Replicate> plan(SearchState state, List<TrialRecord> originals, int n, boolean more,
                                       ReplicateKey key, SearchSpace space) {
        List<Replicate> out = new ArrayList<>();
        int max = key.maxReplicates(space);
        for (TrialRecord original : originals) {
            int have = state.replicateCount(original.id());
            int upTo = Math.min(max, more ? have + n : n);
            for (int i = have + 1; i <= upTo; i++) {
                JsonNode value = key.value(space, original.combination(), i);
                out.add(new Replicate(original.id(), i, key.combination(original.combination(), value), value));
            }
        }
        return out;
    }
}
