package dev.hpsearch.app.cli;

/** Exit statuses of the command line. */
final class ExitCodes {
    static final int OK = 0;
    /** Something went wrong; for a search, the machine could not run it (the message says what to fix). */
    static final int FAILURE = 1;
    /** A config file is wrong; the messages say where. */
    static final int CONFIG = 2;
    /** The cluster could not be reached, or refused the connection; nothing was created. */
    static final int CONNECTION = 3;
    /** Ctrl-C: the search can be resumed. */
    static final int INTERRUPTED = 130;

    private ExitCodes() {
    }
}
