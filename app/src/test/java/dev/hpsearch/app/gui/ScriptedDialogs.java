package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** A dialog service that answers from a script: the next path for any chooser, and records messages. */
public final class ScriptedDialogs implements DialogService {
    private final Deque<Path> paths = new ArrayDeque<>();
    public final List<String> messages = new ArrayList<>();
    public boolean confirmAnswer = true;
    /** The answer to "save / discard / cancel"; each question asked is recorded in {@link #messages}. */
    public UnsavedEditsPrompt.Choice unsavedAnswer = UnsavedEditsPrompt.Choice.CANCEL;
    /** The answer {@link #choose} gives (empty: the dialog closed), and the questions asked. */
    public Optional<String> chooseAnswer = Optional.empty();
    public final List<String> questions = new ArrayList<>();

    public ScriptedDialogs answer(Path p) {
        paths.add(p);
        return this;
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public Optional<Path> openFile(String title, Path initial, String extensionLabel, String... extensions) {
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public Optional<Path> saveFile(String title, Path initial, String fileName) {
        return Optional.ofNullable(paths.poll());
    }

    @Override
    public void showError(String title, String message) {
        messages.add(title + ": " + message);
    }

    @Override
    public void showInfo(String title, String message) {
        messages.add(title + ": " + message);
    }

    @Override
    public boolean confirm(String title, String message) {
        questions.add(title);
        return confirmAnswer;
    }

    @Override
    public UnsavedEditsPrompt.Choice askSaveDiscardCancel(String title, String message) {
        messages.add(title + ": " + message);
        questions.add(title + ": " + message);
        return unsavedAnswer;
    }

    @Override
    public Optional<String> choose(String title, String message, List<String> answers) {
        questions.add(title + ": " + message + " " + answers);
        return chooseAnswer;
    }
}
