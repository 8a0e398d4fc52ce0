package dev.hpsearch.app.gui.common;

import java.time.Duration;

/**
 * Time for view-models: what time it is and "run this on the UI thread after a while". Injected, so that tests
 * move time by hand instead of sleeping (a batch interval, a ticking clock, a message that goes stale).
 */
public interface UiScheduler {
    /** A monotonic clock in nanoseconds (only differences mean anything). */
    long nanoTime();

    /**
     * Runs {@code action} on the UI thread once {@code delay} has passed; callable from any thread.
     *
     * @return cancels the action if it has not run yet
     */
    Cancellable schedule(Duration delay, Runnable action);

    /** A scheduled action that can be called off. */
    interface Cancellable {
        void cancel();
    }
}
