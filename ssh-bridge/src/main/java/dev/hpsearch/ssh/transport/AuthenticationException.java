package dev.hpsearch.ssh.transport;

import java.util.List;

/** The server refused every credential offered (keys, agent, password). Retrying will not help. */
public class AuthenticationException extends SshBridgeException {
    private final String host;
    private final int port;
    private final String user;
    private final List<String> tried;

    /**
     * @param tried what was offered, in words: {@code key /home/me/.ssh/id_ed25519}, {@code ssh-agent},
     *              {@code password}
     */
    public AuthenticationException(String host, int port, String user, List<String> tried, Throwable cause) {
        super("login to " + host + ":" + port + " as user " + user + " was refused; tried "
                + (tried.isEmpty() ? "no key at all" : String.join(", ", tried)), cause);
        this.host = host;
        this.port = port;
        this.user = user;
        this.tried = List.copyOf(tried);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The user name the login was attempted as. */
    public String user() {
        return user;
    }

    /** What was offered, in words. */
    public List<String> tried() {
        return tried;
    }
}
