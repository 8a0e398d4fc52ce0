package dev.hpsearch.app.cli;

import dev.hpsearch.ssh.HostKeyDecision;
import dev.hpsearch.ssh.SshPrompts;
import dev.hpsearch.ssh.UnknownHostKey;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * SSH questions asked on the terminal. Without a terminal (a batch job, CI) an unknown host key is refused with
 * a message saying how to accept it, and no secret is asked for.
 */
final class TerminalPrompts implements SshPrompts {
    private final Console console = System.console();
    private final PrintWriter err;

    TerminalPrompts(PrintWriter err) {
        this.err = err;
    }

    @Override
    public HostKeyDecision unknownHostKey(UnknownHostKey key) {
        err.println("The authenticity of host " + key.host() + ":" + key.port() + " cannot be established.");
        err.println(key.keyType() + " key fingerprint is " + key.fingerprint() + ".");
        err.flush();
        if (console == null) {
            err.println("Not a terminal, so the key is refused. Check the fingerprint with the cluster's admins, then "
                    + "connect once with ssh (or run hpsearch in a terminal) to add it to " + key.knownHosts() + ".");
            err.flush();
            return HostKeyDecision.REJECT;
        }
        String answer = console.readLine("Accept it? [o]nce / [s]ave to %s / [N]o: ", key.knownHosts());
        String a = answer == null ? "" : answer.trim().toLowerCase(Locale.ROOT);
        if (a.startsWith("s")) {
            return HostKeyDecision.ACCEPT_AND_SAVE;
        }
        return a.startsWith("o") || a.startsWith("y") ? HostKeyDecision.ACCEPT_ONCE : HostKeyDecision.REJECT;
    }

    @Override
    public char[] passphrase(String keyFile, int attempt) {
        return console == null ? null : console.readPassword("Passphrase for %s%s: ", keyFile,
                attempt > 0 ? " (try again)" : "");
    }

    @Override
    public char[] password(String user, String host, int attempt) {
        return console == null ? null : console.readPassword("Password for %s@%s%s: ", user, host,
                attempt > 0 ? " (try again)" : "");
    }
}
