package dev.hpsearch.ssh.transport;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.sshd.client.config.hosts.KnownHostEntry;
import org.apache.sshd.client.keyverifier.KnownHostsServerKeyVerifier;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.util.net.SshdSocketAddress;

/**
 * Verifies host keys against a known_hosts file. An unknown key goes to {@link SshPrompts#unknownHostKey}; a key
 * that differs from the recorded one, or that known_hosts marks {@code @revoked}, is refused, and the refusal is
 * kept so that the session can say why.
 */
final class PromptingHostKeyVerifier extends KnownHostsServerKeyVerifier {

    private final SshPrompts prompts;
    private final Path file;
    /** True only while the user's "accept and save" is being carried out: the delegate then says yes. */
    private final AtomicBoolean saving;
    private final AtomicReference<HostKeyException> refusal = new AtomicReference<>();

    PromptingHostKeyVerifier(Path file, SshPrompts prompts) {
        this(file, prompts, new AtomicBoolean());
    }

    private PromptingHostKeyVerifier(Path file, SshPrompts prompts, AtomicBoolean saving) {
        // The superclass asks its delegate about unknown keys and appends the key to the file when it agrees.
        super((session, address, key) -> saving.get(), file);
        this.file = file;
        this.prompts = prompts;
        this.saving = saving;
        setModifiedServerKeyAcceptor(this);
    }

    /** Why the last connection's host key was refused, if it was; clears it. */
    HostKeyException takeRefusal() {
        return refusal.getAndSet(null);
    }

    @Override
    protected boolean acceptUnknownHostKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        HostPort hp = HostPort.of(session, remoteAddress);
        UnknownHostKey unknown = new UnknownHostKey(hp.host, hp.port, KeyUtils.getKeyType(serverKey),
                KeyUtils.getFingerPrint(serverKey), file);
        HostKeyDecision decision;
        try {
            decision = prompts.unknownHostKey(unknown);
        } catch (RuntimeException e) {
            decision = HostKeyDecision.REJECT;
        }
        if (decision == null || decision == HostKeyDecision.REJECT) {
            refusal.set(new HostKeyException(HostKeyException.Kind.UNKNOWN_REJECTED, hp.host, hp.port,
                    "is not known", "the server offers " + unknown.keyType() + " " + unknown.fingerprint() + ", which "
                            + file + " does not list, and it was rejected. Check the fingerprint with the cluster's"
                            + " admins, then accept it (run hpsearch in a terminal, or connect once with ssh)"));
            return false;
        }
        if (decision == HostKeyDecision.ACCEPT_ONCE) {
            return true;
        }
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            // the superclass reports the failed update; the key is still accepted for this connection
        }
        saving.set(true);
        try {
            return super.acceptUnknownHostKey(session, remoteAddress, serverKey);
        } finally {
            saving.set(false);
        }
    }

    @Override
    public boolean acceptModifiedServerKey(ClientSession session, SocketAddress remoteAddress, KnownHostEntry entry,
                                           PublicKey expected, PublicKey actual) {
        HostPort hp = HostPort.of(session, remoteAddress);
        refusal.set(new HostKeyException(HostKeyException.Kind.CHANGED, hp.host, hp.port,
                "has changed", file + " records " + KeyUtils.getKeyType(expected) + " "
                        + KeyUtils.getFingerPrint(expected) + " but the server offered " + KeyUtils.getKeyType(actual)
                        + " " + KeyUtils.getFingerPrint(actual) + ". Someone may be intercepting the connection, or"
                        + " the server was reinstalled. Not connecting; if the cluster's admins confirm the new key,"
                        + " remove the old one with: ssh-keygen -R '" + hp.knownHostsName() + "' -f " + file));
        return false;
    }

    @Override
    protected void handleRevokedKey(ClientSession session, SocketAddress remoteAddress, PublicKey serverKey) {
        // the superclass refuses the key after this; what is kept here is why, for the session's message
        HostPort hp = HostPort.of(session, remoteAddress);
        refusal.set(new HostKeyException(HostKeyException.Kind.REVOKED, hp.host, hp.port,
                "is revoked", file + " marks the server's " + KeyUtils.getKeyType(serverKey) + " "
                        + KeyUtils.getFingerPrint(serverKey) + " key @revoked. Not connecting; ask the cluster's"
                        + " admins which key the server should have now"));
    }

    private record HostPort(String host, int port) {
        /** The name known_hosts and {@code ssh-keygen -R} use: {@code host}, or {@code [host]:port} off port 22. */
        String knownHostsName() {
            return port == 22 || port <= 0 ? host : "[" + host + "]:" + port;
        }

        static HostPort of(ClientSession session, SocketAddress address) {
            SshdSocketAddress connect = session.getConnectAddress() instanceof SshdSocketAddress
                    ? (SshdSocketAddress) session.getConnectAddress() : null;
            if (connect != null) {
                return new HostPort(connect.getHostName(), connect.getPort());
            }
            if (address instanceof InetSocketAddress) {
                InetSocketAddress isa = (InetSocketAddress) address;
                return new HostPort(isa.getHostString(), isa.getPort());
            }
            return new HostPort(String.valueOf(address), 0);
        }
    }
}
