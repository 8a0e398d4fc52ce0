package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.testing.Mounts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults of the machine are not results: a search folder that turns read-only, a disk that fills up, an
 * interpreter that cannot be started. Real scripts, real processes, real mounts (see {@link Mounts}). The search
 * stops saying what to fix, keeps every finished result, records nothing as failed for the machine's fault,
 * and after the fix {@code resume} scores every combination of the grid.
 */
class MachineFaultIT {
    private static final int GRID = 8;
    private static final String SCRIPT = String.join("\n",
            "import json, sys, time",
            "cfg = json.load(open(sys.argv[1]))",
            "print('started', flush=True)",
            "time.sleep(0.15)",
            "json.dump({'objective': cfg['x'] * 2}, open('output.json', 'w'))");
    private static final String MODEL = "{\"x\": {\"type\": \"discrete\", \"domain\": [0, 1, 2, 3, 4, 5, 6, 7],"
            + " \"transformation\": \"linear\"}}";

    @TempDir
    Path tmp;

    private final Mounts mounts = new Mounts();

    @AfterEach
    void unmount() throws Exception {
        mounts.unmountAll();
    }

    @Test
    void aSearchFolderTurnedReadOnlyStopsTheSearchAndResumeScoresEveryCombination() throws Exception {
        Mounts.assumeMountPermitted(tmp);
        Configs c = project(Files.createDirectories(tmp.resolve("project")));
        Path searchDir = SearchFiles.create(c);
        Set<Integer> okBefore = new HashSet<>();
        SearchEngine engine = engineWithFault(c, searchDir, 3, okBefore, () -> mounts.readOnly(searchDir));

        SearchSummary stopped = engine.run();

        assertThat(okBefore).hasSizeGreaterThanOrEqualTo(3);
        assertThat(stopped.fault()).isTrue();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.reason()).contains("Read-only file system").contains("make the search folder writable")
                .doesNotContain("Exception");
        assertNothingFailedAndKept(engine.state(), okBefore);

        mounts.unmountAll();
        assertResumeScoresEveryCombination(c, searchDir, okBefore);
    }

    @Test
    void aDiskThatFillsUpStopsTheSearchAndResumeScoresEveryCombination() throws Exception {
        Path disk = tmp.resolve("disk");
        Configs c = projectOnSmallDisk(disk);
        Path searchDir = SearchFiles.create(c);
        Set<Integer> okBefore = new HashSet<>();
        Path[] filler = new Path[1];
        SearchEngine engine = engineWithFault(c, searchDir, 3, okBefore, () -> filler[0] = Mounts.fill(disk));

        SearchSummary stopped = engine.run();

        assertThat(filler[0]).isNotNull();
        assertThat(stopped.fault()).isTrue();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.reason()).contains("No space left on device").contains("free disk space")
                .doesNotContain("Exception");
        // the journal is the truth: what a later coordinator sees is what counts
        assertNothingFailedAndKept(SearchState.replay(Journal.read(searchDir)), okBefore);

        Files.delete(filler[0]);
        assertResumeScoresEveryCombination(c, searchDir, okBefore);
    }

    @Test
    void aJournalThatCannotBeWrittenStopsTheCoordinatorAndResumeAdoptsWhatRuns() throws Exception {
        Path disk = tmp.resolve("disk");
        Configs c = projectOnSmallDisk(disk);
        Path searchDir = SearchFiles.create(c);
        Set<Integer> okBefore = new HashSet<>();
        Path[] filler = new Path[1];
        SearchEngine engine = engineWithFault(c, searchDir, 2, okBefore, () -> {
            // blank lines (skipped on replay) up to a page boundary: the next event needs a new page
            Path journal = searchDir.resolve(Journal.FILE_NAME);
            int pad = (int) (4096 - Files.size(journal) % 4096);
            Files.write(journal, "\n".repeat(pad).getBytes(), java.nio.file.StandardOpenOption.APPEND);
            filler[0] = Mounts.fill(disk);
        });

        SearchSummary stopped = engine.run();

        assertThat(stopped.fault()).isTrue();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.reason()).startsWith("cannot write the search journal " + searchDir.resolve(Journal.FILE_NAME))
                .contains("No space left on device").contains("free disk space").doesNotContain("Exception");
        assertNothingFailedAndKept(SearchState.replay(Journal.read(searchDir)), okBefore);

        Files.delete(filler[0]);
        assertResumeScoresEveryCombination(c, searchDir, okBefore);
    }

    @Test
    void anInterpreterThatCannotBeStartedStopsTheSearchWithoutRecordingFailures() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path sh = Files.copy(Path.of("/bin/sh"), project.resolve("mysh"));
        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rw-r--r--"));
        Project p = new Project(project).script("./mysh", "score.sh", "echo 1.5 > output.json\n", 1);
        p.modelConfig = MODEL;
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 8, \"max_active_points\": 2}";
        Configs c = p.configs();
        Path searchDir = SearchFiles.create(c);

        SearchSummary stopped = engine(c, searchDir, new SearchListener() { }).run();

        assertThat(stopped.fault()).isTrue();
        assertThat(stopped.complete()).isFalse();
        assertThat(stopped.reason()).contains("cannot start " + sh + ": it is not an executable file")
                .contains("check that environment_path is an executable file");
        SearchState journaled = SearchState.replay(Journal.read(searchDir));
        assertThat(journaled.count(TrialStatus.FAILED)).isZero();
        assertThat(journaled.endReason()).isNull();

        Files.setPosixFilePermissions(sh, PosixFilePermissions.fromString("rwxr-xr-x"));
        SearchEngine again = engine(c, searchDir, new SearchListener() { });
        SearchSummary resumed = again.run();

        assertThat(resumed.complete()).isTrue();
        assertThat(again.state().count(TrialStatus.OK)).isEqualTo(GRID);
    }

    private Configs project(Path dir) throws Exception {
        Project p = new Project(dir).script("python3", "work.py", SCRIPT, 1);
        p.modelConfig = MODEL;
        p.searchConfig = "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 8, \"max_active_points\": 2}";
        return p.configs();
    }

    /** The project on a disk of 2 MiB mounted at {@code disk}, for a test to fill up. */
    private Configs projectOnSmallDisk(Path disk) throws Exception {
        Mounts.assumeMountPermitted(tmp);
        mounts.tmpfs(disk, "2m");
        return project(Files.createDirectories(disk.resolve("project")));
    }

    private static SearchEngine engine(Configs c, Path searchDir, SearchListener listener) throws Exception {
        return new SearchEngine(c.search(), c.job(), c.model(), searchDir,
                new LocalProcessExecutor(Clock.systemUTC(), Duration.ofMillis(500)),
                Strategies.forConfig(c.search(), c.model().space(), "search_config.json"), Clock.systemUTC(), listener);
    }

    /**
     * An engine that, once {@code ok} combinations have finished, notes their ids in {@code okBefore} and lets the
     * machine fail by {@code fault} (once).
     */
    private static SearchEngine engineWithFault(Configs c, Path searchDir, int ok, Set<Integer> okBefore,
                                                IoAction fault) throws Exception {
        SearchEngine[] engine = new SearchEngine[1];
        engine[0] = engine(c, searchDir, new SearchListener() {
            @Override
            public void onTrial(TrialRecord t) {
                if (t.status() == TrialStatus.OK && okBefore.isEmpty() && engine[0].state().count(TrialStatus.OK) >= ok) {
                    engine[0].state().trials().stream().filter(r -> r.status() == TrialStatus.OK)
                            .forEach(r -> okBefore.add(r.id()));
                    unchecked(fault);
                }
            }
        });
        return engine[0];
    }

    private static void assertNothingFailedAndKept(SearchState state, Set<Integer> okBefore) {
        assertThat(state.count(TrialStatus.FAILED)).as("recorded failed for the machine's fault").isZero();
        assertThat(state.count(TrialStatus.CANCELLED)).isZero();
        for (int id : okBefore) {
            assertThat(state.trial(id).status()).as("combination %d finished before the fault", id)
                    .isEqualTo(TrialStatus.OK);
        }
        assertThat(state.count(TrialStatus.OK)).isLessThan(GRID);
    }

    /** The machine fixed, {@code resume} scores every combination and runs none of {@code okBefore} again. */
    private static void assertResumeScoresEveryCombination(Configs c, Path searchDir, Set<Integer> okBefore)
            throws Exception {
        SearchSummary resumed = engine(c, searchDir, new SearchListener() { }).run();
        assertThat(resumed.complete()).as(resumed.reason()).isTrue();
        assertThat(resumed.fault()).isFalse();
        SearchState s = SearchState.replay(Journal.read(resumed.searchDir()));
        assertThat(s.trials()).hasSize(GRID);
        Set<String> values = new HashSet<>();
        for (TrialRecord t : s.trials()) {
            assertThat(t.status()).as("combination %d", t.id()).isEqualTo(TrialStatus.OK);
            assertThat(t.reason()).isNull();
            values.add(t.combination().values().toString());
        }
        assertThat(values).hasSize(GRID);
        for (int id : okBefore) {
            assertThat(startedCount(resumed.searchDir(), id)).as("combination %d ran once", id).isEqualTo(1);
        }
        assertThat(Project.table(resumed)).hasSize(1 + GRID).allSatisfy(row -> assertThat(row).doesNotContain("\tfailed\t"));
    }

    private static int startedCount(Path searchDir, int id) throws IOException {
        Matcher m = Pattern.compile("started").matcher(Files.readString(searchDir.resolve("hp_combination_" + id)
                .resolve("log.txt")));
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private interface IoAction {
        void run() throws Exception;
    }

    private static void unchecked(IoAction action) {
        try {
            action.run();
        } catch (Exception e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
