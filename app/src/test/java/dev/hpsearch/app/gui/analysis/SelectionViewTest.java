package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.common.Exports;
import dev.hpsearch.app.gui.common.FxTaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Selection view on screen (headless), in the app's theme and styles: what it shows is never cut. */
@ExtendWith(ApplicationExtension.class)
class SelectionViewTest {
    @TempDir
    static Path tmp;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private FxTaskRunner tasks;
    private SelectionViewModel vm;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner(1);
        ResultsModel results = AnalysisRows.model(30);
        vm = new SelectionViewModel(results, tasks, Optional::empty, () -> tmp, null);
        AnalysisRows.show(stage, new SelectionView(vm, dialogs), 1100, 800);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void noNumberInTheTableIsCutAndTheAdviceAndTheReasonsStayInSight(FxRobot robot) throws Exception {
        assertThat(robot.lookup("#selectionAdvice").queryAs(Label.class).getText())
                .contains("test data untouched").contains("Estimate the noise").contains("tie with the best")
                .contains("simplest");
        assertThat(robot.lookup("#selectionAdvice").queryAs(Label.class).isVisible()).isTrue();
        // replicates are not wired in: the button is there, disabled, and says why
        Button replicate = robot.lookup("#replicateButton").queryAs(Button.class);
        assertThat(replicate.isDisabled()).isTrue();
        assertThat(replicate.getTooltip().getText()).startsWith("Needs replicates support");
        assertThat(robot.lookup("#replicateHint").queryAs(Label.class).getText()).startsWith("Needs replicates support");

        robot.clickOn("#analyseChoiceButton");
        TableView<?> table = robot.lookup("#choiceTable").queryAs(TableView.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !table.getItems().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        // every cell and header as written, none ending in an ellipsis ("7.79988…" reads as another number)
        List<String> texts = robot.lookup("#choiceTable .text").queryAllAs(Text.class).stream().map(Text::getText)
                .toList();
        assertThat(texts).isNotEmpty().contains("7.8e-06", "worse by (log10)", "P(best) [95 %]")
                .noneMatch(t -> t.contains("…") || t.contains("..."));
        // the proposed setting is the table's selection; a click on another row overrides it
        assertThat(table.getSelectionModel().getSelectedItem()).isSameAs(vm.chosenProperty().get());
        robot.interact(() -> table.getSelectionModel().select(2));
        assertThat(vm.chosenProperty().get()).isSameAs(vm.settings().get(2));
        assertThat(robot.lookup("#choicePick").queryAs(Label.class).getText()).contains("your pick");
        for (String id : new String[] {"#choiceNoise", "#choiceOptimism", "#choiceProposal", "#choicePick"}) {
            Label l = robot.lookup(id).queryAs(Label.class);
            assertThat(l.getText()).as(id).isNotEmpty();
            // a wrapped label as tall as its text: nothing cut off at the bottom either
            assertThat(l.getHeight()).as(id).isGreaterThanOrEqualTo(l.prefHeight(l.getWidth()) - 0.5);
        }

        var image = WaitForAsyncUtils.asyncFx(() -> Exports.snapshot(table.getScene().getRoot())).get(10, TimeUnit.SECONDS);
        Exports.writePng(image, Path.of("target", "screenshots", "selection-view-override.png"));

        Path file = tmp.resolve("picked.json");
        dialogs.answer(file);
        robot.clickOn("#exportInputButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file));
        assertThat(Files.readString(file)).contains("\"lr\"");
    }
}
