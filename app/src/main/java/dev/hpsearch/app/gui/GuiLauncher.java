package dev.hpsearch.app.gui;

import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;

/**
 * Starts the desktop app. Not an {@link Application} itself, so that it can be the main class of a jar or a
 * jpackage image with JavaFX on the class path.
 */
public final class GuiLauncher {
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
