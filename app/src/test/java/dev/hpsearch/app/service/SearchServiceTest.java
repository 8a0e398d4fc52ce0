package dev.hpsearch.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.testenv.RecordedEvents;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.engine.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run service on this machine with the shipped Python demo (three random combinations of it). */
class SearchServiceTest {
    private static final long END_SECONDS = 120;

    @TempDir
    Path tmp;
    Path project;
    ConfigFiles files;
    final SearchService service = SearchService.localOnly();

    @BeforeEach
    void demo() throws Exception {
        project = tmp.resolve("demo");
        new ProjectFactory().fromDemo(project);
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"random\", \"max_suggestions\": 3,"
                + " \"max_active_points\": 2, \"random_seed\": 7, \"search_time\": 0.1}");
        files = new ConfigFiles(project.resolve("search_config.json"), project.resolve("job_config.json"),
                project.resolve("model_config.json"));
    }

    private Path runToTheEnd() throws Exception {
        RecordedEvents events = new RecordedEvents();
        RunningSearch s = service.run(files, Optional.of(RunTarget.LOCAL), events);
        assertThat(s.mode()).isEqualTo(RunningSearch.Mode.RUNS);
        assertThat(s.followOnly()).isFalse();
        assertThat(s.stoppable()).isTrue();
        String end = events.ends.poll(END_SECONDS, TimeUnit.SECONDS);
        assertThat(end).as("the end of the search").startsWith("Search complete");
        return s.searchDir();
    }

    @Test
    void aLocalSearchRunsToItsEndAndIsRecordedWhereItRan() throws Exception {
        RecordedEvents events = new RecordedEvents();
        RunningSearch s = service.run(files, Optional.of(RunTarget.LOCAL), events);
        String end = events.ends.poll(END_SECONDS, TimeUnit.SECONDS);

        assertThat(end).startsWith("Search complete");
        Path dir = s.searchDir();
        assertThat(dir).isEqualTo(project.resolve(SearchFolder.name(0)));
        assertThat(s.model().space().hyperparameters()).extracting(h -> h.name())
                .contains("feature_scaling", "epochs", "optimizer.learning_rate", "optimizer.l2");
        assertThat(events.trials.values()).hasSize(3)
                .allSatisfy(t -> assertThat(t.status()).isEqualTo(TrialStatus.OK));
        Progress last = events.progress.get();
        assertThat(last.done()).as("the engine's own count, the one every display shows").isEqualTo(3);
        assertThat(last.running() + last.queued()).isZero();
        assertThat(Files.readAllLines(dir.resolve("hp_search_data.txt"))).hasSize(4);
        assertThat(SearchFiles.cluster(dir)).isEqualTo("local");
        assertThat(Files.readString(project.resolve(LaunchRecords.FILE_NAME))).contains(dir.toString())
                .contains("hpsearch gui");
        assertThat(SearchFolder.combinationLog(dir, 0)).exists();
    }

    @Test
    void anEndedSearchIsNotResumedButCanBeWatchedFromItsJournal() throws Exception {
        Path dir = runToTheEnd();

        assertThatThrownBy(() -> service.resume(dir, new RecordedEvents())).isInstanceOf(UserFacingException.class)
                .hasMessageContaining("has ended");

        RecordedEvents watched = new RecordedEvents();
        RunningSearch w = service.attach(dir, watched);
        try {
            assertThat(w.mode()).isEqualTo(RunningSearch.Mode.WATCHES);
            assertThat(w.stoppable()).isFalse();
            assertThat(watched.ends.poll(10, TimeUnit.SECONDS)).startsWith("Search ended");
            assertThat(watched.trials).hasSize(3);
            assertThat(watched.progress.get().done()).isEqualTo(3);
            assertThatThrownBy(() -> w.cancel(0)).isInstanceOf(IllegalStateException.class);
        } finally {
            w.close();
        }
    }

    @Test
    void aClusterIsRefusedByALocalOnlyServiceBeforeAnythingIsCreated() {
        assertThatThrownBy(() -> service.run(files, Optional.of(RunTarget.parse("lab")), new RecordedEvents()))
                .isInstanceOfSatisfying(UserFacingException.class,
                        e -> assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFIG))
                .hasMessage(SearchService.NOT_AVAILABLE);
        assertThat(project.resolve(SearchFolder.name(0))).doesNotExist();
        assertThat(project.resolve(LaunchRecords.FILE_NAME)).doesNotExist();
    }

    @Test
    void aWrongConfigIsAConfigErrorNamingItsFileAndPathAndNothingIsCreated() throws Exception {
        Files.writeString(files.search(), "{\"search_type\": \"sideways\"}");

        assertThatThrownBy(() -> service.run(files, Optional.empty(), new RecordedEvents()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFIG);
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.getMessage()).contains("search_config.json").contains("search_type")
                            .contains("sideways").contains("nothing was started");
                });
        assertThat(project.resolve(SearchFolder.name(0))).doesNotExist();
    }

    @Test
    void aMissingScriptFailsThePreflightBeforeTheSearchFolderExists() throws Exception {
        Files.delete(project.resolve("train_logreg.py"));

        assertThatThrownBy(() -> service.run(files, Optional.empty(), new RecordedEvents()))
                .isInstanceOfSatisfying(UserFacingException.class, e -> {
                    assertThat(e.kind()).isEqualTo(UserFacingException.Kind.CONFIG);
                    assertThat(e.problems()).isNotEmpty();
                    assertThat(e.getMessage()).contains("train_logreg.py");
                });
        assertThat(SearchFolder.searches(project)).isEmpty();
    }

    @Test
    void theCommandLineDrivesThePreparedEngineInTheForegroundAndRecordsItsOwnCommand() throws Exception {
        PreparedSearch prepared = service.prepare(files.load(), RunTarget.LOCAL, new SearchService.NewSearch(
                dev.hpsearch.app.remote.ProfileSource.flag(), "--cluster", false, 5, "4242", "hpsearch run (test)"),
                new RecordedEvents());
        RecordedEvents events = new RecordedEvents();
        try (prepared) {
            assertThat(prepared.searchDir()).isEqualTo(project.resolve(SearchFolder.name(5)));
            assertThat(prepared.engine(events).run().complete()).isTrue();
        }
        assertThat(events.progress.get().done()).isEqualTo(3);
        List<String> records = Files.readAllLines(project.resolve(LaunchRecords.FILE_NAME));
        assertThat(records.get(records.size() - 1)).startsWith("4242\t").contains("hpsearch run (test)");
    }
}
