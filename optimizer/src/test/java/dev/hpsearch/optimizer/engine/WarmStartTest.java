package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.ConfigText;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.strategy.BoptStrategy;
import dev.hpsearch.optimizer.strategy.GridStrategy;
import dev.hpsearch.optimizer.strategy.LineStrategy;
import dev.hpsearch.optimizer.strategy.RandomStrategy;
import dev.hpsearch.optimizer.strategy.SearchContext;
import dev.hpsearch.optimizer.strategy.Suggestion;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Which rows of earlier searches a search takes in, and what the strategies make of them (decision 0024). */
class WarmStartTest {
    /** lr on a log scale, layers discrete, activation categorical: the original tool's fixture's names. */
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Hyperparameter.continuous("lr", 1e-4, 0.1, Transformation.LOG),
            Hyperparameter.discrete("layers", List.of(IntNode.valueOf(1), IntNode.valueOf(2)), Transformation.LINEAR),
            Hyperparameter.categorical("activation", List.of(TextNode.valueOf("relu"), TextNode.valueOf("sigmoid")))));
    private static final int GRID_POINTS = 4;

    private static ResultTable originalTable() throws IOException {
        try (InputStream in = WarmStartTest.class.getResourceAsStream("/warmstart/original_hp_search_data.txt")) {
            return ResultTable.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static List<String> rejectedIds(WarmStart w) {
        return w.rejected().stream().map(r -> r.source().replaceAll(".*combination ", "")).toList();
    }

    @Test
    void theOriginalToolsTableGivesItsScoredRowsThatFitAndSaysWhyTheOthersDoNot() throws Exception {
        WarmStart w = WarmStart.match(originalTable(), "old/hp_search_data.txt", SPACE, GRID_POINTS);

        assertThat(w.imported()).extracting(WarmStart.Imported::source).containsExactly(
                "old/hp_search_data.txt, combination 0", "old/hp_search_data.txt, combination 1",
                "old/hp_search_data.txt, combination 2", "old/hp_search_data.txt, combination 8");
        assertThat(w.imported()).extracting(WarmStart.Imported::loss).containsExactly(0.8125, 0.6419, 0.5902, 0.5511);
        assertThat(rejectedIds(w)).containsExactly("3", "4", "5", "6", "7");
        assertThat(w.rejected().get(0).reason()).isEqualTo("no score (status failed)");
        assertThat(w.rejected().get(1).reason()).isEqualTo("lr: got 1.0, outside the domain [1.0E-4, 0.1]");
        assertThat(w.rejected().get(2).reason()).isEqualTo("layers: got 3, not one of the listed values [1, 2]");
        assertThat(w.rejected().get(3).reason())
                .isEqualTo("activation: got \"tanh\", not one of the listed values [\"relu\", \"sigmoid\"]");
        assertThat(w.rejected().get(4).reason()).isEqualTo("no score (status queued)");
    }

    @Test
    void valuesBecomeTheSearchsOwnGridValuesListedValuesAndDecimals() throws Exception {
        WarmStart w = WarmStart.match(originalTable(), "t", SPACE, GRID_POINTS);
        List<List<JsonNode>> grid = SPACE.grid(GRID_POINTS);

        // 0.001 written by Python is the grid's 10^-3 as this search computes it, whatever the last bit
        assertThat(w.imported().get(1).combination().get(0)).isEqualTo(grid.get(0).get(1));
        JsonNode offByOneBit = DoubleNode.valueOf(Math.nextUp(grid.get(0).get(2).asDouble()));
        assertThat(dev.hpsearch.optimizer.space.ValueMatch.of(SPACE.get(0), offByOneBit, grid.get(0)).value())
                .isEqualTo(grid.get(0).get(2));
        // 2.0 of a discrete hyperparameter listed as 2 is the listed 2
        assertThat(w.imported().get(2).combination().get(1)).isEqualTo(IntNode.valueOf(2));
        // off the grid: the decimal itself
        assertThat(w.imported().get(3).combination().get(0)).isEqualTo(DoubleNode.valueOf(0.0031622776601683794));
    }

    @Test
    void aTableWithOtherHyperparametersFitsNoRow() throws Exception {
        String text = "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\tis_queued\t"
                + "model_config_path\tloss\tlr\tlayers\tmomentum\n"
                + "0\t1\t1.0\t0\tgrid\tTrue\tx\t0.5\t0.001\t1\t0.9\n"
                + "1\t2\t1.0\t0\tgrid\tTrue\tx\t0.4\t0.01\t2\t0.9\n";
        WarmStart w = WarmStart.match(ResultTable.parse(text), "t", SPACE, GRID_POINTS);

        assertThat(w.imported()).isEmpty();
        assertThat(w.rejected()).hasSize(2).allSatisfy(r -> assertThat(r.reason()).isEqualTo(
                "its hyperparameters are not this search's: no column for activation; unknown momentum"));
    }

    @Test
    void thisToolsTableRoundTripsToTheSameCombinations() {
        SearchState earlier = new SearchState();
        earlier.apply(new JournalEvent.Start(0, 1, "random", "random"));
        List<Combination> ran = new RandomStrategy(SPACE).suggest(earlier.strategyContext(SPACE), 5,
                new SplittableRandom(4)).stream().map(Suggestion::combination).toList();
        for (int i = 0; i < ran.size(); i++) {
            earlier.apply(new JournalEvent.Suggest(0, i, ran.get(i), "random", -1, 0));
            earlier.apply(new JournalEvent.Finish(0, i, TrialStatus.OK, 1.0 + i, Map.of("acc", 0.5), null, null, 0, 1.0));
        }
        String table = DataTable.render(earlier, SPACE, Path.of("/p/hp_search_0"));

        WarmStart w = WarmStart.match(ResultTable.parse(table), "t", SPACE, GRID_POINTS);

        assertThat(w.rejected()).isEmpty();
        assertThat(w.imported()).extracting(WarmStart.Imported::combination).containsExactlyElementsOf(ran);
        assertThat(w.imported().get(2).metrics()).isEqualTo(Map.of("acc", 0.5));
    }

    @Test
    void manyRowsLeftOutAreGroupedByReasonInTheLog() throws Exception {
        WarmStart w = WarmStart.match(originalTable(), "t", SPACE, GRID_POINTS);

        assertThat(w.rejectionLines(10)).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("warm start: not taken in: t, combination "));
        List<String> grouped = w.rejectionLines(2);
        assertThat(grouped).hasSize(4);
        assertThat(grouped.get(0)).startsWith("warm start: not taken in: 2 row(s) with no score, such as t, combination 3"
                + " (no score (status failed)); t, combination 7 (no score (status queued))");
    }

    /** A state holding the imported rows of the original tool's table, as the engine journals them. */
    private static SearchState importedState() throws IOException {
        SearchState s = new SearchState();
        s.apply(new JournalEvent.Start(0, 1, "grid", "grid"));
        for (WarmStart.Imported row : WarmStart.match(originalTable(), "t", SPACE, GRID_POINTS).imported()) {
            s.apply(new JournalEvent.Import(0, s.nextId(), row.combination(), row.loss(), row.metrics(), row.source()));
        }
        return s;
    }

    @Test
    void importedRowsAreFinishedResultsThatDoNotCountAsSuggested() throws Exception {
        SearchState s = importedState();

        assertThat(s.trials()).hasSize(4).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(TrialStatus.IMPORTED);
            assertThat(t.searchType()).isEqualTo("imported");
            assertThat(t.reason()).startsWith("t, combination ");
            assertThat(t.isSubmitted()).isFalse();
        });
        assertThat(s.ordinaryCount()).isZero();
        assertThat(s.strategyContext(SPACE).finished()).hasSize(4);
        assertThat(s.strategyContext(SPACE).pending()).isEmpty();
        assertThat(Progress.count(s.trials(), 10, null, java.time.Duration.ZERO, Map.of()).finished()).isZero();
    }

    @Test
    void gridAndLineSkipTheCombinationsAlreadyScored() throws Exception {
        SearchState s = importedState();
        List<Combination> imported = s.trials().stream().map(TrialRecord::combination).toList();
        SearchContext context = s.strategyContext(SPACE);

        List<Combination> grid = new GridStrategy(SPACE, GRID_POINTS).suggest(context, 100, new SplittableRandom(1))
                .stream().map(Suggestion::combination).toList();
        // 4 x 2 x 2 grid points; three of the imported rows lie on the grid, the fourth (lr 10^-2.5) does not
        assertThat(grid).hasSize(16 - 3).doesNotContainAnyElementsOf(imported);
        LineStrategy line = new LineStrategy(SPACE, GRID_POINTS);
        List<Combination> lineRun = line.suggest(context, 100, new SplittableRandom(1)).stream()
                .map(Suggestion::combination).toList();
        assertThat(lineRun).doesNotContainAnyElementsOf(imported);
        assertThat(lineRun.size() + line.plan().stream().filter(imported::contains).count())
                .isEqualTo(line.plan().size());
    }

    @Test
    void randomNeverDrawsAnImportedCombinationOfAFiniteSpace() throws Exception {
        SearchSpace finite = new SearchSpace(List.of(SPACE.get(1), SPACE.get(2)));
        SearchState s = new SearchState();
        s.apply(new JournalEvent.Start(0, 1, "random", "random"));
        List<Combination> imported = List.of(new Combination(List.of(IntNode.valueOf(1), TextNode.valueOf("relu"))),
                new Combination(List.of(IntNode.valueOf(2), TextNode.valueOf("sigmoid"))));
        for (Combination c : imported) {
            s.apply(new JournalEvent.Import(0, s.nextId(), c, 1.0, Map.of(), "t"));
        }
        List<Combination> drawn = new RandomStrategy(finite).suggest(s.strategyContext(finite), 10,
                new SplittableRandom(2)).stream().map(Suggestion::combination).toList();

        assertThat(drawn).hasSize(2).doesNotContainAnyElementsOf(imported);
    }

    @Test
    void boptFitsOnImportedRowsFromItsFirstSuggestion() throws Exception {
        SearchConfig config = ConfigText.search("{\"search_type\": \"bopt\", \"min_initial_points\": 4, "
                + "\"random_suggestion_probability\": 0, \"bopt_config\": {\"model_estimation_method\": \"MLE\"}}");
        BoptStrategy bopt = new BoptStrategy(config, SPACE);

        List<Suggestion> seeded = bopt.suggest(importedState().strategyContext(SPACE), 2, new SplittableRandom(3));
        SearchState empty = new SearchState();
        List<Suggestion> cold = bopt.suggest(empty.strategyContext(SPACE), 1, new SplittableRandom(3));

        assertThat(cold.get(0).searchType()).isEqualTo("random");
        assertThat(seeded).hasSize(2).allSatisfy(x -> assertThat(x.searchType()).endsWith("_MLE"));
    }

    @Test
    void analysesTakeImportedRowsAsResults() throws Exception {
        SearchState s = importedState();

        dev.hpsearch.optimizer.analysis.ResponseData data = dev.hpsearch.optimizer.analysis.ResponseData.of(
                s.resultTable(SPACE), SPACE, null);

        assertThat(data.size()).isEqualTo(4);
    }

    @Test
    void theJournalKeepsAnImportedRowWithItsSource() throws Exception {
        JournalEvent e = new JournalEvent.Import(5, 3, new Combination(List.of(DoubleNode.valueOf(0.01),
                IntNode.valueOf(2), TextNode.valueOf("relu"))), 0.25, Map.of("acc", 0.9), "old/hp_search_data.txt, combination 8");

        String line = JournalCodec.encode(e);

        assertThat(line).isEqualTo("{\"event\":\"import\",\"time\":5,\"id\":3,\"values\":[0.01,2,\"relu\"],\"loss\":0.25,"
                + "\"metrics\":{\"acc\":0.9},\"source\":\"old/hp_search_data.txt, combination 8\"}");
        assertThat(JournalCodec.decode(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line))).contains(e);
    }

    @Test
    void theDataTableShowsAnImportedRowWithItsSourceAndNoFolder() throws Exception {
        SearchState s = importedState();
        List<String> lines = List.of(DataTable.render(s, SPACE, Path.of("/p/hp_search_1")).split("\n"));
        List<String> header = List.of(lines.get(0).split("\t"));
        String[] row = lines.get(1).split("\t", -1);

        assertThat(row[header.indexOf("status")]).isEqualTo("imported");
        assertThat(row[header.indexOf("search_type")]).isEqualTo("imported");
        assertThat(row[header.indexOf("failure_reason")]).isEqualTo("t, combination 0");
        assertThat(row[header.indexOf("model_config_path")]).isEmpty();
        assertThat(row[header.indexOf("is_queued")]).isEqualTo("False");
        assertThat(ResultTable.parse(String.join("\n", lines)).rows()).extracting(r -> r.status())
                .containsOnly("imported");
        assertThat(new ArrayList<>(lines)).hasSize(5);
    }
}
