package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.UiScheduler;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.TrialRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Carries a search's events from the engine's thread to the UI thread in batches: the latest record per
 * combination, every log line, the latest progress. At most one batch per {@code minInterval} is applied, so the
 * UI thread never waits for the engine and is never flooded, however fast combinations finish. Time comes from the
 * injected scheduler.
 */
final class EventBatcher {
    private final UiScheduler scheduler;
    private final long minBatchNanos;
    private final Consumer<Batch> apply;
    private volatile long longestBatchNanos;

    /** One batch of events, applied at once on the UI thread. */
    record Batch(List<TrialRecord> trials, List<String> log, Progress progress, String coordinator, String end) {
        boolean changesData() {
            return !trials.isEmpty() || progress != null || !log.isEmpty();
        }
    }

    /**
     * @param minInterval the least time between two batches: events arriving sooner wait and join the next batch
     * @param apply       applies a batch, on the UI thread
     */
    EventBatcher(UiScheduler scheduler, Duration minInterval, Consumer<Batch> apply) {
        this.scheduler = scheduler;
        this.minBatchNanos = minInterval.toNanos();
        this.apply = apply;
    }

    /** A sink for one search's events. It holds them until {@link Session#ready()}. */
    Session open() {
        return new Session();
    }

    /** The longest time one batch took to apply on the UI thread (for the benchmark). */
    long longestBatchNanos() {
        return longestBatchNanos;
    }

    void resetTiming() {
        longestBatchNanos = 0;
    }

    /** The events of one search. Events arrive on any thread; batches are applied on the UI thread. */
    final class Session implements SearchEvents {
        private final Map<Integer, TrialRecord> trials = new LinkedHashMap<>();
        private final List<String> log = new ArrayList<>();
        private Progress progress;
        private String coordinator;
        private String end;
        private boolean ready;
        private boolean closed;
        private boolean scheduled;
        private long lastDrainNanos;
        private boolean drained;

        @Override
        public void onTrial(TrialRecord trial) {
            synchronized (this) {
                trials.put(trial.id(), trial);
            }
            schedule();
        }

        @Override
        public void onProgress(Progress p) {
            synchronized (this) {
                progress = p;
            }
            schedule();
        }

        @Override
        public void onLog(String line) {
            synchronized (this) {
                log.add(line);
            }
            schedule();
        }

        @Override
        public void onEnd(String message) {
            synchronized (this) {
                end = message;
            }
            schedule();
        }

        @Override
        public void onCoordinator(String state) {
            synchronized (this) {
                coordinator = state;
            }
            schedule();
        }

        /** Starts applying (on the UI thread): what arrived so far is applied at once. */
        void ready() {
            synchronized (this) {
                ready = true;
            }
            drain();
        }

        /** Drops what is pending and everything that arrives from now on. */
        synchronized void close() {
            closed = true;
            trials.clear();
            log.clear();
        }

        private void schedule() {
            long wait;
            synchronized (this) {
                if (scheduled || !ready || closed) {
                    return;
                }
                scheduled = true;
                wait = minBatchNanos <= 0 || !drained ? 0 : lastDrainNanos + minBatchNanos - scheduler.nanoTime();
            }
            scheduler.schedule(Duration.ofNanos(Math.max(0, wait)), this::drain);
        }

        private void drain() {
            Batch b;
            synchronized (this) {
                scheduled = false;
                if (closed || !ready) {
                    return;
                }
                if (trials.isEmpty() && log.isEmpty() && progress == null && coordinator == null && end == null) {
                    return;
                }
                // an empty drain is no batch: it does not hold back the next one
                lastDrainNanos = scheduler.nanoTime();
                drained = true;
                b = new Batch(List.copyOf(trials.values()), List.copyOf(log), progress, coordinator, end);
                trials.clear();
                log.clear();
                progress = null;
                coordinator = null;
                end = null;
            }
            long t0 = System.nanoTime();
            try {
                apply.accept(b);
            } finally {
                longestBatchNanos = Math.max(longestBatchNanos, System.nanoTime() - t0);
            }
        }
    }
}
