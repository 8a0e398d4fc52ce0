package dev.hpsearch.ssh;

/** The server's host key was not trusted: unknown and rejected, or different from the one on record. */
public class HostKeyException extends SshBridgeException {

    /** Why the key was refused. */
    public enum Kind {
        /** Not in known_hosts, and the user (or a non-interactive policy) rejected it. */
        UNKNOWN_REJECTED,
        /** known_hosts has another key for this host: possibly a man-in-the-middle, or a reinstalled server. */
        CHANGED
    }

    private final Kind kind;

    public HostKeyException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
