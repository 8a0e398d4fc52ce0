package dev.hpsearch.app.gui;

import dev.hpsearch.app.gui.about.AboutBox;
import dev.hpsearch.app.gui.about.AboutInfo;
import dev.hpsearch.app.gui.common.Icons;
import dev.hpsearch.app.gui.common.Theme;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.project.ProjectView;
import dev.hpsearch.app.gui.start.Preferences;
import dev.hpsearch.app.gui.start.StartView;
import dev.hpsearch.app.gui.start.StartViewModel;
import dev.hpsearch.optimizer.text.IoErrors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The one window: the start page, or a project with its tabs; on both, at the top right, the About box and the
 * switch between the light and the dark theme, which is remembered in the user's {@link Preferences}.
 */
public final class MainWindow {
    private final AppServices services;
    private final Stage stage;
    private final Scene scene;
    private final StackPane page = new StackPane();
    private final ToggleButton darkTheme = new ToggleButton("Dark theme", Icons.MOON.node());
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>();
    private final Preferences preferences;
    private ProjectView projectView;

    /** A window in the light theme (tests; the app passes the user's theme). */
    public MainWindow(AppServices services, Stage stage) {
        this(services, stage, Theme.LIGHT);
    }

    public MainWindow(AppServices services, Stage stage, Theme initial) {
        this.services = services;
        this.stage = stage;
        this.preferences = new Preferences(services.recent().configFolder());
        darkTheme.setId("themeToggle");
        darkTheme.getStyleClass().add("theme-toggle");
        darkTheme.setTooltip(new Tooltip("Switch between the light and the dark theme; the choice is remembered."));
        darkTheme.setOnAction(e -> chooseTheme(darkTheme.isSelected() ? Theme.DARK : Theme.LIGHT));
        Button about = new Button("About");
        about.setId("aboutButton");
        about.setTooltip(new Tooltip("The version and commit of this hpsearch, and the Java it runs on."));
        about.setOnAction(e -> new AboutBox(stage, AboutInfo.current()).show());
        HBox corner = new HBox(8, about, darkTheme);
        corner.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        StackPane.setAlignment(corner, Pos.TOP_RIGHT);
        StackPane.setMargin(corner, new Insets(8, 12, 0, 0));
        theme.addListener((o, a, b) -> {
            b.apply();
            darkTheme.setSelected(b == Theme.DARK);
        });
        theme.set(initial);
        this.scene = new Scene(new StackPane(page, corner), 1200, 800);
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

    /** The theme shown now. */
    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The user's choice of theme: shown at once and remembered for the next start. */
    public void chooseTheme(Theme chosen) {
        theme.set(chosen);
        services.tasks().run(() -> {
            preferences.setTheme(chosen);
            return chosen;
        }, t -> { }, e -> services.dialogs().showError("Theme not remembered", IoErrors.describe(e)));
    }

    public void showStart() {
        if (!leaveProject("leaving the project")) {
            return;
        }
        StartViewModel vm = new StartViewModel(services, this::showProject);
        show(new StartView(vm));
        stage.setTitle("hpsearch");
    }

    public void showProject(Project project) {
        if (!leaveProject("opening " + project.name())) {
            return;
        }
        projectView = new ProjectView(services, project, this::showStart);
        show(projectView);
        stage.setTitle("hpsearch - " + project.name() + " (" + project.folder() + ")");
    }

    /** The open project's view, or {@code null} on the start page. */
    public ProjectView projectView() {
        return projectView;
    }

    private void show(Node view) {
        page.getChildren().setAll(view);
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
