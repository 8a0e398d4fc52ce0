package dev.hpsearch.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchService;
import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.app.testenv.RecordedEvents;
import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.ssh.transport.SshPrompts;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app's launcher on the real test sshd and Slurm ({@code .ci/testenv.sh start}): a cluster search
 * interrupted and resumed where search.json says it ran, and a detached launch, also followed from its local
 * mirror. The host key is already known here,
 * so no question is asked. Skipped without that environment; under {@code CI=true} a missing environment fails.
 */
class EngineSearchLauncherIT {
    private static final long DEADLINE_MS = 240_000;
    private static final Optional<RunTarget> TESTCLUSTER = Optional.of(RunTarget.parse("testcluster"));

    @TempDir
    Path tmp;
    Path projectDir;
    Path clusters;
    Path remoteRoot;
    TestCluster cluster;

    @BeforeEach
    void environment() throws Exception {
        ClusterProject fixture = ClusterProject.create(tmp, "launcher project", "gui-launcher");
        cluster = fixture.cluster();
        projectDir = fixture.folder();
        remoteRoot = Path.of(fixture.remoteRoot());
        clusters = fixture.clustersFile();
        fixture.write("slow.sh", "echo started", "sleep 2", ClusterProject.READ_X, ClusterProject.SCORE_X);
        fixture.write("job_config.json",
                "{\"environment_path\": \"sh\", \"script_path\": \"slow.sh\", \"time\": 0.1, \"memory\": 1, \"cluster\": \"local\"}");
        fixture.write("model_config.json", ClusterProject.discreteX(1, 2));
        fixture.write("search_config.json", "{\"search_type\": \"grid\","
                + " \"num_grid_points_per_hyperparameter\": 2, \"max_active_points\": 2, \"search_time\": 0.25, \"search_memory\": 1}");
    }

    @Test
    void aClusterSearchInterruptedHereResumesOnTheSameClusterWithoutResubmitting() throws Exception {
        EngineSearchLauncher launcher = new EngineSearchLauncher(SearchService.withClusters(clusters, SshPrompts.nonInteractive(),
                null));
        Project project = Project.open(projectDir);
        RecordedEvents first = new RecordedEvents();
        // job_config says local; the Run tab's choice wins and search.json records it
        RunningSearch s = launcher.start(project, TESTCLUSTER, first);
        Path dir = s.searchDir();
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (count(dir, "\"submit\"") < 2 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        s.close();
        assertThat(first.ends.poll(60, TimeUnit.SECONDS)).isNotNull().doesNotStartWith("Search complete");
        assertThat(SearchFiles.cluster(dir)).isEqualTo("testcluster");

        RecordedEvents second = new RecordedEvents();
        RunningSearch resumed = launcher.resume(dir, second);
        String end = second.ends.poll(DEADLINE_MS, TimeUnit.MILLISECONDS);

        assertThat(end).startsWith("Search complete");
        assertThat(resumed.followOnly()).isFalse();
        assertThat(count(dir, "\"submit\"")).isEqualTo(2);
        List<String> rows = Files.readAllLines(dir.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(3);
        assertThat(rows.subList(1, 3)).allSatisfy(r -> assertThat(r).contains("\tok\t"));
        for (int id = 0; id < 2; id++) {
            assertThat(Files.readString(dir.resolve("hp_combination_" + id + "/log.txt"))).containsOnlyOnce("started");
        }
    }

    @Test
    void launchDetachedSubmitsTheCoordinatorWhichRunsTheGridOnTheCluster() throws Exception {
        EngineSearchLauncher launcher = new EngineSearchLauncher(SearchService.withClusters(clusters, SshPrompts.nonInteractive(),
                ClusterProject.selfContainedJar()));

        String message = launcher.launchDetached(Project.open(projectDir), TESTCLUSTER);

        Matcher m = Pattern.compile("Submitted coordinator job (\\d+) on testcluster").matcher(message);
        assertThat(m.find()).as(message).isTrue();
        assertThat(Files.readString(projectDir.resolve("launched_hp_searches.txt"))).contains(m.group(1) + "\t");
        // the search runs on the cluster, whose files this machine cannot see: read over SSH
        String data = remoteRoot.resolve("launcher project/hp_search_0/hp_search_data.txt").toString();
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        String table;
        while ((table = cluster.read(data)) == null || table.lines().filter(l -> l.contains("\tok\t")).count() != 2) {
            assertThat(System.currentTimeMillis()).as("rows on the cluster: %s", table).isLessThan(deadline);
            Thread.sleep(500);
        }
        assertThat(table.lines()).hasSize(3);
        assertThat(cluster.read(remoteRoot.resolve("launcher project/hp_search_0/search.json").toString()))
                .containsPattern("\"coordinator_on_cluster\"\\s*:\\s*true");
    }

    @Test
    void aSearchLaunchedDetachedIsFollowedFromItsMirrorUntilItEnds() throws Exception {
        EngineSearchLauncher launcher = new EngineSearchLauncher(SearchService.withClusters(clusters, SshPrompts.nonInteractive(),
                ClusterProject.selfContainedJar()).withFollowInterval(java.time.Duration.ofSeconds(2)));
        Project project = Project.open(projectDir);
        String message = launcher.launchDetached(project, TESTCLUSTER);
        Matcher m = Pattern.compile("Submitted coordinator job (\\d+)").matcher(message);
        assertThat(m.find()).as(message).isTrue();

        RecordedEvents followed = new RecordedEvents();
        // no cluster given: the launch record names it
        RunningSearch s = launcher.followDetached(project, Optional.empty(), followed);
        String end;
        try {
            end = followed.ends.poll(DEADLINE_MS, TimeUnit.MILLISECONDS);
        } finally {
            s.close();
        }

        assertThat(end).isEqualTo("Search ended: every combination of the search space has been tried");
        assertThat(s.followOnly()).isTrue();
        assertThat(s.searchDir()).isEqualTo(projectDir.resolve(".hpsearch/mirror/testcluster/hp_search_0"));
        assertThat(s.model().space().hyperparameters()).extracting(h -> h.name()).containsExactly("x");
        assertThat(followed.coordinator).isNotEmpty()
                .allSatisfy(c -> assertThat(c).startsWith("Coordinator job " + m.group(1) + " on testcluster: "));
        assertThat(followed.trials.values()).hasSize(2).allSatisfy(t -> assertThat(t.loss()).isNotNull());
        assertThat(s.searchDir().resolve("journal.jsonl")).exists();
        assertThat(Files.readAllLines(s.searchDir().resolve("hp_search_data.txt"))).hasSize(3);
    }

    @Test
    void aFollowedDetachedSearchCopiesTheSelectedLogAndStopsFromTheDashboard() throws Exception {
        Files.writeString(projectDir.resolve("slow.sh"), String.join("\n",
                "echo started",
                "sleep 60",
                "echo '{\"objective\": 1}' > output.json"));
        EngineSearchLauncher launcher = new EngineSearchLauncher(SearchService.withClusters(clusters, SshPrompts.nonInteractive(),
                ClusterProject.selfContainedJar()).withFollowInterval(java.time.Duration.ofSeconds(2)));
        Project project = Project.open(projectDir);
        launcher.launchDetached(project, TESTCLUSTER);
        RecordedEvents followed = new RecordedEvents();
        RunningSearch s = launcher.followDetached(project, Optional.empty(), followed);
        String end;
        try {
            assertThat(s.stoppable()).as("a followed detached search takes a stop request").isTrue();
            // the dashboard selects combination 0: its log is copied from the cluster into the mirror
            s.watchLog(0);
            Path log = s.searchDir().resolve("hp_combination_0/log.txt");
            long deadline = System.currentTimeMillis() + DEADLINE_MS;
            while (!(Files.isRegularFile(log) && Files.readString(log).contains("started"))) {
                assertThat(System.currentTimeMillis()).as("the log of combination 0 in the mirror").isLessThan(deadline);
                Thread.sleep(500);
            }

            s.stop("stopped from the dashboard");

            end = followed.ends.poll(DEADLINE_MS, TimeUnit.MILLISECONDS);
        } finally {
            s.close();
        }
        assertThat(end).as(followed.logs.toString()).contains("stopped from the dashboard");
        assertThat(cluster.read(remoteRoot.resolve("launcher project/hp_search_0/journal.jsonl").toString()))
                .containsPattern("\"event\":\"end\".*\"reason\":\"stopped from the dashboard\"");
        assertThat(followed.trials.values()).isNotEmpty()
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(dev.hpsearch.optimizer.engine.TrialStatus.CANCELLED));
    }

    @Test
    void launchDetachedWithoutAJarSaysWhatToDo() throws Exception {
        EngineSearchLauncher launcher = new EngineSearchLauncher(SearchService.withClusters(clusters, SshPrompts.nonInteractive(),
                null));
        // the tests run from target/classes or the thin jar, neither of which the coordinator could run
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> launcher.launchDetached(Project.open(projectDir), TESTCLUSTER))
                .hasMessageContaining("hpsearch-app-*-all.jar").hasMessageContaining("-Dhpsearch.jar=FILE");
        assertThat(projectDir.resolve("launched_hp_searches.txt")).doesNotExist();
    }

    private static long count(Path search, String event) throws Exception {
        Path journal = search.resolve("journal.jsonl");
        return !Files.exists(journal) ? 0
                : Files.readAllLines(journal).stream().filter(l -> l.contains("\"event\":" + event)).count();
    }
}
