package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Combination;
import java.io.IOException;
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

    private static ObjectNode submit(long time, int id, String jobId) {
        ObjectNode e = Journal.event("submit", time);
        e.put("id", id);
        e.put("job_id", jobId);
        e.put("token", "tok" + jobId);
        return e;
    }

    /** A search of three combinations: one scored, one failed, one re-queued after its process was lost. */
    static List<ObjectNode> events() {
        ObjectNode start = Journal.event("start", 1000);
        start.put("seed", 42);
        ObjectNode requeue = Journal.event("requeue", 1300);
        requeue.put("id", 2);
        requeue.put("reason", "process lost");
        requeue.put("failure_class", "infrastructure");
        ObjectNode end = Journal.event("end", 2000);
        end.put("reason", "max_suggestions reached");
        return List.of(start,
                SearchState.suggestEvent(1001, 0, A, "grid", 0, 0),
                SearchState.suggestEvent(1002, 1, B, "grid", 1, 0),
                submit(1003, 0, "100"),
                submit(1004, 1, "101"),
                SearchState.finishEvent(1100, 0, TrialStatus.OK, 0.25, Map.of("accuracy", 0.9), null, 0, 90.0),
                SearchState.suggestEvent(1101, 2, C, "grid", 2, 1),
                SearchState.finishEvent(1200, 1, TrialStatus.FAILED, null, Map.of(), "exit code 3",
                        FailureClass.SCRIPT_ERROR, 3, 2.0),
                submit(1201, 2, "102"),
                requeue,
                end);
    }

    @Test
    void failureClassesAreCountedPerFinishedRowAndPerRunThatRanAgain() {
        List<ObjectNode> events = new ArrayList<>(events());
        // combination 2: preempted once, ran out of memory once (retried with more), then ran out of time
        events.add(submit(2000, 2, "103"));
        events.add(requeue(2001, 2, "preempted", "fault"));
        events.add(submit(2002, 2, "104"));
        events.add(requeue(2003, 2, "out_of_memory", "retry"));
        events.add(submit(2004, 2, "105"));
        events.add(SearchState.finishEvent(2100, 2, TrialStatus.FAILED, null, Map.of(), "Slurm state TIMEOUT",
                FailureClass.TIMEOUT, null, 60.0));
        SearchState s = SearchState.replay(List.copyOf(events));

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

    private static ObjectNode requeue(long time, int id, String failureClass, String flag) {
        ObjectNode e = Journal.event("requeue", time);
        e.put("id", id);
        e.put("reason", failureClass);
        e.put("failure_class", failureClass);
        e.put(flag, true);
        return e;
    }

    @Test
    void replayRebuildsEveryTrial() {
        SearchState s = SearchState.replay(List.copyOf(events()));

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

        List<JsonNode> read = Journal.read(dir);
        SearchState fromFile = SearchState.replay(read);
        SearchState inMemory = SearchState.replay(List.copyOf(events()));

        assertThat(read).hasSize(events().size());
        assertThat(fromFile.trials()).containsExactlyElementsOf(inMemory.trials());
        // the combinations read back are equal to the ones suggested, so none runs twice after a resume
        assertThat(fromFile.seen()).containsExactlyInAnyOrder(A, B, C);
    }

    @Test
    void resumeClearsTheEndReason() {
        List<JsonNode> events = new java.util.ArrayList<>(events());
        events.add(Journal.event("resume", 3000));

        assertThat(SearchState.replay(events).endReason()).isNull();
    }

    @Test
    void aStopSaysWhyUntilTheNextResume() {
        List<JsonNode> events = new java.util.ArrayList<>(events());
        var stop = Journal.event("stop", 3000);
        stop.put("reason", "paused by the user");
        events.add(stop);

        assertThat(SearchState.replay(events).stopReason()).isEqualTo("paused by the user");
        events.add(Journal.event("resume", 4000));
        assertThat(SearchState.replay(events).stopReason()).isNull();
    }

    @Test
    void unknownEventsAreIgnored() {
        List<JsonNode> events = new java.util.ArrayList<>(events());
        events.add(3, Journal.event("from_a_newer_version", 1002));

        assertThat(SearchState.replay(events).trials())
                .containsExactlyElementsOf(SearchState.replay(List.copyOf(events())).trials());
    }

    @Test
    void bestIsTheLowestScoredLoss() {
        List<JsonNode> events = new java.util.ArrayList<>(events());
        events.add(submit(3000, 2, "103"));
        events.add(SearchState.finishEvent(3100, 2, TrialStatus.OK, 0.125, Map.of(), null, 0, 1.0));

        assertThat(SearchState.replay(events).best().id()).isEqualTo(2);
    }

    @Test
    void runsEndedByAFaultOfTheMachineAreCountedApartFromTries() {
        List<JsonNode> events = new java.util.ArrayList<>();
        events.add(SearchState.suggestEvent(1, 0, A, "grid", 0, 0));
        events.add(fault(2, 0)); // input.json not written: never submitted, not a run
        events.add(submit(3, 0, "101"));
        events.add(fault(4, 0)); // a node failure of a submitted run
        events.add(submit(5, 0, "102"));
        ObjectNode lost = Journal.event("requeue", 6);
        lost.put("id", 0);
        lost.put("reason", "process 102 no longer runs");
        events.add(lost); // an ordinary re-queue: a try
        events.add(submit(7, 0, "103"));

        SearchState s = SearchState.replay(events);

        assertThat(s.trial(0).attempts()).isEqualTo(3);
        assertThat(s.faultedRuns(0)).isEqualTo(1);
        assertThat(s.trial(0).status()).isEqualTo(TrialStatus.RUNNING);
    }

    private static ObjectNode fault(long time, int id) {
        ObjectNode e = Journal.event("requeue", time);
        e.put("id", id);
        e.put("reason", "a fault of the machine");
        e.put("fault", true);
        return e;
    }

    @Test
    void nextIdFollowsTheLargestIdEvenWithGaps() {
        SearchState s = SearchState.replay(List.of(SearchState.suggestEvent(1, 7, A, "random", -1, 0)));

        assertThat(s.nextId()).isEqualTo(8);
    }
}
