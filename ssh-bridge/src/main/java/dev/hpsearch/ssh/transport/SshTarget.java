package dev.hpsearch.ssh.transport;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * Where to connect. Values left empty come from the OpenSSH client config ({@code ~/.ssh/config}: Host aliases,
 * HostName, User, Port, IdentityFile, ProxyJump), then from defaults (port 22, the local user name, the usual
 * {@code ~/.ssh/id_*} keys).
 *
 * @param host          a host name, an address, or a {@code Host} alias of the SSH config
 * @param port          the port, or 0 for the config's or 22
 * @param user          the remote user, or {@code null} for the config's or the local user name
 * @param identityFiles private key files to offer (besides any ssh-agent); may be empty
 * @param knownHosts    the known_hosts file to verify host keys against; {@code null} for {@code ~/.ssh/known_hosts}
 * @param sshConfig     the SSH client config to read; {@code null} for {@code ~/.ssh/config} when it exists
 * @param useAgent      whether to ask an ssh-agent for keys
 * @param agentSocket   the agent's socket; {@code null} for {@code SSH_AUTH_SOCK}
 */
public record SshTarget(String host, int port, String user, List<Path> identityFiles, Path knownHosts,
                        Path sshConfig, boolean useAgent, Path agentSocket) {

    public SshTarget {
        Objects.requireNonNull(host, "host");
        if (host.isBlank()) {
            throw new IllegalArgumentException("SSH host is empty");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("SSH port out of range: " + port);
        }
        identityFiles = identityFiles == null ? List.of() : List.copyOf(identityFiles);
        if (user != null && user.isBlank()) {
            user = null;
        }
    }

    /** A target with defaults for everything but the host. */
    public static SshTarget of(String host) {
        return new SshTarget(host, 0, null, List.of(), null, null, true, null);
    }

    public SshTarget withPort(int p) {
        return new SshTarget(host, p, user, identityFiles, knownHosts, sshConfig, useAgent, agentSocket);
    }

    public SshTarget withUser(String u) {
        return new SshTarget(host, port, u, identityFiles, knownHosts, sshConfig, useAgent, agentSocket);
    }

    public SshTarget withIdentityFiles(List<Path> files) {
        return new SshTarget(host, port, user, files, knownHosts, sshConfig, useAgent, agentSocket);
    }

    public SshTarget withKnownHosts(Path file) {
        return new SshTarget(host, port, user, identityFiles, file, sshConfig, useAgent, agentSocket);
    }

    public SshTarget withSshConfig(Path file) {
        return new SshTarget(host, port, user, identityFiles, knownHosts, file, useAgent, agentSocket);
    }

    public SshTarget withAgent(boolean agent) {
        return new SshTarget(host, port, user, identityFiles, knownHosts, sshConfig, agent, agentSocket);
    }

    /** Uses the ssh-agent listening on {@code socket}. */
    public SshTarget withAgentSocket(Path socket) {
        return new SshTarget(host, port, user, identityFiles, knownHosts, sshConfig, true, socket);
    }

    /** {@code user@host:port} as far as known, for messages. */
    public String label() {
        return (user != null ? user + "@" : "") + host + (port > 0 ? ":" + port : "");
    }
}
