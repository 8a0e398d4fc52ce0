package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.analysis.ContourPlot;
import dev.hpsearch.app.gui.analysis.ParallelPlot;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.Theme;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.model.ModelConfigViewModel;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.project.ProjectView;
import dev.hpsearch.app.gui.search.SearchConfigView;
import dev.hpsearch.app.gui.start.Preferences;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app's main screens, one behaviour each, driven through their node ids: the start page, creating and
 * opening a project, the forms, a real local search of the demo script on the dashboard, and the analysis tabs.
 * Each saves its screen in the light and the dark theme under target/screenshots.
 */
class DesktopAppTest extends DesktopScenario {

    @Test
    void theStartPageOffersTheWaysToBegin(FxRobot robot) throws Exception {
        for (String id : new String[] {"#openProjectButton", "#newFromDemoButton", "#newFromTemplateButton",
                "#newFromInputButton", "#recentList"}) {
            assertThat(robot.lookup(id).tryQuery()).as(id).isPresent();
        }
        shotInBothThemes(robot, "start-page");
    }

    @Test
    void theThemeSwitchesOnTheStartPageAndInAProjectAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#themeToggle");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-dark.bss");
        waitUntil(() -> new Preferences(configFolder()).theme() == Theme.DARK);

        ProjectView project = openDemo(robot, 6);
        select(robot, "tabRun");
        PlotCanvas history = robot.lookup(".plot-canvas").queryAs(PlotCanvas.class);
        // the plots draw in the theme's colours: light text on a dark ground, then the reverse
        assertThat(history.colours().foreground().getBrightness()).isGreaterThan(0.6);
        assertThat(history.colours().background().getBrightness()).isLessThan(0.3);
        robot.clickOn("#themeToggle");
        assertThat(Application.getUserAgentStylesheet()).contains("primer-light.bss");
        waitUntil(() -> history.colours().background().getBrightness() > 0.9);
        assertThat(history.colours().foreground().getBrightness()).isLessThan(0.4);
        waitUntil(() -> new Preferences(configFolder()).theme() == Theme.LIGHT);
        assertThat(project.tabs().getTabs()).isNotEmpty();
    }

    @Test
    void aNewProjectFromTheDemoOpensAndIsRemembered(FxRobot robot) throws Exception {
        Path folder = tmp.resolve("new-demo");
        dialogs.answer(folder);
        robot.clickOn("#newFromDemoButton");
        waitUntil(() -> window.projectView() != null);
        assertThat(folder.resolve(Project.MODEL)).exists();
        assertThat(new RecentProjects(configFolder()).load()).containsExactly(folder);
        robot.interact(() -> window.showStart());
        waitUntil(() -> robot.lookup("#recentList").queryAs(ListView.class).getItems().contains(folder));
    }

    @Test
    void anExistingProjectFolderOpens(FxRobot robot) throws Exception {
        Path folder = tmp.resolve("existing");
        new ProjectFactory().fromTemplate(folder, ProjectFactory.Template.BASH);
        dialogs.answer(folder);
        robot.clickOn("#openProjectButton");
        waitUntil(() -> window.projectView() != null);
        assertThat(robot.lookup("#projectTabs").tryQuery()).isPresent();
        assertThat(robot.lookup("#" + SearchConfigView.id("max_suggestions")).tryQuery()).isPresent();
    }

    @Test
    void theSearchFormDisablesWhatDoesNotApplyAndSaves(FxRobot robot) throws Exception {
        ProjectView project = openDemo(robot, 24);
        waitUntil(() -> "random".equals(project.searchViewModel().field("search_type").textProperty().get()));
        assertThat(robot.lookup("#" + SearchConfigView.id("bopt_config.n_burnin")).queryAs(TextField.class).isDisabled())
                .isTrue();
        TextField maxSuggestions = robot.lookup("#" + SearchConfigView.id("max_suggestions")).queryAs(TextField.class);
        robot.interact(() -> maxSuggestions.setText("6"));
        robot.clickOn("#saveSearchButton");
        Path file = tmp.resolve("demo-project").resolve(Project.SEARCH);
        waitUntil(() -> JsonFiles.read(file, "s").get("max_suggestions").asInt() == 6);
        shotInBothThemes(robot, "search-settings");
    }

    @Test
    void theModelFormRefusesAnInvalidDomainAndSavesTheSameJson(FxRobot robot) throws Exception {
        String lr = openDemoModelForm(robot, "optimizer.learning_rate", "_domain");
        ProjectView project = window.projectView();
        Path file = tmp.resolve("demo-project").resolve(Project.MODEL);
        TextField domain = robot.lookup(lr + "_domain").queryAs(TextField.class);
        assertThat(domain.getText()).isEqualTo("0.001, 100.0");
        robot.interact(() -> domain.setText("-1, 100"));
        waitUntil(() -> !robot.lookup(lr + "_error").queryAs(Label.class).getText().isEmpty());
        assertThat(robot.lookup(lr + "_error").queryAs(Label.class).getText()).contains("log transformation needs bounds > 0");
        assertThat(robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled()).isTrue();
        shotInBothThemes(robot, "model-config-invalid-domain");
        // no column header is cut to an ellipsis
        assertThat(robot.lookup(".form-header .text").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).contains("transformation").noneMatch(t -> t.contains("…"));

        robot.interact(() -> domain.setText("0.001, 100.0"));
        waitUntil(() -> !robot.lookup("#saveModelButton").queryAs(Button.class).isDisabled());
        JsonNode original = JsonFiles.read(file, "m");
        robot.clickOn("#saveModelButton");
        waitUntil(() -> project.modelViewModel().statusProperty().get().startsWith("Saved"));
        JsonNode saved = JsonFiles.read(file, "m");
        assertThat(saved).isEqualTo(original);
        ModelConfigViewModel reloaded = new ModelConfigViewModel(file, new DirectTaskRunner(), new LoaderModelValidator());
        reloaded.load();
        assertThat(reloaded.document()).isEqualTo(saved);
    }

    @Test
    void theJobFormShowsTheDemosScript(FxRobot robot) throws Exception {
        openDemo(robot, 24);
        select(robot, "tabJob");
        waitUntil(() -> "train_logreg.py".equals(robot.lookup("#job_script_path").queryAs(TextField.class).getText()));
        shotInBothThemes(robot, "job-config");
    }

    @Test
    void theDashboardRunsASmallLocalSearchAndExportsItsTable(FxRobot robot) throws Exception {
        finishedDemoSearch(robot, 6);
        TableView<?> table = robot.lookup("#trialTable").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(6);
        assertThat(robot.lookup("#doneCount").queryAs(Label.class).getText()).isEqualTo("6");
        assertThat(robot.lookup("#bestLabel").queryAs(Label.class).getText()).matches("Best loss: \\d.*combination \\d+.*");
        robot.interact(() -> table.getSelectionModel().select(0));
        waitUntil(() -> !robot.lookup("#combinationLog").queryAs(TextArea.class).getText().isEmpty());
        shotInBothThemes(robot, "run-dashboard");
        // no number or header is cut off: nothing in the table ends in an ellipsis
        assertThat(robot.lookup("#trialTable .text").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).isNotEmpty().noneMatch(t -> t.contains("…") || t.contains("..."));
        Path csv = tmp.resolve("exports/combinations.csv");
        dialogs.answer(csv);
        robot.clickOn("#exportCsvButton");
        waitUntil(() -> Files.exists(csv));
        assertThat(Files.readAllLines(csv)).hasSize(7);
    }

    @Test
    void theDashboardDrawsTheLearningCurvesAndMarksThePrunedRuns(FxRobot robot) throws Exception {
        openDemo(robot, "curves-project", (folder, search) -> {
            // a script that reports its curve: the loss at step s is |log10(learning_rate)| + 1/(s+1), 40 steps
            // of 0.1 s
            Files.writeString(folder.resolve("train_logreg.py"), String.join("\n",
                    "import json, math, os, sys, time",
                    "cfg = json.load(open(sys.argv[1]))",
                    "d = abs(math.log10(cfg['optimizer']['learning_rate']))",
                    "p = open(os.path.join(cfg['save_folder'], 'progress.jsonl'), 'a')",
                    "for s in range(40):",
                    "    p.write(json.dumps({'step': s, 'objective': d + 1.0 / (s + 1)}) + '\\n')",
                    "    p.flush()",
                    "    time.sleep(0.1)",
                    "json.dump({'objective': d + 0.025}, open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))",
                    ""));
            search.put("max_suggestions", 4).put("max_active_points", 4).put("pruner", "median")
                    .put("pruner_warmup_steps", 2);
        });
        runToTheEnd(robot);

        TableView<?> table = robot.lookup("#trialTable").queryAs(TableView.class);
        waitUntil(() -> robot.lookup("#learningCurvesPlot").queryAs(PlotCanvas.class).isVisible());
        assertThat(table.getColumns()).filteredOn(c -> "lastStepColumn".equals(c.getId())).singleElement()
                .satisfies(c -> assertThat(c.isVisible()).isTrue());
        assertThat(table.getItems()).extracting(r -> ((dev.hpsearch.optimizer.analysis.ResultRow) r).status())
                .contains("pruned", "ok");
        assertThat(robot.lookup("#prunedCount").queryAs(Label.class).getText()).matches("[1-3]");
        robot.interact(() -> table.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
        shotInBothThemes(robot, "run-learning-curves");
    }

    @Test
    void theParetoTabShowsTheFrontOfThreeObjectivesOnceShown(FxRobot robot) throws Exception {
        openDemo(robot, "pareto-project", (folder, search) -> {
            search.put("max_suggestions", 8);
            // the demo writes train_loss and seconds beside its objective
            var objectives = search.putArray("objectives");
            for (String name : List.of("objective", "train_loss", "seconds")) {
                objectives.addObject().put("name", name).put("direction", "minimize");
            }
        });
        runToTheEnd(robot);
        PlotCanvas all = robot.lookup("#paretoParallelCanvas").queryAs(PlotCanvas.class);
        Label status = robot.lookup("#paretoAllStatus").queryAs(Label.class);
        assertThat(status.getText()).as("hidden: the fronts wait for the tab").doesNotContain("on the front");

        select(robot, "tabPareto");
        waitUntil(30, () -> status.getText().contains(" on the front of all 3 objectives, of 8 feasible"));
        assertThat(all.isVisible()).isTrue();
        assertThat(((ParallelPlot) all.plot()).marked().lines()).isNotEmpty();
        assertThat(robot.lookup("#paretoX").queryAs(ComboBox.class).getValue()).isEqualTo("objective");
        assertThat(robot.lookup("#paretoY").queryAs(ComboBox.class).getValue()).isEqualTo("train_loss");
        assertThat(robot.lookup("#paretoStatus").queryAs(Label.class).getText())
                .matches("\\d+ runs? on the front of 8 feasible; hypervolume .*");
        shotInBothThemes(robot, "pareto");
    }

    @Test
    void brushingAParallelAxisFiltersTheCombinationsAndThePlotExports(FxRobot robot) throws Exception {
        ProjectView project = finishedDemoSearch(robot, 6);
        select(robot, "tabParallel");
        Node canvas = robot.lookup("#parallelCanvas").query();
        ParallelLayout layout = project.parallel().currentLayout();
        int lossAxis = layout.axes().size() - 1;
        ParallelPlot plot = (ParallelPlot) project.parallel().canvas().plot();
        double w = project.parallel().canvas().getWidth();
        double h = project.parallel().canvas().getHeight();
        Point2D origin = canvas.localToScreen(0, 0);
        double x = origin.getX() + plot.axisX(lossAxis, w);
        robot.drag(x, origin.getY() + ParallelPlot.y(0.5, h))
                .dropTo(new Point2D(x, origin.getY() + ParallelPlot.y(0.0, h) + 2));
        waitUntil(() -> project.dashboard().brushedProperty().get() != null);
        assertThat(project.dashboard().filteredRows().size()).isGreaterThanOrEqualTo(1).isLessThan(6);
        shotInBothThemes(robot, "parallel-coordinates-brushed");

        Path png = tmp.resolve("exports/parallel.png");
        dialogs.answer(png);
        robot.clickOn("#parallelPngButton");
        waitUntil(() -> Files.size(png) > 1000);
        Path svg = tmp.resolve("exports/parallel.svg");
        dialogs.answer(svg);
        robot.clickOn("#parallelSvgButton");
        waitUntil(() -> Files.exists(svg) && Files.readString(svg).endsWith("</svg>\n"));
        assertThat(Files.readString(svg)).contains("<path d=\"M").contains("optimizer.learning_rate (log)");
    }

    @Test
    void sensitivityRanksEveryHyperparameter(FxRobot robot) throws Exception {
        finishedDemoSearch(robot, 6);
        select(robot, "tabSensitivity");
        robot.clickOn("#runSensitivityButton");
        waitUntil(30, () -> !robot.lookup("#sensitivityRanking").queryAs(ListView.class).getItems().isEmpty());
        assertThat(robot.lookup("#sensitivityRanking").queryAs(ListView.class).getItems()).hasSize(4);
        // the contour of the pair that interacts most, drawn on its canvas; another pair on demand
        PlotCanvas contour = robot.lookup("#contourCanvas").queryAs(PlotCanvas.class);
        waitUntil(30, () -> contour.plot() instanceof ContourPlot);
        ComboBox<?> x = robot.lookup("#pairXChoice").queryAs(ComboBox.class);
        ComboBox<?> y = robot.lookup("#pairYChoice").queryAs(ComboBox.class);
        assertThat(x.getValue()).isNotNull().isNotEqualTo(y.getValue());
        assertThat(((ContourPlot) contour.plot()).x().axis().name()).isEqualTo(x.getValue());
        assertThat(contour.getHeight()).isGreaterThan(150);
        Object third = x.getItems().stream().filter(n -> !n.equals(x.getValue()) && !n.equals(y.getValue()))
                .findFirst().orElseThrow();
        robot.interact(() -> y.getSelectionModel().select(x.getItems().indexOf(third)));
        waitUntil(30, () -> ((ContourPlot) contour.plot()).y().axis().name().equals(third));
        shotInBothThemes(robot, "sensitivity");
    }

    @Test
    void theReportButtonWritesTheReportOfTheSearchOnScreen(FxRobot robot) throws Exception {
        ProjectView project = finishedDemoSearch(robot, 6);
        Path dir = project.dashboard().shownProperty().get();
        robot.clickOn("#reportButton");
        waitUntil(60, () -> robot.lookup("#reportStatus").queryAs(Label.class).getText().startsWith("Report written"));
        Path page = dir.resolve("report.html");
        assertThat(Files.readString(page)).contains("<section id=\"interaction\">").contains("<svg");
        // the test machine has no browser: the status says where the file is
        assertThat(robot.lookup("#reportStatus").queryAs(Label.class).getText()).contains(page.toString());
    }

    @Test
    void theSearchesTabListsTheProjectsSearches(FxRobot robot) throws Exception {
        finishedDemoSearch(robot, 4);
        select(robot, "tabSearches");
        TableView<?> searches = robot.lookup("#searchesTable").queryAs(TableView.class);
        waitUntil(() -> !searches.getItems().isEmpty());
        assertThat(searches.getItems()).hasSize(1);
        shotInBothThemes(robot, "searches");
    }

    @Test
    void selectionProposesASettingAndExportsItAsAnInput(FxRobot robot) throws Exception {
        finishedDemoSearch(robot, 6);
        select(robot, "tabSelection");
        robot.clickOn("#analyseChoiceButton");
        TableView<?> settings = robot.lookup("#choiceTable").queryAs(TableView.class);
        waitUntil(30, () -> !settings.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        // the proposed setting is picked, the noise says where it comes from, nothing in the table is cut
        assertThat(settings.getSelectionModel().getSelectedItem()).isNotNull();
        assertThat(robot.lookup("#choiceNoise").queryAs(Label.class).getText()).contains("GP noise estimate");
        assertThat(robot.lookup("#choiceOptimism").queryAs(Label.class).getText()).contains("expect about");
        assertThat(robot.lookup("#choiceTable .text").queryAllAs(javafx.scene.text.Text.class))
                .extracting(javafx.scene.text.Text::getText).isNotEmpty().noneMatch(t -> t.contains("…") || t.contains("..."));
        shotInBothThemes(robot, "selection");
        Path chosen = tmp.resolve("chosen_input.json");
        dialogs.answer(chosen);
        robot.clickOn("#exportInputButton");
        waitUntil(() -> Files.exists(chosen));
        JsonNode input = JsonFiles.read(chosen, "c");
        assertThat(input.get("optimizer").get("learning_rate").isNumber()).isTrue();
        assertThat(input.get("data_file").asText()).isEqualTo("iris.csv");
        assertThat(input.has("save_folder")).isFalse();
    }
}
