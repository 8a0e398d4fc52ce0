package dev.hpsearch.optimizer.engine;

/** Receives what a search does. Called on the engine's thread: return quickly. */
public interface SearchListener {
    /** Progress changed. */
    default void onProgress(Progress progress) {
    }

    /** A combination was suggested, submitted, or finished. */
    default void onTrial(TrialRecord trial) {
    }

    /** A line was written to the search log. */
    default void onLog(String line) {
    }
}
