package dev.hpsearch.app.testenv;

import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.TrialRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a search reported, safe to read from the test's thread while the search's thread writes: the latest record
 * of each combination (by id), the latest progress, the log lines, the coordinator states and the ends (a queue,
 * so a test can wait for one with a deadline).
 */
public final class RecordedEvents implements SearchEvents {
    public final Map<Integer, TrialRecord> trials = new ConcurrentSkipListMap<>();
    public final AtomicReference<Progress> progress = new AtomicReference<>();
    public final List<String> logs = new CopyOnWriteArrayList<>();
    public final List<String> coordinator = new CopyOnWriteArrayList<>();
    public final BlockingQueue<String> ends = new LinkedBlockingQueue<>();

    @Override
    public void onTrial(TrialRecord trial) {
        trials.put(trial.id(), trial);
    }

    @Override
    public void onProgress(Progress p) {
        progress.set(p);
    }

    @Override
    public void onLog(String line) {
        logs.add(line);
    }

    @Override
    public void onCoordinator(String state) {
        coordinator.add(state);
    }

    @Override
    public void onEnd(String message) {
        ends.add(message);
    }
}
