package dev.hpsearch.ssh.transport;

/**
 * The server's host key was not trusted: unknown and rejected, different from the one on record, or revoked. This
 * is never the user's login failing: the connection stops before any credential is offered.
 */
public class HostKeyException extends SshBridgeException {

    /** Why the key was refused. */
    public enum Kind {
        /** Not in known_hosts, and the user (or a non-interactive policy) rejected it. */
        UNKNOWN_REJECTED,
        /** known_hosts has another key for this host: possibly a man-in-the-middle, or a reinstalled server. */
        CHANGED,
        /** known_hosts marks the offered key {@code @revoked}: it must never be trusted again. */
        REVOKED
    }

    private final Kind kind;
    private final String host;
    private final int port;
    private final String state;
    private final String explanation;

    /**
     * @param state       what is wrong, to follow "host key of HOST:PORT": {@code has changed}, {@code is revoked}
     * @param explanation the keys involved and what to do, in plain words
     */
    public HostKeyException(Kind kind, String host, int port, String state, String explanation) {
        super("host key of " + host + ":" + port + " " + state + ": " + explanation);
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.state = state;
        this.explanation = explanation;
    }

    public Kind kind() {
        return kind;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** What is wrong, to follow "host key of HOST:PORT", e.g. {@code has changed}. */
    public String state() {
        return state;
    }

    /** The keys involved and what to do. */
    public String explanation() {
        return explanation;
    }
}
