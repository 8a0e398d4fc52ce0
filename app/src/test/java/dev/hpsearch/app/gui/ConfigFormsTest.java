package dev.hpsearch.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.service.LocalOnlyClusterService;
import dev.hpsearch.app.gui.common.FieldViewModel;
import dev.hpsearch.app.gui.common.SchemaForm;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt.Choice;
import dev.hpsearch.app.gui.job.JobConfigViewModel;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.model.ModelConfigViewModel;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.project.ProjectEdits;
import dev.hpsearch.app.gui.search.SearchConfigViewModel;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.optimizer.config.ConfigKey;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigSchema;
import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.config.Problems;
import dev.hpsearch.optimizer.config.SearchConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config forms against the schema, their unsaved edits, and leaving a project: no toolkit needed. */
class ConfigFormsTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @TempDir
    Path tmp;

    private Project project;
    private SearchConfigViewModel search;
    private JobConfigViewModel job;
    private ModelConfigViewModel model;
    private ProjectEdits edits;

    @BeforeEach
    void openDemo() throws Exception {
        project = new ProjectFactory().fromDemo(tmp.resolve("demo"));
        search = new SearchConfigViewModel(project.searchConfig(), tasks);
        job = new JobConfigViewModel(project, tasks, (p, j) -> null, new LocalOnlyClusterService());
        model = new ModelConfigViewModel(project.modelConfig(), tasks, new LoaderModelValidator());
        search.load();
        job.load();
        model.load();
        edits = new ProjectEdits(List.of(search.configDocument(), job.configDocument(), model.configDocument()));
    }

    // ---- the forms and the schema

    @Test
    void theSearchFormHasAFieldForEverySearchKeyAndNoOther() {
        SearchConfigViewModel fresh = new SearchConfigViewModel(tmp.resolve("search_config.json"), tasks);
        assertThat(fresh.fields()).extracting(f -> f.key().key())
                .containsExactlyElementsOf(ConfigSchema.search().stream().map(ConfigKey::key).toList());
    }

    @Test
    void theJobFormHasAFieldForEveryJobKeyAndNoOther() {
        assertThat(job.fields()).extracting(f -> f.key().key())
                .containsExactlyElementsOf(ConfigSchema.job().stream().map(ConfigKey::key).toList());
    }

    @Test
    void anUntouchedSearchFormShowsTheLoadersDefaults() {
        SearchConfigViewModel fresh = new SearchConfigViewModel(tmp.resolve("search_config.json"), tasks);
        SearchConfig defaults = readSearch(JsonFiles.STRICT.createObjectNode());
        for (FieldViewModel f : fresh.fields()) {
            ConfigKey k = f.key();
            assertThat(f.textProperty().get()).as(k.key()).isEqualTo(k.defaultText());
            // the default the field shows, written into the file, reads as the loader's own default
            JsonNode written = SchemaForm.valueOf(k, f.textProperty().get());
            if (written != null) {
                ObjectNode one = JsonFiles.STRICT.createObjectNode().set(k.key(), written);
                assertThat(readSearch(one)).as(k.key()).isEqualTo(defaults);
            }
        }
    }

    @Test
    void savingAnUntouchedFormWritesTheFileBackWithTheSameKeys() throws Exception {
        JsonNode searchBefore = JsonFiles.read(project.searchConfig(), "s");
        JsonNode jobBefore = JsonFiles.read(project.jobConfig(), "j");
        search.save(null);
        job.save(null);
        assertThat(JsonFiles.read(project.searchConfig(), "s")).isEqualTo(searchBefore);
        assertThat(JsonFiles.read(project.jobConfig(), "j")).isEqualTo(jobBefore);
    }

    @Test
    void anUntouchedJobFormDescribesTheLoadersDefaults() throws Exception {
        ObjectNode minimal = (ObjectNode) JsonFiles.STRICT.readTree(
                "{\"environment_path\": \"python3\", \"script_path\": \"run.py\"}");
        job.setDocument(minimal);
        JobConfig defaults = readJob(minimal, project.jobConfig());
        for (FieldViewModel f : job.fields()) {
            ConfigKey k = f.key();
            if (k.required()) {
                continue;
            }
            assertThat(f.textProperty().get()).as(k.key()).isEqualTo(k.defaultText());
            JsonNode written = SchemaForm.valueOf(k, f.textProperty().get());
            if (written != null) {
                ObjectNode one = minimal.deepCopy().set(k.key(), written);
                assertThat(readJob(one, project.jobConfig())).as(k.key()).isEqualTo(defaults);
            }
        }
    }

    @Test
    void theFailureValueMaxIsDescribedAsTheSeedsOnePointZeroFiveTimesTheWorst() {
        String help = search.field(ConfigSchema.Y_FAILURE_VALUE.key()).help();
        assertThat(help).contains("1.05 times the largest").doesNotContain("of the range");
        assertThat(ConfigSchema.Y_FAILURE_VALUE.defaultText()).isEqualTo("max");
    }

    private static SearchConfig readSearch(ObjectNode doc) {
        Problems problems = new Problems();
        SearchConfig c = new ConfigLoader().readSearch(doc, "search_config.json", problems);
        assertThat(problems.all()).isEmpty();
        return c;
    }

    private static JobConfig readJob(ObjectNode doc, Path file) {
        Problems problems = new Problems();
        JobConfig c = new ConfigLoader().readJob(doc, file.toString(), problems);
        assertThat(problems.all()).isEmpty();
        return c;
    }

    // ---- unsaved edits

    @Test
    void aLoadedFormIsCleanAnEditMakesItDirtyAndUndoingTheEditCleanAgain() {
        assertThat(edits.unsaved()).isEmpty();
        String before = search.field("max_suggestions").textProperty().get();
        search.field("max_suggestions").textProperty().set("7");
        assertThat(search.dirtyProperty().get()).isTrue();
        assertThat(search.configDocument().titleProperty().get()).isEqualTo("Search settings •");
        assertThat(edits.unsaved()).containsExactly("Search settings");
        search.field("max_suggestions").textProperty().set(before);
        assertThat(search.dirtyProperty().get()).isFalse();
        assertThat(search.configDocument().titleProperty().get()).isEqualTo("Search settings");
    }

    @Test
    void eachOfTheThreeFormsMarksItsUnsavedEditsAndSavingClearsTheMark() throws Exception {
        job.field("memory").textProperty().set("6");
        model.row("batch_size").constantProperty().set("321");
        assertThat(job.configDocument().titleProperty().get()).isEqualTo("Job •");
        assertThat(model.configDocument().titleProperty().get()).isEqualTo("Model config •");
        assertThat(edits.unsaved()).containsExactly("Job", "Model config");

        job.save(null);
        model.save(null);

        assertThat(edits.unsaved()).isEmpty();
        assertThat(JsonFiles.read(project.jobConfig(), "j").get("memory").asInt()).isEqualTo(6);
        assertThat(JsonFiles.read(project.modelConfig(), "m").get("batch_size").asInt()).isEqualTo(321);
    }

    @Test
    void leavingWithUnsavedEditsAndCancelStaysAndKeepsTheEdits() throws Exception {
        search.field("max_suggestions").textProperty().set("7");
        dialogs.unsavedAnswer = Choice.CANCEL;

        assertThat(UnsavedEditsPrompt.settle(edits, dialogs, "leaving the project")).isFalse();

        assertThat(dialogs.messages).singleElement().asString().contains("Search settings has unsaved changes");
        assertThat(search.field("max_suggestions").textProperty().get()).isEqualTo("7");
        assertThat(search.dirtyProperty().get()).isTrue();
        assertThat(JsonFiles.read(project.searchConfig(), "s").get("max_suggestions").asInt()).isNotEqualTo(7);
    }

    @Test
    void leavingWithSaveWritesEveryDirtyForm() throws Exception {
        search.field("max_suggestions").textProperty().set("7");
        job.field("memory").textProperty().set("6");
        dialogs.unsavedAnswer = Choice.SAVE;

        assertThat(UnsavedEditsPrompt.settle(edits, dialogs, "leaving the project")).isTrue();

        assertThat(JsonFiles.read(project.searchConfig(), "s").get("max_suggestions").asInt()).isEqualTo(7);
        assertThat(JsonFiles.read(project.jobConfig(), "j").get("memory").asInt()).isEqualTo(6);
        assertThat(edits.unsaved()).isEmpty();
    }

    @Test
    void leavingWithDiscardShowsTheFilesAgain() throws Exception {
        String before = search.field("max_suggestions").textProperty().get();
        search.field("max_suggestions").textProperty().set("7");
        dialogs.unsavedAnswer = Choice.DISCARD;

        assertThat(UnsavedEditsPrompt.settle(edits, dialogs, "leaving the project")).isTrue();

        assertThat(search.field("max_suggestions").textProperty().get()).isEqualTo(before);
        assertThat(edits.unsaved()).isEmpty();
    }

    @Test
    void saveOnLeavingAnInvalidFormStaysSaysWhichAndWritesNothing() throws Exception {
        String onDisk = Files.readString(project.searchConfig());
        search.field("max_suggestions").textProperty().set("0");
        dialogs.unsavedAnswer = Choice.SAVE;

        assertThat(UnsavedEditsPrompt.settle(edits, dialogs, "leaving the project")).isFalse();

        assertThat(dialogs.messages).last().asString().contains("Not saved").contains("Search settings");
        assertThat(Files.readString(project.searchConfig())).isEqualTo(onDisk);
        assertThat(search.dirtyProperty().get()).isTrue();
    }

    @Test
    void nothingIsAskedWhenNothingIsUnsaved() {
        assertThat(UnsavedEditsPrompt.settle(edits, dialogs, "leaving the project")).isTrue();
        assertThat(dialogs.messages).isEmpty();
    }

    // ---- another search config of the project

    @Test
    void theSearchFormOpensTheDemosBoptConfigAndSavesBackToIt() throws Exception {
        Path bopt = project.folder().resolve("search_config_bopt.json");
        String standard = Files.readString(project.searchConfig());
        assertThat(search.searchConfigFiles()).contains(bopt, project.searchConfig());

        assertThat(search.open(bopt, dialogs)).isTrue();

        assertThat(search.field("search_type").textProperty().get()).isEqualTo("bopt");
        assertThat(search.configDocument().titleProperty().get())
                .isEqualTo("Search settings (search_config_bopt.json)");
        assertThat(search.runNoteProperty().get()).contains("Launch on the Run tab runs this file, search_config_bopt.json");
        search.field("max_suggestions").textProperty().set("17");
        search.save(null);
        assertThat(JsonFiles.read(bopt, "b").get("max_suggestions").asInt()).isEqualTo(17);
        assertThat(Files.readString(project.searchConfig())).isEqualTo(standard);
    }

    @Test
    void openingAnotherSearchConfigAsksAboutUnsavedEditsFirst() throws Exception {
        Path bopt = project.folder().resolve("search_config_bopt.json");
        search.field("max_suggestions").textProperty().set("7");
        dialogs.unsavedAnswer = Choice.CANCEL;

        assertThat(search.open(bopt, dialogs)).isFalse();

        assertThat(search.configDocument().file()).isEqualTo(project.searchConfig());
        assertThat(search.field("max_suggestions").textProperty().get()).isEqualTo("7");
    }
}
