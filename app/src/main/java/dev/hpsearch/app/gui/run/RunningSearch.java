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

    /** Stops the whole search (running combinations are cancelled). */
    void stop(String reason);

    /** Cancels one combination. */
    void cancel(int combinationId);

    /** Stops watching (a running engine keeps running until stopped). */
    void close();
}
