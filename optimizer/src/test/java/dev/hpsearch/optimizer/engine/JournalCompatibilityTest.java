package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * A journal written by hpsearch 0.1 before its events became typed records ({@code resources/journals/v0.1}: every
 * event kind and optional field the engine, {@code hpsearch stop} and a hand-over write, plus an event of a newer
 * version), with the table and the state that version rebuilt from it.
 */
class JournalCompatibilityTest {

    private static Path fixture() throws URISyntaxException {
        return Path.of(JournalCompatibilityTest.class.getResource("/journals/v0.1/journal.jsonl").toURI()).getParent();
    }

    private static String resource(String name) throws IOException, URISyntaxException {
        return Files.readString(fixture().resolve(name), StandardCharsets.UTF_8);
    }

    @Test
    void aJournalOfVersion01ReplaysToTheStateThatVersionRebuilt() throws Exception {
        SearchState s = SearchState.replay(Journal.read(fixture()));

        StringBuilder sb = new StringBuilder();
        // a trial's metrics are an immutable map, whose order changes from one JVM to the next: compare them sorted
        s.trials().forEach(t -> sb.append(t.toString().replace(t.metrics().toString(),
                new TreeMap<>(t.metrics()).toString())).append('\n'));
        sb.append(s.faultedRuns(1)).append(' ').append(s.faultedRuns(2)).append(' ').append(s.rerunClassCounts())
                .append(' ').append(s.finishedClassCounts()).append(' ').append(s.endReason()).append(' ')
                .append(s.stopReason()).append(' ').append(s.seed()).append(' ').append(s.startedAtMillis())
                .append(' ').append(s.nextId()).append(' ').append(s.metricNames()).append('\n');
        assertThat(sb.toString()).isEqualTo(resource("state.txt"));
    }

    @Test
    void aJournalOfVersion01GivesTheTableThatVersionWrote() throws Exception {
        SearchState s = SearchState.replay(Journal.read(fixture()));

        assertThat(DataTable.render(s, DataTableTest.space(), Path.of("/data/search")))
                .isEqualTo(resource("hp_search_data.txt"));
    }

    @Test
    void everyEventOfVersion01IsWrittenBackByteForByte() throws Exception {
        List<String> lines = resource(Journal.FILE_NAME).lines()
                .filter(l -> !l.contains("\"from_a_newer_version\"")).toList();

        List<String> written = Journal.read(fixture()).stream().map(JournalCodec::encode).toList();

        assertThat(written).containsExactlyElementsOf(lines);
        assertThat(lines).hasSize(resource(Journal.FILE_NAME).lines().toList().size() - 1);
    }

    @Test
    void aPrunedRunIsWrittenReadBackAndGivenToBoptAsItsLastValue() throws Exception {
        JournalEvent.Finish pruned = new JournalEvent.Finish(30, 0, TrialStatus.PRUNED, null,
                java.util.Map.of(SearchState.LAST_STEP, 7.0, SearchState.LAST_VALUE, 0.5), "pruned at step 7 (median)",
                null, null, 1.5);
        String line = JournalCodec.encode(pruned);
        assertThat(line).contains("\"status\":\"pruned\"").doesNotContain("\"loss\"");
        JournalEvent back = JournalCodec.decode(new com.fasterxml.jackson.databind.ObjectMapper().readTree(line))
                .orElseThrow();
        assertThat(JournalCodec.encode(back)).isEqualTo(line);

        SearchState s = SearchState.replay(List.of(new JournalEvent.Start(1, 3, "random", "random"),
                new JournalEvent.Suggest(10, 0, new dev.hpsearch.optimizer.space.Combination(
                        List.of(com.fasterxml.jackson.databind.node.DoubleNode.valueOf(0.5),
                                com.fasterxml.jackson.databind.node.IntNode.valueOf(1))), "random", -1, 0),
                new JournalEvent.Submit(20, 0, "4711", ""), back));
        assertThat(s.trial(0).status()).isEqualTo(TrialStatus.PRUNED);
        assertThat(s.trial(0).loss()).isNull();
        assertThat(s.count(TrialStatus.PRUNED)).isEqualTo(1);
        assertThat(s.best()).isNull();
        assertThat(s.strategyContext(DataTableTest.space()).finished()).singleElement()
                .satisfies(f -> assertThat(f.outcome()).isEqualTo(new dev.hpsearch.optimizer.strategy.Outcome.Scored(0.5)));
        assertThat(Progress.count(s.trials(), 1, null, java.time.Duration.ZERO, null).pruned()).isEqualTo(1);
    }
}
