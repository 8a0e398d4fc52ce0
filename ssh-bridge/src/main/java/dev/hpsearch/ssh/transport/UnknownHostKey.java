package dev.hpsearch.ssh.transport;

import java.nio.file.Path;

/**
 * A host key that known_hosts does not list, as shown to the user.
 *
 * @param host        the host as connected to
 * @param port        the port
 * @param keyType     e.g. {@code ssh-ed25519}
 * @param fingerprint e.g. {@code SHA256:...}, as {@code ssh-keygen -lf} prints it
 * @param knownHosts  the file the key would be saved to
 */
public record UnknownHostKey(String host, int port, String keyType, String fingerprint, Path knownHosts) {

    /** A sentence for a dialog or a terminal. */
    public String describe() {
        return "The authenticity of host " + host + (port == 22 ? "" : " (port " + port + ")")
                + " can't be established. Its " + keyType + " key fingerprint is " + fingerprint + ".";
    }
}
