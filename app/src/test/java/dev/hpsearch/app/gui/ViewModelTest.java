package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.hpsearch.app.gui.job.JobConfigViewModel;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.model.ModelConfigViewModel;
import dev.hpsearch.app.gui.model.VariableRow;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.app.gui.run.SearchLauncher;
import dev.hpsearch.app.gui.search.SearchConfigViewModel;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.app.gui.start.StartViewModel;
import dev.hpsearch.app.service.LocalOnlyClusterService;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.engine.FailureClass;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** View-model behaviour without a JavaFX toolkit: background work runs synchronously. */
class ViewModelTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @TempDir
    Path tmp;

    private Project demo() throws Exception {
        return new ProjectFactory().fromDemo(tmp.resolve("demo"));
    }

    @Test
    void newDemoProjectIsOpenedAndRemembered() {
        List<Project> opened = new ArrayList<>();
        ScriptedDialogs dialogs = new ScriptedDialogs().answer(tmp.resolve("p"));
        AppServices services = new AppServices(tasks, dialogs, new RecentProjects(tmp.resolve("config")),
                new LocalOnlyClusterService(), null, new LoaderModelValidator(), null);
        StartViewModel vm = new StartViewModel(services, opened::add);
        vm.newFromDemo();
        assertThat(opened).hasSize(1);
        assertThat(opened.get(0).modelConfig()).exists();
        assertThat(new RecentProjects(tmp.resolve("config")).load()).containsExactly(tmp.resolve("p"));
        vm.newFromDemo(tmp.resolve("p"));
        assertThat(vm.errorProperty().get()).contains("already holds");
    }

    @Test
    void exampleInputKeysBecomeConstantRows() throws Exception {
        Path input = tmp.resolve("in.json");
        Files.writeString(input, "{\"alpha\": 0.5, \"name\": \"x\", \"save_folder\": \"out\", \"nested\": {\"k\": 3}}");
        Project p = new ProjectFactory().fromExampleInput(tmp.resolve("mine"), input);
        ModelConfigViewModel vm = new ModelConfigViewModel(p.modelConfig(), tasks, new LoaderModelValidator());
        vm.load();
        assertThat(vm.rows()).extracting(VariableRow::name).containsExactly("alpha", "name", "nested.k");
        assertThat(vm.rows()).noneMatch(VariableRow::isHyperparameter);
        assertThat(vm.validProperty().get()).as("no hyperparameter yet").isFalse();
        vm.row("alpha").kindProperty().set(VariableRow.HYPERPARAMETER);
        vm.row("alpha").domainProperty().set("0.1, 1");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void searchFieldsThatDoNotApplyAreDisabledAndErrorsSitAtTheirField() throws Exception {
        Project p = demo();
        SearchConfigViewModel vm = new SearchConfigViewModel(p.searchConfig(), tasks);
        vm.load();
        assertThat(vm.field("search_type").textProperty().get()).isEqualTo("random");
        assertThat(vm.field("bopt_config.kernel").enabledProperty().get()).isFalse();
        assertThat(vm.field("num_grid_points_per_hyperparameter").enabledProperty().get()).isFalse();
        vm.field("search_type").textProperty().set("bopt");
        assertThat(vm.field("bopt_config.kernel").enabledProperty().get()).isTrue();
        vm.field("max_suggestions").textProperty().set("0");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.field("max_suggestions").errorProperty().get()).contains("0");
        vm.field("max_suggestions").textProperty().set("12");
        vm.field("bopt_config.kernel").textProperty().set("Matern52");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void savingTheSearchConfigKeepsUnknownKeys() throws Exception {
        Path f = tmp.resolve("search_config.json");
        Files.writeString(f, "{\"search_type\": \"grid\", \"my_note\": \"keep me\", \"bopt_config.kernel\": \"ExpQuad\"}");
        SearchConfigViewModel vm = new SearchConfigViewModel(f, tasks);
        vm.load();
        assertThat(vm.field("bopt_config.kernel").textProperty().get()).isEqualTo("ExpQuad");
        vm.field("max_suggestions").textProperty().set("9");
        vm.save(null);
        JsonNode saved = JsonFiles.read(f, "s");
        assertThat(saved.get("my_note").asText()).isEqualTo("keep me");
        assertThat(saved.get("max_suggestions").asInt()).isEqualTo(9);
        assertThat(saved.has("bopt_config")).as("flat bopt keys stay flat").isFalse();
        assertThat(saved.get("bopt_config.kernel").get(0).asText()).isEqualTo("ExpQuad");
    }

    @Test
    void invalidLogDomainIsRefusedAtItsRowAndSaveRoundTripsTheJson() throws Exception {
        Project p = demo();
        JsonNode before = JsonFiles.read(p.modelConfig(), "m");
        ModelConfigViewModel vm = new ModelConfigViewModel(p.modelConfig(), tasks, new LoaderModelValidator());
        vm.load();
        assertThat(vm.rows()).extracting(VariableRow::name).contains("optimizer.learning_rate", "epochs");
        assertThat(vm.validProperty().get()).isTrue();
        VariableRow lr = vm.row("optimizer.learning_rate");
        assertThat(lr.previewProperty().get()).isEqualTo("grid of 3: 0.001, 0.3162, 100");
        lr.domainProperty().set("-1, 100");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(lr.errorProperty().get()).contains("log transformation needs bounds > 0");
        assertThat(lr.previewProperty().get()).isEmpty();
        lr.domainProperty().set("0.001, 100.0");
        assertThat(vm.validProperty().get()).isTrue();
        vm.save(null);
        assertThat(JsonFiles.read(p.modelConfig(), "m")).isEqualTo(before);
    }

    @Test
    void rawJsonIsValidatedLiveAndAppliedToTheRows() throws Exception {
        Project p = demo();
        ModelConfigViewModel vm = new ModelConfigViewModel(p.modelConfig(), tasks, new LoaderModelValidator());
        vm.load();
        vm.rawEdited("{\"a\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"log\"}");
        assertThat(vm.rawValidProperty().get()).isFalse();
        assertThat(vm.rawErrorProperty().get()).contains("invalid JSON");
        vm.rawEdited("{\"a\": {\"type\": \"discrete\", \"domain\": [0, 2], \"transformation\": \"log\"}}");
        assertThat(vm.rawValidProperty().get()).isFalse();
        assertThat(vm.rawErrorProperty().get()).contains("values > 0");
        String good = "{\"a\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"log\"}, \"b\": 3}";
        vm.rawEdited(good);
        assertThat(vm.rawValidProperty().get()).isTrue();
        vm.applyRaw(good);
        assertThat(vm.rows()).extracting(VariableRow::name).containsExactly("a", "b");
        assertThat(vm.row("a").previewProperty().get()).isEqualTo("grid of 3: 1, 2");
    }

    @Test
    void jobFormNeedsAScriptAndRefusesClustersThisBuildCannotReach() throws Exception {
        Project p = demo();
        JobConfigViewModel vm = new JobConfigViewModel(p, tasks, (proj, job) -> null, new LocalOnlyClusterService());
        vm.load();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.field("partition").enabledProperty().get()).isFalse();
        vm.field("script_path").textProperty().set("");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.field("script_path").errorProperty().get()).contains("missing");
        vm.field("script_path").textProperty().set("train_logreg.py");
        vm.field("cluster").textProperty().set("hpc");
        assertThat(vm.field("cluster").errorProperty().get()).contains("this machine only");
        assertThat(vm.field("partition").enabledProperty().get()).isTrue();
        vm.testConnection();
        assertThat(vm.connectionStatusProperty().get()).startsWith("✘");
    }

    @Test
    void jobFormWritesUploadAsAListAndLooksForItsFilesInTheProject() throws Exception {
        Project p = demo();
        JobConfigViewModel vm = new JobConfigViewModel(p, tasks, (proj, job) -> null, new LocalOnlyClusterService());
        vm.load();
        vm.field("upload").textProperty().set("iris.csv, no such data");
        assertThat(vm.field("upload").errorProperty().get()).contains("no such file or folder")
                .contains(p.folder().resolve("no such data").toString());
        vm.field("upload").textProperty().set("iris.csv , README.md");
        assertThat(vm.field("upload").errorProperty().get()).isEmpty();
        assertThat(vm.document().get("upload").toString()).isEqualTo("[\"iris.csv\",\"README.md\"]");
        vm.field("upload").textProperty().set("");
        assertThat(vm.document().has("upload")).isFalse();
    }

    @Test
    void jobFormWritesTheSiteResourceKeysAndShowsTheirErrors() throws Exception {
        Project p = demo();
        JobConfigViewModel vm = new JobConfigViewModel(p, tasks, (proj, job) -> null, new LocalOnlyClusterService());
        vm.load();
        vm.field("modules").textProperty().set("gcc/12 , python/3.11");
        vm.field("container").textProperty().set("images/a.sif");
        vm.field("cpus_per_task").textProperty().set("4");
        assertThat(vm.document().get("modules").toString()).isEqualTo("[\"gcc/12\",\"python/3.11\"]");
        assertThat(vm.document().get("container").asText()).isEqualTo("images/a.sif");
        assertThat(vm.document().get("cpus_per_task").asInt()).isEqualTo(4);
        vm.field("processor_type").textProperty().set("CPU");
        vm.field("gpu_type").textProperty().set("a100");
        assertThat(vm.field("gpu_type").errorProperty().get()).contains("\"processor_type\": \"GPU\"");
        vm.field("processor_type").textProperty().set("GPU");
        assertThat(vm.field("gpu_type").errorProperty().get()).isEmpty();
        vm.field("modules").textProperty().set("");
        assertThat(vm.document().has("modules")).isFalse();
    }

    @Test
    void dashboardCountsRowsAndBestFromBatchedEvents() throws Exception {
        Project p = demo();
        SearchSpace space = new SearchSpace(List.of(Hyperparameter.continuous("x", 0.1, 10, Transformation.LOG)));
        ModelConfig model = new ModelConfig(JsonFiles.STRICT.createObjectNode(), space);
        List<SearchEvents> captured = new ArrayList<>();
        List<Integer> cancelled = new ArrayList<>();
        SearchLauncher launcher = startOnly(model, captured, cancelled);
        DashboardViewModel vm = new DashboardViewModel(p, tasks, launcher);
        vm.launch();
        SearchEvents ev = captured.get(0);
        TrialRecord t0 = trial(0, 1.0, 0.5, TrialStatus.OK);
        TrialRecord t1 = trial(1, 2.0, 0.25, TrialStatus.OK);
        TrialRecord t2 = trial(2, 5.0, null, TrialStatus.RUNNING);
        ev.onTrial(t0);
        ev.onTrial(t1);
        ev.onTrial(t2);
        ev.onProgress(new Progress(2, 0, 0, 1, 0, -1, t1, Duration.ofSeconds(75), Duration.ofSeconds(30)));
        assertThat(vm.rows()).hasSize(3);
        assertThat(vm.doneProperty().get()).isEqualTo(2);
        assertThat(vm.runningProperty().get()).isEqualTo(1);
        assertThat(vm.elapsedProperty().get()).isEqualTo("1:15");
        assertThat(vm.bestProperty().get()).startsWith("0.25").contains("combination 1").contains("x=2.0");
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
        assertThat(cancelled).containsExactly(2);
        ev.onEnd("Search complete: max_suggestions (3) reached");
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("complete");
    }

    @Test
    void theSelectedCombinationsDetailSaysWhereAndHowItRanAndFollowsItsRow() throws Exception {
        Project p = demo();
        SearchSpace space = new SearchSpace(List.of(Hyperparameter.continuous("x", 0.1, 10, Transformation.LOG)));
        ModelConfig model = new ModelConfig(JsonFiles.STRICT.createObjectNode(), space);
        List<SearchEvents> captured = new ArrayList<>();
        SearchLauncher launcher = startOnly(model, captured, new ArrayList<>());
        DashboardViewModel vm = new DashboardViewModel(p, tasks, launcher);
        vm.launch();
        SearchEvents ev = captured.get(0);
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
        String detail = vm.detailProperty().get();
        assertThat(detail).contains("combination 0: ok (job 1074_0)")
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

        vm.select(null);
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
    void dashboardCountsRowsWithoutAScoreByFailureClassAndFiltersByIt() throws Exception {
        Project p = demo();
        SearchSpace space = new SearchSpace(List.of(Hyperparameter.continuous("x", 0.1, 10, Transformation.LOG)));
        ModelConfig model = new ModelConfig(JsonFiles.STRICT.createObjectNode(), space);
        List<SearchEvents> captured = new ArrayList<>();
        SearchLauncher launcher = startOnly(model, captured, new ArrayList<>());
        DashboardViewModel vm = new DashboardViewModel(p, tasks, launcher);
        vm.launch();
        SearchEvents ev = captured.get(0);
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

    private static TrialRecord classed(int id, TrialStatus status, FailureClass failureClass) {
        return new TrialRecord(id, new Combination(List.<JsonNode>of(DoubleNode.valueOf(id + 1.0))), "grid", id, 0,
                "j" + id, "", status, null, Map.of(), failureClass.key() + " happened", null, 1.5, 0, 1, failureClass);
    }

    /** A launcher that only starts searches, handing their event sinks to {@code captured}. */
    private SearchLauncher startOnly(ModelConfig model, List<SearchEvents> captured, List<Integer> cancelled) {
        return new SearchLauncher() {
            @Override
            public RunningSearch start(Project project, Optional<RunTarget> target, SearchEvents events) {
                captured.add(events);
                return running(model, cancelled);
            }

            @Override
            public String launchDetached(Project project, Optional<RunTarget> target) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RunningSearch resume(Path searchDir, SearchEvents events) {
                throw new UnsupportedOperationException();
            }

            @Override
            public RunningSearch attach(Path searchDir, SearchEvents events) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static TrialRecord trial(int id, double x, Double loss, TrialStatus status) {
        return new TrialRecord(id, new Combination(List.<JsonNode>of(DoubleNode.valueOf(x))), "random", id, 0,
                "j" + id, "", status, loss, Map.of(), null, null, 1.5, 0, 1);
    }

    private RunningSearch running(ModelConfig model, List<Integer> cancelled) {
        return new RunningSearch(tmp.resolve("hp_search_0"), model, RunningSearch.Mode.RUNS, new RunningSearch.Control() {
            @Override
            public void stop(String reason) {
            }

            @Override
            public void cancel(int combinationId) {
                cancelled.add(combinationId);
            }

            @Override
            public void close() {
            }
        });
    }

    @Test
    void anOriginalToolResultsFileOpensReadOnlyWithInferredColumns() throws Exception {
        Project p = demo();
        Path file = tmp.resolve("hp_search_data.txt");
        Files.writeString(file, String.join("\n",
                "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\tis_queued\tmodel_config_path\tloss\tlr\tact",
                "0\t11\t1.0\t0\trandom\tTrue\t/x/input.json\t0.7\t0.01\trelu",
                "1\t12\t1.0\t0\trandom\tTrue\t/x/input.json\t0.3\t0.1\ttanh", ""));
        DashboardViewModel vm = new DashboardViewModel(p, tasks, null);
        vm.openResultsFile(file);
        assertThat(vm.hyperparameters()).containsExactly("lr", "act");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.bestProperty().get()).startsWith("0.3").contains("combination 1");
        assertThat(vm.controllableProperty().get()).isFalse();
        assertThat(vm.resultTable().toCsv(vm.rows())).contains("1,ok,0.3,0.1,tanh");
        vm.select(vm.rows().get(1));
        assertThat(vm.detailProperty().get()).contains("combination 1: ok").contains("No record of where and how it ran");
    }
}
