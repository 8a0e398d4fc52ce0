package dev.hpsearch.ssh.transport;

import java.time.Duration;
import java.util.Objects;

/**
 * Timeouts and connection upkeep. Every network step waits at most its timeout.
 *
 * @param connectTimeout    TCP connect and key exchange
 * @param authTimeout       user authentication
 * @param channelOpenTimeout opening a command or SFTP channel
 * @param commandTimeout    a remote command, when the caller gives none
 * @param keepAlive         interval of keep-alive requests; a connection that misses
 *                          {@code keepAliveMaxMissed} replies in a row counts as dropped
 * @param keepAliveMaxMissed how many keep-alive replies may be missed
 * @param reconnectWindow   how long to keep trying to reconnect after a drop before giving up the operation
 * @param backoffInitial    first wait between reconnect attempts; it doubles up to {@code backoffMax}
 * @param backoffMax        longest wait between reconnect attempts
 */
public record SshSettings(Duration connectTimeout, Duration authTimeout, Duration channelOpenTimeout,
                          Duration commandTimeout, Duration keepAlive, int keepAliveMaxMissed,
                          Duration reconnectWindow, Duration backoffInitial, Duration backoffMax) {

    public SshSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(authTimeout, "authTimeout");
        requirePositive(channelOpenTimeout, "channelOpenTimeout");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(keepAlive, "keepAlive");
        requirePositive(backoffInitial, "backoffInitial");
        requirePositive(backoffMax, "backoffMax");
        Objects.requireNonNull(reconnectWindow, "reconnectWindow");
        if (reconnectWindow.isNegative()) {
            throw new IllegalArgumentException("reconnectWindow must not be negative: " + reconnectWindow);
        }
        if (keepAliveMaxMissed < 1) {
            throw new IllegalArgumentException("keepAliveMaxMissed must be at least 1: " + keepAliveMaxMissed);
        }
    }

    /** Defaults for a cluster's login node reached over a network. */
    public static SshSettings defaults() {
        return new SshSettings(Duration.ofSeconds(20), Duration.ofSeconds(30), Duration.ofSeconds(20),
                Duration.ofSeconds(60), Duration.ofSeconds(15), 4, Duration.ofSeconds(30),
                Duration.ofMillis(500), Duration.ofSeconds(8));
    }

    public SshSettings withCommandTimeout(Duration d) {
        return new SshSettings(connectTimeout, authTimeout, channelOpenTimeout, d, keepAlive, keepAliveMaxMissed,
                reconnectWindow, backoffInitial, backoffMax);
    }

    public SshSettings withReconnectWindow(Duration d) {
        return new SshSettings(connectTimeout, authTimeout, channelOpenTimeout, commandTimeout, keepAlive,
                keepAliveMaxMissed, d, backoffInitial, backoffMax);
    }

    public SshSettings withKeepAlive(Duration interval, int maxMissed) {
        return new SshSettings(connectTimeout, authTimeout, channelOpenTimeout, commandTimeout, interval, maxMissed,
                reconnectWindow, backoffInitial, backoffMax);
    }

    private static void requirePositive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive: " + d);
        }
    }
}
