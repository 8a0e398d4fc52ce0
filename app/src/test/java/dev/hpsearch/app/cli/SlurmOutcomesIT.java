package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each way a Slurm job ends means for the user, on the separated test cluster ({@code .ci/testenv.sh}):
 * a job that exceeds its memory (OverMemoryKill) or its time, with and without the retry keys, a job preempted
 * by a job of a higher partition, and a node that goes down mid-run. Each asserts the rows of
 * {@code hp_search_data.txt} (status, {@code failure_class}, {@code attempts}), the counts {@code hpsearch status}
 * shows, the exit status, and that a finished result is neither lost nor run again.
 *
 * <p>The preemption and node tests disturb the whole cluster (all four CPUs, the one node): run this class under
 * the exclusive lock, {@code flock -x /tmp/hpsearch-cluster.lock mvn ...}. The node is resumed in a finally.
 * Slurm configuration used as {@code .ci/testenv.sh} writes it: partitions debug, low (preemptible), high
 * (preempts low, PreemptMode=CANCEL), short (MaxTime 5 min, MaxMemPerNode 2000 MB);
 * {@code JobAcctGatherParams=OverMemoryKill}; no accounting storage.
 */
class SlurmOutcomesIT {

    @TempDir
    Path tmp;
    Path project;
    Path clusters;
    TestCluster cluster;
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void environment() throws Exception {
        ClusterProject fixture = ClusterProject.create(tmp, "outcomes", "outcomes");
        cluster = fixture.cluster();
        project = fixture.folder();
        clusters = fixture.clustersFile();
    }

    @AfterEach
    void stopThread() throws Exception {
        thread.shutdownNow();
        thread.awaitTermination(60, TimeUnit.SECONDS);
    }

    /** A python script: combination x sleeps, or allocates and touches that much memory, as the map says. */
    private void project(String jobKeys, String searchKeys, int points, String body) throws Exception {
        Files.writeString(project.resolve("analysis.py"), String.join("\n",
                "import json, sys, time",
                "x = json.load(open(sys.argv[1]))['x']",
                "print('run of x =', x, flush=True)",
                body,
                "json.dump({'objective': x}, open('output.json', 'w'))", ""));
        Files.writeString(project.resolve("job_config.json"), "{\"environment_path\": \"python3\", \"script_path\":"
                + " \"analysis.py\", \"cluster\": \"testcluster\"" + jobKeys + "}");
        StringBuilder domain = new StringBuilder();
        for (int i = 0; i < points; i++) {
            domain.append(i == 0 ? "" : ", ").append(i);
        }
        Files.writeString(project.resolve("model_config.json"),
                "{\"x\": {\"type\": \"discrete\", \"domain\": [" + domain + "], \"transformation\": \"linear\"}}");
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"grid\","
                + " \"num_grid_points_per_hyperparameter\": " + points + ", \"max_active_points\": " + points
                + searchKeys + "}");
    }

    private Cli run() {
        return Cli.run("run", "-q", "--clusters-file", clusters.toString(),
                "-s", project.resolve("search_config.json").toString(),
                "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString());
    }

    private Future<Cli> start() {
        return thread.submit(this::run);
    }

    private Path searchDir() {
        return project.resolve("hp_search_0");
    }

    /** The rows of the table by x, each as column name to cell. */
    private Map<Integer, Map<String, String>> rowsByX() throws Exception {
        List<String> lines = Files.readAllLines(searchDir().resolve("hp_search_data.txt"));
        List<String> header = List.of(lines.get(0).split("\t", -1));
        Map<Integer, Map<String, String>> rows = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t", -1);
            Map<String, String> row = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), f[i]);
            }
            rows.put(Integer.parseInt(row.get("x")), row);
        }
        return rows;
    }

    private Cli status() {
        return Cli.run("status", searchDir().toString());
    }

    /** How often combination x was submitted, by the journal. */
    private long runsOf(int x) throws Exception {
        int id = idOf(x);
        return Journal.read(searchDir(), JournalEvent.Submit.class).stream().filter(e -> e.id() == id).count();
    }

    private int idOf(int x) throws Exception {
        for (JournalEvent.Suggest e : Journal.read(searchDir(), JournalEvent.Suggest.class)) {
            if (e.combination().get(0).asInt() == x) {
                return e.id();
            }
        }
        throw new AssertionError("no combination with x = " + x);
    }

    // ------------------------------------------------------------------ memory

    /** x = 1 allocates 1.5 GB (with memory 1 GB, OverMemoryKill kills it); x = 0 needs nothing. */
    private static final String ALLOCATE = String.join("\n",
            "if x == 1:",
            "    block = bytearray(1536 * 1024 * 1024)",
            "    block[::4096] = b'x' * len(block[::4096])",
            "    time.sleep(5)");

    @Test
    void aJobOverItsMemoryIsOutOfMemoryAndTheOtherResultStands() throws Exception {
        project(", \"memory\": 1, \"time\": 0.05", "", 2, ALLOCATE);

        Cli c = run();

        assertThat(c.status).as(c.err + c.out).isZero();
        Map<Integer, Map<String, String>> rows = rowsByX();
        assertThat(rows.get(1)).containsEntry("status", "failed").containsEntry("failure_class", "out_of_memory")
                .containsEntry("attempts", "1");
        assertThat(rows.get(1).get("failure_reason")).contains("used more than its memory");
        assertThat(rows.get(0)).containsEntry("status", "ok").containsEntry("loss", "0.0").containsEntry("attempts", "1");
        Cli s = status();
        assertThat(s.out).contains("Without a score, by failure class: 1 out_of_memory")
                .doesNotContain("run again, by failure class");
    }

    @Test
    void retryOutOfMemoryRunsItAgainWithTheMemoryMultiplied() throws Exception {
        project(", \"memory\": 1, \"time\": 0.05", ", \"retry_out_of_memory\": 2, \"retry_factor\": 2", 2, ALLOCATE);

        Cli c = run();

        assertThat(c.status).as(c.err + c.out).isZero();
        Map<Integer, Map<String, String>> rows = rowsByX();
        assertThat(rows.get(1)).containsEntry("status", "ok").containsEntry("loss", "1.0")
                .containsEntry("failure_class", "").containsEntry("attempts", "2");
        assertThat(rows.get(0)).containsEntry("status", "ok").containsEntry("attempts", "1");
        assertThat(runsOf(0)).isEqualTo(1);
        assertThat(Files.readString(searchDir().resolve("log.txt"))).contains("runs again with memory 2 GB (retry 1 of 2)");
        assertThat(status().out).contains("Runs ended and run again, by failure class: 1 out_of_memory")
                .doesNotContain("Without a score");
    }

    @Test
    void aRetryPastThePartitionsMemoryLimitIsNotSubmitted() throws Exception {
        // partition short: MaxMemPerNode 2000 MB, so 1 GB is the most a run may ask for in whole GB
        project(", \"memory\": 1, \"time\": 0.05, \"partition\": \"short\"",
                ", \"retry_out_of_memory\": 2, \"retry_factor\": 2", 2, ALLOCATE);

        Cli c = run();

        assertThat(c.status).as(c.err + c.out).isZero();
        Map<Integer, Map<String, String>> rows = rowsByX();
        assertThat(rows.get(1)).containsEntry("status", "failed").containsEntry("failure_class", "out_of_memory")
                .containsEntry("attempts", "1");
        assertThat(rows.get(1).get("failure_reason")).contains("not run again: memory 1 GB is the limit of partition short");
    }

    // ------------------------------------------------------------------ time

    /** x = 1 needs 100 s; time is 1 minute (1/60 h), Slurm's smallest limit. */
    private static final String SLOW = String.join("\n",
            "if x == 1:",
            "    time.sleep(100)");

    @Test
    void aJobPastItsTimeIsTimeoutWithoutRetryTimeout() throws Exception {
        project(", \"memory\": 1, \"time\": 0.016666666666666666", "", 2, SLOW);

        Cli c = run();

        assertThat(c.status).as(c.err + c.out).isZero();
        Map<Integer, Map<String, String>> rows = rowsByX();
        assertThat(rows.get(1)).containsEntry("status", "failed").containsEntry("failure_class", "timeout")
                .containsEntry("attempts", "1");
        assertThat(rows.get(0)).containsEntry("status", "ok").containsEntry("attempts", "1");
        assertThat(status().out).contains("Without a score, by failure class: 1 timeout");
    }

    @Test
    void retryTimeoutRunsItAgainWithMoreTimeWithinThePartitionsMaxTime() throws Exception {
        // short: MaxTime 5 min; 1 min * 10 would be 10 min, so the retry asks for the partition's 5 min
        project(", \"memory\": 1, \"time\": 0.016666666666666666, \"partition\": \"short\"",
                ", \"retry_timeout\": 1, \"retry_factor\": 10", 2, SLOW);

        Cli c = run();

        assertThat(c.status).as(c.err + c.out).isZero();
        Map<Integer, Map<String, String>> rows = rowsByX();
        assertThat(rows.get(1)).containsEntry("status", "ok").containsEntry("loss", "1.0").containsEntry("attempts", "2");
        assertThat(rows.get(0)).containsEntry("status", "ok").containsEntry("attempts", "1");
        assertThat(runsOf(0)).isEqualTo(1);
        assertThat(Files.readString(searchDir().resolve("log.txt"))).contains("runs again with time 5 min (retry 1 of 1)");
        assertThat(status().out).contains("Runs ended and run again, by failure class: 1 timeout");
    }

    // ------------------------------------------------------------------ preemption and node failure

    /** x = 0 ends at once; the others run 25 s, long enough to be preempted or to lose their node. */
    private static final String LONG = String.join("\n",
            "if x != 0:",
            "    time.sleep(25)");

    /** Waits until combination x = 0 is finished and every other one runs on the cluster. */
    private void awaitOneDoneOthersRunning(int points) throws Exception {
        long deadline = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < deadline) {
            if (Files.exists(searchDir().resolve("journal.jsonl"))) {
                boolean firstDone = !Journal.read(searchDir(), JournalEvent.Finish.class).isEmpty();
                List<String> jobs = new ArrayList<>();
                Journal.read(searchDir(), JournalEvent.Submit.class).forEach(e -> jobs.add(e.jobId()));
                if (firstDone && jobs.size() >= points) {
                    String running = cluster.exec(List.of("squeue", "-h", "-t", "RUNNING", "-o", "%i"));
                    long n = jobs.stream().filter(j -> running.lines().anyMatch(l -> l.strip().equals(j))).count();
                    if (n >= points - 1) {
                        return;
                    }
                }
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the search's jobs did not start: " + cluster.exec(List.of("squeue")));
    }

    @Test
    void aPreemptedJobRunsAgainAndIsNotAResult() throws Exception {
        project(", \"memory\": 1, \"time\": 0.05, \"partition\": \"low\"", "", 3, LONG);
        Future<Cli> search = start();
        awaitOneDoneOthersRunning(3);

        // a job of the high partition that needs all four CPUs preempts (cancels) the low ones
        String high = cluster.exec(List.of("sbatch", "--parsable", "-p", "high", "-c", "4", "--mem=100M", "-t", "1",
                "-o", "/dev/null", "--wrap", "sleep 3")).strip();

        Cli c = search.get(6, TimeUnit.MINUTES);

        assertThat(high).matches("\\d+");
        assertThat(c.status).as(c.err + c.out).isZero();
        Map<Integer, Map<String, String>> rows = rowsByX();
        assertThat(rows.values()).allSatisfy(r -> assertThat(r).containsEntry("status", "ok")
                .containsEntry("failure_class", ""));
        assertThat(rows.get(0)).containsEntry("attempts", "1");
        assertThat(rows.get(1)).containsEntry("attempts", "2");
        assertThat(rows.get(2)).containsEntry("attempts", "2");
        assertThat(runsOf(0)).isEqualTo(1);
        assertThat(Files.readString(searchDir().resolve("log.txt"))).contains("a job of higher priority took its place");
        assertThat(status().out).contains("Runs ended and run again, by failure class: 2 preempted")
                .doesNotContain("Without a score");
    }

    /**
     * Resumes a node left down or drained. With the test cluster's ReturnToService=2 a node whose slurmd answers
     * comes back by itself, and Slurm refuses to resume a node that is not down ("Invalid node state specified").
     */
    private void resume(String node) throws Exception {
        long deadline = System.currentTimeMillis() + 30_000;
        while (true) {
            String state = cluster.exec(List.of("sinfo", "-h", "-n", node, "-o", "%T")).strip();
            if (!state.contains("down") && !state.contains("drain")) {
                return;
            }
            try {
                cluster.exec(List.of("scontrol", "update", "nodename=" + node, "state=resume"));
                return;
            } catch (dev.hpsearch.ssh.transport.RemoteCommandException e) {
                if (System.currentTimeMillis() > deadline) {
                    throw e;
                }
                Thread.sleep(500); // it came back between the two commands: look again
            }
        }
    }

    @Test
    void aNodeThatGoesDownMidRunRunsItsJobsAgain() throws Exception {
        project(", \"memory\": 1, \"time\": 0.05", "", 3, LONG);
        String node = cluster.exec(List.of("sinfo", "-h", "-N", "-o", "%N")).lines().findFirst().orElseThrow().strip();
        Future<Cli> search = start();
        try {
            awaitOneDoneOthersRunning(3);
            cluster.exec(List.of("scontrol", "update", "nodename=" + node, "state=down", "reason=test"));
            // the node's jobs end as NODE_FAIL; hpsearch submits them again, to wait for a node
            long deadline = System.currentTimeMillis() + 60_000;
            while (Journal.read(searchDir(), JournalEvent.Requeue.class).size() < 2
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(250);
            }
        } finally {
            resume(node);
        }

        Cli c = search.get(6, TimeUnit.MINUTES);

        assertThat(c.status).as(c.err + c.out).isZero();
        Map<Integer, Map<String, String>> rows = rowsByX();
        assertThat(rows.values()).allSatisfy(r -> assertThat(r).containsEntry("status", "ok"));
        assertThat(rows.get(0)).containsEntry("attempts", "1");
        assertThat(rows.get(1)).containsEntry("attempts", "2");
        assertThat(rows.get(2)).containsEntry("attempts", "2");
        assertThat(runsOf(0)).isEqualTo(1);
        assertThat(Files.readString(searchDir().resolve("log.txt"))).contains("NODE_FAIL");
        assertThat(status().out).contains("Runs ended and run again, by failure class: 2 node_failure");
    }
}
