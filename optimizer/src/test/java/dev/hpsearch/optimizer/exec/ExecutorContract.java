package dev.hpsearch.optimizer.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hpsearch.optimizer.config.JobConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@link Executor} port's contract, run against every implementation: a run that writes its output completes
 * with the output in the local folder; many jobs are polled in one call; cancel ends a running job; a failing
 * script is FAILED with its exit code; a run without output.json completes without one; a run past its time limit
 * is stopped. The engine relies on exactly these, whatever runs the jobs.
 *
 * <p>A subclass says where jobs run: the executor and the cluster name of the job config. Each test uses a fresh
 * executor and closes it.
 */
public abstract class ExecutorContract {

    /**
     * Reads {@code x}, {@code sleep} and {@code exit} from input.json, prints a line, sleeps, then exits with
     * {@code exit} when it is not 0, or writes output.json with loss 2x unless {@code x} is negative.
     */
    static final String SCRIPT = String.join("\n",
            "#!/bin/bash",
            "value() { sed -n \"s/.*\\\"$1\\\": *\\([0-9.-]*\\).*/\\1/p\" \"$input\"; }",
            "input=$1",
            "x=$(value x); sleep_s=$(value sleep); code=$(value exit)",
            "echo \"running x=$x\"",
            "sleep \"${sleep_s:-0}\"",
            "if [ -n \"$code\" ] && [ \"$code\" != 0 ]; then echo \"failing with $code\" >&2; exit \"$code\"; fi",
            "if [ \"$x\" -ge 0 ]; then printf '{\"loss\": %d}\\n' $((x * 2)) > output.json; fi",
            "");

    @TempDir
    Path tmp;

    /** A new executor for one test, for the jobs below {@link #project()}; the contract closes it. */
    protected abstract Executor executor() throws Exception;

    /** The {@code job_config.cluster} of the jobs: where this executor runs them. */
    protected abstract String cluster();

    /** The local project folder: the script and the combination folders are created below it. */
    protected final Path project() {
        return tmp.resolve("project");
    }

    /** How long a job may take from submission to its end here (a queue adds latency). */
    protected Duration deadline() {
        return Duration.ofSeconds(60);
    }

    /** The shortest time limit this executor can enforce, or {@code null} when a time-limit test is too slow. */
    protected Duration shortestTimeLimit() {
        return null;
    }

    private int nextId;

    private JobSpec spec(String input, double timeHours) throws IOException {
        Path script = project().resolve("contract_score.sh");
        if (!Files.exists(script)) {
            Files.createDirectories(project());
            Files.writeString(script, SCRIPT, StandardCharsets.UTF_8);
        }
        int id = nextId++;
        Path dir = Files.createDirectories(project().resolve("hp_search_0").resolve("hp_combination_" + id));
        Path inputJson = Files.writeString(dir.resolve("input.json"), input, StandardCharsets.UTF_8);
        return new JobSpec(id, dir, inputJson, dir.resolve("log.txt"),
                List.of("bash", script.toString(), inputJson.toString()),
                JobConfig.of("bash", script.toString(), cluster(), timeHours, 1, "CPU", 1));
    }

    private JobSpec spec(String input) throws IOException {
        return spec(input, 0.1);
    }

    /**
     * Polls the jobs in one call each time until every one satisfies {@code done} or the deadline passes. As the
     * engine does, a job whose terminal status was reported is polled no more (an executor may forget it then).
     */
    private Map<JobRef, JobStatus> await(Executor ex, Collection<JobRef> refs, Predicate<JobStatus> done)
            throws Exception {
        Instant end = Instant.now().plus(deadline());
        Map<JobRef, JobStatus> reached = new LinkedHashMap<>();
        while (true) {
            List<JobRef> open = refs.stream().filter(r -> !reached.containsKey(r)).toList();
            Map<JobRef, JobStatus> st = ex.poll(open);
            assertThat(st.keySet()).as("one status per job, in one call").containsExactlyInAnyOrderElementsOf(open);
            st.forEach((ref, status) -> {
                if (done.test(status) || status.isTerminal()) {
                    reached.put(ref, status);
                }
            });
            if (reached.size() == refs.size()) {
                return reached;
            }
            assertThat(Instant.now()).as("jobs not there yet: %s", st).isBefore(end);
            ex.awaitChange(Duration.ofMillis(500));
        }
    }

    private JobStatus awaitEnd(Executor ex, JobRef ref) throws Exception {
        return await(ex, List.of(ref), JobStatus::isTerminal).get(ref);
    }

    @Test
    void aRunThatWritesItsOutputCompletesWithTheOutputInTheLocalFolder() throws Exception {
        try (Executor ex = executor()) {
            JobSpec spec = spec("{\"x\": 21}");

            JobStatus s = awaitEnd(ex, ex.submit(spec));

            assertThat(s.state()).as("%s", s).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(s.exitCode()).isZero();
            assertThat(spec.workDir().resolve("output.json")).content().contains("\"loss\": 42");
            assertThat(spec.logFile()).content().contains("running x=21");
        }
    }

    @Test
    void manyJobsArePolledInOneCallAndEachGetsItsOwnOutput() throws Exception {
        try (Executor ex = executor()) {
            List<JobSpec> specs = new ArrayList<>();
            List<JobRef> refs = new ArrayList<>();
            for (int x = 1; x <= 3; x++) {
                JobSpec spec = spec("{\"x\": " + x + ", \"sleep\": 1}");
                specs.add(spec);
                refs.add(ex.submit(spec));
            }

            Map<JobRef, JobStatus> st = await(ex, refs, JobStatus::isTerminal);

            for (int i = 0; i < 3; i++) {
                assertThat(st.get(refs.get(i)).state()).isEqualTo(JobStatus.State.COMPLETED);
                assertThat(specs.get(i).workDir().resolve("output.json")).content()
                        .contains("\"loss\": " + 2 * (i + 1));
            }
            assertThat(refs).extracting(JobRef::combinationId).containsExactly(0, 1, 2);
        }
    }

    @Test
    void cancelEndsARunningJob() throws Exception {
        try (Executor ex = executor()) {
            JobSpec spec = spec("{\"x\": 5, \"sleep\": 300}");
            JobRef ref = ex.submit(spec);
            assertThat(await(ex, List.of(ref), s -> s.state() == JobStatus.State.RUNNING).get(ref).state())
                    .isEqualTo(JobStatus.State.RUNNING);

            ex.cancel(ref);

            assertThat(awaitEnd(ex, ref).state()).isEqualTo(JobStatus.State.CANCELLED);
            assertThat(spec.workDir().resolve("output.json")).doesNotExist();
        }
    }

    @Test
    void aFailingScriptIsFailedWithItsExitCode() throws Exception {
        try (Executor ex = executor()) {
            JobSpec spec = spec("{\"x\": 5, \"exit\": 3}");

            JobStatus s = awaitEnd(ex, ex.submit(spec));

            assertThat(s.state()).as("%s", s).isEqualTo(JobStatus.State.FAILED);
            assertThat(s.exitCode()).isEqualTo(3);
            assertThat(spec.logFile()).content().contains("failing with 3");
            assertThat(spec.workDir().resolve("output.json")).doesNotExist();
        }
    }

    @Test
    void aRunThatWritesNoOutputCompletesWithoutOne() throws Exception {
        try (Executor ex = executor()) {
            JobSpec spec = spec("{\"x\": -1}");

            JobStatus s = awaitEnd(ex, ex.submit(spec));

            assertThat(s.state()).as("%s", s).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(spec.logFile()).content().contains("running x=-1");
            assertThat(spec.workDir().resolve("output.json")).doesNotExist();
        }
    }

    @Test
    void aRunPastItsTimeLimitIsStopped() throws Exception {
        Duration limit = shortestTimeLimit();
        assumeTrue(limit != null, "a time limit here takes too long for a contract test");
        try (Executor ex = executor()) {
            JobSpec spec = spec("{\"x\": 5, \"sleep\": 300}", limit.toMillis() / 3_600_000d);

            JobStatus s = awaitEnd(ex, ex.submit(spec));

            assertThat(s.state()).as("%s", s).isEqualTo(JobStatus.State.TIMEOUT);
            assertThat(spec.workDir().resolve("output.json")).doesNotExist();
        }
    }
}
