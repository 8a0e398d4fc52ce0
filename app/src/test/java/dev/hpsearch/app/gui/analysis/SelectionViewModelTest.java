package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Selection help without a toolkit. */
class SelectionViewModelTest {
    private final AtomicReference<ModelConfig> model = new AtomicReference<>();

    @TempDir
    Path tmp;

    private SelectionViewModel vm(ResultsModel results) {
        return new SelectionViewModel(results, new DirectTaskRunner(), () -> Optional.ofNullable(model.get()),
                () -> tmp);
    }

    /** A view-model whose candidates are every scored combination (a tolerance of 1000 % of the best). */
    private SelectionViewModel markedAll(ResultsModel results) {
        SelectionViewModel vm = vm(results);
        vm.toleranceProperty().set("1000");
        vm.mark();
        return vm;
    }

    @Test
    void aTinyRegularizationIsShownWithItsExponentAndInFullInTooltipAndCopy() {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = markedAll(results);
        ResultRow best = vm.candidates().get(0);
        assertThat(best.id()).isZero();
        Column l2 = vm.columns().stream().filter(c -> c.name().equals("l2")).findFirst().orElseThrow();
        // was "7.79988E-6", cut to "7.79988…" in its column: read as the weakest regularization, not the strongest
        assertThat(SelectionViewModel.display(best, l2)).isEqualTo("7.8e-06");
        assertThat(SelectionViewModel.full(best, l2)).isEqualTo("7.79988e-6");
        assertThat(SelectionViewModel.display(best, Column.LOSS)).isEqualTo("0.01");
        assertThat(vm.columns()).extracting(Column::name).containsExactly("loss", "lr", "l2", "act", "accuracy");
        String copy = vm.copyText(List.of(best));
        assertThat(copy.split("\n")[0]).isEqualTo("combination_id\tloss\tlr\tl2\tact\taccuracy");
        assertThat(copy.split("\n")[1]).startsWith("0\t0.01\t").contains("\t7.79988e-6\trelu\t");
    }

    @Test
    void aRowWithoutAMetricShowsAnEmptyCellNotAZero() {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = vm(results);
        assertThat(SelectionViewModel.display(results.row(4), Column.metric("accuracy"))).isEmpty();
        assertThat(SelectionViewModel.display(results.row(3), Column.LOSS)).isEmpty();
    }

    @Test
    void candidatesSortByTheNumberNotByItsTextAndRowsWithoutAValueGoLast() {
        ResultsModel results = AnalysisRows.model(20);
        List<ResultRow> rows = new java.util.ArrayList<>(results.rows());
        Column l2 = Column.hyperparameter(1, "l2");
        rows.sort(SelectionViewModel.order(l2));
        for (int i = 1; i < rows.size(); i++) {
            assertThat(rows.get(i).values().get(1).doubleValue()).isGreaterThanOrEqualTo(
                    rows.get(i - 1).values().get(1).doubleValue());
        }
        rows.sort(SelectionViewModel.order(Column.metric("accuracy")));
        assertThat(rows.subList(16, 20)).allMatch(r -> r.metrics().isEmpty());
        rows.sort(SelectionViewModel.order(Column.hyperparameter(2, "act")));
        assertThat(rows.get(0).values().get(2).asText()).isEqualTo("relu");
    }

    @Test
    void choosingACandidateSelectsItsCombinationEverywhere() {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = markedAll(results);
        vm.choose(vm.candidates().get(2));
        assertThat(results.selectedProperty().get()).isEqualTo(vm.candidates().get(2));
    }

    @Test
    void theChosenCombinationIsWrittenAsInputJsonOnlyWhenTheSearchHasAModelConfig() throws Exception {
        ResultsModel results = AnalysisRows.model(20);
        SelectionViewModel vm = markedAll(results);
        Path file = tmp.resolve("input_chosen.json");
        vm.export(vm.candidates().get(0), file);
        assertThat(vm.statusProperty().get()).contains("has no model config");
        model.set(new ModelConfig(JsonFiles.STRICT.createObjectNode().put("data", "iris.csv"), new SearchSpace(List.of(
                Hyperparameter.continuous("lr", 1e-5, 1, Transformation.LOG),
                Hyperparameter.continuous("l2", 1e-6, 1, Transformation.LOG),
                Hyperparameter.categorical("act", List.of(JsonFiles.STRICT.getNodeFactory().textNode("relu"),
                        JsonFiles.STRICT.getNodeFactory().textNode("tanh")))))));
        vm.export(vm.candidates().get(0), file);
        JsonNode input = JsonFiles.read(file, "input");
        assertThat(input.get("l2").asDouble()).isEqualTo(7.79988e-6);
        assertThat(input.get("data").asText()).isEqualTo("iris.csv");
        assertThat(vm.statusProperty().get()).startsWith("Wrote");
    }
}
