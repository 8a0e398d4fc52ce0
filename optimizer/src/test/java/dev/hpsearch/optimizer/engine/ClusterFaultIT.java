package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.ForwardingExecutor;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job the cluster ends by its own fault ({@link JobStatus.State#FAULT}: Slurm NODE_FAIL, BOOT_FAIL) or
 * preempts ({@link JobStatus.State#PREEMPTED}) is not a result: the combination runs again, and faults that
 * persist stop the search for resume; preemptions do not. Neither can be produced on this machine, so the one
 * fake here turns the real local runs' ends into that state; the runs themselves are real processes (the real
 * thing on Slurm: app's SlurmOutcomesIT).
 */
class ClusterFaultIT {

    @TempDir
    Path tmp;

    /**
     * Reports the next {@code faults} ends of real local runs as node failures (or {@link #state}), as if the job
     * had been ended before it wrote its output.json: that file is removed (a job the cluster ended after it wrote
     * its result keeps the result).
     */
    static final class FailingNodeExecutor extends ForwardingExecutor {
        int faults;
        JobStatus.State state = JobStatus.State.FAULT;
        String reason = "Slurm state NODE_FAIL: the cluster ended the job, not the analysis";
        final Map<JobRef, Path> dirs = new java.util.HashMap<>();

        @Override
        public JobRef submit(JobSpec spec) throws ExecutorException {
            JobRef ref = local.submit(spec);
            dirs.put(ref, spec.workDir());
            return ref;
        }

        @Override
        public Map<JobRef, JobStatus> poll(Collection<JobRef> jobs) throws ExecutorException {
            Map<JobRef, JobStatus> out = new LinkedHashMap<>(local.poll(jobs));
            out.replaceAll((ref, status) -> {
                if (status.isTerminal() && faults > 0) {
                    faults--;
                    try {
                        Files.deleteIfExists(dirs.get(ref).resolve("output.json"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                    return new JobStatus(state, null, reason, status.runtime());
                }
                return status;
            });
            return out;
        }
    }

    private Configs configs() throws Exception {
        Project p = Project.countingRuns(tmp);
        p.searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 1}";
        return p.configs();
    }

    /** Two node failures, then a node that works: the faults do not persist, so the search goes on. */
    @Test
    void aNodeFailureRunsTheCombinationAgainInsteadOfFailingIt() throws Exception {
        Configs c = configs();
        Path searchDir = SearchFiles.create(c);
        SearchSummary s;
        try (FailingNodeExecutor ex = new FailingNodeExecutor()) {
            ex.faults = 2;
            s = Project.gridOfThree(c, searchDir, ex).run();
        }

        assertThat(s.complete()).isTrue();
        assertThat(s.progress().done()).isEqualTo(3);
        assertThat(s.progress().failed()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("runs.txt"))).hasSize(5);
        assertThat(Files.readString(searchDir.resolve("log.txt")))
                .contains("combination 0: re-queued, as this machine failed it (not the analysis): Slurm state NODE_FAIL");
    }

    @Test
    void nodeFailuresThatPersistStopTheSearchForResume() throws Exception {
        Configs c = configs();
        Path searchDir = SearchFiles.create(c);
        SearchSummary stopped;
        try (FailingNodeExecutor ex = new FailingNodeExecutor()) {
            ex.faults = Integer.MAX_VALUE; // a node that fails every job
            stopped = Project.gridOfThree(c, searchDir, ex).run();
        }

        assertThat(stopped.fault()).isTrue();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.reason()).contains("could not be run to its end").contains("NODE_FAIL")
                .contains("check the cluster");
        assertThat(stopped.progress().failed()).isZero();
        assertThat(stopped.progress().done()).isZero();

        SearchSummary resumed;
        try (FailingNodeExecutor ex = new FailingNodeExecutor()) {
            resumed = Project.gridOfThree(c, searchDir, ex).run();
        }
        assertThat(resumed.complete()).isTrue();
        assertThat(resumed.progress().done()).isEqualTo(3);
        assertThat(resumed.progress().failed()).isZero();
    }

    /** Preemption is expected on a preemptible partition: however often in a row, it does not stop the search. */
    @Test
    void preemptionsInARowRunTheCombinationAgainWithoutStoppingTheSearch() throws Exception {
        Configs c = configs();
        Path searchDir = SearchFiles.create(c);
        SearchSummary s;
        try (FailingNodeExecutor ex = new FailingNodeExecutor()) {
            ex.faults = 5; // more than the three faults in a row that stop a search
            ex.state = JobStatus.State.PREEMPTED;
            ex.reason = "Slurm state PREEMPTED: a job of higher priority took its place";
            s = Project.gridOfThree(c, searchDir, ex).run();
        }

        assertThat(s.complete()).isTrue();
        assertThat(s.fault()).isFalse();
        assertThat(s.progress().done()).isEqualTo(3);
        assertThat(s.progress().failed()).isZero();
        assertThat(Files.readAllLines(tmp.resolve("runs.txt"))).hasSize(8);
        SearchState state = SearchState.replay(Journal.read(searchDir));
        assertThat(state.rerunClassCounts()).containsExactly(Map.entry(FailureClass.PREEMPTED, 5));
        // eight runs in all, each counted in the attempts of its combination
        assertThat(state.trials().stream().mapToInt(TrialRecord::attempts).sum()).isEqualTo(8);
        List<String> table = Files.readAllLines(searchDir.resolve(DataTable.FILE_NAME));
        int attempts = List.of(table.get(0).split("\t")).indexOf("attempts");
        assertThat(table.subList(1, 4)).extracting(row -> row.split("\t")[attempts])
                .containsExactlyElementsOf(state.trials().stream().map(t -> Integer.toString(t.attempts())).toList());
        assertThat(Files.readString(searchDir.resolve("log.txt")))
                .contains("combination 0: re-queued, as a job of higher priority took its place: Slurm state PREEMPTED");
    }
}
