package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.app.testenv.JournalWatch;
import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.optimizer.testing.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A laptop-to-cluster search whose local search folder turns read-only, or whose local disk fills up, while its
 * jobs run on the test cluster (which cannot see this machine's files): {@code hpsearch run} stops with exit
 * status 1 and a line saying what to fix, the results of the jobs that ended meanwhile stay on the cluster, and
 * after the fix {@code hpsearch resume} collects them: every combination of the grid scored, none run twice.
 * Real mounts, a real sshd and Slurm.
 */
class ClusterMachineFaultIT {
    @TempDir
    Path tmp;
    Path clusters;

    private final Mounts mounts = new Mounts();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @BeforeEach
    void environment() throws Exception {
        clusters = ClusterProject.clustersFile(tmp, "faults");
        Mounts.assumeMountPermitted(tmp);
    }

    @AfterEach
    void cleanUp() throws Exception {
        thread.shutdownNow();
        thread.awaitTermination(60, TimeUnit.SECONDS);
        mounts.unmountAll();
    }

    @Test
    void aLocalSearchFolderTurnedReadOnlyStopsTheSearchAndResumeCollectsWhatRanMeanwhile() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path searchDir = project.resolve("hp_search_0");
        Future<Cli> run = start(project);
        JournalWatch.awaitOkResults(searchDir, 2, Duration.ofSeconds(120));
        mounts.readOnly(searchDir);

        Cli stopped = run.get(180, TimeUnit.SECONDS);

        FaultGrid.assertStoppedSaying(stopped, "Read-only file system");
        mounts.unmountAll();
        assertResumeCollectsTheGrid(searchDir);
    }

    @Test
    void aLocalDiskThatFillsUpStopsTheSearchAndResumeCollectsWhatRanMeanwhile() throws Exception {
        Path disk = tmp.resolve("disk");
        mounts.tmpfs(disk, "2m");
        Path project = Files.createDirectories(disk.resolve("project"));
        Path searchDir = project.resolve("hp_search_0");
        Future<Cli> run = start(project);
        JournalWatch.awaitOkResults(searchDir, 2, Duration.ofSeconds(120));
        Path filler = Mounts.fill(disk);

        Cli stopped = run.get(180, TimeUnit.SECONDS);

        FaultGrid.assertStoppedSaying(stopped, "No space left on device");
        Files.delete(filler);
        assertResumeCollectsTheGrid(searchDir);
    }

    private Future<Cli> start(Path project) throws Exception {
        FaultGrid.write(project, String.join("\n",
                "import json, sys, time",
                "cfg = json.load(open(sys.argv[1]))",
                "print('ran x=%s' % cfg['x'], flush=True)",
                "time.sleep(1)",
                "json.dump({'objective': cfg['x'] * 1.5}, open(cfg['save_folder'] + '/output.json', 'w'))", ""),
                "{\"environment_path\": \"python3\", \"script_path\": \"work.py\", \"time\": 0.1, \"memory\": 1,"
                + " \"cluster\": \"testcluster\"}");
        return thread.submit(() -> FaultGrid.run(project, "--clusters-file", clusters.toString()));
    }

    private void assertResumeCollectsTheGrid(Path searchDir) throws Exception {
        Cli resumed = Cli.run("resume", "-q", "--clusters-file", clusters.toString(), searchDir.toString());

        assertThat(resumed.status).as(resumed.out + resumed.err).isEqualTo(0);
        FaultGrid.assertEveryCombinationOk(searchDir);
        // nothing ran twice: each combination's log holds one run
        for (int id = 0; id < FaultGrid.SIZE; id++) {
            assertThat(Files.readString(searchDir.resolve("hp_combination_" + id + "/log.txt"))).containsOnlyOnce("ran x=");
        }
    }
}
