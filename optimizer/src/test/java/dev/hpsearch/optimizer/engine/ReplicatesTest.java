package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.HyperparameterType;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.ReplicateKey;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.strategy.FinishedTrial;
import dev.hpsearch.optimizer.strategy.PendingTrial;
import dev.hpsearch.optimizer.strategy.SearchContext;
import dev.hpsearch.optimizer.table.TableColumns;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Planning replicates, their journal events, their rows, and that no strategy learns of them. */
class ReplicatesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SearchSpace SPACE = new SearchSpace(List.of(new Hyperparameter("x", List.of("x"),
            HyperparameterType.CONTINUOUS, Transformation.LINEAR, 0, 1, List.of())));

    private static Combination at(double x) {
        return new Combination(List.of(DoubleNode.valueOf(x)));
    }

    private static ModelConfig model() throws Exception {
        return new ModelConfig((ObjectNode) JSON.readTree(
                "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 1]}, \"seed\": 100}"), SPACE);
    }

    /** Five combinations with losses 5, 1, failed, 3, 2 (ids 0..4). */
    private static List<JournalEvent> events() {
        List<JournalEvent> e = new ArrayList<>();
        e.add(new JournalEvent.Start(0, 7, "random", "random"));
        Double[] losses = {5.0, 1.0, null, 3.0, 2.0};
        for (int i = 0; i < losses.length; i++) {
            e.add(new JournalEvent.Suggest(1, i, at(i / 10.0), "random", i, 0));
            e.add(new JournalEvent.Submit(2, i, "j" + i, ""));
            e.add(losses[i] == null
                    ? new JournalEvent.Finish(3, i, TrialStatus.FAILED, null, Map.of(), "boom", FailureClass.SCRIPT_ERROR, 1, 1)
                    : new JournalEvent.Finish(3, i, TrialStatus.OK, losses[i], Map.of("acc", 1 - losses[i]), null, null, 0, 1));
        }
        return e;
    }

    private static JournalEvent.Suggest replicate(int id, int of, Combination c, long seed) {
        return new JournalEvent.Suggest(4, id, c, ReplicatePlan.SEARCH_TYPE, -1, 5, of, LongNode.valueOf(seed));
    }

    @Test
    void theBestScoredOrdinaryCombinationsAreReplicatedBestFirst() throws Exception {
        SearchState s = SearchState.replay(events());
        ReplicateKey key = ReplicateKey.find(model(), "seed").orElseThrow();

        List<ReplicatePlan.Replicate> plan = ReplicatePlan.plan(s, 2, 2, false, false, key, SPACE);

        assertThat(plan).extracting(ReplicatePlan.Replicate::of).containsExactly(1, 1, 4, 4);
        assertThat(plan).extracting(r -> r.value().asLong()).containsExactly(101L, 102L, 101L, 102L);
        assertThat(plan).extracting(ReplicatePlan.Replicate::combination).containsExactly(at(0.1), at(0.1), at(0.4), at(0.4));
        assertThat(ReplicatePlan.plan(s, 2, 1, false, true, key, SPACE))
                .as("a score where higher is better").extracting(ReplicatePlan.Replicate::of).containsExactly(0, 3);
    }

    @Test
    void replicatesAreNumberedOnAndAtTheEndOnlyTheMissingOnesArePlanned() throws Exception {
        List<JournalEvent> e = events();
        e.add(replicate(5, 1, at(0.1), 101));
        SearchState s = SearchState.replay(e);
        ReplicateKey key = ReplicateKey.find(model(), "seed").orElseThrow();

        // at the end of a search: 2 in all, so combination 1 needs one more, combination 4 two
        assertThat(ReplicatePlan.plan(s, 2, 2, false, false, key, SPACE))
                .extracting(r -> r.of() + ":" + r.number() + "=" + r.value())
                .containsExactly("1:2=102", "4:1=101", "4:2=102");
        // on demand: 2 more of each
        assertThat(ReplicatePlan.plan(s, 1, 2, true, false, key, SPACE))
                .extracting(r -> r.of() + ":" + r.number()).containsExactly("1:2", "1:3");
        // a replicate with a better score than every original is never itself replicated
        e.add(new JournalEvent.Finish(5, 5, TrialStatus.OK, 0.5, Map.of(), null, null, 0, 1));
        assertThat(ReplicatePlan.best(SearchState.replay(e).trials(), 1, false)).extracting(TrialRecord::id)
                .containsExactly(1);
    }

    @Test
    void noStrategySeesAReplicateNeitherFinishedNorPendingNorSeen() {
        List<JournalEvent> e = events();
        e.add(replicate(5, 1, at(0.1), 101));
        e.add(new JournalEvent.Finish(5, 5, TrialStatus.OK, 1.2, Map.of(), null, null, 0, 1));
        e.add(replicate(6, 1, at(0.77), 102)); // as if the key were a hyperparameter: a point of its own
        SearchState s = SearchState.replay(e);

        SearchContext c = s.strategyContext(SPACE);

        assertThat(c.finished()).extracting(FinishedTrial::combinationId).containsExactly(0, 1, 2, 3, 4);
        assertThat(c.pending()).extracting(PendingTrial::combinationId).isEmpty();
        assertThat(c.seen()).doesNotContain(at(0.77));
        assertThat(s.ordinaryCount()).isEqualTo(5);
        assertThat(s.replicateCount(1)).isEqualTo(2);
        assertThat(s.trial(5).isReplicate()).isTrue();
        assertThat(s.trial(5).replicateValue().asLong()).as("kept through submit and finish").isEqualTo(101);
    }

    @Test
    void aReplicateSuggestionRoundTripsThroughTheJournalAndAnOrdinaryOneIsWrittenAsBefore() throws Exception {
        JournalEvent.Suggest r = new JournalEvent.Suggest(9, 5, at(0.1), ReplicatePlan.SEARCH_TYPE, -1, 5, 1,
                TextNode.valueOf("fold_r1"));
        JournalEvent.Suggest ordinary = new JournalEvent.Suggest(9, 0, at(0.1), "random", 3, 0);

        String line = JournalCodec.encode(r);
        JournalEvent back = JournalCodec.decode(JSON.readTree(line)).orElseThrow();

        assertThat(back).isEqualTo(r);
        assertThat(line).contains("\"replicate_of\":1").contains("\"replicate_value\":\"fold_r1\"");
        assertThat(JournalCodec.encode(ordinary)).isEqualTo("{\"event\":\"suggest\",\"time\":9,\"id\":0,"
                + "\"values\":[0.1],\"search_type\":\"random\",\"ordinal\":3,\"previous_results_count\":0}");
        assertThat(((JournalEvent.Suggest) JournalCodec.decode(JSON.readTree(JournalCodec.encode(ordinary)))
                .orElseThrow()).isReplicate()).isFalse();
    }

    @Test
    void theTableHasAReplicateOfColumnOnlyWithReplicatesAndItReadsBack() {
        SearchState without = SearchState.replay(events());
        String plain = DataTable.render(without, SPACE, Path.of("/s"));
        List<JournalEvent> e = events();
        e.add(replicate(5, 1, at(0.1), 101));
        e.add(new JournalEvent.Submit(5, 5, "j5", ""));
        e.add(new JournalEvent.Finish(6, 5, TrialStatus.OK, 1.5, Map.of("acc", -0.5), null, null, 0, 1));
        String with = DataTable.render(SearchState.replay(e), SPACE, Path.of("/s"));

        assertThat(plain.lines().findFirst().orElseThrow()).doesNotContain(TableColumns.REPLICATE_OF);
        List<String> header = Arrays.asList(with.lines().findFirst().orElseThrow().split("\t"));
        assertThat(header).endsWith("hpsearch_version", TableColumns.REPLICATE_OF, "acc");
        assertThat(with.lines().skip(1).limit(5).toList()).as("ordinary rows are as before, with an empty cell")
                .containsExactlyElementsOf(plain.lines().skip(1).map(l -> insertBeforeLast(l, "")).toList());

        ResultTable back = ResultTable.parse(with);
        assertThat(back.hyperparameters()).containsExactly("x");
        assertThat(back.metrics()).containsExactly("acc");
        assertThat(back.rows()).extracting(ResultRow::replicateOf).containsExactly(null, null, null, null, null, 1);
        assertThat(back.rows().get(5).searchType()).isEqualTo("replicate");
        assertThat(back.rows().get(5).metric("acc")).isEqualTo(-0.5);
        assertThat(ResultTable.parse(plain).rows()).noneMatch(ResultRow::isReplicate);
    }

    /** A row with one more cell before its last (the metric). */
    private static String insertBeforeLast(String line, String cell) {
        int last = line.lastIndexOf('\t');
        return line.substring(0, last) + "\t" + cell + line.substring(last);
    }

    @Test
    void replicateRowsOfACategoricalKeyHoldTheirOwnValue() throws Exception {
        JsonNode value = IntNode.valueOf(3);
        TrialRecord t = SearchState.replay(List.of(new JournalEvent.Start(0, 1, "grid", "grid"),
                new JournalEvent.Suggest(1, 0, at(0.2), ReplicatePlan.SEARCH_TYPE, -1, 0, 7, value))).trial(0);

        assertThat(t.row().replicateOf()).isEqualTo(7);
        assertThat(t.replicateValue()).isEqualTo(value);
    }
}
