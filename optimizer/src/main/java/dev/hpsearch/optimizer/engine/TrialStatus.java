package dev.hpsearch.optimizer.engine;

import java.util.Locale;

/** Where a combination is in its life. */
public enum TrialStatus {
    /** Suggested, or submitted and waiting for resources. */
    QUEUED,
    RUNNING,
    /** Finished with a score. */
    OK,
    /** Finished (exit 0) without an output.json: an analysis without a score. */
    NO_SCORE,
    /** Crashed, ran out of time, or wrote an unusable output.json. */
    FAILED,
    CANCELLED,
    /**
     * Stopped early by the pruner (search_config.json {@code pruner}): its learning curve was worse than the
     * others'. Its last step and value are its metrics {@code last_step} and {@code last_value}; it has no score.
     */
    PRUNED,
    /**
     * A scored row of an earlier search read through {@code warm_start_from}: a result of this search's space that
     * no run of this search produced. Never run, never resumed, not counted toward max_suggestions.
     */
    IMPORTED;

    public boolean isFinished() {
        return this != QUEUED && this != RUNNING;
    }

    /** The spelling in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TrialStatus of(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
