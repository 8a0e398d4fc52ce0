package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.config.ConfigProblem;
import java.util.List;

/**
 * Something the user can fix, said in one message for them (no stack trace): a config that is wrong, a cluster
 * that cannot be reached, a search that cannot go on. Both faces show {@link #getMessage()}; the command line
 * exits with the status of its {@link Kind}.
 */
public class UserFacingException extends Exception {
    /** What kind of problem, so the command line can choose its exit status. */
    public enum Kind {
        /** A config file or an option is wrong; nothing was started. */
        CONFIG,
        /** The cluster could not be reached or refused the connection; nothing was created. */
        CONNECTION,
        /** Anything else the user must look at (a cluster command failed, a search cannot go on). */
        FAILURE
    }

    private final Kind kind;
    private final List<ConfigProblem> problems;

    public UserFacingException(Kind kind, String message) {
        this(kind, message, List.of(), null);
    }

    public UserFacingException(Kind kind, String message, Throwable cause) {
        this(kind, message, List.of(), cause);
    }

    /**
     * @param problems the config problems behind it, one per line, in the order found (empty when not about
     *                 configs)
     */
    public UserFacingException(Kind kind, String message, List<ConfigProblem> problems, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.problems = List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    /** The config problems behind it, each naming its file, JSON path and what is allowed; may be empty. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
