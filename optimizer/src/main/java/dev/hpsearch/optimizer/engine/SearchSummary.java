package dev.hpsearch.optimizer.engine;

import java.nio.file.Path;

/**
 * How a run of the engine ended.
 *
 * @param searchDir the search folder
 * @param complete  true when the search is over (limit reached or space exhausted); false when the
 *                  coordinator was interrupted and the search can be resumed
 * @param reason    why it ended, in words
 * @param progress  the final counts
 * @param fault     true when the search stopped because the machine or hpsearch could not prepare, start or
 *                  record runs (a read-only folder, a full disk, an interpreter that cannot be started, an
 *                  unreachable cluster), or because {@code max_failures} analyses failed (a broken script):
 *                  {@code reason} says what to fix, and {@code resume} continues once it is fixed
 */
public record SearchSummary(Path searchDir, boolean complete, String reason, Progress progress, boolean fault) {

    /** A summary of a search that did not stop for a fault. */
    public SearchSummary(Path searchDir, boolean complete, String reason, Progress progress) {
        this(searchDir, complete, reason, progress, false);
    }
}
