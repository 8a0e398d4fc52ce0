package dev.hpsearch.app.cli;

import dev.hpsearch.app.service.UserFacingException;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigProblem;
import java.io.PrintWriter;
import java.util.List;

/** Prints config problems one per line. */
final class Console {
    private Console() {
    }

    static void problems(PrintWriter err, List<ConfigProblem> problems) {
        for (ConfigProblem p : problems) {
            err.println(p);
        }
        err.flush();
    }

    /** Prints a user-facing failure as the command line shows it and returns its exit status. */
    static int report(PrintWriter err, UserFacingException e) {
        if (e.getCause() instanceof ConfigException c) {
            return configError(err, c);
        }
        if (!e.problems().isEmpty()) {
            problems(err, e.problems());
        } else {
            err.println("error: " + e.getMessage());
            err.flush();
        }
        switch (e.kind()) {
            case CONFIG:
                return ExitCodes.CONFIG;
            case CONNECTION:
                return ExitCodes.CONNECTION;
            default:
                return ExitCodes.FAILURE;
        }
    }

    static int configError(PrintWriter err, ConfigException e) {
        problems(err, e.problems());
        long errors = e.problems().stream().filter(ConfigProblem::isError).count();
        err.println(errors + (errors == 1 ? " error" : " errors") + " in the config files; nothing was started.");
        err.flush();
        return ExitCodes.CONFIG;
    }
}
