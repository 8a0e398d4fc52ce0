package dev.hpsearch.app.gui.report;

import java.awt.Desktop;
import java.io.IOException;
import java.nio.file.Path;

/** The desktop's browser through {@link Desktop}, which says whether there is one (HostServices does not). */
public final class DesktopBrowser implements Browser {
    @Override
    public boolean open(Path file) {
        try {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                return false;
            }
            Desktop.getDesktop().browse(file.toAbsolutePath().toUri());
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }
}
