package dev.hpsearch.optimizer.prune;

import java.util.Optional;

/**
 * Decides whether a running combination should stop early, from the learning curves of the search (lower values
 * are better). Pure: the same curves give the same decision, so a resumed search judges as it would have.
 */
public sealed interface Pruner permits MedianPruner, AshaPruner {

    /**
     * Judges combination {@code id} after it reported new points.
     *
     * @param curves       every combination's points so far, the new ones of {@code id} included
     * @param previousStep the last step {@code id} had reported before the new points, or -1
     * @return why it should stop now, in words; empty to let it go on
     */
    Optional<String> judge(int id, Curves curves, long previousStep);

    /** The pruner's name in search_config.json. */
    String name();
}
