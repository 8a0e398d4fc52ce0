package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.hpsearch.optimizer.space.Combination;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressTest {
    private static TrialRecord trial(int id, TrialStatus status, Double loss) {
        return new TrialRecord(id, new Combination(List.<JsonNode>of(DoubleNode.valueOf(id))), "random", id, 0,
                "j" + id, "", status, loss, Map.of(), null, null, 1.0, 0, 1);
    }

    @Test
    void trialsAreCountedByStatusAndWithoutAScoreCountsAsDone() {
        List<TrialRecord> trials = List.of(trial(0, TrialStatus.OK, 0.5), trial(1, TrialStatus.NO_SCORE, null),
                trial(2, TrialStatus.FAILED, null), trial(3, TrialStatus.CANCELLED, null),
                trial(4, TrialStatus.RUNNING, null), trial(5, TrialStatus.RUNNING, null),
                trial(6, TrialStatus.QUEUED, null));

        Progress p = Progress.count(trials, 10, trials.get(0), Duration.ofSeconds(5), Map.of("Priority", 1));

        assertThat(p.done()).isEqualTo(2);
        assertThat(p.failed()).isEqualTo(1);
        assertThat(p.cancelled()).isEqualTo(1);
        assertThat(p.running()).isEqualTo(2);
        assertThat(p.queued()).isEqualTo(1);
        assertThat(p.finished()).isEqualTo(4);
        assertThat(p.planned()).isEqualTo(10);
        assertThat(p.best().id()).isZero();
        assertThat(p.remaining()).as("no estimate until one is given").isNull();
        assertThat(p.pendingText()).isEqualTo("1 Priority");
        assertThat(p.withRemaining(Duration.ofMinutes(2)).remaining()).isEqualTo(Duration.ofMinutes(2));
        assertThat(p.withRemaining(Duration.ofMinutes(2)).running()).isEqualTo(2);
    }
}
