package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The project's earlier searches, the one chosen, and whether Resume can work on it (read from its journal). */
final class PastSearches {
    private static final String CHOOSE = "Choose an earlier search to open or resume it.";
    private final Project project;
    private final TaskRunner tasks;
    private final ObservableBooleanValue busy;
    private final ObservableList<Path> all = FXCollections.observableArrayList();
    private final ObjectProperty<Path> chosen = new SimpleObjectProperty<>(null);
    private final BooleanProperty resumable = new SimpleBooleanProperty(false);
    private final StringProperty hint = new SimpleStringProperty(CHOOSE);

    /** @param busy true while a search runs or starts here: nothing can be resumed then */
    PastSearches(Project project, TaskRunner tasks, ObservableBooleanValue busy) {
        this.project = project;
        this.tasks = tasks;
        this.busy = busy;
        chosen.addListener((o, a, b) -> check());
        busy.addListener((o, a, b) -> check());
    }

    ObservableList<Path> all() {
        return all;
    }

    ObjectProperty<Path> chosenProperty() {
        return chosen;
    }

    BooleanProperty resumableProperty() {
        return resumable;
    }

    StringProperty hintProperty() {
        return hint;
    }

    /** Lists the project's searches again; {@code onError} gets what went wrong. */
    void refresh(Consumer<String> onError) {
        tasks.run(project::searches, all::setAll, e -> onError.accept("Cannot list searches: " + IoErrors.describe(e)));
    }

    private void check() {
        Path dir = chosen.get();
        resumable.set(false);
        if (dir == null) {
            hint.set(CHOOSE);
            return;
        }
        tasks.run(() -> Optional.ofNullable(Resumability.whyNot(dir)), why -> {
            if (dir.equals(chosen.get())) {
                resumable.set(why.isEmpty() && !busy.get());
                hint.set(why.orElse(busy.get() ? "A search runs or starts here: stop it first"
                        : "Resumes " + dir.getFileName() + " where it ran, with what it has recorded"));
            }
        }, e -> {
            if (dir.equals(chosen.get())) {
                hint.set("Cannot read " + dir.getFileName() + ": " + IoErrors.describe(e));
            }
        });
    }
}
