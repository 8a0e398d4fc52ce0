package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.engine.Progress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    @Test
    void pendingReasonsAppearBesideTheQueuedCount() {
        Progress p = new Progress(3, 0, 0, 1, 5, 9, null, Duration.ofSeconds(65), null,
                Map.of("Priority", 4, "JobHeldUser (will not clear by itself: scontrol release 7_3)", 1));
        assertThat(ProgressPrinter.format(p)).isEqualTo("[3/9] done 3  failed 0  running 1  queued 5 (pending:"
                + " 1 JobHeldUser (will not clear by itself: scontrol release 7_3), 4 Priority) | elapsed 1:05");
    }

    @Test
    void withoutPendingReasonsTheLineIsAsBefore() {
        Progress p = new Progress(3, 1, 0, 1, 5, 9, null, Duration.ofSeconds(5), null);
        assertThat(ProgressPrinter.format(p)).isEqualTo("[4/9] done 3  failed 1  running 1  queued 5 | elapsed 0:05");
    }
}
