package dev.hpsearch.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import javafx.application.Application;

/**
 * Starts the desktop app. Not an {@link Application} itself, so that it can be the main class of a jar or a
 * jpackage image with JavaFX on the class path.
 */
public final class GuiLauncher {
    /**
     * JavaFX's own logger. Held here (the logging framework keeps loggers weakly) with a filter that drops the
     * one warning that running JavaFX from the class path gives at every start ("Unsupported JavaFX
     * configuration: classes were loaded from 'unnamed module'"): that is how hpsearch is built and shipped, and
     * the warning only alarms. Other warnings pass, and those of the CSS engine have a logger of their own.
     */
    private static final Logger JAVAFX = Logger.getLogger("javafx");

    private GuiLauncher() {
    }

    public static void main(String[] args) {
        try {
            launch(null);
        } catch (DesktopUnavailable e) {
            System.err.println("hpsearch: " + e.getMessage());
            System.exit(1);
        }
    }

    /**
     * Opens the app, optionally with a project folder; returns when the window closes.
     *
     * @throws DesktopUnavailable when the machine lacks what JavaFX needs (GTK, a display); its message says what
     *                            to install
     */
    public static void launch(java.nio.file.Path project) {
        // one process per combination: vfork is much cheaper than the JDK's default helper on Linux
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null
                && System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
        JAVAFX.setFilter(r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration"));
        try {
            PortableNatives.prepareForThisProcess(dev.hpsearch.app.remote.ClusterRuntime.defaultCache());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> args = new ArrayList<>();
        if (project != null) {
            args.add("--project=" + project.toAbsolutePath().normalize());
        }
        try {
            Application.launch(HpSearchApp.class, args.toArray(new String[0]));
        } catch (RuntimeException | LinkageError e) {
            var plain = DesktopUnavailable.classify(e);
            if (plain.isPresent()) {
                throw plain.get();
            }
            throw e;
        }
    }
}
