package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.common.FxTaskRunner;
import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
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

/** The Sensitivity view on screen (headless): the importance drawn as bars, as in the report, its figures never cut. */
@ExtendWith(ApplicationExtension.class)
class SensitivityViewTest {
    @TempDir
    static Path tmp;

    private FxTaskRunner tasks;
    private SensitivityViewModel vm;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskRunner(1);
        vm = new SensitivityViewModel(AnalysisRows.model(40), tasks, () -> tmp);
        AnalysisRows.show(stage, new SensitivityView(vm, tasks, new ScriptedDialogs()), 1100, 800);
    }

    @AfterEach
    void close() {
        tasks.close();
    }

    @Test
    void theIndicesAreDrawnAsBarsWithIntervalsAndEveryFigureStaysReadable(FxRobot robot) throws Exception {
        ScrollPane scroll = robot.lookup("#importanceScroll").queryAs(ScrollPane.class);
        assertThat(scroll.isVisible()).as("no bars before an analysis").isFalse();

        robot.clickOn("#runSensitivityButton");
        PlotCanvas bars = robot.lookup("#importanceCanvas").queryAs(PlotCanvas.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> bars.plot() instanceof ImportancePlot);
        WaitForAsyncUtils.waitForFxEvents();

        // the report's plot, on the indices this analysis computed
        ImportancePlot plot = (ImportancePlot) bars.plot();
        GlobalSensitivity.Result indices = vm.globalProperty().get().indices();
        assertThat(plot.result()).isSameAs(indices);
        assertThat(plot.response()).isEqualTo("loss");
        assertThat(scroll.isVisible()).isTrue();
        // as tall as every row needs: the plot does not shrink its rows, so a shorter canvas would cut the last off
        assertThat(bars.getHeight()).isGreaterThanOrEqualTo(plot.preferredHeight());
        assertThat(bars.getWidth()).isGreaterThan(400);
        List<Drawn> texts = texts(plot, bars.getWidth(), bars.getHeight());
        for (GlobalSensitivity.Index ix : indices.ranking()) {
            assertThat(texts).extracting(Drawn::text).contains(ix.name(), "total " + ImportancePlot.interval(ix.total()),
                    "first " + ImportancePlot.interval(ix.firstOrder()));
        }
        assertInside(texts, bars.getWidth(), bars.getHeight());

        // the figures as text too, in full short form, none ending in an ellipsis
        ListView<?> ranking = robot.lookup("#sensitivityRanking").queryAs(ListView.class);
        assertThat(ranking.getItems()).hasSize(indices.indices().size());
        List<String> cells = robot.lookup("#sensitivityRanking .text").queryAllAs(Text.class).stream()
                .map(Text::getText).toList();
        assertThat(String.join("\n", cells)).contains(ImportancePlot.interval(indices.ranking().get(0).total()));
        assertThat(cells).noneMatch(t -> t.contains("…") || t.contains("..."));
    }

    @Test
    void figuresWithExponentsAndSignsFitBesideTheBars() {
        // Monte Carlo error can give tiny and negative estimates: written in full short form, and given the room
        GlobalSensitivity.Interval tiny = new GlobalSensitivity.Interval(-1.23456e-5, -2.34567e-3, 1.98765e-5);
        GlobalSensitivity.Result r = new GlobalSensitivity.Result(40, 0.9, 0.05, List.of(
                new GlobalSensitivity.Index("learning_rate", new GlobalSensitivity.Interval(0.61, 0.52, 0.7),
                        new GlobalSensitivity.Interval(0.81, 0.72, 0.9)),
                new GlobalSensitivity.Index("a_very_long_hyperparameter_name", tiny, tiny)), "");
        ImportancePlot plot = new ImportancePlot(r, "validation_accuracy");
        double w = 720;
        List<Drawn> texts = texts(plot, w, plot.preferredHeight());
        assertThat(texts).extracting(Drawn::text).contains("total -1.235e-05 [-0.002346, 1.988e-05]",
                "first -1.235e-05 [-0.002346, 1.988e-05]", "a_very_long_hyperparameter_name");
        assertInside(texts, w, plot.preferredHeight());
    }

    /** A text as drawn, with its extent measured in the font the canvas draws it in. */
    private record Drawn(String text, double left, double right, double y) {
    }

    private static void assertInside(List<Drawn> texts, double w, double h) {
        for (Drawn d : texts) {
            assertThat(d.left()).as("left end of '%s'", d.text()).isGreaterThanOrEqualTo(0);
            assertThat(d.right()).as("right end of '%s'", d.text()).isLessThanOrEqualTo(w);
            assertThat(d.y()).as("baseline of '%s'", d.text()).isBetween(0.0, h);
        }
    }

    /** Every text the plot draws at this size, measured as {@code CanvasPainter} draws it ({@code Font.font(size)}). */
    private static List<Drawn> texts(ImportancePlot plot, double w, double h) {
        List<Drawn> out = new ArrayList<>();
        plot.draw(new Painter() {
            @Override
            public void setStroke(Color colour, double width) {
            }

            @Override
            public void setFill(Color colour) {
            }

            @Override
            public void line(double x1, double y1, double x2, double y2) {
            }

            @Override
            public void rect(double x, double y, double rw, double rh, boolean fill) {
            }

            @Override
            public void circle(double cx, double cy, double r) {
            }

            @Override
            public void polygon(double[] xs, double[] ys, int n) {
            }

            @Override
            public void polyline(double[] xs, double[] ys, int n) {
            }

            @Override
            public void text(String s, double x, double y, Align align, double size) {
                Text t = new Text(s);
                t.setFont(Font.font(size));
                double width = t.getLayoutBounds().getWidth();
                double left = align == Align.LEFT ? x : align == Align.RIGHT ? x - width : x - width / 2;
                out.add(new Drawn(s, left, left + width, y));
            }

            @Override
            public void beginPath() {
            }

            @Override
            public void moveTo(double x, double y) {
            }

            @Override
            public void lineTo(double x, double y) {
            }

            @Override
            public void strokePath() {
            }
        }, w, h);
        return out;
    }
}
