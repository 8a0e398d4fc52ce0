package dev.hpsearch.app.remote;

import dev.hpsearch.ssh.transport.SshBridgeException;

/**
 * The first connection to a cluster failed. The message is one plain line for the user: what failed, which
 * cluster profile and where it was named, why, and what to do ({@link ClusterContact#describe}).
 */
public class ClusterContactException extends SshBridgeException {
    private final SshBridgeException failure;

    public ClusterContactException(String message, SshBridgeException failure) {
        super(message, failure);
        this.failure = failure;
    }

    /** The SSH layer's own failure: its type says which kind it was. */
    public SshBridgeException failure() {
        return failure;
    }
}
