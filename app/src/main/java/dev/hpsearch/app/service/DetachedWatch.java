package dev.hpsearch.app.service;

import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Follows a detached search: a {@link DetachedFollow} polled on one timer thread, which owns the connection, so
 * stop requests and log copies run on it too.
 */
final class DetachedWatch implements RunningSearch.Control {
    private final DetachedFollow follow;
    private final ScheduledExecutorService timer;
    private final SearchEvents events;
    private final String where;
    private final String jobId;

    private DetachedWatch(DetachedFollow follow, ScheduledExecutorService timer, SearchEvents events, String where,
                          String jobId) {
        this.follow = follow;
        this.timer = timer;
        this.events = events;
        this.where = where;
        this.jobId = jobId;
    }

    /**
     * Polls every {@code interval} until there is nothing more to follow ({@code over}: the first poll, made by
     * the caller, found the search ended already).
     */
    static DetachedWatch start(DetachedFollow follow, boolean over, Duration interval, SearchEvents events,
                               String where, String jobId, String name) {
        ScheduledExecutorService timer = Timers.daemon("hpsearch-follow-" + where + "-" + name);
        if (over) {
            follow.close();
            timer.shutdown();
        } else {
            long every = interval.toMillis();
            timer.scheduleWithFixedDelay(() -> {
                try {
                    if (follow.poll()) {
                        follow.close();
                        timer.shutdown();
                    }
                } catch (IOException | RuntimeException e) {
                    events.onLog("Cannot refresh from " + where + ": " + IoErrors.describe(e) + " (trying again in "
                            + interval.toSeconds() + " s)");
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return new DetachedWatch(follow, timer, events, where, jobId);
    }

    @Override
    public void watchLog(int combinationId) {
        follow.watchLog(combinationId);
        try {
            // at once, not at the next poll: the user just selected it
            timer.execute(() -> {
                try {
                    follow.copyWatchedLog();
                } catch (IOException | RuntimeException e) {
                    events.onLog("Cannot copy the log of combination " + combinationId + " from " + where + ": "
                            + IoErrors.describe(e));
                }
            });
        } catch (RejectedExecutionException e) {
            // the search is over and the follow closed: the copy there is the last one
        }
    }

    @Override
    public void stop(String reason) {
        try {
            timer.execute(() -> {
                try {
                    follow.requestStop(new StopRequest(true, reason));
                    events.onLog("Asked coordinator job " + jobId + " on " + where + " to stop: " + reason);
                } catch (IOException | RuntimeException e) {
                    events.onLog("Cannot ask coordinator job " + jobId + " on " + where + " to stop: "
                            + IoErrors.describe(e));
                }
            });
        } catch (RejectedExecutionException e) {
            events.onLog("The search on " + where + " is over: nothing to stop");
        }
    }

    @Override
    public void cancel(int combinationId) {
        throw new IllegalStateException("the coordinator on " + where + " runs this search");
    }

    @Override
    public void close() {
        // after the poll under way, if any: the connection belongs to the timer's thread
        try {
            timer.execute(follow::close);
        } catch (RejectedExecutionException e) {
            // already over and closed
        }
        timer.shutdown();
    }
}
