package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.project.ProjectView;
import dev.hpsearch.app.gui.start.StartView;
import dev.hpsearch.app.gui.start.StartViewModel;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The one window: the start page, or a project with its tabs. */
public final class MainWindow {
    private final AppServices services;
    private final Stage stage;
    private final Scene scene;
    private ProjectView projectView;

    public MainWindow(AppServices services, Stage stage) {
        this.services = services;
        this.stage = stage;
        this.scene = new Scene(new javafx.scene.layout.StackPane(), 1200, 800);
        scene.getStylesheets().add(MainWindow.class.getResource("hpsearch.css").toExternalForm());
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> {
            if (!leaveProject("closing the window")) {
                e.consume();
            }
        });
    }

    public Scene scene() {
        return scene;
    }

    public void showStart() {
        if (!leaveProject("leaving the project")) {
            return;
        }
        StartViewModel vm = new StartViewModel(services, this::showProject);
        scene.setRoot(new StartView(vm));
        stage.setTitle("hpsearch");
    }

    public void showProject(Project project) {
        if (!leaveProject("opening " + project.name())) {
            return;
        }
        projectView = new ProjectView(services, project, this::showStart);
        scene.setRoot(projectView);
        stage.setTitle("hpsearch - " + project.name() + " (" + project.folder() + ")");
    }

    /** The open project's view, or {@code null} on the start page. */
    public ProjectView projectView() {
        return projectView;
    }

    /** Closes the open project once its unsaved edits are saved or discarded; false when the user stays. */
    private boolean leaveProject(String action) {
        if (projectView != null
                && !UnsavedEditsPrompt.settle(projectView.unsavedEdits(), services.dialogs(), action)) {
            return false;
        }
        close();
        return true;
    }

    private void close() {
        if (projectView != null) {
            projectView.dispose();
            projectView = null;
        }
    }
}
