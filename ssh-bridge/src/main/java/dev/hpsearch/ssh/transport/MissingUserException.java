package dev.hpsearch.ssh.transport;

/**
 * Neither the target nor the SSH config names the remote user, and nobody answered when asked. hpsearch does not
 * fall back on the local account's name: on a cluster it is usually another name, and a login refused under the
 * wrong name reads like a key problem.
 */
public class MissingUserException extends SshBridgeException {
    private final String host;
    private final int port;

    public MissingUserException(String host, int port) {
        super("no SSH user name for " + host + ":" + port + ": neither the cluster profile nor the SSH config gives"
                + " one");
        this.host = host;
        this.port = port;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
