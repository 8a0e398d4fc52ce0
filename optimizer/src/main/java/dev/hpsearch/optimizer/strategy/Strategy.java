package dev.hpsearch.optimizer.strategy;

import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * Proposes combinations. Strategies are pure: given the context and a seeded generator they return
 * combinations, touching no files, processes or clocks.
 *
 * <p>Contract (checked for every implementation by {@code StrategyContractTest}): every value lies in its
 * domain; the same context and seed give the same suggestions; at most {@code count} are returned, and
 * exactly {@code count} unless the space is exhausted; no suggestion repeats a combination in
 * {@link SearchContext#seen()} or another suggestion of the same call unless the space is exhausted.
 */
public interface Strategy {

    /**
     * Proposes up to {@code count} new combinations.
     *
     * @return fewer than {@code count} (possibly none) only when no new combination remains
     */
    List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng);

    /** How many combinations this strategy can produce in all, when that is known up front. */
    default OptionalLong plannedCount() {
        return OptionalLong.empty();
    }

    /**
     * True when suggestions depend on results (bopt): they are then asked for one free slot at a time. Grid,
     * line and random know their combinations up front and may be submitted as whole batches.
     */
    default boolean adaptive() {
        return true;
    }

    /** The name used in logs. */
    String name();
}
