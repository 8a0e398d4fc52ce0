package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Real searches' jobs through the real sshd into the real single-node Slurm started by .ci/testenv.sh. */
class SlurmExecutorIT {

    /** Reads x from input.json, sleeps `sleep` seconds, writes output.json with the score and its start/end times. */
    static final String SCRIPT = String.join("\n",
            "#!/bin/bash",
            "set -e",
            "input=$1",
            "x=$(sed -n 's/.*\"x\": *\\([0-9-]*\\).*/\\1/p' \"$input\")",
            "sleep_s=$(sed -n 's/.*\"sleep\": *\\([0-9.]*\\).*/\\1/p' \"$input\")",
            "fail=$(sed -n 's/.*\"fail\": *\\([0-9]*\\).*/\\1/p' \"$input\")",
            "start=$(date +%s.%N)",
            "echo \"running x=$x in $(pwd)\"",
            "sleep \"${sleep_s:-0}\"",
            "if [ -n \"$fail\" ] && [ \"$fail\" != 0 ]; then echo \"failing on purpose\" >&2; exit \"$fail\"; fi",
            "end=$(date +%s.%N)",
            "printf '{\"score\": %d, \"start\": %s, \"end\": %s, \"mark\": \"%s\"}\\n' $((x * 2)) \"$start\" \"$end\" \"${HPSEARCH_MARK:-}\" > output.json",
            "");

    @RegisterExtension
    final TestSlurm cluster = new TestSlurm();

    TestEnv env;
    SshSession ssh;
    ClusterProfile profile;
    Path project;
    Path script;
    String remoteRoot;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() throws Exception {
        env = cluster.env;
        ssh = cluster.ssh;
        profile = cluster.profile(List.of("export HPSEARCH_MARK='from setup'"));
        project = tmp.resolve("project");
        script = project.resolve("models/score.sh");
        Files.createDirectories(script.getParent());
        Files.writeString(script, SCRIPT);
        remoteRoot = cluster.remoteRoot("exec");
    }

    private SlurmExecutor executor() {
        return cluster.executor(profile, project, remoteRoot, Duration.ofMillis(300));
    }

    private JobSpec spec(String search, int id, String inputJson) throws Exception {
        Path dir = project.resolve(search).resolve("hp_combination_" + id);
        Files.createDirectories(dir);
        Path input = dir.resolve("input.json");
        Files.writeString(input, inputJson);
        JobConfig job = JobConfig.of("bash", script.toString(), "testcluster", 0.1, 1, "CPU", 1);
        return new JobSpec(id, dir, input, dir.resolve("log.txt"), List.of("bash", script.toString(), input.toString()), job);
    }
    @Test
    void batchRunsAsOneThrottledArrayAndCollectsEveryOutput() throws Exception {
        try (SlurmExecutor ex = executor()) {
            List<JobSpec> specs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                specs.add(spec("hp_search_0", i, "{\"x\": " + (i + 10) + ", \"sleep\": 2}"));
            }
            List<JobRef> refs = ex.submitAll(specs, 2);
            assertThat(refs).hasSize(4);
            String arrayId = refs.get(0).id().split("_")[0];
            assertThat(refs).extracting(JobRef::id).containsExactly(arrayId + "_0", arrayId + "_1", arrayId + "_2", arrayId + "_3");
            Map<JobRef, JobStatus> st = TestSlurm.awaitAll(ex, refs, Duration.ofSeconds(120));
            List<double[]> spans = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                JobStatus s = st.get(refs.get(i));
                assertThat(s.state()).as("combination %d: %s", i, s).isEqualTo(JobStatus.State.COMPLETED);
                Path out = specs.get(i).workDir().resolve("output.json");
                assertThat(out).as("output.json is local once COMPLETED is reported").exists();
                String json = Files.readString(out);
                assertThat(TestSlurm.field(json, "score")).isEqualTo(2.0 * (i + 10));
                assertThat(json).contains("\"mark\": \"from setup\"");
                assertThat(Files.readString(specs.get(i).logFile())).contains("running x=" + (i + 10));
                spans.add(new double[] {TestSlurm.field(json, "start"), TestSlurm.field(json, "end")});
            }
            // the node has 4 CPUs, so only the %2 throttle keeps a third task from starting
            assertThat(TestSlurm.maxOverlap(spans)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    void singleJobsInFoldersWithHostileNames() throws Exception {
        try (SlurmExecutor ex = executor()) {
            List<JobRef> refs = new ArrayList<>();
            List<JobSpec> specs = new ArrayList<>();
            String[] searches = {"search with space", "it's $HOME; `x` – ü"};
            for (int i = 0; i < searches.length; i++) {
                JobSpec s = spec(searches[i], 7 + i, "{\"x\": " + i + ", \"sleep\": 0}");
                specs.add(s);
                refs.add(ex.submit(s));
            }
            assertThat(refs).extracting(JobRef::id).allMatch(id -> id.matches("\\d+"));
            Map<JobRef, JobStatus> st = TestSlurm.awaitAll(ex, refs, Duration.ofSeconds(60));
            for (int i = 0; i < refs.size(); i++) {
                assertThat(st.get(refs.get(i)).state()).as("%s", st.get(refs.get(i))).isEqualTo(JobStatus.State.COMPLETED);
                assertThat(TestSlurm.field(Files.readString(specs.get(i).workDir().resolve("output.json")), "score")).isEqualTo(2.0 * i);
            }
            // the folders exist remotely under exactly the names mapped from the local ones
            assertThat(ssh.exists(remoteRoot + "/" + searches[1] + "/hp_combination_8/output.json")).isTrue();
        }
    }

    /** A script that writes {save_folder}/output.json, as the README and every template say, in Python. */
    static final String SAVE_FOLDER_SCRIPT = String.join("\n",
            "import json, os, sys",
            "with open(sys.argv[1]) as f:",
            "    cfg = json.load(f)",
            "data = os.path.join(os.path.dirname(os.path.abspath(sys.argv[0])), '..', 'data', 'offset.txt')",
            "offset = float(open(data).read()) if os.path.exists(data) else 0.0",
            "with open(os.path.join(cfg['save_folder'], 'output.json'), 'w') as f:",
            "    json.dump({'objective': cfg['x'] * 2 + offset, 'seen_folder': cfg['save_folder']}, f)",
            "");

    private JobSpec pythonSpec(Path scriptFile, int id, JobConfig job) throws Exception {
        Path dir = project.resolve("hp_search_py").resolve("hp_combination_" + id);
        Files.createDirectories(dir);
        Path input = dir.resolve("input.json");
        Files.writeString(input, "{\"x\": " + id + ", \"save_folder\": \"" + dir + "\"}");
        return new JobSpec(id, dir, input, dir.resolve("log.txt"), List.of("python3", scriptFile.toString(), input.toString()), job);
    }

    @Test
    void aScriptWritingToSaveFolderIsScoredAndTheLocalInputKeepsTheLocalPath() throws Exception {
        Path py = Files.writeString(project.resolve("models/score.py"), SAVE_FOLDER_SCRIPT);
        JobConfig job = JobConfig.of("python3", py.toString(), "testcluster", 0.1, 1, "CPU", 1);
        try (SlurmExecutor ex = executor()) {
            List<JobSpec> specs = List.of(pythonSpec(py, 1, job), pythonSpec(py, 2, job));
            List<JobRef> refs = ex.submitAll(specs, 2);
            Map<JobRef, JobStatus> st = TestSlurm.awaitAll(ex, refs, Duration.ofSeconds(90));
            for (int i = 0; i < 2; i++) {
                JobSpec s = specs.get(i);
                assertThat(st.get(refs.get(i)).state()).as("%s, log %s", st.get(refs.get(i)),
                        Files.exists(s.logFile()) ? Files.readString(s.logFile()) : "none").isEqualTo(JobStatus.State.COMPLETED);
                String remoteDir = remoteRoot + "/hp_search_py/hp_combination_" + (i + 1);
                assertThat(s.workDir().resolve("output.json")).content()
                        .contains("\"objective\": " + (2.0 * (i + 1))).contains(remoteDir);
                assertThat(s.inputJson()).content().contains("\"save_folder\": \"" + s.workDir() + "\"");
                String remoteInput = new String(ssh.read(remoteDir + "/input.json"), StandardCharsets.UTF_8);
                assertThat(remoteInput).containsPattern("\"save_folder\" *: *\"" + Pattern.quote(remoteDir) + "\"")
                        .doesNotContain(tmp.toString());
            }
        }
    }

    @Test
    void uploadSendsTheNamedFilesByContentAndAScriptFromOutsideTheProjectTravelsToo() throws Exception {
        Path outside = Files.createDirectories(tmp.resolve("elsewhere"));
        Path py = Files.writeString(outside.resolve("score.py"), SAVE_FOLDER_SCRIPT.replace(
                "os.path.dirname(os.path.abspath(sys.argv[0])), '..', 'data'", "os.path.dirname(cfg['save_folder']), '..', 'data'"));
        Files.createDirectories(project.resolve("data/sub"));
        Files.writeString(project.resolve("data/offset.txt"), "100");
        Files.writeString(project.resolve("data/sub/notes it's.txt"), "kept with its relative path");
        JobConfig job = new JobConfig("python3", py.toString(), "testcluster", 0.1, 1, "CPU", 1, null, null, null, null,
                List.of(), List.of("data"));
        try (SlurmExecutor ex = executor()) {
            JobSpec s = pythonSpec(py, 3, job);
            JobRef ref = ex.submit(s);
            JobStatus st = TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(90)).get(ref);
            assertThat(st.state()).as("%s", st).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(s.workDir().resolve("output.json")).content().contains("\"objective\": 106.0");
            assertThat(ex.uploadReports()).singleElement().asString().contains("2 file(s) sent").contains("0 already");
            assertThat(ssh.exists(remoteRoot + "/" + SlurmExecutor.SCRIPTS_FOLDER + "/score.py")).isTrue();
            assertThat(new String(ssh.read(remoteRoot + "/data/sub/notes it's.txt"), StandardCharsets.UTF_8))
                    .isEqualTo("kept with its relative path");
        }
        // a new search of the same project: unchanged files are not sent again, a changed one is
        Files.writeString(project.resolve("data/offset.txt"), "200");
        try (SlurmExecutor ex = executor()) {
            JobSpec s = pythonSpec(py, 4, job);
            JobRef ref = ex.submit(s);
            assertThat(TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(90)).get(ref).state()).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(s.workDir().resolve("output.json")).content().contains("\"objective\": 208.0");
            assertThat(ex.uploadReports()).singleElement().asString().contains("1 file(s) sent (3 bytes), 1 already");
        }
    }

    @Test
    void aHugeOutputAndLogComeBackCappedWithoutFillingTheCoordinatorsMemory() throws Exception {
        // 40 MB of output.json after its score, 20 MB of log: the copies stop at the caps, streamed
        Path py = Files.writeString(project.resolve("models/huge.py"), String.join("\n",
                "import json, sys",
                "cfg = json.load(open(sys.argv[1]))",
                "with open(cfg['save_folder'] + '/output.json', 'w') as f:",
                "    f.write('{\"objective\": 1.5, \"padding\": \"' + 'x' * 40000000 + '\"}')",
                "for i in range(200000):",
                "    print('log line %06d %s' % (i, 'y' * 90))",
                "print('the last line')", ""));
        JobConfig job = JobConfig.of("python3", py.toString(), "testcluster", 0.1, 1, "CPU", 1);
        try (SlurmExecutor ex = executor()) {
            JobSpec s = pythonSpec(py, 7, job);
            JobRef ref = ex.submit(s);
            assertThat(TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(120)).get(ref).state()).isEqualTo(JobStatus.State.COMPLETED);
            Path output = s.workDir().resolve("output.json");
            assertThat(Files.size(output)).isEqualTo(SlurmExecutor.OUTPUT_JSON_LIMIT + 1);
            // the note beside the copy gives the size of the file on the cluster, which the engine reports
            long full = Long.parseLong(ssh.exec(List.of("stat", "-c", "%s", remoteRoot + "/hp_search_py/hp_combination_7/output.json"),
                    Duration.ofSeconds(10)).requireSuccess().stdout().strip());
            assertThat(Files.readAllLines(dev.hpsearch.optimizer.engine.OutputParser.cutNote(output)).get(0)).isEqualTo(Long.toString(full));
            dev.hpsearch.optimizer.engine.ScriptOutput parsed = new dev.hpsearch.optimizer.engine.OutputParser().parse(output);
            assertThat(parsed.score()).isEqualTo(1.5);
            assertThat(Files.size(s.logFile())).isBetween(SlurmExecutor.LOG_LIMIT, SlurmExecutor.LOG_LIMIT + 200);
            String log = Files.readString(s.logFile());
            assertThat(log).startsWith("[hpsearch: ").contains("bytes cut from the start").endsWith("the last line\n");
        }
    }

    @Test
    void failingScriptIsFailedWithItsExitCode() throws Exception {
        try (SlurmExecutor ex = executor()) {
            JobSpec s = spec("hp_search_f", 1, "{\"x\": 1, \"sleep\": 0, \"fail\": 3}");
            JobRef ref = ex.submit(s);
            JobStatus st = TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(60)).get(ref);
            assertThat(st.state()).isEqualTo(JobStatus.State.FAILED);
            assertThat(st.exitCode()).isEqualTo(3);
            assertThat(st.reason()).contains("FAILED").contains("3:0");
            assertThat(s.workDir().resolve("output.json")).doesNotExist();
            assertThat(Files.readString(s.logFile())).contains("failing on purpose");
        }
    }

    @Test
    void cancelStopsARunningJob() throws Exception {
        try (SlurmExecutor ex = executor()) {
            JobSpec s = spec("hp_search_c", 1, "{\"x\": 1, \"sleep\": 300}");
            JobRef ref = ex.submit(s);
            Instant end = Instant.now().plusSeconds(60);
            while (ex.poll(List.of(ref)).get(ref).state() != JobStatus.State.RUNNING) {
                assertThat(Instant.now()).as("job never started").isBefore(end);
                ex.awaitChange(Duration.ofSeconds(1));
            }
            ex.cancel(ref);
            JobStatus st = TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(60)).get(ref);
            assertThat(st.state()).isEqualTo(JobStatus.State.CANCELLED);
            assertThat(st.reason()).contains("CANCELLED");
        }
    }

    @Test
    void anotherCoordinatorReattachesByJobId() throws Exception {
        JobSpec s = spec("hp_search_r", 4, "{\"x\": 21, \"sleep\": 1}");
        JobRef ref;
        try (SlurmExecutor first = executor()) {
            ref = first.submit(s);
        }
        try (SlurmExecutor second = executor()) {
            JobStatus now = second.reattach(ref, s);
            assertThat(now.state()).isIn(JobStatus.State.QUEUED, JobStatus.State.RUNNING, JobStatus.State.COMPLETED);
            JobStatus st = TestSlurm.awaitAll(second, List.of(ref), Duration.ofSeconds(60)).get(ref);
            assertThat(st.state()).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(TestSlurm.field(Files.readString(s.workDir().resolve("output.json")), "score")).isEqualTo(42.0);
        }
    }

    @Test
    void unknownJobIdIsLost() throws Exception {
        try (SlurmExecutor ex = executor()) {
            JobSpec s = spec("hp_search_l", 1, "{\"x\": 1}");
            JobStatus st = ex.reattach(new JobRef(1, "987654", ""), s);
            assertThat(st.state()).isEqualTo(JobStatus.State.LOST);
            assertThat(st.reason()).contains("987654");
        }
    }

    @Test
    void sshdRestartMidSearchLosesNothing() throws Exception {
        try (SlurmExecutor ex = executor()) {
            JobSpec s = spec("hp_search_d", 1, "{\"x\": 5, \"sleep\": 3}");
            JobRef ref = ex.submit(s);
            try {
                env.control("sshd-stop");
                TestEnv.await("the client to notice the drop", Duration.ofSeconds(20), () -> !ssh.isConnected());
                assertThatThrownBy(() -> ex.poll(List.of(ref))).isInstanceOf(ExecutorException.class)
                        .hasMessageContaining(ssh.host());
            } finally {
                env.control("sshd-start");
            }
            JobStatus st = TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(60)).get(ref);
            assertThat(st.state()).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(ssh.reconnects()).isGreaterThanOrEqualTo(1);
            assertThat(TestSlurm.field(Files.readString(s.workDir().resolve("output.json")), "score")).isEqualTo(10.0);
        }
    }

    /**
     * An sbatch for this profile (put first on PATH by a set-up line) that records every call and, the first time,
     * kills the sshd process serving the connection it came through once the real sbatch has answered, then
     * passes the answer on: the connection drops after the job is queued and before its id can reach us. Nothing
     * else produces this fault at a chosen moment; sshd-stop could only guess at it.
     */
    private Path dropAfterSbatch() throws Exception {
        String bin = remoteRoot + "/bin";
        String calls = remoteRoot + "/sbatch-calls";
        String real = ssh.exec("command -v sbatch", Duration.ofSeconds(30)).requireSuccess().stdout().strip();
        String wrapper = String.join("\n",
                "#!/bin/bash",
                "out=$(" + ShellQuote.quote(real) + " \"$@\")",
                "rc=$?",
                "printf '%s\\n' \"$out\" >> " + ShellQuote.quote(calls),
                "if [ \"$rc\" = 0 ] && mkdir " + ShellQuote.quote(remoteRoot + "/dropped") + " 2>/dev/null; then",
                "  p=$PPID",
                "  while [ \"$p\" -gt 1 ]; do",
                "    case $(ps -o args= -p \"$p\") in 'sshd'*': '*'@'*) kill -9 \"$p\"; break ;; esac",
                "    p=$(ps -o ppid= -p \"$p\" | tr -d ' ')",
                "  done",
                "  sleep 1",
                "fi",
                "printf '%s\\n' \"$out\"",
                "exit \"$rc\"",
                "");
        ssh.mkdirs(bin);
        ssh.upload(wrapper.getBytes(java.nio.charset.StandardCharsets.UTF_8), bin + "/sbatch");
        ssh.exec(ShellQuote.join("chmod", "+x", bin + "/sbatch"), Duration.ofSeconds(30)).requireSuccess();
        profile = new ClusterProfile("testcluster", env.host, env.port, env.user, env.key, env.knownHosts,
                env.partition, env.partition,
                List.of("export HPSEARCH_MARK='from setup'", "export PATH=" + ShellQuote.quote(bin) + ":\"$PATH\""),
                null);
        return Path.of(calls);
    }

    private List<String> sbatchCalls(Path calls) throws Exception {
        String text = new String(ssh.read(calls.toString()), java.nio.charset.StandardCharsets.UTF_8);
        return text.lines().filter(l -> !l.isBlank()).toList();
    }

    @Test
    void connectionDroppedBetweenSbatchAndItsAnswerSubmitsOnce() throws Exception {
        Path calls = dropAfterSbatch();
        JobSpec s = spec("hp_search_once", 1, "{\"x\": 8, \"sleep\": 1}");
        JobRef ref;
        try (SlurmExecutor ex = executor()) {
            ref = ex.submit(s);
            assertThat(ssh.reconnects()).as("the connection dropped during sbatch").isGreaterThanOrEqualTo(1);
            assertThat(sbatchCalls(calls)).as("sbatch calls").containsExactly(ref.id());
            JobStatus st = TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(60)).get(ref);
            assertThat(st.state()).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(TestSlurm.field(Files.readString(s.workDir().resolve("output.json")), "score")).isEqualTo(16.0);
        }
        assertThat(sbatchCalls(calls)).hasSize(1);
    }

    /** A coordinator killed before its journal got the job id submits again on resume: it gets the same job. */
    @Test
    void aSubmissionWhoseIdWasNeverRecordedIsAdoptedNotRepeated() throws Exception {
        Path calls = dropAfterSbatch();
        ssh.mkdirs(remoteRoot + "/dropped"); // no drop here
        JobSpec s = spec("hp_search_adopt", 2, "{\"x\": 4, \"sleep\": 2}");
        JobRef first;
        try (SlurmExecutor lost = executor()) {
            first = lost.submit(s);
        }
        try (SlurmExecutor resumed = executor()) {
            JobRef again = resumed.submit(s);
            assertThat(again).isEqualTo(first);
            JobStatus st = TestSlurm.awaitAll(resumed, List.of(again), Duration.ofSeconds(60)).get(again);
            assertThat(st.state()).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(TestSlurm.field(Files.readString(s.workDir().resolve("output.json")), "score")).isEqualTo(8.0);
            assertThat(sbatchCalls(calls)).hasSize(1);
            // once its end is collected the marker is gone: running the combination again is a new job
            JobRef rerun = resumed.submit(s);
            assertThat(rerun.id()).isNotEqualTo(first.id());
            assertThat(TestSlurm.awaitAll(resumed, List.of(rerun), Duration.ofSeconds(60)).get(rerun).state())
                    .isEqualTo(JobStatus.State.COMPLETED);
            assertThat(sbatchCalls(calls)).hasSize(2);
        }
    }

    @Test
    void connectionDroppedWhileSubmittingAnArraySubmitsItOnce() throws Exception {
        Path calls = dropAfterSbatch();
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            specs.add(spec("hp_search_once_array", i, "{\"x\": " + (i + 20) + ", \"sleep\": 1}"));
        }
        List<JobRef> refs;
        try (SlurmExecutor ex = executor()) {
            refs = ex.submitAll(specs, 2);
            assertThat(ssh.reconnects()).as("the connection dropped during sbatch").isGreaterThanOrEqualTo(1);
            String arrayId = refs.get(0).id().split("_")[0];
            assertThat(refs).extracting(JobRef::id).containsExactly(arrayId + "_0", arrayId + "_1", arrayId + "_2");
            assertThat(sbatchCalls(calls)).containsExactly(arrayId);
        }
        // and a coordinator that never learnt the ids (killed before its journal got them) adopts the same tasks
        try (SlurmExecutor resumed = executor()) {
            assertThat(resumed.submitAll(specs, 2)).isEqualTo(refs);
            Map<JobRef, JobStatus> st = TestSlurm.awaitAll(resumed, refs, Duration.ofSeconds(90));
            for (int i = 0; i < 3; i++) {
                assertThat(st.get(refs.get(i)).state()).isEqualTo(JobStatus.State.COMPLETED);
                assertThat(TestSlurm.field(Files.readString(specs.get(i).workDir().resolve("output.json")), "score"))
                        .isEqualTo(2.0 * (i + 20));
            }
        }
        assertThat(sbatchCalls(calls)).hasSize(1);
    }

    @Test
    void pollOfManyActiveJobsIsOneRemoteCommand() throws Exception {
        try (SlurmExecutor ex = executor()) {
            List<JobRef> refs = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                refs.add(ex.submit(spec("hp_search_m", i, "{\"x\": " + i + ", \"sleep\": 6}")));
            }
            long before = ssh.commandCount();
            Map<JobRef, JobStatus> st = ex.poll(refs);
            assertThat(st).hasSize(3);
            assertThat(st.values()).allMatch(s -> !s.isTerminal());
            assertThat(ssh.commandCount() - before).as("remote commands for one poll of 3 active jobs").isEqualTo(1);
            st = TestSlurm.awaitAll(ex, refs, Duration.ofSeconds(60));
            assertThat(st.values()).allMatch(s -> s.state() == JobStatus.State.COMPLETED);
            before = ssh.commandCount();
            ex.poll(refs);
            assertThat(ssh.commandCount() - before).as("finished jobs are answered from memory").isZero();
        }
    }

    /** The one slow test (about 70 s): Slurm ends a job at its time limit of one minute. */
    @Test
    void jobPastItsTimeLimitIsTimeoutAndTakesItsDaemonsWithIt() throws Exception {
        String tag = "hpsearch-test-daemon-" + System.nanoTime();
        Path daemonScript = daemonScript(tag, 600);
        try (SlurmExecutor ex = executor()) {
            Path dir = project.resolve("hp_search_t/hp_combination_1");
            Files.createDirectories(dir);
            Path input = dir.resolve("input.json");
            Files.writeString(input, "{\"x\": 1}");
            JobConfig job = JobConfig.of("bash", daemonScript.toString(), "testcluster", 1.0 / 60, 1, "CPU", 1);
            JobSpec s = new JobSpec(1, dir, input, dir.resolve("log.txt"), List.of("bash", daemonScript.toString(), input.toString()), job);
            JobRef ref = ex.submit(s);
            awaitDaemon(tag);
            JobStatus st = TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(180)).get(ref);
            assertThat(st.state()).isEqualTo(JobStatus.State.TIMEOUT);
            assertThat(st.reason()).contains("TIMEOUT");
            assertThat(Files.readString(s.logFile())).contains("DUE TO TIME LIMIT");
            assertNoDaemonLeft(tag);
        }
    }

    @Test
    void daemonsLeftBehindByAFinishedRunAreStopped() throws Exception {
        String tag = "hpsearch-test-daemon-" + System.nanoTime();
        Path daemonScript = daemonScript(tag, 3);
        try (SlurmExecutor ex = executor()) {
            Path dir = Files.createDirectories(project.resolve("hp_search_d/hp_combination_2"));
            Path input = Files.writeString(dir.resolve("input.json"), "{\"x\": 2}");
            JobConfig job = JobConfig.of("bash", daemonScript.toString(), "testcluster", 0.1, 1, "CPU", 1);
            JobRef ref = ex.submit(new JobSpec(2, dir, input, dir.resolve("log.txt"),
                    List.of("bash", daemonScript.toString(), input.toString()), job));
            JobStatus st = TestSlurm.awaitAll(ex, List.of(ref), Duration.ofSeconds(90)).get(ref);
            assertThat(st.state()).as("%s", st).isEqualTo(JobStatus.State.COMPLETED);
            assertThat(dir.resolve("output.json")).content().contains("\"objective\": 2");
            assertNoDaemonLeft(tag);
        }
    }

    /**
     * A script that starts a daemon which leaves the run's process tree (double fork, setsid) and ignores SIGTERM,
     * named by {@code tag} in its command line, then sleeps {@code seconds} and writes its score.
     */
    private Path daemonScript(String tag, int seconds) throws Exception {
        return Files.writeString(project.resolve("models/daemon.sh"), String.join("\n",
                "( setsid bash -c 'trap \"\" TERM HUP; exec -a " + tag + " sleep 900' </dev/null >/dev/null 2>&1 & )",
                "sleep " + seconds,
                "echo '{\"objective\": 2}' > output.json", ""));
    }

    private void awaitDaemon(String tag) throws Exception {
        Instant end = Instant.now().plusSeconds(60);
        while (!ssh.exec(List.of("pgrep", "-f", notItself(tag)), Duration.ofSeconds(10)).ok()) {
            assertThat(Instant.now()).as("the daemon never started").isBefore(end);
            Thread.sleep(200);
        }
    }

    /** A pattern for the tag that does not match the command line of the shell that runs pgrep. */
    private static String notItself(String tag) {
        return "[" + tag.charAt(0) + "]" + tag.substring(1);
    }

    /**
     * The daemon must be gone within Slurm's KillWait (5 s on the test cluster) plus a margin. Slurm may report a
     * time limit's end (TIMEOUT) before the node has signalled the batch script, whose trap stops the daemons, so
     * the check waits that long; a daemon nobody stops sleeps 900 s and fails it.
     */
    private void assertNoDaemonLeft(String tag) throws Exception {
        Instant end = Instant.now().plusSeconds(30);
        CommandResult left = ssh.exec(List.of("pgrep", "-af", notItself(tag)), Duration.ofSeconds(10));
        while (!left.stdout().isEmpty() && Instant.now().isBefore(end)) {
            Thread.sleep(500);
            left = ssh.exec(List.of("pgrep", "-af", notItself(tag)), Duration.ofSeconds(10));
        }
        assertThat(left.stdout()).as("processes of the run still alive 30 s after its end").isEmpty();
    }
}
