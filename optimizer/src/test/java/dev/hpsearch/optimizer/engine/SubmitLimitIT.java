package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.ForwardingExecutor;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.optimizer.strategy.GridStrategy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster whose submit limit (Slurm's MaxSubmitJobs) leaves room for fewer jobs than the batch: the executor submits
 * a prefix, the engine keeps the rest and submits them as jobs leave, and every combination is scored. The test
 * cluster runs no accounting, so a per-user MaxSubmitJobs cannot be set there: the one fake here is that limit (and a
 * pending reason for each job's first poll) around real local runs.
 */
class SubmitLimitIT {

    @TempDir
    Path tmp;

    /** Real local runs behind a submit limit that counts jobs not yet seen ended, like MaxSubmitJobs. */
    static final class LimitedExecutor extends ForwardingExecutor {
        final int limit;
        final Set<JobRef> inQueue = new HashSet<>();
        final Set<JobRef> polledOnce = new HashSet<>();
        final List<Integer> batchSizes = new ArrayList<>();
        int peak;

        LimitedExecutor(int limit) {
            this.limit = limit;
        }

        @Override
        public boolean throttlesBatches() {
            return true;
        }

        @Override
        public List<JobRef> submitAll(List<JobSpec> specs, int maxActive) throws ExecutorException {
            int room = Math.max(0, Math.min(specs.size(), limit - inQueue.size()));
            batchSizes.add(room);
            List<JobRef> refs = new ArrayList<>();
            for (JobSpec s : specs.subList(0, room)) {
                refs.add(submit(s));
            }
            return refs;
        }

        @Override
        public JobRef submit(JobSpec spec) throws ExecutorException {
            JobRef ref = local.submit(spec);
            inQueue.add(ref);
            peak = Math.max(peak, inQueue.size());
            return ref;
        }

        @Override
        public Map<JobRef, JobStatus> poll(Collection<JobRef> jobs) throws ExecutorException {
            Map<JobRef, JobStatus> out = new LinkedHashMap<>(local.poll(jobs));
            for (Map.Entry<JobRef, JobStatus> e : out.entrySet()) {
                if (e.getValue().isTerminal()) {
                    inQueue.remove(e.getKey());
                }
                if (polledOnce.add(e.getKey()) && !e.getValue().isTerminal()) {
                    // as squeue reports a job that waits its turn
                    e.setValue(new JobStatus(JobStatus.State.QUEUED, null, "Priority", null));
                }
            }
            return out;
        }
    }

    @Test
    void combinationsBeyondTheSubmitLimitWaitAndAreAllScored() throws Exception {
        Project p = new Project(tmp).script("sh", "score.sh", "sleep 1; echo 2 > output.json\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2, 3, 4, 5, 6, 7], \"transformation\": \"linear\"}}";
        p.searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 5}";
        Configs c = p.configs();
        Path searchDir = SearchFiles.create(c);
        List<Progress> progress = new ArrayList<>();
        SearchSummary s;
        try (LimitedExecutor ex = new LimitedExecutor(2)) {
            s = new SearchEngine(c.search(), c.job(), c.model(), searchDir, ex, new GridStrategy(c.model().space(), 7),
                    Clock.systemUTC(), new SearchListener() {
                        @Override
                        public void onProgress(Progress pr) {
                            progress.add(pr);
                        }
                    }).run();
            assertThat(ex.peak).isEqualTo(2);
            assertThat(ex.batchSizes.get(0)).as("the first batch: what fits").isEqualTo(2);
        }
        assertThat(s.complete()).isTrue();
        assertThat(s.progress().done()).isEqualTo(7);
        assertThat(s.progress().failed()).isZero();
        // the pending reason reached the progress events (the CLI's line and the dashboard read them)
        assertThat(progress).anyMatch(pr -> pr.pending().getOrDefault("Priority", 0) > 0
                && pr.pendingText().matches("\\d+ Priority"));
        assertThat(s.progress().pending()).isEmpty();
        assertThat(Files.readString(searchDir.resolve("log.txt"))).contains("pending: Priority");
    }
}
