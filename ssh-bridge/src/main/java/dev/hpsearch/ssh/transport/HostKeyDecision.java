package dev.hpsearch.ssh.transport;

/** The user's answer to an unknown host key. */
public enum HostKeyDecision {
    /** Trust it for this connection only. */
    ACCEPT_ONCE,
    /** Trust it and add it to the known_hosts file. */
    ACCEPT_AND_SAVE,
    /** Do not connect. */
    REJECT
}
