package dev.hpsearch.app.gui.common;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Dialogs for a view-model that has nobody to ask: every question is answered no (nothing is dropped or cancelled on
 * a guess), choosers choose nothing, messages go nowhere; notifications still reach the notifier.
 */
public final class DeclinedDialogs implements DialogService {
    private final Notifier notifier;

    public DeclinedDialogs(Notifier notifier) {
        this.notifier = notifier;
    }

    @Override
    public void notify(String title, String text) {
        notifier.notify(title, text);
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> openFile(String title, Path initial, String extensionLabel, String... extensions) {
        return Optional.empty();
    }

    @Override
    public Optional<Path> saveFile(String title, Path initial, String fileName) {
        return Optional.empty();
    }

    @Override
    public void showError(String title, String message) {
    }

    @Override
    public void showInfo(String title, String message) {
    }

    @Override
    public boolean confirm(String title, String message) {
        return false;
    }
}
