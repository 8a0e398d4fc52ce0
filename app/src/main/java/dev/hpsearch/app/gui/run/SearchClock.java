package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.UiScheduler;
import dev.hpsearch.optimizer.text.Durations;
import java.time.Duration;
import javafx.beans.property.StringProperty;
import javafx.beans.property.SimpleStringProperty;

/**
 * The dashboard's clock: the engine's figures of elapsed time and time left, moved on every second between two
 * figures while a search runs. Time comes from the injected scheduler.
 */
final class SearchClock {
    static final String UNKNOWN = "–";
    private final UiScheduler scheduler;
    private final StringProperty elapsed = new SimpleStringProperty(UNKNOWN);
    private final StringProperty left = new SimpleStringProperty(UNKNOWN);
    private Duration elapsedBase;
    private Duration leftBase;
    private long figuresAtNanos;
    private UiScheduler.Cancellable tick;

    SearchClock(UiScheduler scheduler) {
        this.scheduler = scheduler;
    }

    /** Time since the coordinator started ({@code m:ss}), or {@code –}. */
    StringProperty elapsedProperty() {
        return elapsed;
    }

    /** The estimated time left, counting down, or {@code –} when not known or stopped. */
    StringProperty leftProperty() {
        return left;
    }

    /** A search starts: the clock shows 0:00 and moves every {@link DashboardViewModel#TICK}. */
    void start() {
        stop();
        figures(Duration.ZERO, null);
        tick = scheduler.schedule(DashboardViewModel.TICK, this::tick);
    }

    /** The engine's figures, as of now. */
    void figures(Duration elapsedNow, Duration leftNow) {
        elapsedBase = elapsedNow;
        leftBase = leftNow;
        figuresAtNanos = scheduler.nanoTime();
        show();
    }

    /** The search stopped: the elapsed time stands, the time left goes. */
    void stop() {
        if (tick != null) {
            tick.cancel();
            tick = null;
        }
        leftBase = null;
        left.set(UNKNOWN);
    }

    /** No search: nothing to show. */
    void reset() {
        stop();
        elapsedBase = null;
        elapsed.set(UNKNOWN);
    }

    private void tick() {
        if (tick == null) {
            return;
        }
        show();
        tick = scheduler.schedule(DashboardViewModel.TICK, this::tick);
    }

    private void show() {
        if (elapsedBase == null) {
            return;
        }
        Duration since = Duration.ofNanos(scheduler.nanoTime() - figuresAtNanos);
        elapsed.set(Durations.clock(elapsedBase.plus(since)));
        left.set(leftBase == null ? UNKNOWN : Durations.clock(leftBase.minus(since)));
    }
}
