package dev.hpsearch.app.gui.job;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.service.UserFacingException;

/** Runs the analysis script once on example values, to check the job config before a search. */
public interface TestRunService {
    /**
     * Runs once in a temporary folder. Blocking: call off the UI thread.
     *
     * @param job the job config as the form has it (not necessarily saved)
     * @throws UserFacingException when the run cannot even be set up (its folder, its input.json)
     */
    TestRunResult run(Project project, ObjectNode job) throws UserFacingException, InterruptedException;

    /**
     * What happened.
     *
     * @param ok       exit status 0 and, if written, a readable output.json
     * @param summary  one line for the form
     * @param details  the command, the script's output and output.json
     */
    record TestRunResult(boolean ok, String summary, String details) {
    }
}
