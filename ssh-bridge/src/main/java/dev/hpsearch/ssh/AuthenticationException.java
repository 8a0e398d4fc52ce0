package dev.hpsearch.ssh;

/** The server refused every credential offered (keys, agent, password). Retrying will not help. */
public class AuthenticationException extends SshBridgeException {
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
