package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.HyperparameterType;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.table.TableColumns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DataTableTest {
    /** The seed's hp_search_data.txt columns, in the seed's order. */
    private static final List<String> SEED = List.of("combination_id", "job_id", "job_time", "previous_results_count",
            "search_type", "is_queued", "model_config_path", "loss");

    @TempDir
    Path searchDir;

    /** The space of {@link SearchStateTest}'s combinations, with nested names. */
    static SearchSpace space() {
        return new SearchSpace(List.of(
                new Hyperparameter("optimizer.lr", List.of("optimizer", "lr"), HyperparameterType.CONTINUOUS,
                        Transformation.LOG, 1e-4, 1, List.of()),
                new Hyperparameter("layers[0].units", List.of("layers", 0, "units"), HyperparameterType.DISCRETE,
                        Transformation.LOG, 8, 32,
                        List.<JsonNode>of(IntNode.valueOf(8), IntNode.valueOf(16), IntNode.valueOf(32))),
                Hyperparameter.categorical("activation", List.of(TextNode.valueOf("tanh"), TextNode.valueOf("relu")))));
    }

    private static SearchState state() {
        return SearchState.replay(SearchStateTest.events());
    }

    private List<String[]> rows(String table) {
        List<String[]> rows = new ArrayList<>();
        table.lines().forEach(l -> rows.add(l.split("\t", -1)));
        return rows;
    }

    private static int column(String[] header, String name) {
        return List.of(header).indexOf(name);
    }

    @Test
    void headerIsTheSeedsColumnsThenHyperparametersThenStatusReasonAndMetrics() {
        String[] header = rows(DataTable.render(state(), space(), searchDir)).get(0);

        List<String> expected = new ArrayList<>(SEED);
        expected.addAll(List.of("optimizer.lr", "layers[0].units", "activation", "status", "failure_reason",
                "failure_class", "attempts"));
        expected.addAll(TableColumns.PROVENANCE);
        expected.add("accuracy");
        assertThat(header).containsExactlyElementsOf(expected);
    }

    @Test
    void provenanceIsWrittenEscapedAndReadBackFromJournalAndTable() {
        Provenance p = new Provenance("node[01-02]\tx", "COMPLETED", "0:0", 65.0, 61.25, 104856L * 1024, "sacct",
                "ab12", "cd34", "0.1.0");
        List<JournalEvent> events = new ArrayList<>();
        events.add(new JournalEvent.Start(1, 1, null, null));
        events.add(new JournalEvent.Suggest(2, 0, SearchStateTest.A, "grid", 0, 0));
        events.add(new JournalEvent.Finish(3, 0, TrialStatus.OK, 0.25, Map.of(), null, null, 0, 65.0, p));

        SearchState replayed = SearchState.replay(events);
        String table = DataTable.render(replayed, space(), searchDir);
        String[] h = rows(table).get(0);
        String[] row = rows(table).get(1);

        assertThat(replayed.trial(0).provenance()).isEqualTo(p);
        assertThat(row[column(h, "run_nodes")]).isEqualTo("node[01-02]\\tx");
        assertThat(row[column(h, "run_max_rss_mb")]).isEqualTo("102.4");
        assertThat(row[column(h, "run_cpu_s")]).isEqualTo("61.25");
        // the table rounds memory to 0.1 MiB; the journal keeps the bytes
        Provenance read = ResultTable.parse(table).rows().get(0).provenance();
        assertThat(read.withDigests(null, null)).usingRecursiveComparison().ignoringFields("maxRssBytes")
                .isEqualTo(p.withDigests(null, null));
        assertThat(read.maxRssBytes()).isCloseTo(p.maxRssBytes(), org.assertj.core.data.Offset.offset(52429L));
        assertThat(read.scriptSha256()).isEqualTo("ab12");
    }

    @Test
    void aRowWithoutProvenanceHasEmptyCellsAndTheOriginalToolsTableKeepsSuchNamesAsHyperparameters() {
        String[] row = rows(DataTable.render(state(), space(), searchDir)).get(1);
        String[] h = rows(DataTable.render(state(), space(), searchDir)).get(0);
        for (String c : TableColumns.PROVENANCE) {
            assertThat(row[column(h, c)]).isEmpty();
        }
        // the original tool never wrote these columns: there, such a name is a hyperparameter of the user's
        String seed = "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\tis_queued"
                + "\tmodel_config_path\tloss\trun_nodes\n0\t17\t0.5\t0\tgrid\tFalse\tC:\\tmp\\in.json\t0.5\t4\n";
        ResultTable read = ResultTable.parse(seed);
        assertThat(read.hyperparameters()).containsExactly("run_nodes");
        assertThat(read.rows().get(0).values()).containsExactly(IntNode.valueOf(4));
        assertThat(read.rows().get(0).provenance()).isEqualTo(Provenance.NONE);
    }

    @Test
    void oneRowPerCombinationWithAsManyFieldsAsTheHeader() {
        List<String[]> rows = rows(DataTable.render(state(), space(), searchDir));

        assertThat(rows).hasSize(4);
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSize(rows.get(0).length));
        assertThat(rows.subList(1, 4)).extracting(r -> r[0]).containsExactly("0", "1", "2");
    }

    @Test
    void scoredRowHasItsLossValuesAndMetrics() {
        List<String[]> rows = rows(DataTable.render(state(), space(), searchDir));
        String[] h = rows.get(0);
        String[] ok = rows.get(1);

        assertThat(ok[column(h, "job_id")]).isEqualTo("100");
        assertThat(ok[column(h, "job_time")]).isEqualTo("1.5000");
        assertThat(ok[column(h, "previous_results_count")]).isEqualTo("0");
        assertThat(ok[column(h, "search_type")]).isEqualTo("grid");
        assertThat(ok[column(h, "is_queued")]).isEqualTo("True");
        assertThat(ok[column(h, "model_config_path")])
                .isEqualTo(searchDir.resolve("hp_combination_0").resolve("input.json").toString());
        assertThat(Double.parseDouble(ok[column(h, "loss")])).isEqualTo(0.25);
        assertThat(Double.parseDouble(ok[column(h, "optimizer.lr")])).isEqualTo(1e-4);
        assertThat(ok[column(h, "layers[0].units")]).isEqualTo("16");
        assertThat(ok[column(h, "activation")]).isEqualTo("relu");
        assertThat(ok[column(h, "status")]).isEqualTo("ok");
        assertThat(ok[column(h, "failure_reason")]).isEmpty();
        assertThat(ok[column(h, "failure_class")]).isEmpty();
        assertThat(Double.parseDouble(ok[column(h, "accuracy")])).isEqualTo(0.9);
    }

    @Test
    void failedRowHasEmptyLossAndTheReason() {
        List<String[]> rows = rows(DataTable.render(state(), space(), searchDir));
        String[] h = rows.get(0);
        String[] failed = rows.get(2);

        assertThat(failed[column(h, "loss")]).isEmpty();
        assertThat(failed[column(h, "status")]).isEqualTo("failed");
        assertThat(failed[column(h, "failure_reason")]).isEqualTo("exit code 3");
        assertThat(failed[column(h, "failure_class")]).isEqualTo("script_error");
        assertThat(failed[column(h, "attempts")]).isEqualTo("1");
        assertThat(failed[column(h, "accuracy")]).isEmpty();
    }

    @Test
    void notYetRunRowHasNoJobTimeAndNoLoss() {
        List<String[]> rows = rows(DataTable.render(state(), space(), searchDir));
        String[] h = rows.get(0);
        String[] queued = rows.get(3);

        assertThat(queued[column(h, "status")]).isEqualTo("queued");
        assertThat(queued[column(h, "job_id")]).isEmpty();
        assertThat(queued[column(h, "job_time")]).isEmpty();
        assertThat(queued[column(h, "loss")]).isEmpty();
        assertThat(queued[column(h, "previous_results_count")]).isEqualTo("1");
        // waits to run again: its class says why its last run ended, attempts that it ran once
        assertThat(queued[column(h, "failure_class")]).isEqualTo("infrastructure");
        assertThat(queued[column(h, "attempts")]).isEqualTo("1");
    }

    @Test
    void suggestedButNeverSubmittedIsNotQueuedInTheSeedsSense() {
        SearchState s = SearchState.replay(List.of(new JournalEvent.Suggest(1, 0, SearchStateTest.A, "grid", 0, 0)));
        List<String[]> rows = rows(DataTable.render(s, space(), searchDir));

        assertThat(rows.get(1)[column(rows.get(0), "is_queued")]).isEqualTo("False");
    }

    @Test
    void tabsAndNewlinesInAReasonCannotBreakTheTable() {
        List<JournalEvent> events = new ArrayList<>(SearchStateTest.events());
        events.add(new JournalEvent.Finish(5000, 2, TrialStatus.FAILED, null, Map.of(),
                "Traceback:\n\tValueError: bad", null, 1, 1.0));

        List<String[]> rows = rows(DataTable.render(SearchState.replay(events), space(), searchDir));

        assertThat(rows).hasSize(4);
        assertThat(rows.get(3)[column(rows.get(0), "failure_reason")]).isEqualTo("Traceback:\\n\\tValueError: bad");
    }

    @Test
    void valuesWithTabsNewlinesAndBackslashesRoundTripThroughTheReader() {
        String nasty = "a\tb\nc\\d\r";
        SearchSpace space = new SearchSpace(List.of(Hyperparameter.categorical("choice",
                List.of(TextNode.valueOf(nasty), TextNode.valueOf("plain")))));
        List<JournalEvent> events = new ArrayList<>();
        events.add(new JournalEvent.Start(1, 1, null, null));
        events.add(new JournalEvent.Suggest(2, 0, new Combination(List.of(TextNode.valueOf(nasty))), "grid\t1", 0, 0));
        events.add(new JournalEvent.Finish(3, 0, TrialStatus.FAILED, null, Map.of("acc\tx", 0.5),
                "line 1\nline 2\tC:\\tmp", null, 1, 1.0));

        String table = DataTable.render(SearchState.replay(events), space, searchDir);
        ResultTable read = ResultTable.parse(table);

        assertThat(table.lines()).hasSize(2);
        assertThat(rows(table)).allSatisfy(r -> assertThat(r).hasSize(rows(table).get(0).length));
        assertThat(read.hyperparameters()).containsExactly("choice");
        ResultRow row = read.rows().get(0);
        assertThat(row.values()).containsExactly(TextNode.valueOf(nasty));
        assertThat(row.reason()).isEqualTo("line 1\nline 2\tC:\\tmp");
        assertThat(row.searchType()).isEqualTo("grid\t1");
        assertThat(row.status()).isEqualTo("failed");
    }

    @Test
    void metricsNamedLikeAnotherColumnGetAPrefixSoEveryColumnIsUnique() {
        List<JournalEvent> events = new ArrayList<>();
        events.add(new JournalEvent.Start(1, 1, null, null));
        events.add(new JournalEvent.Suggest(2, 0, SearchStateTest.A, "grid", 0, 0));
        events.add(new JournalEvent.Finish(3, 0, TrialStatus.OK, 0.25,
                Map.of("loss", 7.0, "status", 8.0, "activation", 9.0, "metric_loss", 10.0), null, null, 0, 1.0));

        List<String[]> rows = rows(DataTable.render(SearchState.replay(events), space(), searchDir));
        String[] h = rows.get(0);
        String[] ok = rows.get(1);

        assertThat(h).doesNotHaveDuplicates();
        assertThat(ok[column(h, "loss")]).isEqualTo("0.25");
        assertThat(ok[column(h, "status")]).isEqualTo("ok");
        assertThat(ok[column(h, "activation")]).isEqualTo("relu");
        assertThat(Double.parseDouble(ok[column(h, "metric_status")])).isEqualTo(8.0);
        assertThat(Double.parseDouble(ok[column(h, "metric_activation")])).isEqualTo(9.0);
        assertThat(List.of(ok[column(h, "metric_loss")], ok[column(h, "metric_metric_loss")]))
                .containsExactlyInAnyOrder("7.0", "10.0");
        assertThat(ResultTable.parse(String.join("\n", rows.stream().map(r -> String.join("\t", r)).toList()))
                .rows().get(0).loss()).isEqualTo(0.25);
    }

    @Test
    void writeReplacesTheFileAndLeavesNoTemporaryFile() throws Exception {
        Files.writeString(searchDir.resolve(DataTable.FILE_NAME), "old content\n");

        DataTable.write(state(), space(), searchDir);

        assertThat(Files.readString(searchDir.resolve(DataTable.FILE_NAME)))
                .isEqualTo(DataTable.render(state(), space(), searchDir));
        try (var files = Files.list(searchDir)) {
            assertThat(files).extracting(p -> p.getFileName().toString()).containsExactly(DataTable.FILE_NAME);
        }
    }
}
