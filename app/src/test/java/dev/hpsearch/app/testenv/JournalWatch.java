package dev.hpsearch.app.testenv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import dev.hpsearch.optimizer.engine.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What a running search's journal says so far, for tests that act on a search in mid-flight. */
public final class JournalWatch {
    private JournalWatch() {
    }

    /** How many combinations finished with a score so far (0 before the journal exists). */
    public static int okCount(Path searchDir) throws Exception {
        if (!Files.exists(searchDir.resolve(Journal.FILE_NAME))) {
            return 0;
        }
        return (int) Journal.read(searchDir, JournalEvent.Finish.class).stream()
                .filter(e -> e.status() == TrialStatus.OK).count();
    }

    /** Waits until {@code n} combinations finished with a score, failing after {@code deadline}. */
    public static void awaitOkResults(Path searchDir, int n, Duration deadline) throws Exception {
        long end = System.currentTimeMillis() + deadline.toMillis();
        while (okCount(searchDir) < n) {
            assertThat(System.currentTimeMillis()).as("%d results within %d s", n, deadline.toSeconds()).isLessThan(end);
            Thread.sleep(20);
        }
    }
}
