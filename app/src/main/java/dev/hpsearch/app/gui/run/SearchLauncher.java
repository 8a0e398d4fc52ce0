package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.project.Project;
import java.nio.file.Path;

/** Starts, resumes or follows searches. The calls prepare files: run them off the UI thread. */
public interface SearchLauncher {
    /** Creates a new search folder from the project's configs and runs it on a background thread. */
    RunningSearch start(Project project, SearchEvents events) throws Exception;

    /** Resumes an interrupted search of the project on a background thread. */
    RunningSearch resume(Path searchDir, SearchEvents events) throws Exception;

    /** Follows a search run by another coordinator (or a finished one) by reading its journal. */
    RunningSearch attach(Path searchDir, SearchEvents events) throws Exception;
}
