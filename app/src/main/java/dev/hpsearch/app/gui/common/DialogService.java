package dev.hpsearch.app.gui.common;

import java.nio.file.Path;
import java.util.Optional;

/** File choosers and messages, behind an interface so that view-models and GUI tests can script them. */
public interface DialogService {
    Optional<Path> chooseDirectory(String title, Path initial);

    Optional<Path> openFile(String title, Path initial, String extensionLabel, String... extensions);

    Optional<Path> saveFile(String title, Path initial, String fileName);

    void showError(String title, String message);

    void showInfo(String title, String message);

    /** Asks a yes/no question. */
    boolean confirm(String title, String message);
}
