package dev.hpsearch.app.gui.common;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The desktop implementation: native choosers and alerts owned by the main window. */
public final class FxDialogService implements DialogService {
    private final Window owner;

    public FxDialogService(Window owner) {
        this.owner = owner;
    }

    /** A message in the window's corner that goes by itself after 10 s (see {@link Toast}). */
    @Override
    public void notify(String title, String text) {
        if (owner.getScene() != null && owner.getScene().getRoot() instanceof StackPane root) {
            Toast.show(root, title, text, 10);
        }
    }

    @Override
    public Optional<Path> chooseDirectory(String title, Path initial) {
        DirectoryChooser c = new DirectoryChooser();
        c.setTitle(title);
        if (initial != null && Files.isDirectory(initial)) {
            c.setInitialDirectory(initial.toFile());
        }
        File f = c.showDialog(owner);
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> openFile(String title, Path initial, String extensionLabel, String... extensions) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        if (extensions.length > 0) {
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter(extensionLabel, extensions));
            c.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        }
        if (initial != null && Files.isDirectory(initial)) {
            c.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(c.showOpenDialog(owner)).map(File::toPath);
    }

    @Override
    public Optional<Path> saveFile(String title, Path initial, String fileName) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.setInitialFileName(fileName);
        if (initial != null && Files.isDirectory(initial)) {
            c.setInitialDirectory(initial.toFile());
        }
        return Optional.ofNullable(c.showSaveDialog(owner)).map(File::toPath);
    }

    @Override
    public void showError(String title, String message) {
        alert(Alert.AlertType.ERROR, title, message).showAndWait();
    }

    @Override
    public void showInfo(String title, String message) {
        alert(Alert.AlertType.INFORMATION, title, message).showAndWait();
    }

    @Override
    public boolean confirm(String title, String message) {
        return alert(Alert.AlertType.CONFIRMATION, title, message).showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }

    @Override
    public Optional<String> choose(String title, String message, java.util.List<String> answers) {
        Alert a = alert(Alert.AlertType.CONFIRMATION, title, message);
        java.util.List<ButtonType> buttons = new java.util.ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            // the last answer is the way out (Escape, closing the dialog)
            buttons.add(new ButtonType(answers.get(i), i == answers.size() - 1
                    ? javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE
                    : i == 0 ? javafx.scene.control.ButtonBar.ButtonData.YES : javafx.scene.control.ButtonBar.ButtonData.NO));
        }
        a.getButtonTypes().setAll(buttons);
        return a.showAndWait().map(ButtonType::getText);
    }

    private Alert alert(Alert.AlertType type, String title, String message) {
        Alert a = new Alert(type);
        a.initOwner(owner);
        a.setTitle(title);
        a.setHeaderText(title);
        if (message.length() > 300 || message.lines().count() > 6) {
            TextArea area = new TextArea(message);
            area.setEditable(false);
            area.setWrapText(true);
            a.getDialogPane().setContent(area);
        } else {
            a.setContentText(message);
        }
        return a;
    }
}
