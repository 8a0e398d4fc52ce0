package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.common.UiScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Time moved by hand: an action due now runs at once (the test's thread is the UI thread), a later one when
 * {@link #advance} passes its time. Tests need no sleeping.
 */
public final class ManualScheduler implements UiScheduler {
    private long now;
    private long order;
    private final List<Due> due = new ArrayList<>();

    private record Due(long at, long order, Runnable action) {
    }

    @Override
    public long nanoTime() {
        return now;
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable action) {
        if (delay.isZero() || delay.isNegative()) {
            action.run();
            return () -> { };
        }
        Due d = new Due(now + delay.toNanos(), order++, action);
        due.add(d);
        return () -> due.remove(d);
    }

    /** Moves time on by {@code d}, running each action that falls due, in time order. */
    public void advance(Duration d) {
        long until = now + d.toNanos();
        while (true) {
            Due next = due.stream().filter(x -> x.at() <= until)
                    .min(Comparator.comparingLong(Due::at).thenComparingLong(Due::order)).orElse(null);
            if (next == null) {
                break;
            }
            due.remove(next);
            now = next.at();
            next.action().run();
        }
        now = until;
    }
}
