package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.TestCluster;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A detached search the user controls, on the separated test cluster (real Slurm, real sshd): {@code stop} with and
 * without {@code --cancel-jobs}, and {@code launch --resume} of a stopped search, which re-runs nothing that ran.
 */
class DetachedControlIT {
    private static final long DEADLINE_MS = 300_000;
    private static final Pattern RUNNING = Pattern.compile("[1-9] running");

    @TempDir
    Path tmp;
    Path project;
    Path clusters;
    Path remoteRoot;
    Path jar;
    TestCluster cluster;

    @BeforeEach
    void environment() throws Exception {
        cluster = TestCluster.require();
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of("target"), "hpsearch-app-*-all.jar")) {
            for (Path j : jars) {
                jar = j.toAbsolutePath();
            }
        }
        assertThat(jar).as("target/hpsearch-app-*-all.jar: run the integration tests through mvn verify").isNotNull();
        project = tmp.resolve("control");
        Files.createDirectories(project);
        remoteRoot = Path.of(cluster.remoteRoot(), "control-" + System.nanoTime());
        clusters = tmp.resolve("clusters.json");
        cluster.writeClustersFile(clusters, remoteRoot.toString());
        // each run says so in its log (Slurm's -o is the combination's log.txt), then takes a while
        Files.writeString(project.resolve("score.sh"), String.join("\n",
                "x=$(sed -n 's/.*\"x\" *: *\\([0-9.]*\\).*/\\1/p' \"$1\")",
                "out=$(sed -n 's/.*\"save_folder\" *: *\"\\([^\"]*\\)\".*/\\1/p' \"$1\")",
                "echo \"run of x=$x\"",
                "sleep 20",
                "echo \"{\\\"objective\\\": $x}\" > \"$out/output.json\""));
        Files.writeString(project.resolve("job_config.json"),
                "{\"environment_path\": \"sh\", \"script_path\": \"score.sh\", \"time\": 0.1, \"memory\": 1, \"cluster\": \"testcluster\"}");
        Files.writeString(project.resolve("model_config.json"),
                "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2, 3, 4], \"transformation\": \"linear\"}}");
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4,"
                + " \"max_active_points\": 2, \"search_time\": 0.25, \"search_memory\": 1}");
    }

    private String launch() throws Exception {
        Cli launch = Cli.run("launch", "--clusters-file", clusters.toString(), "--jar", jar.toString(),
                "-s", project.resolve("search_config.json").toString(), "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString());
        assertThat(launch.status).as(launch.err + launch.out).isEqualTo(0);
        Matcher m = Pattern.compile("Submitted coordinator job (\\d+)").matcher(launch.out);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void stopLeavesTheJobsRunningAndLaunchResumeFinishesWithoutRunningAnythingTwice() throws Exception {
        String first = launch();
        Cli running = pollStatus(s -> RUNNING.matcher(s.out).find());
        assertThat(running.out).contains("Coordinator job " + first);

        Cli stop = Cli.run("stop", "--cluster", "testcluster", "--clusters-file", clusters.toString(),
                "--reason", "paused to change the partition", project.toString());

        assertThat(stop.status).as(stop.err + stop.out).isEqualTo(0);
        assertThat(stop.out).contains("Asked coordinator job " + first)
                .containsPattern("Stopped: paused to change the partition \\([1-9] analysis job\\(s\\) left running\\)");
        Path remoteSearch = remoteRoot.resolve("control/hp_search_0");
        String journal = cluster.read(remoteSearch.resolve("journal.jsonl").toString());
        assertThat(journal).containsPattern("\"event\":\"stop\".*\"reason\":\"paused to change the partition\"");
        assertThat(journal).doesNotContain("\"event\":\"end\"");
        Cli stopped = Cli.run("status", "--cluster", "testcluster", "--clusters-file", clusters.toString(), project.toString());
        assertThat(stopped.out).contains("Coordinator job " + first, "no longer in the queue",
                "Stopped: paused to change the partition (not ended: its coordinator is not in the queue; continue it"
                        + " with: hpsearch launch --resume --cluster testcluster");

        Cli resume = Cli.run("launch", "--resume", project.toString(), "--cluster", "testcluster",
                "--clusters-file", clusters.toString(), "--jar", jar.toString());

        assertThat(resume.status).as(resume.err + resume.out).isEqualTo(0);
        Matcher m = Pattern.compile("Submitted coordinator job (\\d+)").matcher(resume.out);
        assertThat(m.find()).as(resume.out).isTrue();
        String second = m.group(1);
        assertThat(second).isNotEqualTo(first);
        Cli done = pollStatus(s -> s.out.contains("Coordinator job " + second) && (s.out.contains("no longer in the queue")
                || s.out.contains("no longer known")));
        assertThat(done.out).contains("4 combinations: 4 ok", "Ended:");
        for (int i = 0; i < 4; i++) {
            String log = cluster.read(remoteSearch.resolve("hp_combination_" + i + "/log.txt").toString());
            assertThat(Pattern.compile("run of x=").matcher(log).results().count()).as("combination %d: %s", i, log)
                    .isEqualTo(1);
        }
        assertThat(cluster.read(remoteSearch.resolve("log.txt").toString())).contains("re-attached to running job");
    }

    @Test
    void stopWithCancelJobsEndsTheSearchAndCancelsItsJobs() throws Exception {
        String job = launch();
        pollStatus(s -> RUNNING.matcher(s.out).find());

        Cli stop = Cli.run("stop", "--cancel-jobs", "--cluster", "testcluster", "--clusters-file", clusters.toString(),
                project.toString());

        assertThat(stop.status).as(stop.err + stop.out).isEqualTo(0);
        assertThat(stop.out).contains("Asked coordinator job " + job, "Ended: stopped by hpsearch stop --cancel-jobs");
        Cli status = Cli.run("status", "--cluster", "testcluster", "--clusters-file", clusters.toString(), project.toString());
        assertThat(status.out).contains("no longer in the queue", "Ended: stopped by hpsearch stop --cancel-jobs")
                .containsPattern("combinations: 0 ok, 0 without score, 0 failed, [1-9] cancelled, 0 running, 0 queued");
    }

    private Cli pollStatus(java.util.function.Predicate<Cli> until) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        Cli status;
        do {
            status = Cli.run("status", "--cluster", "testcluster", "--clusters-file", clusters.toString(), project.toString());
            if (until.test(status)) {
                return status;
            }
            Thread.sleep(1000);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("status did not come within " + DEADLINE_MS / 1000 + " s; last:\n" + status.out + status.err);
    }
}
