package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.hpsearch.app.gui.job.JobConfigViewModel;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.model.ModelConfigViewModel;
import dev.hpsearch.app.gui.model.VariableRow;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.search.SearchConfigViewModel;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.app.gui.start.StartViewModel;
import dev.hpsearch.app.service.LocalOnlyClusterService;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    void simplerRoundTripsThroughTheFormKeepingEveryOtherKey() throws Exception {
        Path f = tmp.resolve("model_config.json");
        Files.writeString(f, "{\"data\": \"iris.csv\", \"l2\": {\"type\": \"continuous\", \"domain\": [1e-6, 1],"
                + " \"transformation\": \"log\", \"simpler\": \"higher\", \"note\": \"mine\"},"
                + " \"act\": {\"type\": \"categorical\", \"domain\": [\"relu\", \"tanh\", \"linear\"]},"
                + " \"depth\": {\"type\": \"discrete\", \"domain\": [1, 2, 4], \"transformation\": \"linear\"}}");
        ModelConfigViewModel vm = new ModelConfigViewModel(f, tasks, new LoaderModelValidator());
        vm.load();
        assertThat(vm.row("l2").simplerProperty().get()).isEqualTo("higher");
        assertThat(vm.row("act").simplerProperty().get()).isEmpty();

        vm.row("act").simplerProperty().set("linear, relu, tanh");
        vm.row("depth").simplerProperty().set("lower");
        assertThat(vm.validProperty().get()).isTrue();
        vm.save(null);

        JsonNode saved = JsonFiles.read(f, "m");
        assertThat(saved.at("/l2/simpler").asText()).isEqualTo("higher");
        assertThat(saved.at("/l2/note").asText()).as("a key the form does not know survives").isEqualTo("mine");
        assertThat(saved.get("data").asText()).isEqualTo("iris.csv");
        assertThat(saved.at("/act/simpler")).containsExactly(JsonFiles.STRICT.getNodeFactory().textNode("linear"),
                JsonFiles.STRICT.getNodeFactory().textNode("relu"), JsonFiles.STRICT.getNodeFactory().textNode("tanh"));
        assertThat(saved.at("/depth/simpler").asText()).isEqualTo("lower");
        // the loader reads what the form wrote
        ModelConfigViewModel reloaded = new ModelConfigViewModel(f, tasks, new LoaderModelValidator());
        reloaded.load();
        assertThat(reloaded.row("act").simplerProperty().get()).isEqualTo("linear, relu, tanh");
        assertThat(reloaded.document()).isEqualTo(saved);
        assertThat(new dev.hpsearch.optimizer.config.ConfigLoader().load(demoConfigs(f, "search_config.json"),
                demoConfigs(f, "job_config.json"), f).model().simpler()).containsOnlyKeys("l2", "act", "depth");

        // clearing it removes the key
        reloaded.row("l2").simplerProperty().set("");
        assertThat(reloaded.document().get("l2").has("simpler")).isFalse();
        assertThat(reloaded.document().at("/l2/note").asText()).isEqualTo("mine");
    }

    @Test
    void aBadSimplerIsRefusedAtItsFieldWithWhatIsAllowed() throws Exception {
        Project p = demo();
        ModelConfigViewModel vm = new ModelConfigViewModel(p.modelConfig(), tasks, new LoaderModelValidator());
        vm.load();
        assertThat(vm.validProperty().get()).isTrue();
        VariableRow lr = vm.row("optimizer.learning_rate");

        lr.simplerProperty().set("smaller");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(lr.simplerErrorProperty().get()).contains("\"smaller\"").contains("\"lower\", \"higher\"");
        assertThat(lr.errorProperty().get()).contains("smaller");

        lr.simplerProperty().set("lower");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(lr.simplerErrorProperty().get()).isEmpty();

        VariableRow categorical = vm.rows().stream().filter(r -> r.isHyperparameter()
                && "categorical".equals(r.typeProperty().get())).findFirst().orElseThrow();
        categorical.simplerProperty().set("lower");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(categorical.simplerErrorProperty().get()).contains("values have no order");
        categorical.simplerProperty().set("only_one");
        assertThat(categorical.simplerErrorProperty().get()).contains("list every value of the domain once");
    }

    /** A minimal search or job config beside a model config, for the loader. */
    private static Path demoConfigs(Path model, String name) throws Exception {
        Path f = model.resolveSibling(name);
        Files.writeString(f, name.startsWith("search") ? "{\"search_type\": \"random\"}"
                : "{\"environment_path\": \"sh\", \"script_path\": \"x\"}");
        return f;
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
}
