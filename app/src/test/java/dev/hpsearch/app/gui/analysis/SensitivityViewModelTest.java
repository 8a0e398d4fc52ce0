package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.HeldTaskRunner;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Sensitivity without a toolkit: the fit runs through the task runner, here at once or when told. */
class SensitivityViewModelTest {
    private static final double W = 900;
    private static final double H = 600;

    private static SensitivityViewModel vm(ResultsModel results, TaskRunner tasks) {
        return new SensitivityViewModel(results, tasks, () -> Path.of("/project"));
    }

    @Test
    void theLossOrAMetricIsAnalysedAndTheRankingIsWrittenInShortForm() {
        ResultsModel results = AnalysisRows.model(40);
        SensitivityViewModel vm = vm(results, new DirectTaskRunner());
        assertThat(vm.responses()).extracting(Column::name).containsExactly("loss", "accuracy");
        vm.analyse();
        Sensitivity.Result byLoss = vm.resultProperty().get();
        assertThat(byLoss.response()).isEqualTo(Column.LOSS);
        assertThat(vm.ranking()).hasSize(3);
        // ranked by the total Sobol index, each with its interval
        assertThat(vm.ranking().get(0)).startsWith("1. lr\n    total ").contains(" [").contains("\n    first ");
        assertThat(vm.globalProperty().get().indices().ranking().get(0).name()).isEqualTo("lr");
        assertThat(vm.statusProperty().get()).contains("Sobol indices of loss").contains("leave-one-out R²");
        assertThat(vm.runningProperty().get()).isFalse();

        vm.responseProperty().set(Column.metric("accuracy"));
        vm.analyse();
        Sensitivity.Result byAccuracy = vm.resultProperty().get();
        assertThat(byAccuracy.response().name()).isEqualTo("accuracy");
        assertThat(byAccuracy.ranking().get(0).axis().name()).isEqualTo("l2");
        assertThat(vm.globalProperty().get().indices().ranking().get(0).name()).isEqualTo("l2");
        // the global analysis reads finished runs only: failed row 3 is left out even though it has an accuracy
        assertThat(vm.globalProperty().get().data().size()).isEqualTo(31);
        // only rows with an accuracy are points
        assertThat(byAccuracy.rowIds()).hasSize(32);
        assertThat(vm.statusProperty().get()).contains("accuracy");
        assertThat(AnalysisRows.svg(vm.plotProperty().get(), W, H)).contains("of accuracy");
    }

    @Test
    void anOlderAnalysisFinishingLastDoesNotReplaceANewerOne() {
        ResultsModel results = AnalysisRows.model(40);
        HeldTaskRunner tasks = new HeldTaskRunner();
        SensitivityViewModel vm = vm(results, tasks);
        vm.analyse();
        vm.responseProperty().set(Column.metric("accuracy"));
        vm.analyse();
        assertThat(vm.runningProperty().get()).isTrue();
        tasks.finish(1);
        assertThat(vm.resultProperty().get().response().name()).isEqualTo("accuracy");
        tasks.finish(0);
        assertThat(vm.resultProperty().get().response().name()).isEqualTo("accuracy");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void theSelectedCombinationIsMarkedAndAClickOnAPointSelectsIt() {
        ResultsModel results = AnalysisRows.model(40);
        SensitivityViewModel vm = vm(results, new DirectTaskRunner());
        vm.analyse();
        assertThat(vm.plotProperty().get()).isInstanceOf(DependencePlot.class);
        vm.slicesProperty().set(true);
        results.selectedProperty().set(results.row(9));
        assertThat(((SensitivityPlot) vm.plotProperty().get()).selectedId()).isEqualTo(9);

        SensitivityPlot plot = (SensitivityPlot) vm.plotProperty().get();
        Sensitivity.Result r = vm.resultProperty().get();
        Sensitivity.Slice top = r.ranking().get(0);
        int k = indexOf(r.rowIds(), 21);
        SensitivityPlot.Frame f = SensitivityPlot.Frame.of(0, r.slices().size(), W, H);
        Axis y = plot.responseAxis();
        assertThat(vm.pick(f.x(top.x()[k]), f.y(y.position(top.loss()[k])), W, H)).isTrue();
        assertThat(results.selectedProperty().get().id()).isEqualTo(21);
        assertThat(((SensitivityPlot) vm.plotProperty().get()).selectedId()).isEqualTo(21);
    }

    @Test
    void noTextOfEitherPlotIsSmallerThanTenPixels() {
        SensitivityViewModel vm = vm(AnalysisRows.model(40), new DirectTaskRunner());
        vm.analyse();
        assertThat(AnalysisRows.textSizes(vm.plotProperty().get(), W, H)).isNotEmpty().allMatch(s -> s >= 10);
        vm.slicesProperty().set(true);
        assertThat(AnalysisRows.textSizes(vm.plotProperty().get(), W, H)).isNotEmpty().allMatch(s -> s >= 10);
    }

    @Test
    void theContourShowsThePairThatInteractsMostAndAnyPairChosenComputedInTheBackground() {
        ResultsModel results = AnalysisRows.model(40);
        HeldTaskRunner tasks = new HeldTaskRunner();
        SensitivityViewModel vm = vm(results, tasks);
        assertThat(vm.contourProperty().get()).isNull();
        vm.analyse();
        // nothing is computed on the calling (UI) thread: the contour comes with the analysis's task
        assertThat(vm.contourProperty().get()).isNull();
        tasks.finish(0);
        SensitivityViewModel.Global g = vm.globalProperty().get();
        int[] top = ContourPlot.topPair(g.indices(), g.data());
        List<String> names = List.of("lr", "l2", "act");
        assertThat(vm.pairChoices()).containsExactlyElementsOf(names);
        assertThat(vm.pairXProperty().get()).isEqualTo(names.get(top[0]));
        assertThat(vm.pairYProperty().get()).isEqualTo(names.get(top[1]));
        ContourPlot first = vm.contourProperty().get();
        assertThat(first.x().axis().name()).isEqualTo(names.get(top[0]));
        assertThat(first.y().axis().name()).isEqualTo(names.get(top[1]));
        assertThat(vm.contourStatusProperty().get()).contains("largest interaction");

        String other = names.stream().filter(n -> !n.equals(vm.pairXProperty().get())
                && !n.equals(vm.pairYProperty().get())).findFirst().orElseThrow();
        vm.pairYProperty().set(other);
        assertThat(vm.contourProperty().get()).isSameAs(first);
        assertThat(vm.contourStatusProperty().get()).startsWith("Computing");
        tasks.finish(1);
        ContourPlot chosen = vm.contourProperty().get();
        assertThat(chosen.y().axis().name()).isEqualTo(other);
        int a = names.indexOf(vm.pairXProperty().get());
        int b = names.indexOf(other);
        assertThat(chosen.z()).isDeepEqualTo(g.fit().pairMean(a, b, ContourPlot.POINTS));
        assertThat(AnalysisRows.svg(chosen, W, H)).contains("GP mean of loss over");

        vm.pairYProperty().set(vm.pairXProperty().get());
        assertThat(vm.contourProperty().get()).isNull();
        assertThat(vm.contourStatusProperty().get()).contains("two different");
    }

    private static int indexOf(int[] ids, int id) {
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] == id) {
                return i;
            }
        }
        throw new AssertionError("no point of combination " + id);
    }

    /** Holds background work until the test finishes it, in any order. */
}
