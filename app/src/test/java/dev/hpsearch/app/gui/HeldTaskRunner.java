package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.common.TaskRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Holds each piece of background work until the test finishes it, in any order: view-model tests of work that
 * overlaps, or ends after the view moved on. UI callbacks run at once on the calling thread.
 */
public final class HeldTaskRunner implements TaskRunner {
    private final List<Runnable> held = new ArrayList<>();

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
        held.add(() -> new DirectTaskRunner().run(work, onDone, onError));
    }

    @Override
    public void onUi(Runnable r) {
        r.run();
    }

    /** How many pieces of work were handed over so far, finished or not. */
    public int count() {
        return held.size();
    }

    /** Runs the {@code i}-th piece of work handed over (from 0) and its callback. */
    public void finish(int i) {
        held.get(i).run();
    }

    /** Runs the last piece of work handed over and its callback. */
    public void finishLast() {
        finish(held.size() - 1);
    }
}
