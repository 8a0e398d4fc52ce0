package dev.hpsearch.ssh.transport;

/**
 * What a remote command did.
 *
 * @param host       where it ran ({@code user@host:port}), for messages
 * @param command    the command line as sent
 * @param exitStatus its exit status; {@code -1} when it ended by a signal or the status never arrived
 * @param exitSignal the signal that ended it, or {@code null}
 * @param stdout     its standard output (UTF-8)
 * @param stderr     its standard error (UTF-8)
 */
public record CommandResult(String host, String command, int exitStatus, String exitSignal, String stdout,
                            String stderr) {

    public boolean ok() {
        return exitStatus == 0;
    }

    /** This result when the exit status is 0, else an exception naming host, command, status and stderr. */
    public CommandResult requireSuccess() throws RemoteCommandException {
        if (!ok()) {
            throw new RemoteCommandException(this);
        }
        return this;
    }

    /** One line for messages: host, command, status and the first part of stderr. */
    public String describe() {
        String status = exitSignal != null ? "signal " + exitSignal : "exit status " + exitStatus;
        String err = stderr.strip();
        if (err.length() > 500) {
            err = err.substring(0, 500) + "...";
        }
        return "on " + host + ": `" + abbreviate(command) + "` ended with " + status
                + (err.isEmpty() ? "" : ": " + err);
    }

    static String abbreviate(String command) {
        String oneLine = command.replace('\n', ' ');
        return oneLine.length() <= 300 ? oneLine : oneLine.substring(0, 300) + "...";
    }
}
