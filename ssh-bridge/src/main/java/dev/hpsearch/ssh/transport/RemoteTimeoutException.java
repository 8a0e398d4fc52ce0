package dev.hpsearch.ssh.transport;

/** A remote command did not finish within its timeout; its channel was closed. */
public class RemoteTimeoutException extends SshBridgeException {
    public RemoteTimeoutException(String message) {
        super(message);
    }
}
