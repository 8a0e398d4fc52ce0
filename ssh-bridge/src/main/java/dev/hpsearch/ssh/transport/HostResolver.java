package dev.hpsearch.ssh.transport;

import java.io.IOException;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.sshd.client.config.hosts.ConfigFileHostEntryResolver;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.config.hosts.HostConfigEntryResolver;
import org.apache.sshd.common.AttributeRepository;

/**
 * Resolves host names through the OpenSSH client config (aliases, HostName, User, Port, IdentityFile, ProxyJump),
 * then overlays what the {@link SshTarget} states explicitly, then fills defaults. MINA also uses it for the jump
 * hosts of a ProxyJump chain.
 */
final class HostResolver implements HostConfigEntryResolver {

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final SshTarget target;
    private final HostConfigEntryResolver config;
    private final Path configFile;

    HostResolver(SshTarget target) {
        this.target = target;
        Path file = target.sshConfig() != null ? target.sshConfig()
                : Path.of(System.getProperty("user.home"), ".ssh", "config");
        if (target.sshConfig() != null && !Files.isRegularFile(file)) {
            throw new IllegalArgumentException("SSH config file " + file + " does not exist");
        }
        this.configFile = Files.isRegularFile(file) ? file : null;
        this.config = configFile != null ? new ConfigFileHostEntryResolver(file) : null;
    }

    /**
     * Whether the target or the SSH config names the remote user for the target. When neither does, the entry of
     * {@link #resolveTarget} carries the local user name only as a placeholder for connecting.
     */
    boolean userGiven() throws IOException {
        if (target.user() != null) {
            return true;
        }
        if (configFile == null) {
            return false;
        }
        // the config resolver fills in the local account's name itself, so ask the file's own entries
        for (HostConfigEntry e : HostConfigEntry.findMatchingEntries(target.host(),
                HostConfigEntry.readHostConfigEntries(configFile))) {
            if (e.getUsername() != null && !e.getUsername().isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** The entry for the target itself, with the target's explicit values winning over the config. */
    HostConfigEntry resolveTarget() throws IOException {
        HostConfigEntry e = resolveEffectiveHost(target.host(), target.port(), null, target.user(), null, null);
        if (target.port() > 0) {
            e.setPort(target.port());
        }
        if (target.user() != null) {
            e.setUsername(target.user());
        }
        if (!target.identityFiles().isEmpty()) {
            List<String> ids = new ArrayList<>();
            target.identityFiles().forEach(p -> ids.add(p.toString()));
            // defaults were only a fallback; explicit files replace them, config files stay
            for (String id : e.getIdentities()) {
                if (!isDefaultKey(id) && !ids.contains(id)) {
                    ids.add(id);
                }
            }
            e.setIdentities(ids);
        }
        return e;
    }

    @Override
    public HostConfigEntry resolveEffectiveHost(String host, int port, SocketAddress localAddress, String username,
                                                String proxyJump, AttributeRepository context) throws IOException {
        HostConfigEntry e = config == null ? null
                : config.resolveEffectiveHost(host, port, localAddress, username, proxyJump, context);
        if (e == null) {
            e = new HostConfigEntry(host, host, port, username);
        }
        if (e.getHostName() == null || e.getHostName().isBlank()) {
            e.setHostName(host);
        }
        if (e.getPort() <= 0) {
            e.setPort(port > 0 ? port : 22);
        }
        if (e.getUsername() == null || e.getUsername().isBlank()) {
            e.setUsername(username != null ? username : System.getProperty("user.name"));
        }
        if (e.getIdentities() == null || e.getIdentities().isEmpty()) {
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            List<String> ids = new ArrayList<>();
            for (String k : DEFAULT_KEYS) {
                if (Files.isRegularFile(ssh.resolve(k))) {
                    ids.add(ssh.resolve(k).toString());
                }
            }
            e.setIdentities(ids);
        }
        return e;
    }

    private static boolean isDefaultKey(String id) {
        Path p = Path.of(id);
        Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
        return p.getParent() != null && p.getParent().equals(ssh) && DEFAULT_KEYS.contains(p.getFileName().toString());
    }
}
