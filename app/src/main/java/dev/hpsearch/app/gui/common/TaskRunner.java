package dev.hpsearch.app.gui.common;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs slow work (files, processes, model fitting) away from the UI thread and reports back on it.
 * View-models depend on this interface only, so tests can run everything synchronously.
 */
public interface TaskRunner {
    /** Runs {@code work} in the background; then {@code onDone} or {@code onError} on the UI thread. */
    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError);

    /** Runs {@code r} on the UI thread later (from any thread). */
    void onUi(Runnable r);
}
