package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.hpsearch.optimizer.analysis.ResultRow;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Parallel coordinates without a toolkit. */
class ParallelCoordinatesViewModelTest {
    private static final double W = 1000;
    private static final double H = 600;

    private static ParallelCoordinatesViewModel vm(ResultsModel results) {
        ParallelCoordinatesViewModel vm = new ParallelCoordinatesViewModel(results, new DirectTaskRunner(),
                () -> Path.of("/project"));
        vm.setShowing(true);
        return vm;
    }

    @Test
    void everyHyperparameterAndTheLossAreAxesAtFirstAndMetricsCanBeAdded() {
        ResultsModel results = AnalysisRows.model(30);
        ParallelCoordinatesViewModel vm = vm(results);
        Column accuracy = Column.metric("accuracy");
        assertThat(vm.columns()).extracting(Column::name).containsExactly("lr", "l2", "act", "loss", "accuracy");
        assertThat(vm.axes()).extracting(Column::name).containsExactly("lr", "l2", "act", "loss");
        vm.setAxis(accuracy, true);
        vm.setAxis(vm.columns().get(2), false);
        assertThat(vm.layout().axes()).extracting(a -> a.name()).containsExactly("lr", "l2", "loss", "accuracy");
        assertThat(AnalysisRows.svg(vm.plotProperty().get(), W, H)).contains(">accuracy<");
        // the choice survives new data
        results.put(AnalysisRows.row(30, 0.5, 1e-3, 1e-3, "relu", Map.of("accuracy", 0.5)));
        results.changed();
        assertThat(vm.layout().axes()).extracting(a -> a.name()).containsExactly("lr", "l2", "loss", "accuracy");
        assertThat(vm.layout().size()).isEqualTo(31);
    }

    @Test
    void theColourScaleNamesItsColumnAndItsRangeInShortForm() {
        ResultsModel results = AnalysisRows.model(30);
        ParallelCoordinatesViewModel vm = vm(results);
        ColourScale loss = vm.colourScaleProperty().get();
        assertThat(loss.title()).isEqualTo("loss (log)");
        assertThat(loss.low()).isEqualTo("0.01");
        vm.colourProperty().set(Column.hyperparameter(1, "l2"));
        ColourScale l2 = vm.colourScaleProperty().get();
        assertThat(l2.title()).isEqualTo("l2 (log)");
        // the smallest l2 is 7.79988e-6: never "7.79988…" nor "0.0000078"
        assertThat(l2.low()).isEqualTo("7.8e-06");
        assertThat(vm.layout().colourColumn()).isEqualTo(Column.hyperparameter(1, "l2"));
        String svg = AnalysisRows.svg(vm.plotProperty().get(), W, H);
        assertThat(svg).contains("colour: l2 (log)").contains(">7.8e-06<");
        vm.colourProperty().set(Column.metric("accuracy"));
        assertThat(vm.colourScaleProperty().get().title()).isEqualTo("accuracy");
        // rows without an accuracy are not coloured as if they had one
        assertThat(vm.layout().colour(4)).isNaN();
    }

    @Test
    void aSelectionMadeElsewhereIsMarkedAndAClickOnALineSelectsItsCombination() {
        ResultsModel results = AnalysisRows.model(30);
        ParallelCoordinatesViewModel vm = vm(results);
        results.selectedProperty().set(results.row(7));
        assertThat(vm.plotProperty().get().selected()).isEqualTo(vm.layout().indexOf(7));

        ParallelPlot plot = vm.plotProperty().get();
        ParallelLayout layout = vm.layout();
        int i = layout.indexOf(12);
        double x = (plot.axisX(0, W) + plot.axisX(1, W)) / 2;
        double y = (ParallelPlot.y(layout.position(i, 0), H) + ParallelPlot.y(layout.position(i, 1), H)) / 2;
        assertThat(vm.pick(x, y, W, H)).isTrue();
        assertThat(results.selectedProperty().get().id()).isEqualTo(12);
        assertThat(vm.plotProperty().get().selected()).isEqualTo(i);
        // far from every line: the selection stays
        assertThat(vm.pick(x, 1, W, H)).isFalse();
        assertThat(results.selectedProperty().get().id()).isEqualTo(12);
    }

    @Test
    void brushesAreSharedWithTheResultsAndNewDataWaitsWhileTheViewIsHidden() {
        ResultsModel results = AnalysisRows.model(30);
        ParallelCoordinatesViewModel vm = vm(results);
        int loss = vm.layout().axes().size() - 1;
        vm.brush(loss, 0, 0.5);
        vm.publish();
        assertThat(results.brushedProperty().get()).isNotEmpty().hasSizeLessThan(30);
        vm.clearBrushes();
        assertThat(results.brushedProperty().get()).isNull();
        vm.setShowing(false);
        results.put(AnalysisRows.row(30, 0.5, 1e-3, 1e-3, "relu", Map.of()));
        results.changed();
        assertThat(vm.layout().size()).isEqualTo(30);
        vm.setShowing(true);
        assertThat(vm.layout().size()).isEqualTo(31);
    }

    @Test
    void anotherSearchShownGetsItsOwnAxesAndAColourColumnItLacksFallsBackToTheLoss() {
        ResultsModel results = AnalysisRows.model(30);
        ParallelCoordinatesViewModel vm = vm(results);
        vm.setAxis(Column.metric("accuracy"), true);
        vm.setAxis(vm.columns().get(0), false);
        vm.colourProperty().set(Column.metric("accuracy"));
        results.show(List.of("depth"), null, List.of(new ResultRow(0, "ok", 0.5, List.of(IntNode.valueOf(3)), "", 1,
                "grid", "")));
        assertThat(vm.axes()).extracting(Column::name).containsExactly("depth", "loss");
        assertThat(vm.colourProperty().get()).isEqualTo(Column.LOSS);
        assertThat(vm.layout().colourColumn()).isEqualTo(Column.LOSS);
    }

    @Test
    void noTextOfThePlotIsSmallerThanTenPixels() {
        ParallelCoordinatesViewModel vm = vm(AnalysisRows.model(30));
        assertThat(AnalysisRows.textSizes(vm.plotProperty().get(), W, H)).isNotEmpty().allMatch(s -> s >= 10);
    }
}
