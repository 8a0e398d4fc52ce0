package dev.hpsearch.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpsearch.optimizer.table.TableColumns;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The script's metrics as analysis sees them: read from the table, laid out on axes, analysed, exported. */
class MetricColumnsTest {

    /** A table as this tool writes it: seed columns, hyperparameters, its own columns, then metrics. */
    private static String table(List<double[]> rows) {
        List<String> header = new ArrayList<>(TableColumns.SEED);
        header.addAll(List.of("a", "l2"));
        header.addAll(TableColumns.AFTER_HYPERPARAMETERS);
        header.addAll(TableColumns.PROVENANCE);
        header.addAll(List.of("accuracy", "metric_loss"));
        StringBuilder sb = new StringBuilder(String.join("\t", header)).append('\n');
        int id = 0;
        for (double[] r : rows) {
            List<String> cells = new ArrayList<>(List.of(Integer.toString(id++), "", "", "0", "random", "True", "in.json",
                    Double.isNaN(r[0]) ? "" : Double.toString(r[0]), Double.toString(r[1]), Double.toString(r[2]),
                    Double.isNaN(r[0]) ? "failed" : "ok", "", "", "1"));
            cells.addAll(Collections.nCopies(TableColumns.PROVENANCE.size(), ""));
            cells.add(Double.isNaN(r[3]) ? "" : Double.toString(r[3]));
            cells.add("0.5");
            sb.append(String.join("\t", cells)).append('\n');
        }
        return sb.toString();
    }

    private static final String SMALL = table(List.of(new double[] {0.3, 0.1, 7.79988e-6, 0.91},
            new double[] {0.2, 0.5, 1e-3, Double.NaN}, new double[] {Double.NaN, 0.9, 1e-1, 0.4}));

    @Test
    void metricsAfterTheTablesOwnColumnsAreReadAndHyperparametersStayHyperparameters() {
        ResultTable t = ResultTable.parse(SMALL);
        assertThat(t.hyperparameters()).containsExactly("a", "l2");
        assertThat(t.metrics()).containsExactly("accuracy", "metric_loss");
        assertThat(t.rows().get(0).metric("accuracy")).isEqualTo(0.91);
        assertThat(t.rows().get(1).metrics()).containsOnlyKeys("metric_loss");
        assertThat(t.rows().get(1).metric("accuracy")).isNaN();
    }

    @Test
    void chosenAxesAndAMetricAsColourAreLaidOutWithGapsWhereAMetricIsMissing() {
        ResultTable t = ResultTable.parse(SMALL);
        Column accuracy = Column.metric("accuracy");
        ParallelLayout layout = ParallelLayout.of(t, null, List.of(Column.hyperparameter(1, "l2"), accuracy,
                Column.LOSS), accuracy, true);
        assertThat(layout.axes()).extracting(Axis::name).containsExactly("l2", "accuracy", "loss");
        assertThat(layout.colourAxis().min()).isEqualTo(0.4);
        assertThat(layout.colourAxis().max()).isEqualTo(0.91);
        assertThat(layout.colour(0)).isCloseTo(1.0, within(1e-12));
        assertThat(layout.colour(1)).isNaN();
        assertThat(layout.colour(2)).isCloseTo(0.0, within(1e-12));
        assertThat(layout.position(1, 1)).isNaN();
        // a failed row sits at the top of the loss axis
        assertThat(layout.position(2, 2)).isEqualTo(1.0);
        assertThat(layout.indexOf(2)).isEqualTo(2);
        assertThat(layout.indexOf(7)).isEqualTo(-1);
    }

    @Test
    void theSensitivityOfAMetricRanksTheHyperparameterItDependsOn() {
        List<double[]> rows = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 30; i++) {
            double a = rng.nextDouble();
            double l2 = rng.nextDouble();
            // the loss follows a, the accuracy follows l2
            rows.add(new double[] {1 + a, a, l2, 0.5 + 0.4 * l2 * l2 + 0.001 * a});
        }
        ResultTable t = ResultTable.parse(table(rows));
        Column accuracy = Column.metric("accuracy");
        List<Column> columns = new ArrayList<>(Column.hyperparameters(t));
        columns.add(accuracy);
        Sensitivity.Result r = Sensitivity.analyze(ParallelLayout.of(t, null, columns, accuracy, true), 1);
        assertThat(r.response()).isEqualTo(accuracy);
        assertThat(r.ranking().get(0).axis().name()).isEqualTo("l2");
        assertThat(r.rowIds()).hasSize(30);
        assertThat(r.slices().get(0).loss()[0]).isEqualTo(t.rows().get(0).metric("accuracy"));
        Sensitivity.Result byLoss = Sensitivity.analyze(ParallelLayout.of(t, null, true), 1);
        assertThat(byLoss.ranking().get(0).axis().name()).isEqualTo("a");
    }

    @Test
    void csvKeepsEveryDigitAndTheMetrics() {
        ResultTable t = ResultTable.parse(SMALL);
        String[] lines = t.toCsv(t.rows()).split("\r\n");
        assertThat(lines[0]).endsWith(",reason,accuracy,metric_loss");
        assertThat(lines[1]).contains(",7.79988e-6,").endsWith(",0.91,0.5");
        assertThat(lines[2]).endsWith(",,0.5");
    }
}
