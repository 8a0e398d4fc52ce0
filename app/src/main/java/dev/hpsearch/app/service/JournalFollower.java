package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Re-reads a journal and reports what changed since the last read. Not thread-safe: one thread polls. */
final class JournalFollower {
    private final Path dir;
    private final SearchEvents events;
    private final Map<Integer, TrialRecord> seen = new HashMap<>();
    private final long startedAt = System.currentTimeMillis();
    private boolean ended;

    JournalFollower(Path dir, SearchEvents events) {
        this.dir = dir;
        this.events = events;
    }

    /** Returns true once the search has ended (nothing more to follow). */
    boolean poll() {
        if (ended) {
            return true;
        }
        SearchState state;
        try {
            state = SearchState.replay(Journal.read(dir));
        } catch (IOException | RuntimeException e) {
            events.onLog("cannot read the journal: " + IoErrors.describe(e));
            return false;
        }
        for (TrialRecord t : state.trials()) {
            if (!t.equals(seen.get(t.id()))) {
                seen.put(t.id(), t);
                events.onTrial(t);
            }
        }
        long origin = state.startedAtMillis() > 0 ? state.startedAtMillis() : startedAt;
        events.onProgress(Progress.count(state.trials(), -1, state.best(),
                Duration.ofMillis(Math.max(0, System.currentTimeMillis() - origin)), Map.of()));
        if (state.endReason() != null) {
            ended = true;
            events.onEnd("Search ended: " + state.endReason());
        }
        return ended;
    }
}
