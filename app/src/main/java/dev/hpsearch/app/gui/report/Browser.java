package dev.hpsearch.app.gui.report;

import java.nio.file.Path;

/** Opens a file in the user's web browser, behind an interface so that view-models are tested without one. */
public interface Browser {
    /**
     * Opens the file; called off the UI thread.
     *
     * @return whether a browser was asked to open it; {@code false} when there is none to ask
     */
    boolean open(Path file);
}
