package dev.hpsearch.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AnalysisTest {
    private static final String ORIGINAL_TOOL_TABLE = String.join("\n",
            "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\tis_queued\tmodel_config_path\tloss\tlearning_rate\tactivation",
            "0\t101\t1.5\t0\trandom\tTrue\t/p/hp_search_0/hp_combination_0/input.json\t0.5\t0.001\ttanh",
            "1\t102\t2.0\t0\trandom\tTrue\t/p/hp_search_0/hp_combination_1/input.json\t0.25\t0.1\trelu",
            "2\t103\t\t1\tMatern52_EI_MLE\tTrue\t/p/hp_search_0/hp_combination_2/input.json\t\t1.0\trelu",
            "3\t104\t3.0\t2\tgrid\tTrue\t/p/hp_search_0/hp_combination_3/input.json\tnan\t10.0\ttanh", "");

    @Test
    void originalToolTableWithOnlyTheSeedColumnsIsRead() {
        ResultTable t = ResultTable.parse(ORIGINAL_TOOL_TABLE);
        assertThat(t.hyperparameters()).containsExactly("learning_rate", "activation");
        assertThat(t.rows()).extracting(ResultRow::status).containsExactly("ok", "ok", "running", "failed");
        assertThat(t.rows().get(1).values()).containsExactly(DoubleNode.valueOf(0.1), TextNode.valueOf("relu"));
        assertThat(t.rows().get(0).runtimeSeconds()).isEqualTo(90.0);
        assertThat(t.rows().get(3).hasLoss()).isFalse();
    }

    @Test
    void inferredAxesAreLogForWideRangesAndCategoricalForText() {
        ParallelLayout layout = ParallelLayout.of(ResultTable.parse(ORIGINAL_TOOL_TABLE), null, true);
        assertThat(layout.axes()).extracting(Axis::kind)
                .containsExactly(Axis.Kind.LOG, Axis.Kind.CATEGORICAL, Axis.Kind.LOG);
        assertThat(layout.position(0, 0)).isCloseTo(0.0, within(1e-12));
        assertThat(layout.position(1, 0)).isCloseTo(0.5, within(1e-12));
        assertThat(layout.position(1, 1)).isEqualTo(1.0);
    }

    @Test
    void tickLabelsKeepFourSignificantDigitsAndTheirExponent() {
        // a small linear range: each tick keeps its exponent instead of a made-up "0"
        Axis small = Axis.forLoss(7.79988e-6, 1.2e-5, false);
        assertThat(small.ticks()).extracting(Axis.Tick::label).isNotEmpty()
                .allMatch(l -> l.matches("\\d(\\.\\d{1,3})?e-0\\d"), "a mantissa and an exponent");
        assertThat(Axis.format(1.23456e-5)).isEqualTo("1.235e-05");
        assertThat(Axis.format(0.123456)).isEqualTo("0.1235");
        assertThat(Axis.format(123456.0)).isEqualTo("1.235e+05");
        // decades on a log axis are written as every other number
        assertThat(Axis.forLoss(1e-5, 1e-2, true).ticks()).extracting(Axis.Tick::label)
                .containsExactly("1e-05", "1e-04", "0.001", "0.01");
    }

    @Test
    void brushOnAnAxisKeepsOnlyRowsInsideAndFailedRowsCanBeHidden() {
        ParallelLayout layout = ParallelLayout.of(ResultTable.parse(ORIGINAL_TOOL_TABLE), null, false);
        ParallelLayout.Brush[] brushes = layout.noBrushes();
        assertThat(layout.passingIds(brushes, true)).containsExactly(0, 1, 2, 3);
        assertThat(layout.passingIds(brushes, false)).containsExactly(0, 1);
        brushes[0] = new ParallelLayout.Brush(0.6, 0.4);
        assertThat(layout.passingIds(brushes, true)).containsExactly(1);
    }

    @Test
    void historyKeepsTheRunningMinimum() {
        History h = History.of(ResultTable.parse(ORIGINAL_TOOL_TABLE).rows());
        assertThat(h.ids()).containsExactly(0, 1);
        assertThat(h.bestSoFar()).containsExactly(0.5, 0.25);
    }

    @Test
    void sensitivityRanksTheHyperparameterTheLossDependsOn() {
        StringBuilder sb = new StringBuilder("combination_id\tloss\ta\tb\n");
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 40; i++) {
            double a = rng.nextDouble();
            double b = rng.nextDouble();
            double loss = 1 + 4 * (a - 0.3) * (a - 0.3) + 0.01 * b;
            sb.append(i).append('\t').append(loss).append('\t').append(a).append('\t').append(b).append('\n');
        }
        ParallelLayout layout = ParallelLayout.of(ResultTable.parse(sb.toString()), null, false);
        Sensitivity.Result r = Sensitivity.analyze(layout, 1);
        assertThat(r.gpFitted()).isTrue();
        assertThat(r.ranking().get(0).axis().name()).isEqualTo("a");
        Sensitivity.Slice a = r.slices().get(0);
        assertThat(a.hasCurve()).isTrue();
        for (int c = 0; c < a.curveX().length; c++) {
            assertThat(a.lower()[c]).isLessThanOrEqualTo(a.mean()[c]);
            assertThat(a.upper()[c]).isGreaterThanOrEqualTo(a.mean()[c]);
        }
    }

    @Test
    void withoutEnoughPointsTheRankingFallsBackToEtaSquared() {
        ParallelLayout layout = ParallelLayout.of(ResultTable.parse(ORIGINAL_TOOL_TABLE), null, false);
        Sensitivity.Result r = Sensitivity.analyze(layout, 1);
        assertThat(r.gpFitted()).isFalse();
        assertThat(r.note()).contains("no GP");
        assertThat(r.slices()).hasSize(2).noneMatch(Sensitivity.Slice::hasCurve);
    }

    @Test
    void csvQuotesCellsWithCommas() {
        ResultTable t = ResultTable.parse(ORIGINAL_TOOL_TABLE.replace("relu", "re,lu"));
        String csv = t.toCsv(t.rows());
        assertThat(csv.split("\r\n")[0]).isEqualTo("combination_id,status,loss,learning_rate,activation,job_id,runtime_s,search_type,reason");
        assertThat(csv).contains("\"re,lu\"");
    }
}
