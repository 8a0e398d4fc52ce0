package dev.hpsearch.app.gui.start;

import dev.hpsearch.app.gui.AppServices;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The start page: recent projects, open a folder, or create a project. */
public final class StartViewModel {
    private final AppServices services;
    private final Consumer<Project> onOpen;
    private final ProjectFactory factory = new ProjectFactory();
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final ObjectProperty<ProjectFactory.Template> template =
            new SimpleObjectProperty<>(ProjectFactory.Template.PYTHON);
    private final StringProperty error = new SimpleStringProperty("");
    private final BooleanProperty busy = new SimpleBooleanProperty(false);

    public StartViewModel(AppServices services, Consumer<Project> onOpen) {
        this.services = services;
        this.onOpen = onOpen;
        services.tasks().run(() -> services.recent().load(), recent::setAll, e -> recent.clear());
    }

    public ObservableList<Path> recent() {
        return recent;
    }

    public ObjectProperty<ProjectFactory.Template> templateProperty() {
        return template;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    /** Asks for a folder and opens it. */
    public void openFolder() {
        services.dialogs().chooseDirectory("Open a project folder", null).ifPresent(this::open);
    }

    public void open(Path folder) {
        work(() -> Project.open(folder));
    }

    public void newFromDemo() {
        services.dialogs().chooseDirectory("Empty folder for the new demo project", null)
                .ifPresent(this::newFromDemo);
    }

    public void newFromDemo(Path folder) {
        work(() -> factory.fromDemo(folder));
    }

    public void newFromTemplate() {
        services.dialogs().chooseDirectory("Empty folder for the new project", null)
                .ifPresent(f -> newFromTemplate(f, template.get()));
    }

    public void newFromTemplate(Path folder, ProjectFactory.Template t) {
        work(() -> factory.fromTemplate(folder, t));
    }

    public void newFromExampleInput() {
        services.dialogs().openFile("Your example input.json", null, "JSON files", "*.json").ifPresent(input ->
                services.dialogs().chooseDirectory("Empty folder for the new project", input.getParent())
                        .ifPresent(folder -> newFromExampleInput(folder, input)));
    }

    public void newFromExampleInput(Path folder, Path input) {
        work(() -> factory.fromExampleInput(folder, input));
    }

    private void work(Callable<Project> create) {
        busy.set(true);
        error.set("");
        services.tasks().run(() -> {
            Project p = create.call();
            services.recent().add(p.folder());
            return p;
        }, p -> {
            busy.set(false);
            onOpen.accept(p);
        }, e -> {
            busy.set(false);
            error.set(IoErrors.describe(e));
        });
    }
}
