package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Objective;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Pareto tab on screen (headless): more than two objectives bring the marked parallel coordinates in. */
@ExtendWith(ApplicationExtension.class)
class ParetoViewTest {
    private ParetoViewModel vm;

    @Start
    void start(Stage stage) {
        vm = new ParetoViewModel(ParetoViewModelTest.results(), new DirectTaskRunner());
        AnalysisRows.show(stage, new ParetoView(vm), 1100, 800);
    }

    @Test
    void theFrontOfEveryObjectiveIsShownOnlyWhenThereAreMoreThanTwo(FxRobot robot) {
        PlotCanvas all = robot.lookup("#paretoParallelCanvas").queryAs(PlotCanvas.class);
        Label status = robot.lookup("#paretoAllStatus").queryAs(Label.class);
        assertThat(all.isVisible()).isFalse();
        assertThat(status.isVisible()).isFalse();

        robot.interact(() -> vm.configProperty().set(new ObjectivesConfig(List.of(new Objective("objective", false),
                new Objective("cost", false), new Objective("mem", false)), List.of())));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(all.isVisible()).isTrue();
        assertThat(all.plot()).isSameAs(vm.allObjectivesProperty().get());
        assertThat(((ParallelPlot) all.plot()).marked().lines()).hasSize(3);
        assertThat(all.getHeight()).isGreaterThan(150);
        assertThat(robot.lookup("#paretoCanvas").queryAs(PlotCanvas.class).getHeight()).isGreaterThan(150);
        assertThat(status.getText()).startsWith("3 runs on the front of all 3 objectives");
        // a wrapped label as tall as its text: nothing cut off
        assertThat(status.getHeight()).isGreaterThanOrEqualTo(status.prefHeight(status.getWidth()) - 0.5);

        robot.interact(() -> vm.configProperty().set(ObjectivesConfig.NONE));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(all.isVisible()).isFalse();
    }
}
