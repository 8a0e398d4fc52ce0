package dev.hpsearch.ssh.transport;

/** A remote command ran but ended with a non-zero status. */
public class RemoteCommandException extends SshBridgeException {
    private final transient CommandResult result;

    public RemoteCommandException(CommandResult result) {
        super("Remote command failed " + result.describe());
        this.result = result;
    }

    public CommandResult result() {
        return result;
    }
}
