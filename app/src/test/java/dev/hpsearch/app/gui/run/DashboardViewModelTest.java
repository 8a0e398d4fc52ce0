package dev.hpsearch.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.ManualScheduler;
import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.common.UnsavedEdits;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.results.SuggestedBy;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.app.service.UserFacingException;
import dev.hpsearch.optimizer.analysis.History;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.engine.FailureClass;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.text.Numbers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run dashboard without a JavaFX toolkit: background work runs at once, time moves by hand. */
class DashboardViewModelTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ManualScheduler clock = new ManualScheduler();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private final List<SearchEvents> captured = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<String> launchedConfigs = new ArrayList<>();
    private final ModelConfig model = new ModelConfig(JsonFiles.STRICT.createObjectNode(),
            new SearchSpace(List.of(Hyperparameter.continuous("x", 0.1, 10, Transformation.LOG))));
    private String resumeFails;

    @TempDir
    Path tmp;

    private Project project;

    @BeforeEach
    void demo() throws Exception {
        project = new ProjectFactory().fromDemo(tmp.resolve("demo"));
    }

    private DashboardViewModel dashboard(UnsavedEdits edits) {
        return new DashboardViewModel(project, tasks, launcher(), dialogs, edits, clock, Duration.ZERO);
    }

    private DashboardViewModel dashboard() {
        return dashboard(UnsavedEdits.NONE);
    }

    /** Launches a search and returns where its events go. */
    private SearchEvents launch(DashboardViewModel vm) {
        vm.launch();
        return captured.get(captured.size() - 1);
    }

    // ---- counters, best, filters, detail (moved from ViewModelTest)

    @Test
    void dashboardCountsRowsAndBestFromBatchedEvents() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        TrialRecord t1 = trial(1, 2.0, 0.25, TrialStatus.OK);
        ev.onTrial(trial(0, 1.0, 0.5, TrialStatus.OK));
        ev.onTrial(t1);
        ev.onTrial(trial(2, 5.0, null, TrialStatus.RUNNING));
        ev.onProgress(new Progress(2, 0, 0, 1, 0, -1, t1, Duration.ofSeconds(75), Duration.ofSeconds(30)));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.doneProperty().get()).isEqualTo(2);
        assertThat(vm.runningProperty().get()).isEqualTo(1);
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:15");
        assertThat(vm.bestProperty().get()).isEqualTo("0.25  (combination 1: x=2)");
        assertThat(vm.pendingProperty().get()).isEmpty();
        // Slurm's pending reasons, as the engine counts them from the executor's poll
        ev.onProgress(new Progress(2, 0, 0, 1, 2, -1, t1, Duration.ofSeconds(80), null,
                Map.of("Priority", 1, "QOSMaxSubmitJobPerUserLimit (will not clear by itself)", 1)));
        assertThat(vm.pendingProperty().get())
                .isEqualTo("1 Priority, 1 QOSMaxSubmitJobPerUserLimit (will not clear by itself)");
        ev.onTrial(trial(2, 5.0, 3.0, TrialStatus.OK));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.rows().get(2).loss()).isEqualTo(3.0);
        vm.statusFilterProperty().set("ok");
        vm.brushedProperty().set(Set.of(0, 2));
        assertThat(vm.filteredRows()).extracting(r -> r.id()).containsExactly(0, 2);
        vm.filterTextProperty().set("5.0");
        assertThat(vm.filteredRows()).extracting(r -> r.id()).containsExactly(2);
        vm.cancel(vm.rows().get(2));
        assertThat(calls).containsExactly("start null", "cancel 2");
        ev.onEnd("Search complete: max_suggestions (3) reached");
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("complete");
    }

    @Test
    void theSelectedCombinationsDetailSaysWhereAndHowItRanAndFollowsItsRow() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        ev.onTrial(trial(0, 1.0, null, TrialStatus.RUNNING));
        vm.select(vm.rows().get(0));
        assertThat(vm.detailProperty().get()).contains("combination 0: running").contains("recorded when it ends");

        Provenance ran = new Provenance("node017", "COMPLETED", "0:0", 65.0, null, null, "scontrol",
                "68242d15dfa1387d354223ad3489b934ee9bb0a975dd6fba2114f4bdcaed6a0a", "2e0cb3d0", "0.1.0-SNAPSHOT");
        TrialRecord t = trial(0, 1.0, 0.5, TrialStatus.OK);
        ev.onTrial(new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(), t.previousResultsCount(),
                "1074_0", "", TrialStatus.OK, 0.5, Map.of(), null, 0, 65.0, 0, 1, ran));

        // the selection follows its row as the combination finishes
        assertThat(vm.selectedProperty().get().status()).isEqualTo("ok");
        assertThat(vm.detailProperty().get()).contains("combination 0: ok (job 1074_0)")
                .contains("suggested by: random")
                .contains("nodes: node017")
                .contains("Slurm state: COMPLETED")
                .contains("exit code: 0:0")
                .contains("elapsed: 1:05 (65 s)")
                .contains("CPU time: not known")
                .contains("MaxRSS: not known")
                .contains("scontrol show job (accounting is off")
                .contains("script sha256: 68242d15dfa1387d354223ad3489b934ee9bb0a975dd6fba2114f4bdcaed6a0a")
                .contains("input.json sha256: 2e0cb3d0")
                .contains("hpsearch: 0.1.0-SNAPSHOT");

        vm.results().select(null);
        assertThat(vm.detailProperty().get()).startsWith("Select a combination");

        // a local run names its host and its peak memory
        ev.onTrial(new TrialRecord(1, t.combination(), "random", 1, 0, "4242", "", TrialStatus.OK, 0.25, Map.of(),
                null, 0, 2.0, 0, 1, new Provenance("laptop", "COMPLETED", "0", 2.0, 1.25, 125L * 1048576, "local",
                "ab", "cd", "0.1.0")));
        vm.select(vm.rows().get(1));
        assertThat(vm.detailProperty().get()).contains("host: laptop").contains("peak memory: 125.0 MiB")
                .contains("CPU time: 1.3 s").contains("/proc");
    }

    @Test
    void dashboardCountsRowsWithoutAScoreByFailureClassAndFiltersByIt() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        assertThat(vm.failureClassesProperty().get()).isEmpty();

        ev.onTrial(trial(0, 1.0, 0.5, TrialStatus.OK));
        ev.onTrial(classed(1, TrialStatus.FAILED, FailureClass.TIMEOUT));
        ev.onTrial(classed(2, TrialStatus.FAILED, FailureClass.OUT_OF_MEMORY));
        ev.onTrial(classed(3, TrialStatus.FAILED, FailureClass.TIMEOUT));
        ev.onTrial(classed(4, TrialStatus.QUEUED, FailureClass.PREEMPTED));

        assertThat(vm.failureClassesProperty().get()).isEqualTo("2 timeout, 1 out_of_memory, 1 preempted");
        assertThat(vm.rows().get(4).failureClass()).isEqualTo("preempted");
        vm.filterTextProperty().set("timeout");
        assertThat(vm.filteredRows()).extracting(r -> r.id()).containsExactly(1, 3);

        // the preempted run ran again and scored: the row no longer counts
        ev.onTrial(trial(4, 4.0, 0.75, TrialStatus.OK));
        assertThat(vm.failureClassesProperty().get()).isEqualTo("2 timeout, 1 out_of_memory");
        assertThat(vm.rows().get(4).failureClass()).isEmpty();
    }

    @Test
    void anOriginalToolResultsFileOpensReadOnlyWithInferredColumns() throws Exception {
        Path file = tmp.resolve("hp_search_data.txt");
        Files.writeString(file, String.join("\n",
                "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\tis_queued\tmodel_config_path\tloss\tlr\tact",
                "0\t11\t1.0\t0\trandom\tTrue\t/x/input.json\t0.7\t0.01\trelu",
                "1\t12\t1.0\t0\trandom\tTrue\t/x/input.json\t0.3\t0.1\ttanh", ""));
        DashboardViewModel vm = new DashboardViewModel(project, tasks, null);
        vm.openResultsFile(file);
        assertThat(vm.hyperparameters()).containsExactly("lr", "act");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.bestProperty().get()).startsWith("0.3").contains("combination 1");
        assertThat(vm.controllableProperty().get()).isFalse();
        assertThat(vm.resultTable().toCsv(vm.rows())).contains("1,ok,0.3,0.1,tanh");
        vm.select(vm.rows().get(1));
        assertThat(vm.detailProperty().get()).contains("combination 1: ok").contains("No record of where and how it ran");
        vm.dispose();
    }

    @Test
    void learningCurvesOfAnOpenedSearchGiveTheLastStepAndValueAndMarkThePrunedRuns() throws Exception {
        Path search = Files.createDirectories(tmp.resolve("hp_search_0"));
        Files.writeString(search.resolve("hp_search_data.txt"), String.join("\n",
                "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\tis_queued\tmodel_config_path"
                        + "\tloss\tlr\tstatus\tfailure_reason\tfailure_class\tattempts\tlast_step\tlast_value",
                "0\t11\t1.0\t0\trandom\tTrue\t/x/input.json\t0.3\t0.1\tok\t\t\t1\t\t",
                "1\t12\t1.0\t0\trandom\tTrue\t/x/input.json\t\t0.01\tpruned\tpruned at step 1 (median)\t\t1\t1\t0.9", ""));
        Files.createDirectories(search.resolve("hp_combination_0"));
        Files.writeString(search.resolve("hp_combination_0/progress.jsonl"),
                "{\"step\": 0, \"objective\": 1}\n{\"step\": 1, \"objective\": 0.5}\n{\"step\": 2, \"objective\": 0.3}\n");
        Files.createDirectories(search.resolve("hp_combination_1"));
        // a garbled line and a last line without its end are left out
        Files.writeString(search.resolve("hp_combination_1/progress.jsonl"),
                "{\"step\": 0, \"objective\": 1.2}\nnot json\n{\"step\": 1, \"objective\": 0.9}\n{\"step\": 2,");
        DashboardViewModel vm = new DashboardViewModel(project, tasks, null);
        assertThat(vm.hasCurves().get()).isFalse();

        vm.openResultsFile(search.resolve("hp_search_data.txt"));

        assertThat(vm.hasCurves().get()).isTrue();
        assertThat(vm.curvesProperty().get()).containsOnlyKeys(0, 1);
        assertThat(vm.lastStep(vm.rows().get(0))).isEqualTo(2.0);
        assertThat(vm.lastValue(vm.rows().get(0))).isEqualTo(0.3);
        assertThat(vm.lastStep(vm.rows().get(1))).isEqualTo(1.0);
        assertThat(vm.lastValue(vm.rows().get(1))).isEqualTo(0.9);
        assertThat(vm.prunedIds()).containsExactly(1);
        assertThat(vm.prunedProperty().get()).isEqualTo(1);
        vm.dispose();
    }

    @Test
    void aSearchWithoutCurvesShowsNone() throws Exception {
        Path file = tmp.resolve("hp_search_data.txt");
        Files.writeString(file, String.join("\n",
                "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\tis_queued\tmodel_config_path\tloss\tlr",
                "0\t11\t1.0\t0\trandom\tTrue\t/x/input.json\t0.7\t0.01", ""));
        DashboardViewModel vm = new DashboardViewModel(project, tasks, null);
        vm.openResultsFile(file);
        assertThat(vm.hasCurves().get()).isFalse();
        assertThat(vm.lastStep(vm.rows().get(0))).isNull();
        vm.dispose();
    }

    // ---- batches

    @Test
    void eventsArrivingWithinTheBatchIntervalAreAppliedTogetherWhenItHasPassed() {
        DashboardViewModel vm = new DashboardViewModel(project, tasks, launcher(), dialogs, UnsavedEdits.NONE, clock,
                Duration.ofMillis(250));
        SearchEvents ev = launch(vm);
        ev.onTrial(trial(0, 1.0, 0.5, TrialStatus.OK));
        assertThat(vm.rows()).as("the first batch goes at once").hasSize(1);
        int version = vm.dataVersionProperty().get();
        ev.onTrial(trial(1, 2.0, 0.4, TrialStatus.OK));
        ev.onTrial(trial(2, 3.0, 0.3, TrialStatus.OK));
        ev.onProgress(new Progress(3, 0, 0, 0, 0, -1, null, Duration.ofSeconds(3), null));
        clock.advance(Duration.ofMillis(249));
        assertThat(vm.rows()).as("within the interval: waiting").hasSize(1);
        clock.advance(Duration.ofMillis(1));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.doneProperty().get()).isEqualTo(3);
        assertThat(vm.dataVersionProperty().get()).as("one batch, one redraw").isEqualTo(version + 1);
    }

    // ---- monitoring

    @Test
    void theHeadlineBestIsTheHistorysBestSoFarEvenBeforeTheEngineCountsIt() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        TrialRecord t0 = trial(0, 1.0, 0.5, TrialStatus.OK);
        ev.onTrial(t0);
        ev.onProgress(new Progress(1, 0, 0, 1, 0, -1, t0, Duration.ofSeconds(5), null));
        // a better result, and the engine's Progress still naming the earlier best
        ev.onTrial(trial(1, 7.79988e-6, 1.23456e-5, TrialStatus.OK));
        ev.onProgress(new Progress(1, 0, 0, 1, 0, -1, t0, Duration.ofSeconds(6), null));
        String plotLabel = HistoryPlot.bestLabel(History.of(vm.rows()));
        assertThat(plotLabel).isEqualTo("best so far 1.235e-05");
        assertThat(vm.bestProperty().get()).startsWith("1.235e-05  (combination 1: x=7.8e-06)");
        assertThat(vm.bestFullProperty().get()).startsWith("1.23456e-5").contains("x=7.79988e-6");
        assertThat(vm.results().bestProperty().get().id()).as("the row the table marks").isEqualTo(1);
    }

    @Test
    void theElapsedClockTicksEverySecondAndTimeLeftGoesWhenTheSearchStops() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        ev.onProgress(new Progress(1, 0, 0, 1, 0, 4, null, Duration.ofSeconds(75), Duration.ofSeconds(30)));
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:15");
        assertThat(vm.etaProperty().get()).isEqualTo("0:30");
        clock.advance(Duration.ofSeconds(1));
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:16");
        clock.advance(Duration.ofSeconds(2));
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:18");
        assertThat(vm.etaProperty().get()).isEqualTo("0:27");
        // the engine's next figures take over
        ev.onProgress(new Progress(2, 0, 0, 1, 0, 4, null, Duration.ofSeconds(79), Duration.ofSeconds(20)));
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:19");
        ev.onProgress(new Progress(4, 0, 0, 0, 0, 4, null, Duration.ofSeconds(90), null));
        ev.onEnd("Search complete");
        assertThat(vm.etaProperty().get()).isEqualTo("–");
        clock.advance(Duration.ofSeconds(5));
        assertThat(vm.elapsedProperty().get()).as("a stopped search's clock stands").isEqualTo("1:30");
    }

    @Test
    void theSearchLogReachesTheStatusLine() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        ev.onLog("combination 0 submitted");
        ev.onLog("Cannot refresh from cluster lab: connection refused; retrying");
        assertThat(vm.latestLogProperty().get()).isEqualTo("Cannot refresh from cluster lab: connection refused; retrying");
        assertThat(vm.searchLog()).hasSize(2);
    }

    @Test
    void statusLinesClearWhenANewSearchStarts() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        ev.onLog("Cannot refresh from cluster");
        ev.onCoordinator("Coordinator job 7: RUNNING");
        ev.onProgress(new Progress(0, 0, 0, 0, 1, -1, null, Duration.ofSeconds(3), null, Map.of("Priority", 1)));
        ev.onEnd("Search stopped: stopped from the dashboard");
        assertThat(vm.pendingProperty().get()).as("nothing waits in a stopped search").isEmpty();

        vm.launch();
        assertThat(vm.latestLogProperty().get()).isEmpty();
        assertThat(vm.coordinatorProperty().get()).isEmpty();
        assertThat(vm.searchLog()).isEmpty();
        assertThat(vm.messageProperty().get()).startsWith("Running ");
        assertThat(vm.elapsedProperty().get()).isEqualTo("0:00");
    }

    @Test
    void aCancellingMessageGoesWhenTheCombinationIsCancelledAndANoteGoesAfterAWhile() throws Exception {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        ev.onTrial(trial(0, 1.0, 0.5, TrialStatus.OK));
        ev.onTrial(trial(1, 2.0, null, TrialStatus.RUNNING));
        vm.cancel(vm.rows().get(1));
        assertThat(vm.messageProperty().get()).isEqualTo("Cancelling combination 1…");
        ev.onTrial(new TrialRecord(1, new Combination(List.<JsonNode>of(DoubleNode.valueOf(2.0))), "random", 1, 0,
                "j1", "", TrialStatus.CANCELLED, null, Map.of(), "cancelled from the dashboard", null, 1.5, 0, 1));
        assertThat(vm.messageProperty().get()).startsWith("Running ");

        Path csv = tmp.resolve("out.csv");
        vm.exportCsv(csv);
        assertThat(Files.readString(csv)).contains("0,ok,0.5");
        assertThat(vm.messageProperty().get()).startsWith("Saved 2 combinations");
        clock.advance(DashboardViewModel.NOTE_LIFETIME);
        assertThat(vm.messageProperty().get()).startsWith("Running ");
    }

    // ---- never drop work

    @Test
    void launchRunsTheSearchConfigTheFormShows() {
        DashboardViewModel vm = dashboard();
        vm.launch();
        assertThat(launchedConfigs).containsExactly("search_config.json");

        captured.get(0).onEnd("Search complete");
        vm.searchConfigProperty().set(tmp.resolve("search_config_bopt.json"));
        vm.launch();
        assertThat(launchedConfigs).containsExactly("search_config.json", "search_config_bopt.json");
    }

    @Test
    void launchAsksToSaveOrDiscardUnsavedEditsOrIsCancelled() {
        Edits edits = new Edits("Search settings");
        DashboardViewModel vm = dashboard(edits);

        dialogs.unsavedAnswer = UnsavedEditsPrompt.Choice.CANCEL;
        vm.launch();
        assertThat(dialogs.questions).singleElement().asString().contains("Search settings has unsaved changes");
        assertThat(calls).as("cancel: no search").isEmpty();
        assertThat(vm.messageProperty().get()).contains("Not launched").contains("Search settings");

        dialogs.unsavedAnswer = UnsavedEditsPrompt.Choice.CANCEL; // the dialog closed
        vm.launch();
        assertThat(calls).isEmpty();

        edits.saveWorks = false;
        dialogs.unsavedAnswer = UnsavedEditsPrompt.Choice.SAVE;
        vm.launch();
        assertThat(calls).as("an invalid form is not saved: no search").isEmpty();
        assertThat(edits.log).containsExactly("save");

        edits.saveWorks = true;
        vm.launch();
        assertThat(edits.log).containsExactly("save", "save");
        assertThat(calls).containsExactly("start null");

        edits.names = List.of("Job");
        captured.get(0).onEnd("Search complete");
        dialogs.unsavedAnswer = UnsavedEditsPrompt.Choice.DISCARD;
        vm.launch();
        assertThat(edits.log).containsExactly("save", "save", "discard");
        assertThat(calls).containsExactly("start null", "start null");
    }

    @Test
    void cancelCombinationAsksFirst() {
        DashboardViewModel vm = dashboard();
        vm.launch();
        captured.get(0).onTrial(trial(0, 1.0, null, TrialStatus.RUNNING));
        dialogs.confirmAnswer = false;
        vm.cancel(vm.rows().get(0));
        assertThat(dialogs.questions).containsExactly("Cancel combination 0?");
        assertThat(calls).containsExactly("start null");
        dialogs.confirmAnswer = true;
        vm.cancel(vm.rows().get(0));
        assertThat(calls).containsExactly("start null", "cancel 0");
    }

    @Test
    void aFailedResumeLeavesTheDashboardAsItWas() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        TrialRecord t0 = trial(0, 1.0, 0.5, TrialStatus.OK);
        ev.onTrial(t0);
        ev.onLog("combination 0 finished");
        ev.onProgress(new Progress(1, 0, 0, 0, 0, -1, t0, Duration.ofSeconds(9), null));
        ev.onEnd("Search stopped: stopped from the dashboard");

        resumeFails = "hp_search_0 has ended (max_suggestions reached)";
        vm.resume(tmp.resolve("hp_search_0"));
        assertThat(vm.messageProperty().get()).isEqualTo("Could not start: " + resumeFails);
        assertThat(vm.rows()).hasSize(1);
        assertThat(vm.doneProperty().get()).isEqualTo(1);
        assertThat(vm.bestProperty().get()).startsWith("0.5");
        assertThat(vm.elapsedProperty().get()).isEqualTo("0:09");
        assertThat(vm.searchLog()).containsExactly("combination 0 finished");
        assertThat(vm.busyProperty().get()).isFalse();
    }

    @Test
    void replicatesStartOnTheDashboardButNeverInterruptASearchOnTheGo() {
        DashboardViewModel vm = dashboard();
        launch(vm);
        assertThat(vm.busyProperty().get()).isTrue();
        String refused = vm.replicate(tmp.resolve("hp_search_0"), List.of(3, 1), 2);
        assertThat(refused).startsWith("Replicates not started: a search is running");
        assertThat(calls).containsExactly("start null");

        captured.get(0).onEnd("Search finished");
        assertThat(vm.busyProperty().get()).isFalse();
        String started = vm.replicate(tmp.resolve("hp_search_0"), List.of(3, 1), 2);
        assertThat(started).contains("[3, 1]").contains("Run tab");
        assertThat(calls).containsExactly("start null", "replicate hp_search_0 [3, 1] x2");
        assertThat(vm.busyProperty().get()).as("the replicates run on the dashboard").isTrue();
    }

    @Test
    void resumeIsOffForAnEndedSearchAndOnForAnInterruptedOne() throws Exception {
        DashboardViewModel vm = dashboard();
        Path ended = journal("hp_search_1", true);
        Path interrupted = journal("hp_search_2", false);
        Path original = Files.createDirectories(project.folder().resolve("hp_search_3"));

        vm.chosenSearchProperty().set(ended);
        assertThat(vm.resumableProperty().get()).isFalse();
        assertThat(vm.resumeHintProperty().get()).contains("has ended (max_suggestions reached)");
        vm.chosenSearchProperty().set(original);
        assertThat(vm.resumableProperty().get()).isFalse();
        assertThat(vm.resumeHintProperty().get()).contains("no journal");
        vm.chosenSearchProperty().set(interrupted);
        assertThat(vm.resumableProperty().get()).isTrue();
        vm.launch();
        assertThat(vm.resumableProperty().get()).as("not while a search runs here").isFalse();
    }

    private Path journal(String name, boolean ended) throws IOException {
        Path dir = Files.createDirectories(project.folder().resolve(name));
        try (Journal j = Journal.open(dir)) {
            j.append(new JournalEvent.Start(1000, 1, null, null));
            if (ended) {
                j.append(new JournalEvent.End(2000, "max_suggestions reached"));
            }
        }
        return dir;
    }

    // ---- all of the results

    @Test
    void metricsBecomeOptionalColumnsAndCopyKeepsEveryDigit() {
        DashboardViewModel vm = dashboard();
        SearchEvents ev = launch(vm);
        ev.onTrial(new TrialRecord(0, new Combination(List.<JsonNode>of(DoubleNode.valueOf(7.79988e-6))),
                "Matern52_EI_MCMC", 0, 0, "j0", "", TrialStatus.OK, 0.123456789,
                Map.of("accuracy", 0.987654321), null, 0, 1.5, 0, 1));
        assertThat(vm.results().metrics()).containsExactly("accuracy");
        assertThat(vm.metricShownProperty("accuracy").get()).isTrue();
        assertThat(vm.copyText(vm.rows())).isEqualTo("combination_id\tstatus\tloss\tx\taccuracy\n"
                + "0\tok\t0.123456789\t7.79988e-6\t0.987654321\n");
        assertThat(SuggestedBy.describe(vm.rows().get(0).searchType()))
                .isEqualTo("GP: Matern52 kernel, EI acquisition, MCMC estimation");
        assertThat(SuggestedBy.describe("")).as("a table without the column").isEqualTo("unknown");
        assertThat(SuggestedBy.describe("grid")).isEqualTo("grid");
        assertThat(SuggestedBy.describe("Matern52_Thompson_MLE"))
                .isEqualTo("GP: Matern52 kernel, Thompson sampling, MLE estimation");
        assertThat(Numbers.display(vm.rows().get(0).values().get(0))).isEqualTo("7.8e-06");
    }

    // ---- fakes around real view-model code

    /** Form edits that can be saved (or not) and discarded, recording what was asked of them. */
    private static final class Edits implements UnsavedEdits {
        List<String> names;
        boolean saveWorks = true;
        final List<String> log = new ArrayList<>();

        Edits(String name) {
            names = List.of(name);
        }

        @Override
        public List<String> unsaved() {
            return names;
        }

        @Override
        public boolean saveAll() {
            log.add("save");
            if (saveWorks) {
                names = List.of();
            }
            return saveWorks;
        }

        @Override
        public void discardAll() {
            log.add("discard");
            names = List.of();
        }
    }

    private SearchLauncher launcher() {
        return new SearchLauncher() {
            @Override
            public RunningSearch start(Project p, Optional<RunTarget> target, SearchEvents events) {
                calls.add("start " + target.map(RunTarget::name).orElse(null));
                launchedConfigs.add(p.searchConfig().getFileName().toString());
                captured.add(events);
                return running();
            }

            @Override
            public String launchDetached(Project p, Optional<RunTarget> target) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RunningSearch resume(Path searchDir, SearchEvents events) throws UserFacingException {
                if (resumeFails != null) {
                    throw new UserFacingException(UserFacingException.Kind.FAILURE, resumeFails);
                }
                captured.add(events);
                return running();
            }

            @Override
            public RunningSearch replicate(Path searchDir, List<Integer> ids, int runs, SearchEvents events) {
                calls.add("replicate " + searchDir.getFileName() + " " + ids + " x" + runs);
                captured.add(events);
                return running();
            }

            @Override
            public RunningSearch attach(Path searchDir, SearchEvents events) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private RunningSearch running() {
        return new RunningSearch(tmp.resolve("hp_search_0"), model, RunningSearch.Mode.RUNS, new RunningSearch.Control() {
            @Override
            public void stop(String reason) {
                calls.add("stop");
            }

            @Override
            public void cancel(int combinationId) {
                calls.add("cancel " + combinationId);
            }

            @Override
            public void close() {
            }
        });
    }

    private static TrialRecord trial(int id, double x, Double loss, TrialStatus status) {
        return new TrialRecord(id, new Combination(List.<JsonNode>of(DoubleNode.valueOf(x))), "random", id, 0,
                "j" + id, "", status, loss, Map.of(), null, null, 1.5, 0, 1);
    }

    private static TrialRecord classed(int id, TrialStatus status, FailureClass failureClass) {
        return new TrialRecord(id, new Combination(List.<JsonNode>of(DoubleNode.valueOf(id + 1.0))), "grid", id, 0,
                "j" + id, "", status, null, Map.of(), failureClass.key() + " happened", null, 1.5, 0, 1, failureClass);
    }
}
