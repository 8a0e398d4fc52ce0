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
 */
public record SearchSummary(Path searchDir, boolean complete, String reason, Progress progress) {
}
