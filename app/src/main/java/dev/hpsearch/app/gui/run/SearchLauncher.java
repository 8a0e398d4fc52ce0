package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.project.Project;
import java.nio.file.Path;

/** Starts, resumes or follows searches. The calls prepare files and connect: run them off the UI thread. */
public interface SearchLauncher {
    /**
     * Creates a new search folder from the project's configs and runs it on a background thread.
     *
     * @param cluster where the analyses run: {@code local}, a cluster profile, or {@code null} for job_config's
     *                {@code cluster}; the search folder's search.json records it, so resume goes back there
     */
    RunningSearch start(Project project, String cluster, SearchEvents events) throws Exception;

    /** As {@link #start(Project, String, SearchEvents)} where job_config says. */
    default RunningSearch start(Project project, SearchEvents events) throws Exception {
        return start(project, null, events);
    }

    /** Resumes an interrupted search of the project on a background thread, where it ran before. */
    RunningSearch resume(Path searchDir, SearchEvents events) throws Exception;

    /** Follows a search run by another coordinator (or a finished one) by reading its journal. */
    RunningSearch attach(Path searchDir, SearchEvents events) throws Exception;

    /**
     * Submits the search's coordinator as a Slurm job on {@code cluster} (detached mode) and returns a message
     * saying what was submitted; the search goes on without this window.
     */
    String launchDetached(Project project, String cluster) throws Exception;

    /**
     * Follows the project's latest detached search (recorded in its launched_hp_searches.txt): every few seconds
     * its journal and configs on the cluster are copied into a local mirror, whose changes are reported like an
     * attached search's, and the coordinator job's Slurm state is reported with
     * {@link SearchEvents#onCoordinator}. Connects before returning, so a refused connection is an exception.
     *
     * @param cluster the cluster profile to use when the launch record does not name one
     */
    default RunningSearch followDetached(Project project, String cluster, SearchEvents events) throws Exception {
        throw new java.io.IOException("Following a search on a cluster is not available in this build");
    }
}
