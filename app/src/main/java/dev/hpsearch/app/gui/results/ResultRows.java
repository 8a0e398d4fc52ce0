package dev.hpsearch.app.gui.results;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;

/**
 * A live search's trial as analysis sees it. Lives here, not in the analysis package, so that analysis reads
 * results without knowing the engine's records.
 */
public final class ResultRows {
    private ResultRows() {
    }

    /** One trial as a row, with its metrics; a failure class only on a row without a score. */
    public static ResultRow of(TrialRecord t) {
        return new ResultRow(t.id(), t.status().key(), t.loss(), t.combination().values(), t.jobId(),
                t.runtimeSeconds(), t.searchType(), t.reason(),
                t.failureClass() == null || t.status() == TrialStatus.OK ? "" : t.failureClass().key(), t.provenance(),
                t.metrics());
    }
}
