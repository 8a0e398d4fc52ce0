package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test cluster's own limits (written by .ci/testenv.sh: MaxArraySize=64; partition short with MaxTime=5 and
 * MaxMemPerNode=2000), read by the executor over SSH and kept: arrays split, time and memory refused before anything
 * is submitted, pending reasons reported, and the job_config site resources in a real job.sh.
 *
 * <p>Not testable here: a per-user MaxSubmitJobs (it needs accounting, which the test cluster does not run); the
 * planner's handling of a given limit is covered by {@link SiteLimitsTest}. GPUs: the cluster has none, so a GPU
 * job's {@code --gres=gpu:TYPE:N} is shown to reach sbatch by sbatch's own refusal of it.
 */
class SiteLimitsIT {

    /** Writes its score (x * 2), its start and end time, and what the stand-ins put in its environment. */
    static final String SCRIPT = String.join("\n",
            "#!/bin/bash",
            "x=$(sed -n 's/.*\"x\": *\\([0-9-]*\\).*/\\1/p' \"$1\")",
            "start=$(date +%s.%N)",
            "sleep 1",
            "end=$(date +%s.%N)",
            "printf '{\"score\": %d, \"start\": %s, \"end\": %s, \"modules\": \"%s\", \"container\": \"%s\"}\\n'"
                    + " $((x * 2)) \"$start\" \"$end\" \"${LOADED_MODULES:-}\" \"${HPSEARCH_TEST_CONTAINER:-}\" > output.json",
            "");

    /**
     * A stand-in for apptainer (the test cluster has no container runtime): it checks the arguments job.sh gives it,
     * records them in the environment and runs the command, as {@code apptainer exec} would inside the image.
     */
    static final String FAKE_APPTAINER = String.join("\n",
            "#!/bin/bash",
            "[ \"$1\" = exec ] || { echo \"stand-in apptainer: expected exec, got $1\" >&2; exit 2; }",
            "shift",
            "nv=",
            "if [ \"$1\" = --nv ]; then nv=' --nv'; shift; fi",
            "export HPSEARCH_TEST_CONTAINER=\"exec$nv $1\"",
            "shift",
            "exec \"$@\"",
            "");

    @RegisterExtension
    final TestSlurm cluster = new TestSlurm();

    TestEnv env;
    SshSession ssh;
    Path project;
    Path script;
    String remoteRoot;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() throws Exception {
        env = cluster.env;
        ssh = cluster.ssh;
        project = tmp.resolve("project");
        script = project.resolve("score.sh");
        Files.createDirectories(project);
        Files.writeString(script, SCRIPT);
        remoteRoot = cluster.remoteRoot("site");
    }

    private SlurmExecutor executor(List<String> setup) {
        return cluster.executor(cluster.profile(setup), project, remoteRoot, Duration.ofMillis(500));
    }

    private JobSpec spec(String search, int id, JobConfig job) throws Exception {
        Path dir = project.resolve(search).resolve("hp_combination_" + id);
        Files.createDirectories(dir);
        Path input = dir.resolve("input.json");
        Files.writeString(input, "{\"x\": " + id + "}");
        return new JobSpec(id, dir, input, dir.resolve("log.txt"), List.of("bash", script.toString(), input.toString()), job);
    }

    private static JobConfig cpuJob(double hours, int memoryGb, String partition, List<String> sbatchArgs) {
        return new JobConfig("bash", "score.sh", "testcluster", hours, memoryGb, "CPU", 1, partition, null, null, null,
                sbatchArgs);
    }

    @Test
    void theClustersLimitsAreReadOnce() throws Exception {
        try (SlurmExecutor ex = executor(List.of())) {
            long before = ssh.commandCount();
            SiteLimits limits = ex.siteLimits();
            assertThat(limits.maxArraySize()).isEqualTo(64);
            assertThat(limits.partitions().get("short").maxTime()).isEqualTo(Duration.ofMinutes(5));
            assertThat(limits.partitions().get("short").maxMemPerNode()).isEqualTo(2000);
            assertThat(limits.defaultPartition()).isEqualTo("debug");
            // no accounting on the test cluster: no per-user MaxSubmitJobs to see; the cluster-wide count binds
            assertThat(limits.maxSubmitJobs()).isZero();
            assertThat(limits.submitLimitName(null)).isEqualTo("MaxJobCount=" + limits.maxJobCount());
            ex.siteLimits();
            assertThat(ssh.commandCount() - before).as("one remote command, once per session").isEqualTo(1);
        }
    }

    /**
     * 130 combinations, MaxArraySize 64: three arrays, each waiting for the one before (max_active_points 3 is below
     * one array, so one at a time), and never more than 3 running together across them (the node has 4 CPUs, so only
     * the throttle and the chain keep a fourth from starting). Every combination is scored.
     */
    @Test
    void aGridAboveMaxArraySizeRunsAsSeveralArraysWithinMaxActive() throws Exception {
        try (SlurmExecutor ex = executor(List.of())) {
            List<JobSpec> specs = new ArrayList<>();
            JobConfig job = cpuJob(0.1, 1, null, List.of());
            for (int i = 0; i < 130; i++) {
                specs.add(spec("hp_search_grid", i, job));
            }
            List<JobRef> refs = ex.submitAll(specs, 3);
            assertThat(refs).hasSize(130);
            Set<String> arrays = new LinkedHashSet<>();
            refs.forEach(r -> arrays.add(r.id().split("_")[0]));
            assertThat(arrays).hasSize(3);
            assertThat(refs.get(63).id()).endsWith("_63");
            assertThat(refs.get(64).id()).endsWith("_0");
            assertThat(ex.drainNotes()).anyMatch(n -> n.startsWith("130 combinations as 3 job arrays (MaxArraySize=64"));

            Set<String> reasons = new HashSet<>();
            Instant end = Instant.now().plus(Duration.ofMinutes(8));
            Map<JobRef, JobStatus> st;
            while (true) {
                st = ex.poll(refs);
                st.values().stream().filter(s -> s.state() == JobStatus.State.QUEUED && s.reason() != null)
                        .forEach(s -> reasons.add(s.reason()));
                if (st.values().stream().allMatch(JobStatus::isTerminal)) {
                    break;
                }
                assertThat(Instant.now()).as("jobs still not done").isBefore(end);
                ex.awaitChange(Duration.ofSeconds(2));
            }
            // the later arrays wait for the earlier ones: Slurm says so, and it clears by itself
            assertThat(reasons).contains("Dependency");
            List<double[]> spans = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                assertThat(st.get(refs.get(i)).state()).as("combination %d: %s", i, st.get(refs.get(i)))
                        .isEqualTo(JobStatus.State.COMPLETED);
                String json = Files.readString(specs.get(i).workDir().resolve("output.json"));
                assertThat(TestSlurm.field(json, "score")).isEqualTo(2.0 * i);
                spans.add(new double[] {TestSlurm.field(json, "start"), TestSlurm.field(json, "end")});
            }
            assertThat(TestSlurm.maxOverlap(spans)).isLessThanOrEqualTo(3);
        }
    }

    @Test
    void timeOrMemoryBeyondThePartitionIsRefusedBeforeSubmitting() throws Exception {
        try (SlurmExecutor ex = executor(List.of())) {
            JobSpec tooLong = spec("hp_search_short", 0, cpuJob(0.1, 1, "short", List.of()));
            SiteLimitException time = catchThrowableOfType(SiteLimitException.class, () -> ex.submit(tooLong));
            assertThat(time).isNotNull();
            assertThat(time.getMessage()).contains("combination 0").contains("job_config \"time\" got 0.1 h (6 min)")
                    .contains("partition short allows at most MaxTime=00:05:00");

            JobSpec tooBig = spec("hp_search_short", 1, cpuJob(0.05, 2, "short", List.of()));
            SiteLimitException memory = catchThrowableOfType(SiteLimitException.class,
                    () -> ex.submitAll(List.of(tooBig, spec("hp_search_short", 2, cpuJob(0.05, 2, "short", List.of()))), 2));
            assertThat(memory).isNotNull();
            assertThat(memory.getMessage()).contains("job_config \"memory\" got 2 GB (2048 MB)")
                    .contains("MaxMemPerNode=2000 MB");
            assertThat(ex.beyondLimits(cpuJob(0.1, 2, "short", List.of()))).containsOnlyKeys("time", "memory");
            // refused before anything was sent: no folder on the cluster
            assertThat(ssh.exists(remoteRoot + "/hp_search_short")).isFalse();

            // within the limits, the same partition takes it
            JobSpec fits = spec("hp_search_short", 3, cpuJob(0.05, 1, "short", List.of()));
            JobRef ref = ex.submit(fits);
            JobStatus s = awaitEnd(ex, ref);
            assertThat(s.state()).as("%s", s).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(TestSlurm.field(Files.readString(fits.workDir().resolve("output.json")), "score")).isEqualTo(6.0);
        }
    }

    private static JobStatus awaitEnd(SlurmExecutor ex, JobRef ref) throws Exception {
        Instant end = Instant.now().plus(Duration.ofMinutes(2));
        JobStatus s;
        while (!(s = ex.poll(List.of(ref)).get(ref)).isTerminal()) {
            assertThat(Instant.now()).as("job %s not done: %s", ref.id(), s).isBefore(end);
            ex.awaitChange(Duration.ofSeconds(1));
        }
        return s;
    }

    /** A held job (sbatch --hold) is pending for a reason that will not clear by itself, and the poll says so. */
    @Test
    void aHeldJobIsReportedWithSlurmsReason() throws Exception {
        try (SlurmExecutor ex = executor(List.of())) {
            JobRef ref = ex.submit(spec("hp_search_held", 0, cpuJob(0.1, 1, null, List.of("--hold"))));
            try {
                JobStatus s = ex.poll(List.of(ref)).get(ref);
                Instant end = Instant.now().plus(Duration.ofSeconds(30));
                while (s.reason() == null && Instant.now().isBefore(end)) {
                    ex.awaitChange(Duration.ofSeconds(1));
                    s = ex.poll(List.of(ref)).get(ref);
                }
                assertThat(s.state()).isEqualTo(JobStatus.State.QUEUED);
                assertThat(s.reason()).isEqualTo("JobHeldUser (will not clear by itself: scontrol release " + ref.id() + ")");
            } finally {
                ex.cancel(ref);
            }
            assertThat(awaitEnd(ex, ref).state()).isEqualTo(JobStatus.State.CANCELLED);
        }
    }

    /**
     * modules and container in a real job.sh on the cluster: the profile's setup lines put a stand-in apptainer on
     * PATH (uploaded over SSH into the remote root) and define a stand-in {@code module} function (the test cluster
     * has neither Apptainer nor environment modules). A relative image is taken from the cluster's project folder.
     */
    @Test
    void modulesAndContainerRunInJobSh() throws Exception {
        String bin = remoteRoot + "/bin";
        ssh.mkdirs(bin);
        ssh.upload(FAKE_APPTAINER.getBytes(StandardCharsets.UTF_8), bin + "/apptainer");
        ssh.exec(ShellQuote.join("chmod", "+x", bin + "/apptainer"), Duration.ofSeconds(30)).requireSuccess();
        List<String> setup = List.of("export PATH=" + ShellQuote.quote(bin) + ":\"$PATH\"",
                "module() { [ \"$1\" = load ] || return 0; [ \"$2\" = missing/1 ] && return 1;"
                        + " export LOADED_MODULES=\"${LOADED_MODULES:+$LOADED_MODULES,}$2\"; }");
        JobConfig job = new JobConfig("bash", "score.sh", "testcluster", 0.1, 1, "CPU", 1, null, null, null, null,
                List.of(), List.of(), null, 2, "images/analysis.sif", List.of("gcc/12", "python/3.11"));
        JobConfig missing = new JobConfig("bash", "score.sh", "testcluster", 0.1, 1, "CPU", 1, null, null, null, null,
                List.of(), List.of(), null, null, null, List.of("missing/1"));
        try (SlurmExecutor ex = executor(setup)) {
            JobSpec ok = spec("hp_search_cont", 0, job);
            JobSpec bad = spec("hp_search_cont", 1, missing);
            JobRef okRef = ex.submit(ok);
            JobRef badRef = ex.submit(bad);

            assertThat(awaitEnd(ex, okRef).state()).isEqualTo(JobStatus.State.COMPLETED);
            String json = Files.readString(ok.workDir().resolve("output.json"));
            assertThat(json).contains("\"modules\": \"gcc/12,python/3.11\"")
                    .contains("\"container\": \"exec " + remoteRoot + "/images/analysis.sif\"");
            String jobSh = new String(ssh.read(remoteRoot + "/hp_search_cont/hp_combination_0/job.sh"), StandardCharsets.UTF_8);
            assertThat(jobSh).contains("module load 'gcc/12'").contains("'exec' '" + remoteRoot + "/images/analysis.sif'");
            assertThat(jobSh).doesNotContain("--nv");

            JobStatus failed = awaitEnd(ex, badRef);
            assertThat(failed.state()).isEqualTo(JobStatus.State.FAILED);
            assertThat(Files.readString(bad.logFile())).contains("hpsearch: module load missing/1 failed (job_config modules)");
        }
    }

    /**
     * A GPU job of a given type: the container gets {@code --nv} in job.sh, and {@code --gres=gpu:tesla:1} reaches
     * sbatch, which on this cluster (no GPUs) refuses it, naming the gres.
     */
    @Test
    void aGpuTypeReachesSbatchAndTheContainerGetsTheGpus() throws Exception {
        JobConfig gpu = new JobConfig("bash", "score.sh", "testcluster", 0.1, 1, "GPU", 1, env.partition, null, null,
                null, List.of(), List.of(), "tesla", null, "/images/cuda.sif", List.of());
        try (SlurmExecutor ex = executor(List.of())) {
            JobSpec s = spec("hp_search_gpu", 0, gpu);
            ExecutorException e = catchThrowableOfType(ExecutorException.class, () -> ex.submit(s));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("gres");
            String jobSh = new String(ssh.read(remoteRoot + "/hp_search_gpu/hp_combination_0/job.sh"), StandardCharsets.UTF_8);
            assertThat(jobSh).contains("\"$hpsearch_container\" 'exec' '--nv' '/images/cuda.sif' 'bash'");
        }
        assertThat(SbatchScripts.resourceArgs(gpu, new ClusterProfile("t", env.host, env.port, env.user, env.key,
                env.knownHosts, env.partition, env.partition, List.of(), null), Duration.ofMinutes(6), "n"))
                .contains("--gres=gpu:tesla:1");
    }
}
