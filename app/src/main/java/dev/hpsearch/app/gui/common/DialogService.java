package dev.hpsearch.app.gui.common;

import java.nio.file.Path;
import java.util.Optional;

/** File choosers and messages, behind an interface so that view-models and GUI tests can script them. */
public interface DialogService extends Notifier {
    Optional<Path> chooseDirectory(String title, Path initial);

    Optional<Path> openFile(String title, Path initial, String extensionLabel, String... extensions);

    Optional<Path> saveFile(String title, Path initial, String fileName);

    void showError(String title, String message);

    void showInfo(String title, String message);

    /** A desktop notification; by default none (scripted dialogs in tests record it). */
    @Override
    default void notify(String title, String text) {
    }

    /** Asks a yes/no question. */
    boolean confirm(String title, String message);

    /**
     * Asks what to do with unsaved edits. Without a three-way dialog this falls back to a yes/no question whose
     * "no" cancels, so that nothing is ever discarded without being asked.
     */
    default UnsavedEditsPrompt.Choice askSaveDiscardCancel(String title, String message) {
        return confirm(title, message) ? UnsavedEditsPrompt.Choice.SAVE : UnsavedEditsPrompt.Choice.CANCEL;
    }
}
