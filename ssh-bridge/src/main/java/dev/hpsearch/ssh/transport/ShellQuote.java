package dev.hpsearch.ssh.transport;

import java.util.List;
import java.util.StringJoiner;

/**
 * Quoting for POSIX shells ({@code sh}, {@code bash}) in the single-quote style: every argument becomes
 * {@code '...'}, and a single quote inside becomes {@code '\''}. Inside single quotes the shell interprets nothing
 * ({@code $}, backticks, {@code ;}, newlines, non-ASCII all pass through), so the quoted text is the argument.
 */
public final class ShellQuote {

    private ShellQuote() {
    }

    /** One argument, quoted so that the shell passes it on unchanged. */
    public static String quote(String arg) {
        if (arg == null) {
            throw new IllegalArgumentException("cannot quote a null shell argument");
        }
        if (arg.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain a NUL character: " + arg.replace('\0', '?'));
        }
        StringBuilder sb = new StringBuilder(arg.length() + 2).append('\'');
        for (int i = 0; i < arg.length(); i++) {
            char c = arg.charAt(i);
            if (c == '\'') {
                sb.append("'\\''");
            } else {
                sb.append(c);
            }
        }
        return sb.append('\'').toString();
    }

    /** A command line: every element quoted, joined by spaces. */
    public static String join(List<String> argv) {
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("empty command line");
        }
        StringJoiner j = new StringJoiner(" ");
        for (String a : argv) {
            j.add(quote(a));
        }
        return j.toString();
    }

    /**
     * A command line for people to read and paste (records, messages): like {@link #join(List)}, but arguments
     * made only of characters no shell interprets are left bare.
     */
    public static String display(List<String> argv) {
        StringJoiner j = new StringJoiner(" ");
        for (String a : argv) {
            j.add(!a.isEmpty() && a.matches("[A-Za-z0-9_./=:,%@+-]+") ? a : quote(a));
        }
        return j.toString();
    }

    /** Same as {@link #join(List)}. */
    public static String join(String... argv) {
        return join(List.of(argv));
    }

    /**
     * Prefixes a command with the profile's set-up lines (e.g. {@code module load slurm}). These run in a login
     * shell, since {@code module} and similar are defined by the login profile, not in plain SSH commands.
     */
    public static String withSetup(List<String> setupLines, String command) {
        if (setupLines.isEmpty()) {
            return command;
        }
        return "bash -l -c " + quote(String.join("\n", setupLines) + "\n" + command);
    }
}
