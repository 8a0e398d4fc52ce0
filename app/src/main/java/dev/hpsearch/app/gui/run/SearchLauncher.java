package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.app.service.UserFacingException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What the Run tab asks of the run service ({@link dev.hpsearch.app.service.SearchService}), per project. The
 * calls prepare files and connect: run them off the UI thread.
 */
public interface SearchLauncher {
    /**
     * Creates a new search folder from the project's configs and runs it on a background thread.
     *
     * @param target where the analyses run, or empty for job_config's {@code cluster}; the search folder's
     *               search.json records it, so resume goes back there
     */
    RunningSearch start(Project project, Optional<RunTarget> target, SearchEvents events) throws UserFacingException;

    /** As {@link #start(Project, Optional, SearchEvents)} where job_config says. */
    default RunningSearch start(Project project, SearchEvents events) throws UserFacingException {
        return start(project, Optional.empty(), events);
    }

    /** Resumes an interrupted search of the project on a background thread, where it ran before. */
    RunningSearch resume(Path searchDir, SearchEvents events) throws UserFacingException;

    /**
     * Runs {@code runs} more replicates of each of the combinations {@code ids} of a finished search, where it ran
     * before, on a background thread (docs/decisions/0020).
     */
    default RunningSearch replicate(Path searchDir, List<Integer> ids, int runs, SearchEvents events)
            throws UserFacingException {
        throw new UserFacingException(UserFacingException.Kind.FAILURE, "Replicates are not available in this build");
    }

    /** Follows a search run by another coordinator (or a finished one) by reading its journal. */
    RunningSearch attach(Path searchDir, SearchEvents events) throws UserFacingException;

    /**
     * Submits the search's coordinator as a Slurm job on {@code target} (detached mode) and returns a message
     * saying what was submitted; the search goes on without this window.
     */
    String launchDetached(Project project, Optional<RunTarget> target) throws UserFacingException;

    /**
     * Follows the project's latest detached search; see
     * {@link dev.hpsearch.app.service.SearchService#follow}.
     *
     * @param target the cluster profile to use when the launch record does not name one
     */
    default RunningSearch followDetached(Project project, Optional<RunTarget> target, SearchEvents events)
            throws UserFacingException {
        throw new UserFacingException(UserFacingException.Kind.FAILURE,
                "Following a search on a cluster is not available in this build");
    }
}
