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
     * Asks to choose one of a few answers ({@code "Save", "Discard", "Cancel"}); empty when the dialog was closed
     * without an answer, which callers take as cancel. By default nobody is asked: empty.
     */
    default java.util.Optional<String> choose(String title, String message, java.util.List<String> answers) {
        return java.util.Optional.empty();
    }

    /**
     * Asks what to do with unsaved edits: Save, Discard or Cancel ({@link #choose}); a dialog closed without an
     * answer cancels, so that nothing is ever discarded without being asked.
     */
    default UnsavedEditsPrompt.Choice askSaveDiscardCancel(String title, String message) {
        String answer = choose(title, message, java.util.List.of("Save", "Discard", "Cancel")).orElse("Cancel");
        return answer.equals("Save") ? UnsavedEditsPrompt.Choice.SAVE
                : answer.equals("Discard") ? UnsavedEditsPrompt.Choice.DISCARD : UnsavedEditsPrompt.Choice.CANCEL;
    }
}
