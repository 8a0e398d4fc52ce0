package dev.hpsearch.ssh.transport;

import java.io.IOException;

/** A remote operation failed. The message names the host and what was being done. */
public class SshBridgeException extends IOException {
    public SshBridgeException(String message) {
        super(message);
    }

    public SshBridgeException(String message, Throwable cause) {
        super(message, cause);
    }
}
