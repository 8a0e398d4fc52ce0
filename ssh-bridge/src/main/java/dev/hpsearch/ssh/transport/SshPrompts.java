package dev.hpsearch.ssh.transport;

import java.util.List;

/**
 * Questions the SSH session asks the user: a GUI answers with dialogs, the CLI on the terminal, a batch run not at
 * all. Answers are held in memory only as long as needed and never written anywhere.
 */
public interface SshPrompts {

    /** The server presented a key that known_hosts does not list. */
    HostKeyDecision unknownHostKey(UnknownHostKey key);

    /**
     * The remote user name, asked once the server's host key has been checked, when neither the cluster profile
     * nor the SSH config gives one. There is no default: the local account's name is usually not the cluster's.
     *
     * @return the user name, or {@code null} (the default) to give up; the session then fails with
     *         {@link MissingUserException}
     */
    default String userName(String host, int port) {
        return null;
    }

    /**
     * The passphrase of an encrypted private key file.
     *
     * @param attempt 0 for the first try, then 1, 2... after wrong answers
     * @return the passphrase (the caller clears the array after use), or {@code null} to skip this key
     */
    default char[] passphrase(String keyFile, int attempt) {
        return null;
    }

    /**
     * A password for password authentication.
     *
     * @return the password (the caller clears the array after use), or {@code null} to stop trying passwords
     */
    default char[] password(String user, String host, int attempt) {
        return null;
    }

    /**
     * Answers to a keyboard-interactive challenge (one per prompt, in order).
     *
     * @return the answers, or {@code null} to give up this method
     */
    default List<String> keyboardInteractive(String user, String host, String name, String instruction,
                                             List<Prompt> prompts) {
        return null;
    }

    /** One question of a keyboard-interactive challenge; {@code echo} false for secrets. */
    record Prompt(String text, boolean echo) {
    }

    /** For unattended runs: rejects unknown host keys, knows no passphrase or password. */
    static SshPrompts nonInteractive() {
        return key -> HostKeyDecision.REJECT;
    }
}
