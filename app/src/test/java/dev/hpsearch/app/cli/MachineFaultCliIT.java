package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.JournalWatch;
import dev.hpsearch.optimizer.testing.Mounts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpsearch run} on a search folder that turns read-only, or whose disk fills up, mid-search: it exits
 * non-zero with one line that says what to fix and no stack trace, nothing is recorded failed for it, and after
 * the fix {@code hpsearch resume} exits 0 with every combination of the grid scored. Real mounts (see
 * {@link Mounts}), real scripts.
 */
class MachineFaultCliIT {
    @TempDir
    Path tmp;

    private final Mounts mounts = new Mounts();
    private final ExecutorService thread = Executors.newSingleThreadExecutor();

    @AfterEach
    void cleanUp() throws Exception {
        thread.shutdownNow();
        thread.awaitTermination(30, TimeUnit.SECONDS);
        mounts.unmountAll();
    }

    @Test
    void aSearchFolderTurnedReadOnlyExitsNonZeroAndResumeFinishesTheGrid() throws Exception {
        Mounts.assumeMountPermitted(tmp);
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path searchDir = project.resolve("hp_search_0");
        Future<Cli> run = start(project);
        JournalWatch.awaitOkResults(searchDir, 3, Duration.ofSeconds(60));
        mounts.readOnly(searchDir);

        Cli stopped = run.get(60, TimeUnit.SECONDS);

        FaultGrid.assertStoppedSaying(stopped, "Read-only file system", "make the search folder writable");
        Cli tooEarly = Cli.run("resume", "-q", searchDir.toString());
        assertThat(tooEarly.status).isEqualTo(1);
        assertThat(tooEarly.err).contains("cannot write in the search folder: ").contains("Read-only file system")
                .contains("make the search folder writable").doesNotContain("Exception").doesNotContain("\tat ");
        mounts.unmountAll();
        assertResumeScoresTheGrid(searchDir);
    }

    @Test
    void aDiskThatFillsUpExitsNonZeroAndResumeFinishesTheGrid() throws Exception {
        Mounts.assumeMountPermitted(tmp);
        Path disk = tmp.resolve("disk");
        mounts.tmpfs(disk, "2m");
        Path project = Files.createDirectories(disk.resolve("project"));
        Path searchDir = project.resolve("hp_search_0");
        Future<Cli> run = start(project);
        JournalWatch.awaitOkResults(searchDir, 3, Duration.ofSeconds(60));
        Path filler = Mounts.fill(disk);

        Cli stopped = run.get(60, TimeUnit.SECONDS);

        FaultGrid.assertStoppedSaying(stopped, "No space left on device", "free disk space");
        Files.delete(filler);
        assertResumeScoresTheGrid(searchDir);
    }

    private Future<Cli> start(Path project) throws Exception {
        FaultGrid.write(project, String.join("\n",
                "import json, sys, time",
                "cfg = json.load(open(sys.argv[1]))",
                // slow enough that the fault comes while combinations remain (at 0.2 s the grid could end first)
                "time.sleep(1.0)",
                "json.dump({'objective': cfg['x'] * 1.5}, open('output.json', 'w'))"),
                "{\"environment_path\": \"python3\", \"script_path\": \"work.py\", \"time\": 1}");
        return thread.submit(() -> FaultGrid.run(project));
    }

    private static void assertResumeScoresTheGrid(Path searchDir) throws Exception {
        Cli resumed = Cli.run("resume", "-q", searchDir.toString());

        assertThat(resumed.status).as(resumed.out + resumed.err).isEqualTo(0);
        FaultGrid.assertEveryCombinationOk(searchDir);
    }
}
