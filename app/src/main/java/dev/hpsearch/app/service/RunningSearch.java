package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.space.ModelConfig;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A search the caller runs or follows, as {@link SearchService} returns it: its folder, the model config it was
 * started with, what the caller may do with it ({@link Mode}), and the {@link Control} that does it (the engine
 * on a thread here, a reader of a journal, or a follower of a coordinator on a cluster).
 */
public final class RunningSearch {
    /** How the caller relates to the search. */
    public enum Mode {
        /** This process runs it: it can stop the search and cancel combinations. */
        RUNS,
        /** Another coordinator here runs it (or it has ended): watch only. */
        WATCHES,
        /** A coordinator on a cluster runs it (a detached launch): watch, and ask it to stop (decision 0016). */
        FOLLOWS_DETACHED
    }

    /** What stops, cancels and closes the search; each kind of search has one. */
    public interface Control {
        /** Stops the whole search (running combinations are cancelled). */
        void stop(String reason);

        /** Cancels one combination. */
        void cancel(int combinationId);

        /** Keeps a combination's log.txt up to date in the search folder (a followed search copies it). */
        default void watchLog(int combinationId) {
        }

        /** Stops watching (a running engine is interrupted and can be resumed). */
        void close();
    }

    private final Path searchDir;
    private final ModelConfig model;
    private final Mode mode;
    private final Control control;

    public RunningSearch(Path searchDir, ModelConfig model, Mode mode, Control control) {
        this.searchDir = Objects.requireNonNull(searchDir, "searchDir");
        this.model = Objects.requireNonNull(model, "model");
        this.mode = Objects.requireNonNull(mode, "mode");
        this.control = Objects.requireNonNull(control, "control");
    }

    /** The search folder (for a followed detached search, its local mirror). */
    public Path searchDir() {
        return searchDir;
    }

    /** The model config the search was started with (its space gives the plot axes). */
    public ModelConfig model() {
        return model;
    }

    public Mode mode() {
        return mode;
    }

    /** True when another process runs it: the caller can watch but not cancel combinations. */
    public boolean followOnly() {
        return mode != Mode.RUNS;
    }

    /** True when the caller can stop the search: it runs it, or follows a detached one. */
    public boolean stoppable() {
        return mode != Mode.WATCHES;
    }

    /**
     * Stops the whole search.
     *
     * @throws IllegalStateException when another coordinator here runs it ({@link #stoppable()} is false)
     */
    public void stop(String reason) {
        if (!stoppable()) {
            throw new IllegalStateException("another coordinator runs " + searchDir.getFileName());
        }
        control.stop(reason);
    }

    /**
     * Cancels one combination.
     *
     * @throws IllegalStateException when this process does not run the search ({@link #followOnly()})
     */
    public void cancel(int combinationId) {
        if (followOnly()) {
            throw new IllegalStateException("another coordinator runs " + searchDir.getFileName());
        }
        control.cancel(combinationId);
    }

    /** Keeps a combination's log.txt up to date in {@link #searchDir()}. */
    public void watchLog(int combinationId) {
        control.watchLog(combinationId);
    }

    /** Stops watching (a search run here is interrupted and can be resumed). */
    public void close() {
        control.close();
    }
}
