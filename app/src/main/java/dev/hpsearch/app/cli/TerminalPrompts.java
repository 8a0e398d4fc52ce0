package dev.hpsearch.app.cli;

import dev.hpsearch.ssh.transport.HostKeyDecision;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.UnknownHostKey;
import java.io.Console;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * SSH questions asked on the terminal. Without a terminal (a batch job, CI) an unknown host key is refused (the
 * error line then says how to accept it), and no secret is asked for. A user name the cluster profile does not give
 * is never asked for here: the error names it, so that the profile gets fixed rather than typed in at every run.
 */
final class TerminalPrompts implements SshPrompts {
    private final Console console = System.console();
    private final PrintWriter err;

    TerminalPrompts(PrintWriter err) {
        this.err = err;
    }

    @Override
    public HostKeyDecision unknownHostKey(UnknownHostKey key) {
        if (console == null) {
            // the connection's error line names the key, the file and how to accept it: one line, not four
            return HostKeyDecision.REJECT;
        }
        err.println("The authenticity of host " + key.host() + ":" + key.port() + " cannot be established.");
        err.println(key.keyType() + " key fingerprint is " + key.fingerprint() + ".");
        err.flush();
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
