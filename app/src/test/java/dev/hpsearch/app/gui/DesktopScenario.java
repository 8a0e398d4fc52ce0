package dev.hpsearch.app.gui;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.service.LocalOnlyClusterService;
import dev.hpsearch.app.gui.common.Exports;
import dev.hpsearch.app.gui.common.FxTaskRunner;
import dev.hpsearch.app.gui.common.Theme;
import dev.hpsearch.app.gui.job.LocalTestRunService;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.project.ProjectView;
import dev.hpsearch.app.gui.run.EngineSearchLauncher;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import dev.hpsearch.app.gui.model.ModelConfigView;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real app, headless (Monocle), for one scenario per test: a window with the desktop services (local runs,
 * scripted file dialogs), a fresh config folder, and helpers to open the demo, run its search, switch tabs and
 * save a screenshot of the window in both themes under {@code target/screenshots}.
 */
@ExtendWith(ApplicationExtension.class)
abstract class DesktopScenario {
    static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path tmp;

    final ScriptedDialogs dialogs = new ScriptedDialogs();
    FxTaskRunner tasks;
    MainWindow window;

    /** The window on TestFX's stage (TestFX looks for {@code @Start} in the test class itself, not in this base). */
    @BeforeEach
    void openWindow() throws Exception {
        FxToolkit.setupStage(this::start);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void start(Stage stage) {
        tasks = new FxTaskRunner(2);
        AppServices services = new AppServices(tasks, dialogs, new RecentProjects(configFolder()),
                new LocalOnlyClusterService(), EngineSearchLauncher.localOnly(), new LoaderModelValidator(),
                new LocalTestRunService());
        window = new MainWindow(services, stage);
        window.showStart();
        stage.show();
    }

    @AfterEach
    void close() {
        WaitForAsyncUtils.asyncFx(() -> window.showStart());
        WaitForAsyncUtils.waitForFxEvents();
        tasks.close();
    }

    Path configFolder() {
        return tmp.resolve("config");
    }

    /** A copy of the demo whose search stops after {@code suggestions} combinations, opened in the window. */
    ProjectView openDemo(FxRobot robot, int suggestions) throws Exception {
        return openDemo(robot, "demo-project", (folder, search) -> search.put("max_suggestions", suggestions));
    }

    /** What a test changes in its copy of the demo before it opens: files in the folder, the search config. */
    interface DemoEdit {
        void apply(Path folder, ObjectNode search) throws Exception;
    }

    /** A copy of the demo in {@code name}, changed by {@code edit}, opened in the window. */
    ProjectView openDemo(FxRobot robot, String name, DemoEdit edit) throws Exception {
        Path folder = tmp.resolve(name);
        Project project = new ProjectFactory().fromDemo(folder);
        ObjectNode search = (ObjectNode) JsonFiles.read(project.searchConfig(), "search_config.json");
        edit.apply(folder, search);
        Files.writeString(project.searchConfig(), JsonFiles.STRICT.writeValueAsString(search));
        robot.interact(() -> window.showProject(project));
        waitUntil(() -> window.projectView() != null);
        return window.projectView();
    }

    /**
     * The demo's model form, once the editor {@code suffix} (e.g. {@code _domain}) of the variable {@code name}
     * is shown; returns the selector prefix of that variable's editors ({@code #model_...}).
     */
    String openDemoModelForm(FxRobot robot, String name, String suffix) throws Exception {
        openDemo(robot, 24);
        select(robot, "tabModel");
        String prefix = "#" + ModelConfigView.id(name);
        waitUntil(() -> robot.lookup(prefix + suffix).tryQuery().isPresent());
        return prefix;
    }

    /** The demo with a finished local search of {@code suggestions} combinations, run from the Run tab. */
    ProjectView finishedDemoSearch(FxRobot robot, int suggestions) throws Exception {
        ProjectView project = openDemo(robot, suggestions);
        runToTheEnd(robot);
        return project;
    }

    /** Launches the open project's search from the Run tab and waits until it is complete. */
    void runToTheEnd(FxRobot robot) throws Exception {
        select(robot, "tabRun");
        robot.clickOn("#launchButton");
        waitUntil(90, () -> robot.lookup("#runMessage").queryAs(Label.class).getText().startsWith("Search complete"));
    }

    static void select(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#projectTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Saves {@code screen-light.png} and {@code screen-dark.png} of the window; leaves the theme as it was. */
    void shotInBothThemes(FxRobot robot, String screen) throws Exception {
        Theme before = window.themeProperty().get();
        for (Theme t : Theme.values()) {
            showTheme(robot, t);
            var image = WaitForAsyncUtils.asyncFx(() -> Exports.snapshot(window.scene().getRoot())).get(10, TimeUnit.SECONDS);
            Exports.writePng(image, SHOTS.resolve(screen + "-" + t.key() + ".png"));
        }
        showTheme(robot, before);
    }

    void showTheme(FxRobot robot, Theme t) {
        robot.interact(() -> window.themeProperty().set(t));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(15, condition);
    }

    static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                return false;
            }
        });
    }
}
