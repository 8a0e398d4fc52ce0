package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.text.IoErrors;
import picocli.CommandLine;

/** The {@code hpsearch} command line: the composition root of the CLI. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        preferFastProcessLaunch();
        int status = run(withoutTerminalOpenTheGui(args, interactiveTerminal()));
        if (!shuttingDown()) {
            // System.exit during shutdown (after Ctrl-C) would block until the hooks give up
            System.exit(status);
        }
    }

    private static boolean shuttingDown() {
        try {
            Thread probe = new Thread(() -> { });
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    /**
     * On Linux, JDK 17 starts processes through a helper program by default (posix_spawn of jspawnhelper, which
     * then runs the script): measured here at about 6 ms per start against 2.4 ms with vfork. A search starts
     * one process per combination, so the CLI chooses vfork unless the user set the property.
     */
    static void preferFastProcessLaunch() {
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null
                && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
    }

    /**
     * Started with no arguments and no terminal (a double-clicked jar, the desktop entry of a package), hpsearch
     * opens the desktop app, as {@code hpsearch gui} does; in a terminal it shows its help (decision 0022).
     */
    static String[] withoutTerminalOpenTheGui(String[] args, boolean terminal) {
        return args.length == 0 && !terminal ? new String[] {"gui"} : args;
    }

    /**
     * Whether a user's terminal is attached: Java 17 to 21 have a console only then; from Java 22 there is always
     * one, and {@code Console.isTerminal()} tells (called by reflection, as hpsearch is built for Java 17).
     */
    static boolean interactiveTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return true; // Java 17 to 21: no such method, and a console is a terminal
        }
    }

    /** Runs the command line and returns its exit status (for tests). */
    public static int run(String... args) {
        return run(new java.io.PrintWriter(System.out, true), new java.io.PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams. */
    public static int run(java.io.PrintWriter out, java.io.PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new HpSearchCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            if (ex instanceof dev.hpsearch.app.service.UserFacingException u) {
                return Console.report(cmd.getErr(), u);
            }
            cmd.getErr().println("hpsearch: " + IoErrors.describe(ex));
            return ExitCodes.FAILURE;
        });
        return cli.execute(args);
    }
}
