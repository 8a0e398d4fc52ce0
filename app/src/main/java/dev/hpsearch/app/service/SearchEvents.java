package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.engine.SearchListener;

/**
 * What a search reports, on the thread that runs or follows it: the engine's own events ({@link SearchListener},
 * progress counted once, in the engine) plus what only the service knows.
 */
public interface SearchEvents extends SearchListener {
    /** The search ended or the coordinator stopped; {@code message} says why. */
    default void onEnd(String message) {
    }

    /**
     * What Slurm says about the coordinator job of a search followed on the cluster (a detached launch), after
     * each poll; searches run here never call it.
     */
    default void onCoordinator(String state) {
    }

    /** A config warning found while preparing the search (on the cluster: a file it may lack); it goes on. */
    default void onProblem(ConfigProblem problem) {
    }
}
