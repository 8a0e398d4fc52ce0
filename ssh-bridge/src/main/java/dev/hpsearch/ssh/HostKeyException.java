package dev.hpsearch.ssh;

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
    private final String detail;

    /**
     * @param detail what is wrong with the key and what to do, in plain words, without the host
     */
    public HostKeyException(Kind kind, String host, int port, String detail) {
        super("host key of " + host + ":" + port + " " + detail);
        this.kind = kind;
        this.host = host;
        this.port = port;
        this.detail = detail;
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

    /** What is wrong with the key and what to do, without the host. */
    public String detail() {
        return detail;
    }
}
