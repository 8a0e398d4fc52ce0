package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.ForwardingExecutor;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.SubmitUncertainException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions whose answer was lost ({@link SubmitUncertainException}) are submitted again, not failed: the
 * executor's promise is that this finds the run already started. Real processes through the local executor.
 */
class UncertainSubmitIT {

    @TempDir
    Path tmp;

    /**
     * Starts runs through the local executor; the first {@code lose} submissions start their run and then throw
     * as if the answer had been lost; while unreachable, nothing starts and every submission throws. Submitting a
     * combination again returns the run already started, as a cluster executor's marker lookup does.
     */
    static final class AnswerLosingExecutor extends ForwardingExecutor {
        final Map<Integer, JobRef> started = new HashMap<>();
        int lose;
        boolean unreachable;

        @Override
        public JobRef submit(JobSpec spec) throws ExecutorException {
            if (unreachable) {
                throw new SubmitUncertainException("cluster unreachable", null);
            }
            JobRef known = started.get(spec.combinationId());
            if (known != null) {
                return known;
            }
            JobRef ref = local.submit(spec);
            started.put(spec.combinationId(), ref);
            if (lose > 0) {
                lose--;
                throw new SubmitUncertainException("connection dropped before the job id came back", null);
            }
            return ref;
        }
    }

    private Configs configs() throws Exception {
        return Project.countingRuns(tmp).configs();
    }

    private static long events(Path searchDir, Class<? extends JournalEvent> type) throws Exception {
        return Journal.read(searchDir, type).size();
    }

    @Test
    void aLostAnswerIsSubmittedAgainAndEachCombinationRunsOnce() throws Exception {
        Configs c = configs();
        Path searchDir = SearchFiles.create(c);
        SearchSummary s;
        try (AnswerLosingExecutor ex = new AnswerLosingExecutor()) {
            ex.lose = 2;
            s = Project.gridOfThree(c, searchDir, ex).run();
        }
        assertThat(s.complete()).isTrue();
        assertThat(s.progress().done()).isEqualTo(3);
        assertThat(s.progress().failed()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("runs.txt"))).hasSize(3);
        assertThat(events(searchDir, JournalEvent.Submit.class)).isEqualTo(3);
    }

    @Test
    void anUnreachableClusterLeavesTheSearchForResumeNotFailed() throws Exception {
        Configs c = configs();
        Path searchDir = SearchFiles.create(c);
        SearchSummary stopped;
        try (AnswerLosingExecutor ex = new AnswerLosingExecutor()) {
            ex.unreachable = true;
            stopped = Project.gridOfThree(c, searchDir, ex).run();
        }
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.reason()).contains("could not be reached");
        assertThat(stopped.progress().failed()).isZero();
        assertThat(events(searchDir, JournalEvent.End.class)).isZero();

        SearchSummary resumed;
        try (AnswerLosingExecutor ex = new AnswerLosingExecutor()) {
            resumed = Project.gridOfThree(c, searchDir, ex).run();
        }
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.progress().done()).isEqualTo(3);
        assertThat(Files.readAllLines(tmp.resolve("runs.txt"))).hasSize(3);
    }
}
