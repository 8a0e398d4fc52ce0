package dev.hpsearch.app.gui.run;

import dev.hpsearch.optimizer.space.ModelConfig;
import java.nio.file.Path;

/** A search this window runs or follows. */
public interface RunningSearch {
    Path searchDir();

    /** The model config the search was started with (its space gives the plot axes). */
    ModelConfig model();

    /** True when another process runs it: this window can watch but not stop or cancel. */
    boolean followOnly();

    /**
     * True when this window can stop the search: it runs it, or it follows a detached search, whose coordinator
     * takes a stop request (decision 0016).
     */
    default boolean stoppable() {
        return !followOnly();
    }

    /**
     * Keeps a combination's log.txt up to date in {@link #searchDir()}: a followed detached search copies it from the
     * cluster (the selected combination's, on demand); a search this machine runs has it there already.
     */
    default void watchLog(int combinationId) {
    }

    /** Stops the whole search (running combinations are cancelled). */
    void stop(String reason);

    /** Cancels one combination. */
    void cancel(int combinationId);

    /** Stops watching (a running engine keeps running until stopped). */
    void close();
}
