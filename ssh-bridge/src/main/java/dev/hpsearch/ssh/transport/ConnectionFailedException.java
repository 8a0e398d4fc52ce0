package dev.hpsearch.ssh.transport;

import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Locale;

/**
 * The SSH server could not be reached, or did not speak SSH: no login was attempted. The message is plain
 * ({@code cannot reach login.example.org:22: host name not found}); {@link #reason()} tells the kinds apart so that
 * callers can add what the user should do.
 */
public class ConnectionFailedException extends SshBridgeException {

    /** Why the connection failed. */
    public enum Reason {
        /** DNS does not know the name (a typo, or a name only a VPN resolves). */
        HOST_NOT_FOUND,
        /** The host answered, but nothing listens on the port. */
        REFUSED,
        /** No answer to the TCP connect within the timeout (a firewall, or a host off the network). */
        TIMED_OUT,
        /** The TCP connection was made, but no SSH server answered within the timeout. */
        NO_SSH_ANSWER,
        /** No route to the host or its network. */
        UNREACHABLE,
        /** The server closed the connection before login. */
        CLOSED,
        /** Anything else the network reported. */
        OTHER
    }

    private final Reason reason;
    private final String host;
    private final int port;
    private final String detail;

    /**
     * @param detail the plain words for the failure, e.g. {@code host name not found}
     */
    public ConnectionFailedException(Reason reason, String host, int port, String detail, Throwable cause) {
        super("cannot reach " + host + ":" + port + ": " + detail, cause);
        this.reason = reason;
        this.host = host;
        this.port = port;
        this.detail = detail;
    }

    public Reason reason() {
        return reason;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The plain words for the failure, without the host. */
    public String detail() {
        return detail;
    }

    /**
     * Names a failed TCP connect in plain words. The SSH library wraps the JDK's exception in its own, whose
     * message names library internals, so the cause chain is searched for the JDK's.
     *
     * @param timeout the connect timeout that applied, for the message
     */
    static ConnectionFailedException ofConnect(String host, int port, Throwable failure, Duration timeout) {
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof UnresolvedAddressException || c instanceof UnknownHostException) {
                return new ConnectionFailedException(Reason.HOST_NOT_FOUND, host, port, "host name not found", failure);
            }
            if (c instanceof NoRouteToHostException) {
                return new ConnectionFailedException(Reason.UNREACHABLE, host, port, "no route to the host", failure);
            }
            if (c instanceof SocketTimeoutException) {
                return timedOut(host, port, timeout, failure);
            }
            if (c instanceof ConnectException) {
                String m = lower(c.getMessage());
                if (m.contains("refused")) {
                    return new ConnectionFailedException(Reason.REFUSED, host, port,
                            "connection refused (nothing listens on port " + port + ")", failure);
                }
                if (m.contains("timed out")) {
                    return timedOut(host, port, timeout, failure);
                }
                if (m.contains("unreachable")) {
                    return new ConnectionFailedException(Reason.UNREACHABLE, host, port, "network unreachable",
                            failure);
                }
            }
        }
        // the library's own wait gave up (its exception says "timeout"), or the thread was interrupted
        for (Throwable c = failure; c != null; c = c.getCause()) {
            if (c instanceof InterruptedIOException || lower(c.getMessage()).contains("timeout")) {
                return timedOut(host, port, timeout, failure);
            }
        }
        return new ConnectionFailedException(Reason.OTHER, host, port, plainCause(failure), failure);
    }

    private static ConnectionFailedException timedOut(String host, int port, Duration timeout, Throwable failure) {
        return new ConnectionFailedException(Reason.TIMED_OUT, host, port,
                "no answer within " + timeout.toSeconds() + " s", failure);
    }

    /** The innermost message of the chain that is not empty, or the innermost type's plain name. */
    static String plainCause(Throwable failure) {
        Throwable root = failure;
        String message = null;
        for (Throwable c = failure; c != null; c = c.getCause()) {
            root = c;
            if (c.getMessage() != null && !c.getMessage().isBlank() && !c.getMessage().contains("Future")) {
                message = c.getMessage();
            }
        }
        return message != null ? message : root.getClass().getSimpleName().replaceAll("(Exception|Error)$", "")
                .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }
}
