package dev.hpsearch.app.gui.common;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/** The desktop's {@link UiScheduler}: one daemon timer thread that hands each due action to the UI thread. */
public final class TimerScheduler implements UiScheduler, AutoCloseable {
    private final TaskRunner tasks;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hpsearch-ui-timer");
        t.setDaemon(true);
        return t;
    });

    public TimerScheduler(TaskRunner tasks) {
        this.tasks = tasks;
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        // the flag also stops an action already handed to the UI thread but not run yet
        java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
        Runnable once = () -> tasks.onUi(() -> {
            if (!cancelled.get()) {
                action.run();
            }
        });
        if (delay.isZero() || delay.isNegative()) {
            once.run();
            return () -> cancelled.set(true);
        }
        ScheduledFuture<?> f = timer.schedule(once, delay.toNanos(), TimeUnit.NANOSECONDS);
        return () -> {
            cancelled.set(true);
            f.cancel(false);
        };
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
