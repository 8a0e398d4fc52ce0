package dev.hpsearch.app.gui;

import java.util.Optional;

/**
 * The desktop app could not start because this machine lacks something the toolkit needs: the GTK 3 library or
 * a display. Its message says what to install or do, in one paragraph for the command line.
 */
public final class DesktopUnavailable extends RuntimeException {
    /** What to install, for the README and the message alike. */
    public static final String GTK_PACKAGES = "libgtk-3-0 on Debian/Ubuntu (sudo apt-get install libgtk-3-0), "
            + "gtk3 on Fedora (sudo dnf install gtk3)";

    private DesktopUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /**
     * The plain reason why JavaFX failed to start, if {@code failure} (or one of its causes) is one of the known
     * start failures; empty for any other failure, which is not ours to explain.
     */
    public static Optional<DesktopUnavailable> classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            // JavaFX 21 on Linux: "Unable to load glass GTK library." (UnsupportedOperationException), or the
            // loader's UnsatisfiedLinkError naming libgtk-3.so.0
            if (m.contains("glass GTK library") || t instanceof UnsatisfiedLinkError && m.contains("libgtk-3")) {
                return Optional.of(new DesktopUnavailable("the desktop app needs the GTK 3 library, which is not "
                        + "installed on this machine. Install " + GTK_PACKAGES + ", then run hpsearch gui again. "
                        + "The command line (hpsearch run, status, ...) works without it.", failure));
            }
            // "Unable to open DISPLAY": no X server or Wayland session to show a window on
            if (m.contains("Unable to open DISPLAY")) {
                return Optional.of(new DesktopUnavailable("the desktop app found no display to open its window on "
                        + "(DISPLAY is not set or cannot be opened). Run hpsearch gui in a desktop session, over "
                        + "ssh -X, or under xvfb-run; the command line works without a display.", failure));
            }
        }
        return Optional.empty();
    }
}
