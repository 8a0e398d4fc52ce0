package dev.hpsearch.app.service;

import dev.hpsearch.ssh.transport.HostKeyDecision;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.UnknownHostKey;
import java.nio.file.Path;
import java.util.List;

/**
 * The questions connecting to a cluster may ask the user: an unknown host key, a user name the profile lacks, a
 * passphrase, a password, a keyboard-interactive sign-in. Asked on the thread that connects, never the UI
 * thread. The app answers with dialogs; {@link #nonInteractive()} refuses the key and gives no secret. The
 * service turns these into the SSH layer's questions ({@link #toSsh}), so a face needs no SSH types.
 */
public interface ConnectionPrompts {
    /** What the user answers to an unknown host key. */
    enum HostKeyAnswer {
        /** Trust it for this connection only. */
        ACCEPT_ONCE,
        /** Trust it and add it to the known_hosts file. */
        ACCEPT_AND_SAVE,
        /** Do not connect. */
        REJECT
    }

    /**
     * A server whose key is not in the known_hosts file.
     *
     * @param knownHosts where an accepted key is saved
     */
    record HostKey(String host, int port, String keyType, String fingerprint, Path knownHosts) {
    }

    /** One field of a keyboard-interactive sign-in; {@code echo} false for a secret. */
    record Prompt(String text, boolean echo) {
    }

    HostKeyAnswer unknownHostKey(HostKey key);

    /** The user name when the profile gives none, or {@code null} to give up. */
    default String userName(String host, int port) {
        return null;
    }

    /** The passphrase of a key file ({@code attempt} counts from 0), or {@code null} to give up. */
    default char[] passphrase(String keyFile, int attempt) {
        return null;
    }

    /** The password ({@code attempt} counts from 0), or {@code null} to give up. */
    default char[] password(String user, String host, int attempt) {
        return null;
    }

    /** The answers to a keyboard-interactive sign-in, one per prompt, or {@code null} to give up. */
    default List<String> keyboardInteractive(String user, String host, String name, String instruction,
                                             List<Prompt> prompts) {
        return null;
    }

    /** Refuses every unknown key and gives no secret. */
    static ConnectionPrompts nonInteractive() {
        return key -> HostKeyAnswer.REJECT;
    }

    /** These questions as the SSH layer asks them. */
    static SshPrompts toSsh(ConnectionPrompts p) {
        return new SshPrompts() {
            @Override
            public HostKeyDecision unknownHostKey(UnknownHostKey key) {
                HostKeyAnswer a = p.unknownHostKey(new HostKey(key.host(), key.port(), key.keyType(),
                        key.fingerprint(), key.knownHosts()));
                return a == null ? HostKeyDecision.REJECT : HostKeyDecision.valueOf(a.name());
            }

            @Override
            public String userName(String host, int port) {
                return p.userName(host, port);
            }

            @Override
            public char[] passphrase(String keyFile, int attempt) {
                return p.passphrase(keyFile, attempt);
            }

            @Override
            public char[] password(String user, String host, int attempt) {
                return p.password(user, host, attempt);
            }

            @Override
            public List<String> keyboardInteractive(String user, String host, String name, String instruction,
                                                    List<SshPrompts.Prompt> prompts) {
                List<ConnectionPrompts.Prompt> asked = prompts.stream()
                        .map(q -> new ConnectionPrompts.Prompt(q.text(), q.echo())).toList();
                return p.keyboardInteractive(user, host, name, instruction, asked);
            }
        };
    }
}
