package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    ClusterProject commandLine;

    @BeforeEach
    void environment() throws Exception {
        ClusterProject fixture = ClusterProject.create(tmp, "control", "control");
        cluster = fixture.cluster();
        jar = ClusterProject.selfContainedJar();
        project = fixture.folder();
        remoteRoot = Path.of(fixture.remoteRoot());
        clusters = fixture.clustersFile();
        commandLine = fixture;
        // each run says so in its log (Slurm's -o is the combination's log.txt), then takes a while
        fixture.write("score.sh", ClusterProject.READ_X, ClusterProject.READ_SAVE_FOLDER,
                "echo \"run of x=$x\"",
                "sleep 20 || exit 1", // a cancelled run writes no result
                "echo \"{\\\"objective\\\": $x}\" > \"$out/output.json\"");
        fixture.write("job_config.json", ClusterProject.SH_JOB);
        fixture.write("model_config.json", ClusterProject.discreteX(1, 2, 3, 4));
        fixture.write("search_config.json", "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4,"
                + " \"max_active_points\": 2, \"search_time\": 0.25, \"search_memory\": 1}");
    }

    Cli lastLaunch;

    private String launch() throws Exception {
        Cli launch = Cli.run(commandLine.commandLine("launch", "--jar", jar.toString()));
        assertThat(launch.status).as(launch.err + launch.out).isEqualTo(0);
        lastLaunch = launch;
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
        // a combination's log on demand, copied into the mirror
        Cli withLog = Cli.run("status", "--cluster", "testcluster", "--clusters-file", clusters.toString(), "--log", "1",
                project.toString());
        assertThat(withLog.out).contains("log.txt of combination 1 (copied to "
                + project.resolve(".hpsearch/mirror/testcluster/hp_search_0/hp_combination_1/log.txt"), "  run of x=2");
    }

    @Test
    void stopWithCancelJobsEndsTheSearchAndCancelsItsJobs() throws Exception {
        // and the coordinator mails its user when it ends or fails, as search_config asks
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4,"
                + " \"max_active_points\": 2, \"search_time\": 0.25, \"search_memory\": 1, \"mail_user\": \"hpsearch-it@example.org\"}");
        String job = launch();
        String submitted = cluster.exec(List.of("scontrol", "show", "job", job));
        assertThat(submitted).contains("MailUser=hpsearch-it@example.org", "MailType=END,FAIL");
        pollStatus(s -> RUNNING.matcher(s.out).find());

        Cli stop = Cli.run("stop", "--cancel-jobs", "--cluster", "testcluster", "--clusters-file", clusters.toString(),
                project.toString());

        assertThat(stop.status).as(stop.err + stop.out).isEqualTo(0);
        assertThat(stop.out).contains("Asked coordinator job " + job, "Ended: stopped by hpsearch stop --cancel-jobs");
        Cli status = Cli.run("status", "--cluster", "testcluster", "--clusters-file", clusters.toString(), project.toString());
        assertThat(status.out).contains("no longer in the queue", "Ended: stopped by hpsearch stop --cancel-jobs")
                .containsPattern("combinations: 0 ok, 0 without score, 0 failed, [1-9] cancelled, 0 running, 0 queued");
    }

    @Test
    void theLaptopTakesADetachedSearchOverAndAdoptsItsJobs() throws Exception {
        String first = launch();
        pollStatus(s -> RUNNING.matcher(s.out).find());

        Cli resume = Cli.run("resume", "-q", "--cluster", "testcluster", "--clusters-file", clusters.toString(),
                project.toString());

        assertThat(resume.status).as(resume.err + resume.out).isEqualTo(0);
        Path remoteSearch = remoteRoot.resolve("control/hp_search_0");
        assertThat(resume.out).contains("Asked coordinator job " + first, "Took testcluster:" + remoteSearch);
        // the coordinator job ended, saying why in the journal on the cluster
        assertThat(cluster.exec(List.of("bash", "-c", "scontrol show job " + first + " 2>&1; true")))
                .doesNotContain("JobState=RUNNING", "JobState=PENDING");
        assertThat(cluster.read(remoteSearch.resolve("journal.jsonl").toString()))
                .containsPattern("\"event\":\"stop\".*taken over by hpsearch resume --cluster");
        Path local = project.resolve("hp_search_0");
        List<String> rows = Files.readAllLines(local.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).allSatisfy(r -> assertThat(r).contains("\tok\t"));
        // the jobs the detached coordinator had submitted were adopted, not submitted again
        List<JournalEvent.Submit> events = Journal.read(local, JournalEvent.Submit.class);
        Map<Integer, Long> submits = new HashMap<>();
        events.forEach(e -> submits.merge(e.id(), 1L, Long::sum));
        assertThat(submits).hasSize(4).allSatisfy((id, n) -> assertThat(n).as("submissions of %d", id).isEqualTo(1));
        assertThat(Files.readString(local.resolve("log.txt"))).contains("re-attached to running job");
        assertThat(Files.readString(local.resolve("search.json"))).doesNotContain("coordinator_on_cluster")
                .contains(project.toAbsolutePath().toString());
        for (int i = 0; i < 4; i++) {
            String log = cluster.read(remoteSearch.resolve("hp_combination_" + i + "/log.txt").toString());
            assertThat(Pattern.compile("run of x=").matcher(log).results().count()).as("combination %d", i).isEqualTo(1);
        }
    }

    @Test
    void aSearchStartedOnTheLaptopIsHandedToTheClusterAndFinishesThere() throws Exception {
        // the laptop's coordinator as a process of its own, interrupted (SIGTERM, as Ctrl-C) while its jobs run
        Path localSearch = project.resolve("hp_search_0");
        Process laptop = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "-q",
                "--cluster", "testcluster", "--clusters-file", clusters.toString(),
                "-s", project.resolve("search_config.json").toString(), "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("laptop.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (submitted(localSearch) < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(submitted(localSearch)).as(Files.readString(tmp.resolve("laptop.txt"))).isPositive();
        laptop.destroy();
        assertThat(laptop.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        Cli handOver = Cli.run("launch", "--resume", localSearch.toString(), "--cluster", "testcluster",
                "--clusters-file", clusters.toString(), "--jar", jar.toString());

        assertThat(handOver.status).as(handOver.err + handOver.out).isEqualTo(0);
        Path remoteSearch = remoteRoot.resolve("control/hp_search_0");
        assertThat(handOver.out).contains("Handed " + localSearch + " over to the cluster", remoteSearch.toString());
        // on the cluster, search.json names the cluster's project folder and the coordinator's placement
        String meta = cluster.read(remoteSearch.resolve("search.json").toString());
        assertThat(meta).containsPattern("\"coordinator_on_cluster\"\\s*:\\s*true")
                .contains(remoteRoot.resolve("control").toString()).doesNotContain(project.toString());
        assertThat(Files.readString(localSearch.resolve("journal.jsonl"))).contains("handed over to a coordinator on testcluster");
        Cli done = pollStatus(s -> s.out.contains("no longer in the queue") && s.out.contains("Ended:"));
        assertThat(done.out).contains("4 combinations: 4 ok");
        for (int i = 0; i < 4; i++) {
            String log = cluster.read(remoteSearch.resolve("hp_combination_" + i + "/log.txt").toString());
            assertThat(Pattern.compile("run of x=").matcher(log).results().count()).as("combination %d: %s", i, log)
                    .isEqualTo(1);
            // the cluster's copy of input.json names the cluster's folder (decision 0009)
            assertThat(cluster.read(remoteSearch.resolve("hp_combination_" + i + "/input.json").toString()))
                    .contains(remoteSearch.resolve("hp_combination_" + i).toString());
        }
    }

    /**
     * A fault produced on purpose: an sbatch wrapper, first on PATH through the profile's set-up lines, kills the
     * sshd serving the launch's connection once the real sbatch has queued the coordinator, before its id comes back.
     */
    @Test
    void aConnectionDroppedDuringLaunchStartsOneCoordinator() throws Exception {
        String bin = remoteRoot + "/bin";
        String calls = remoteRoot + "/sbatch-calls";
        String real = cluster.exec(List.of("bash", "-c", "command -v sbatch")).strip();
        String wrapper = String.join("\n",
                "#!/bin/bash",
                "out=$('" + real + "' \"$@\")",
                "rc=$?",
                "printf '%s\\n' \"$out\" >> '" + calls + "'",
                "if [ \"$rc\" = 0 ] && mkdir '" + remoteRoot + "/dropped' 2>/dev/null; then",
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
        cluster.exec(List.of("mkdir", "-p", bin));
        cluster.write(bin + "/sbatch", wrapper);
        cluster.exec(List.of("chmod", "+x", bin + "/sbatch"));
        cluster.writeClustersFile(clusters, remoteRoot.toString(), List.of("export PATH='" + bin + "':\"$PATH\""));

        String job = launch();

        List<String> sbatchCalls = cluster.read(calls).lines().filter(l -> !l.isBlank()).toList();
        assertThat(sbatchCalls).as("sbatch calls").containsExactly(job);
        // the wrapper did drop the connection (it leaves this folder when it does); exec fails if it is absent
        cluster.exec(List.of("ls", "-d", remoteRoot + "/dropped"));
        Cli done = pollStatus(s -> s.out.contains("no longer in the queue") && s.out.contains("Ended:"));
        assertThat(done.out).contains("Coordinator job " + job, "4 combinations: 4 ok");
        // one coordinator ran: one record of its own on the cluster
        Path remoteProject = remoteRoot.resolve("control");
        assertThat(cluster.read(remoteProject.resolve("launched_hp_searches.txt").toString()).lines()).hasSize(2);
    }

    /**
     * A cluster without Java 17: the profile's set-up lines put a stand-in {@code java} first on PATH that says it is
     * Java 11 and runs nothing (this machine's only Java is 17, so "no Java 17 on the cluster" cannot be produced
     * otherwise). The coordinator then runs with the runtime launch made with jlink and uploaded.
     */
    @Test
    void aClusterWithoutJava17RunsTheCoordinatorWithAnUploadedRuntime() throws Exception {
        String bin = remoteRoot + "/old-java";
        cluster.exec(List.of("mkdir", "-p", bin));
        cluster.write(bin + "/java", "#!/bin/sh\necho 'openjdk version \"11.0.22\" 2024-01-16' >&2\nexit 1\n");
        cluster.exec(List.of("chmod", "+x", bin + "/java"));
        cluster.writeClustersFile(clusters, remoteRoot.toString(), List.of("export PATH='" + bin + "':\"$PATH\""));
        // the runtime is made once per JDK and kept beside the build, not in the user's cache
        System.setProperty("hpsearch.cache", Path.of("target/hpsearch-cache").toAbsolutePath().toString());

        String job = launch();

        assertThat(lastLaunch.out).contains("The cluster's java is older than 17 or missing: the coordinator runs "
                + remoteRoot + "/.hpsearch/java-");
        Cli done = pollStatus(s -> s.out.contains("no longer in the queue") && s.out.contains("Ended:"));
        assertThat(done.out).contains("Coordinator job " + job + " on testcluster: COMPLETED", "4 combinations: 4 ok");
        assertThat(cluster.read(remoteRoot.resolve("control/.hpsearch/hp_search_0/coordinator.sh").toString()))
                .containsPattern("exec '" + Pattern.quote(remoteRoot.toString()) + "/\\.hpsearch/java-[0-9a-f]{16}/bin/java'");
        // the stand-in was really first on PATH where the coordinator ran
        assertThat(cluster.read(remoteRoot.resolve("control/hp_search_0.coordinator.log").toString()))
                .contains("Search complete");
    }

    private static long submitted(Path searchDir) throws Exception {
        if (!Files.isRegularFile(searchDir.resolve("journal.jsonl"))) {
            return 0;
        }
        return Journal.read(searchDir, JournalEvent.Submit.class).size();
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
