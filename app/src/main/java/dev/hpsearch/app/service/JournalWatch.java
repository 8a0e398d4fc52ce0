package dev.hpsearch.app.service;

import java.nio.file.Path;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Watches a search another coordinator here runs (or one that has ended) by reading its journal every second. */
final class JournalWatch implements RunningSearch.Control {
    private final ScheduledExecutorService timer;

    private JournalWatch(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    /** Reads the journal once on the caller's thread, then every second until the search ends. */
    static JournalWatch start(Path searchDir, SearchEvents events) {
        JournalFollower follower = new JournalFollower(searchDir, events);
        follower.poll();
        ScheduledExecutorService timer = Timers.daemon("hpsearch-follow-" + searchDir.getFileName());
        timer.scheduleWithFixedDelay(() -> {
            if (follower.poll()) {
                timer.shutdown();
            }
        }, 1, 1, TimeUnit.SECONDS);
        return new JournalWatch(timer);
    }

    @Override
    public void stop(String reason) {
        throw new IllegalStateException("another coordinator runs this search");
    }

    @Override
    public void cancel(int combinationId) {
        throw new IllegalStateException("another coordinator runs this search");
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
