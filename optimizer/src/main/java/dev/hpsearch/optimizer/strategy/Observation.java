package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.Combination;

/**
 * What a strategy may know of one combination already suggested.
 *
 * @param combinationId the id in the search
 * @param combination   its values
 * @param searchType    what produced it
 * @param ordinal       the producing strategy's ordinal, or -1
 * @param loss          the score the script reported; {@code null} when pending, failed, cancelled or without
 *                      score
 * @param failed        true when the run failed (crash, time limit, bad output, no score); false for a
 *                      cancelled combination, which strategies must not take for a failure
 */
public record Observation(int combinationId, Combination combination, String searchType, long ordinal,
                          Double loss, boolean failed) {
}
