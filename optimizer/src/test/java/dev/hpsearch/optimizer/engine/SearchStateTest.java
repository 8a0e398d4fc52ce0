package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.strategy.FinishedTrial;
import dev.hpsearch.optimizer.strategy.Outcome;
import dev.hpsearch.optimizer.strategy.PendingTrial;
import dev.hpsearch.optimizer.strategy.SearchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchStateTest {
    static final Combination A = new Combination(List.of(DoubleNode.valueOf(1e-4), IntNode.valueOf(16), TextNode.valueOf("relu")));
    static final Combination B = new Combination(List.of(DoubleNode.valueOf(0.0031622776601683794), IntNode.valueOf(8),
            TextNode.valueOf("tanh")));
    static final Combination C = new Combination(List.of(DoubleNode.valueOf(1.0), IntNode.valueOf(32), TextNode.valueOf("tanh")));

    @TempDir
    Path dir;

    private static JournalEvent submit(long time, int id, String jobId) {
        return new JournalEvent.Submit(time, id, jobId, "tok" + jobId);
    }

    /** A search of three combinations: one scored, one failed, one re-queued after its process was lost. */
    static List<JournalEvent> events() {
        JournalEvent start = new JournalEvent.Start(1000, 42, null, null);
        JournalEvent requeue = new JournalEvent.Requeue(1300, 2, "process lost", JournalEvent.Requeue.Cause.FAILED_TRY,
                FailureClass.INFRASTRUCTURE);
        JournalEvent end = new JournalEvent.End(2000, "max_suggestions reached");
        return List.of(start,
                new JournalEvent.Suggest(1001, 0, A, "grid", 0, 0),
                new JournalEvent.Suggest(1002, 1, B, "grid", 1, 0),
                submit(1003, 0, "100"),
                submit(1004, 1, "101"),
                new JournalEvent.Finish(1100, 0, TrialStatus.OK, 0.25, Map.of("accuracy", 0.9), null, null, 0, 90.0),
                new JournalEvent.Suggest(1101, 2, C, "grid", 2, 1),
                new JournalEvent.Finish(1200, 1, TrialStatus.FAILED, null, Map.of(), "exit code 3",
                        FailureClass.SCRIPT_ERROR, 3, 2.0),
                submit(1201, 2, "102"),
                requeue,
                end);
    }

    @Test
    void failureClassesAreCountedPerFinishedRowAndPerRunThatRanAgain() {
        List<JournalEvent> events = new ArrayList<>(events());
        // combination 2: preempted once, ran out of memory once (retried with more), then ran out of time
        events.add(submit(2000, 2, "103"));
        events.add(requeue(2001, 2, "preempted", JournalEvent.Requeue.Cause.FAULT));
        events.add(submit(2002, 2, "104"));
        events.add(requeue(2003, 2, "out_of_memory", JournalEvent.Requeue.Cause.RETRY));
        events.add(submit(2004, 2, "105"));
        events.add(new JournalEvent.Finish(2100, 2, TrialStatus.FAILED, null, Map.of(), "Slurm state TIMEOUT",
                FailureClass.TIMEOUT, null, 60.0));
        SearchState s = SearchState.replay(events);

        assertThat(s.trial(2).failureClass()).isEqualTo(FailureClass.TIMEOUT);
        assertThat(s.trial(2).attempts()).isEqualTo(4);
        // the lost process counts as a try; the preempted and the retried runs do not
        assertThat(s.faultedRuns(2)).isEqualTo(2);
        assertThat(s.reruns(2, FailureClass.OUT_OF_MEMORY)).isEqualTo(1);
        assertThat(s.reruns(2, FailureClass.TIMEOUT)).isZero();
        assertThat(s.finishedClassCounts()).containsExactly(Map.entry(FailureClass.SCRIPT_ERROR, 1),
                Map.entry(FailureClass.TIMEOUT, 1));
        assertThat(SearchState.describe(s.rerunClassCounts()))
                .isEqualTo("1 out_of_memory, 1 preempted, 1 infrastructure");
    }

    private static JournalEvent requeue(long time, int id, String failureClass, JournalEvent.Requeue.Cause cause) {
        return new JournalEvent.Requeue(time, id, failureClass, cause, FailureClass.ofKey(failureClass));
    }

    @Test
    void replayRebuildsEveryTrial() {
        SearchState s = SearchState.replay(events());

        assertThat(s.seed()).isEqualTo(42L);
        assertThat(s.startedAtMillis()).isEqualTo(1000L);
        assertThat(s.nextId()).isEqualTo(3);
        assertThat(s.seen()).containsExactlyInAnyOrder(A, B, C);

        TrialRecord ok = s.trial(0);
        assertThat(ok.status()).isEqualTo(TrialStatus.OK);
        assertThat(ok.loss()).isEqualTo(0.25);
        assertThat(ok.metrics()).containsExactly(Map.entry("accuracy", 0.9));
        assertThat(ok.jobId()).isEqualTo("100");
        assertThat(ok.runtimeSeconds()).isEqualTo(90.0);
        assertThat(ok.attempts()).isEqualTo(1);

        TrialRecord failed = s.trial(1);
        assertThat(failed.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(failed.loss()).isNull();
        assertThat(failed.reason()).isEqualTo("exit code 3");
        assertThat(failed.exitCode()).isEqualTo(3);

        TrialRecord requeued = s.trial(2);
        assertThat(requeued.status()).isEqualTo(TrialStatus.QUEUED);
        assertThat(requeued.isSubmitted()).isFalse();
        assertThat(requeued.reason()).isEqualTo("process lost");
        assertThat(requeued.previousResultsCount()).isEqualTo(1);
        assertThat(requeued.attempts()).isEqualTo(1);

        assertThat(s.finishedCount()).isEqualTo(2);
        assertThat(s.count(TrialStatus.QUEUED)).isEqualTo(1);
        assertThat(s.best().id()).isZero();
        assertThat(s.metricNames()).containsExactly("accuracy");
        assertThat(s.endReason()).isEqualTo("max_suggestions reached");
    }

    @Test
    void eventsRoundTripThroughTheJournalFile() throws IOException {
        try (Journal j = Journal.open(dir)) {
            events().forEach(j::append);
        }

        List<JournalEvent> read = Journal.read(dir);
        SearchState fromFile = SearchState.replay(read);
        SearchState inMemory = SearchState.replay(events());

        assertThat(read).hasSize(events().size());
        assertThat(fromFile.trials()).containsExactlyElementsOf(inMemory.trials());
        // the combinations read back are equal to the ones suggested, so none runs twice after a resume
        assertThat(fromFile.seen()).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void resumeClearsTheEndReason() {
        List<JournalEvent> events = new ArrayList<>(events());
        events.add(new JournalEvent.Resume(3000));

        assertThat(SearchState.replay(events).endReason()).isNull();
    }

    @Test
    void aStopSaysWhyUntilTheNextResume() {
        List<JournalEvent> events = new ArrayList<>(events());
        events.add(new JournalEvent.Stop(3000, "paused by the user"));

        assertThat(SearchState.replay(events).stopReason()).isEqualTo("paused by the user");
        events.add(new JournalEvent.Resume(4000));
        assertThat(SearchState.replay(events).stopReason()).isNull();
    }

    @Test
    void unknownEventsAreIgnored() throws IOException {
        List<String> lines = new ArrayList<>(events().stream().map(JournalCodec::encode).toList());
        lines.add(3, "{\"event\":\"from_a_newer_version\",\"time\":1002,\"id\":1}");
        Files.writeString(dir.resolve(Journal.FILE_NAME), String.join("\n", lines) + "\n");

        assertThat(SearchState.replay(Journal.read(dir)).trials())
                .containsExactlyElementsOf(SearchState.replay(events()).trials());
    }

    @Test
    void bestIsTheLowestScoredLoss() {
        List<JournalEvent> events = new ArrayList<>(events());
        events.add(submit(3000, 2, "103"));
        events.add(new JournalEvent.Finish(3100, 2, TrialStatus.OK, 0.125, Map.of(), null, null, 0, 1.0));

        assertThat(SearchState.replay(events).best().id()).isEqualTo(2);
    }

    @Test
    void runsEndedByAFaultOfTheMachineAreCountedApartFromTries() {
        List<JournalEvent> events = new ArrayList<>();
        events.add(new JournalEvent.Suggest(1, 0, A, "grid", 0, 0));
        events.add(fault(2, 0)); // input.json not written: never submitted, not a run
        events.add(submit(3, 0, "101"));
        events.add(fault(4, 0)); // a node failure of a submitted run
        events.add(submit(5, 0, "102"));
        events.add(new JournalEvent.Requeue(6, 0, "process 102 no longer runs", JournalEvent.Requeue.Cause.FAILED_TRY,
                null)); // an ordinary re-queue: a try
        events.add(submit(7, 0, "103"));

        SearchState s = SearchState.replay(events);

        assertThat(s.trial(0).attempts()).isEqualTo(3);
        assertThat(s.faultedRuns(0)).isEqualTo(1);
        assertThat(s.trial(0).status()).isEqualTo(TrialStatus.RUNNING);
    }

    private static JournalEvent fault(long time, int id) {
        return new JournalEvent.Requeue(time, id, "a fault of the machine", JournalEvent.Requeue.Cause.FAULT, null);
    }

    @Test
    void strategiesGetFinishedOutcomesAndPendingCombinationsButNoCancelledOne() {
        List<JournalEvent> events = new ArrayList<>(events());
        events.add(new JournalEvent.Finish(1400, 2, TrialStatus.CANCELLED, null, Map.of(), "cancelled by the user",
                null, null, Double.NaN));
        Combination d = new Combination(List.of(DoubleNode.valueOf(0.5), IntNode.valueOf(8), TextNode.valueOf("relu")));
        events.add(new JournalEvent.Suggest(1500, 3, d, "grid", 3, 2));
        events.add(submit(1501, 3, "103"));
        events.add(new JournalEvent.Suggest(1502, 4, B, "bopt", -1, 2));
        events.add(submit(1503, 4, "104"));
        events.add(new JournalEvent.Finish(1600, 4, TrialStatus.NO_SCORE, null, Map.of(), "no loss", null, 0, 1.0));

        SearchContext c = SearchState.replay(events).strategyContext(DataTableTest.space());

        assertThat(c.finished()).extracting(FinishedTrial::combinationId).containsExactly(0, 1, 4);
        assertThat(c.finished()).extracting(FinishedTrial::outcome).containsExactly(new Outcome.Scored(0.25),
                Outcome.Unscored.FAILED, Outcome.Unscored.NO_SCORE);
        assertThat(c.pending()).extracting(PendingTrial::combinationId).containsExactly(3);
        // the cancelled combination is still seen, so no strategy suggests it again
        assertThat(c.seen()).contains(C, d);
    }

    @Test
    void nextIdFollowsTheLargestIdEvenWithGaps() {
        SearchState s = SearchState.replay(List.of(new JournalEvent.Suggest(1, 7, A, "random", -1, 0)));

        assertThat(s.nextId()).isEqualTo(8);
    }

    @Test
    void aJournalEndingRightAfterAPruneDecisionReplaysThePrunedRun() throws IOException {
        List<JournalEvent> events = new ArrayList<>(events().subList(0, 5)); // 0 and 1 submitted, running
        events.add(new JournalEvent.Prune(1050, 1, 7, 0.83, "median pruner: 0.83 at step 7 is worse than 0.5"));
        try (Journal j = Journal.open(dir)) {
            events.forEach(j::append);
        }

        SearchState s = SearchState.replay(Journal.read(dir));

        TrialRecord t = s.trial(1);
        assertThat(t.status()).isEqualTo(TrialStatus.PRUNED);
        assertThat(t.metrics()).containsEntry(SearchState.LAST_STEP, 7.0).containsEntry(SearchState.LAST_VALUE, 0.83);
        assertThat(t.reason()).startsWith("median pruner");
        assertThat(t.jobId()).as("its job, for resume to stop").isEqualTo("101");
        assertThat(s.uncollectedPrune(1)).isNotNull();
        assertThat(s.trial(0).status()).isEqualTo(TrialStatus.RUNNING);
        assertThat(s.uncollectedPrune(0)).isNull();
    }

    @Test
    void theFinishOfAPrunedRunCompletesItsRecord() {
        List<JournalEvent> events = new ArrayList<>(events().subList(0, 5));
        events.add(new JournalEvent.Prune(1050, 1, 7, 0.83, "median pruner"));
        events.add(new JournalEvent.Finish(1060, 1, TrialStatus.PRUNED, null,
                Map.of(SearchState.LAST_STEP, 8.0, SearchState.LAST_VALUE, 0.8), "median pruner", null, 143, 12.0));

        SearchState s = SearchState.replay(events);

        assertThat(s.trial(1).status()).isEqualTo(TrialStatus.PRUNED);
        assertThat(s.trial(1).metrics()).containsEntry(SearchState.LAST_STEP, 8.0);
        assertThat(s.trial(1).runtimeSeconds()).isEqualTo(12.0);
        assertThat(s.uncollectedPrune(1)).isNull();
    }
}
