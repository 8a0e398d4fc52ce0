package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.service.LocalOnlyClusterService;
import dev.hpsearch.app.gui.common.Exports;
import dev.hpsearch.app.gui.common.FxTaskRunner;
import dev.hpsearch.app.gui.job.LocalTestRunService;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.model.ModelConfigView;
import dev.hpsearch.app.gui.model.ModelConfigViewModel;
import dev.hpsearch.app.gui.project.ProjectView;
import dev.hpsearch.app.gui.run.EngineSearchLauncher;
import dev.hpsearch.app.gui.search.SearchConfigView;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Drives the real app headless (Monocle): a demo project, the forms, a real local search of the demo script,
 * the plots. Saves a PNG of each main screen under target/screenshots.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAppTest {
    private static final Path SHOTS = Path.of("target", "screenshots");
    @TempDir
    static Path tmp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private FxTaskRunner tasks;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner(2);
        AppServices services = new AppServices(tasks, dialogs, new RecentProjects(tmp.resolve("config")),
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

    @Test
    void demoProjectFromFormsToSearchToPlots(FxRobot robot) throws Exception {
        shot(robot, "01-start-page");
        Path folder = tmp.resolve("demo-project");
        dialogs.answer(folder);
        robot.clickOn("#newFromDemoButton");
        waitUntil(() -> window.projectView() != null);
        ProjectView project = window.projectView();

        // search settings: bopt-only fields are disabled for the demo's random search; make the search short
        waitUntil(() -> "random".equals(project.searchViewModel().field("search_type").textProperty().get()));
        assertThat(robot.lookup("#" + SearchConfigView.id("bopt_config.n_burnin")).queryAs(TextField.class).isDisabled())
                .isTrue();
        TextField maxSuggestions = robot.lookup("#" + SearchConfigView.id("max_suggestions")).queryAs(TextField.class);
        robot.interact(() -> maxSuggestions.setText("6"));
        robot.clickOn("#saveSearchButton");
        waitUntil(() -> JsonFiles.read(folder.resolve("search_config.json"), "s").get("max_suggestions").asInt() == 6);
        shot(robot, "02-search-settings");

        // model config: an invalid domain is refused, save stays disabled until it is fixed
        select(robot, "tabModel");
        String lr = "#" + ModelConfigView.id("optimizer.learning_rate");
        waitUntil(() -> robot.lookup(lr + "_domain").tryQuery().isPresent());
        TextField domain = robot.lookup(lr + "_domain").queryAs(TextField.class);
        assertThat(domain.getText()).isEqualTo("0.001, 100.0");
        robot.interact(() -> domain.setText("-1, 100"));
        waitUntil(() -> !robot.lookup(lr + "_error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup(lr + "_error").queryAs(Label.class).getText()).contains("log transformation needs bounds > 0");
        assertThat(robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled()).isTrue();
        shot(robot, "03-model-config-invalid-domain");
        robot.interact(() -> domain.setText("0.001, 100.0"));
        waitUntil(() -> !robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled());
        JsonNode original = JsonFiles.read(folder.resolve("model_config.json"), "m");
        robot.clickOn("#saveModelButton");
        waitUntil(() -> project.modelViewModel().statusProperty().get().startsWith("Saved"));
        JsonNode saved = JsonFiles.read(folder.resolve("model_config.json"), "m");
        assertThat(saved).isEqualTo(original);
        ModelConfigViewModel reloaded = new ModelConfigViewModel(folder.resolve("model_config.json"), new DirectTaskRunner(),
                new LoaderModelValidator());
        reloaded.load();
        assertThat(reloaded.document()).isEqualTo(saved);

        // run the demo search locally
        select(robot, "tabRun");
        robot.clickOn("#launchButton");
        waitUntil(60, () -> robot.lookup("#runMessage").queryAs(Label.class).getText().startsWith("Search complete"));
        TableView<?> table = robot.lookup("#trialTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(6);
        assertThat(robot.lookup("#doneCount").queryAs(Label.class).getText()).isEqualTo("6");
        assertThat(robot.lookup("#bestLabel").queryAs(Label.class).getText()).matches("Best loss: \\d.*combination \\d+.*");
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(() -> !robot.lookup("#combinationLog").queryAs(javafx.scene.control.TextArea.class).getText().isEmpty());
        shot(robot, "04-run-dashboard");

        // parallel coordinates: brush the lower half of the loss axis
        select(robot, "tabParallel");
        WaitForAsyncUtils.waitForFxEvents();
        Node canvas = robot.lookup("#parallelCanvas").query();
        ParallelLayout layout = project.parallel().currentLayout();
        int lossAxis = layout.axes().size() - 1;
        var plot = (dev.hpsearch.app.gui.analysis.ParallelPlot) project.parallel().canvas().plot();
        double w = project.parallel().canvas().getWidth();
        double h = project.parallel().canvas().getHeight();
        var origin = canvas.localToScreen(0, 0);
        double x = origin.getX() + plot.axisX(lossAxis, w);
        robot.drag(x, origin.getY() + dev.hpsearch.app.gui.analysis.ParallelPlot.y(0.5, h))
                .dropTo(new javafx.geometry.Point2D(x, origin.getY() + dev.hpsearch.app.gui.analysis.ParallelPlot.y(0.0, h) + 2));
        waitUntil(() -> project.dashboard().brushedProperty().get() != null);
        int shown = project.dashboard().filteredRows().size();
        assertThat(shown).isGreaterThanOrEqualTo(1).isLessThan(6);
        shot(robot, "05-parallel-coordinates-brushed");
        Path png = tmp.resolve("exports/parallel.png");
        Path svg = tmp.resolve("exports/parallel.svg");
        dialogs.answer(png);
        robot.clickOn("#parallelPngButton");
        waitUntil(() -> Files.size(png) > 1000);
        dialogs.answer(svg);
        robot.clickOn("#parallelSvgButton");
        waitUntil(() -> Files.exists(svg) && Files.readString(svg).endsWith("</svg>\n"));
        assertThat(Files.readString(svg)).contains("<path d=\"M").contains("optimizer.learning_rate (log)");
        select(robot, "tabRun");
        Path csv = tmp.resolve("exports/combinations.csv");
        dialogs.answer(csv);
        robot.clickOn("#exportCsvButton");
        waitUntil(() -> Files.exists(csv));
        assertThat(Files.readAllLines(csv)).hasSize(shown + 1);
        select(robot, "tabParallel");

        // sensitivity and selection
        select(robot, "tabSensitivity");
        robot.clickOn("#runSensitivityButton");
        waitUntil(30, () -> !robot.lookup("#sensitivityRanking").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#sensitivityRanking").queryAs(ListView.class).getItems()).hasSize(4);
        shot(robot, "06-sensitivity");
        select(robot, "tabSelection");
        robot.interact(() -> robot.lookup("#toleranceField").queryAs(TextField.class).setText("1000"));
        robot.clickOn("#markButton");
        TableView<?> candidates = robot.lookup("#candidateTable").queryAs(TableView.class);
        waitUntil(() -> !candidates.getItems().isEmpty());
        robot.interact(() -> candidates.getSelectionModel().select(0));
        Path chosen = tmp.resolve("chosen_input.json");
        dialogs.answer(chosen);
        robot.clickOn("#exportInputButton");
        waitUntil(() -> Files.exists(chosen));
        JsonNode input = JsonFiles.read(chosen, "c");
        assertThat(input.get("optimizer").get("learning_rate").isNumber()).isTrue();
        assertThat(input.get("data_file").asText()).isEqualTo("iris.csv");
        shot(robot, "07-selection");
        select(robot, "tabJob");
        shot(robot, "08-job-config");
    }

    private static void select(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#projectTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> Exports.snapshot(window.scene().getRoot())).get(10, TimeUnit.SECONDS);
        Exports.writePng(image, SHOTS.resolve(name + ".png"));
    }

    private static void waitUntil(Callable<Boolean> condition) throws Exception {
        waitUntil(15, condition);
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                return false;
            }
        });
    }
}
