package dev.hpsearch.app.gui.run;

import dev.hpsearch.optimizer.engine.SearchListener;

/** What a running search reports, on the thread that runs it. */
public interface SearchEvents extends SearchListener {
    /** The search ended or the coordinator stopped; {@code message} says why. */
    void onEnd(String message);

    /**
     * What Slurm says about the coordinator job of a search followed on the cluster (a detached launch), after
     * each poll; searches run by this window never call it.
     */
    default void onCoordinator(String state) {
    }
}
