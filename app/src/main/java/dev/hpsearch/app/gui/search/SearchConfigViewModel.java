package dev.hpsearch.app.gui.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.ConfigDocument;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.FieldViewModel;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.app.gui.common.SchemaFormViewModel;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigSchema;
import dev.hpsearch.optimizer.config.Problems;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.config.SearchType;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The search_config.json form, rendered from {@link ConfigSchema#search()}. Values are validated by the same
 * {@link ConfigLoader} rules as the command line; each problem is shown at its field. Saving keeps keys the form
 * does not know. The form can open another search config file of the project (such as search_config_bopt.json)
 * and saves back to the file it shows.
 */
public final class SearchConfigViewModel extends SchemaFormViewModel {
    private final StringProperty otherProblems = new SimpleStringProperty("");
    private final StringProperty runNote = new SimpleStringProperty("");
    private final IntegerProperty gridPoints = new SimpleIntegerProperty(ConfigSchema.NUM_GRID_POINTS.intDefault());
    private final javafx.beans.property.ObjectProperty<dev.hpsearch.optimizer.config.ObjectivesConfig> objectives =
            new javafx.beans.property.SimpleObjectProperty<>(dev.hpsearch.optimizer.config.ObjectivesConfig.NONE);

    public SearchConfigViewModel(Path file, TaskRunner tasks) {
        super(new ConfigDocument("Search settings", file, tasks, "fields"), ConfigSchema.search());
        attach();
        validProperty().set(validate());
        // Launch on the Run tab runs the file shown here: say so while it is not the project's usual one
        configDocument().fileProperty().addListener((o, a, b) -> runNote.set(b.equals(file) ? ""
                : "Launch on the Run tab runs this file, " + b.getFileName() + "; from the command line: "
                + "hpsearch run -s " + b.getFileName() + " -j job_config.json -m model_config.json"));
    }

    /** Empty, or a word that Launch runs this file while it is not the project's usual search config. */
    public StringProperty runNoteProperty() {
        return runNote;
    }

    /** Problems that belong to no single field. */
    public StringProperty otherProblemsProperty() {
        return otherProblems;
    }

    /** The grid size as last validated, for the model editor's grid preview. */
    public IntegerProperty gridPointsProperty() {
        return gridPoints;
    }

    /** objectives and constraints as last validated, for the Pareto plot. */
    public javafx.beans.property.ObjectProperty<dev.hpsearch.optimizer.config.ObjectivesConfig> objectivesProperty() {
        return objectives;
    }

    /** Runs the loader's rules and puts each problem at its field. */
    @Override
    public boolean validate() {
        Problems problems = new Problems();
        // the whole path: warm_start_from's relative paths are taken from the config's folder
        String name = configDocument().file().toAbsolutePath().toString();
        SearchConfig config = new ConfigLoader().readSearch(document(), name, problems);
        // initial_points are judged against the project's model config, as the command line does
        ConfigLoader.checkInitialPoints(config, configDocument().file().toAbsolutePath().resolveSibling(
                SearchFiles.MODEL_CONFIG), name, problems);
        SearchType type = SearchType.parse(field(ConfigSchema.SEARCH_TYPE.key()).textProperty().get()).orElse(null);
        List<String> rest = form().showProblems(problems.all(),
                k -> type == null || k.relevance().appliesTo(type));
        otherProblems.set(String.join("\n", rest));
        if (config != null) {
            gridPoints.set(config.numGridPointsPerHyperparameter());
            if (objectives != null) { // validate runs once before the fields are set
                objectives.set(config.objectives());
            }
        }
        return !problems.hasErrors();
    }

    /**
     * The project's earlier searches that have a table of results, newest first, for warm_start_from.
     */
    public List<Path> earlierSearches() throws IOException {
        Path folder = configDocument().file().toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (Path p : SearchFolder.searches(folder)) {
            if (Files.isRegularFile(p.resolve(DataTable.FILE_NAME))) {
                out.add(p);
            }
        }
        return out;
    }

    /**
     * Adds an earlier search folder or data file to warm_start_from, relative to the config's folder when it lies
     * inside it; an entry already there is not added twice. The form is then unsaved.
     */
    public void addWarmStart(Path source) {
        Path folder = configDocument().file().toAbsolutePath().normalize().getParent();
        Path p = source.toAbsolutePath().normalize();
        String entry = p.startsWith(folder) ? folder.relativize(p).toString() : p.toString();
        FieldViewModel f = field(ConfigSchema.WARM_START_FROM.key());
        String text = f.textProperty().get() == null ? "" : f.textProperty().get().strip();
        List<String> entries = text.isEmpty() ? new ArrayList<>() : new ArrayList<>(List.of(text.split("\\s*,\\s*")));
        if (!entries.contains(entry)) {
            entries.add(entry);
            f.textProperty().set(String.join(", ", entries));
        }
    }

    /**
     * Appends a point to initial_points: the hyperparameters' values by name, such as a row of the results. The form
     * is then unsaved; when the field does not hold a list the user can fix, nothing is changed and false returned.
     */
    public boolean addInitialPoint(Map<String, JsonNode> values) {
        FieldViewModel f = field(ConfigSchema.INITIAL_POINTS.key());
        String text = f.textProperty().get() == null ? "" : f.textProperty().get().strip();
        JsonNode current = text.isEmpty() ? JsonNodeFactory.instance.arrayNode() : JsonText.value(text);
        if (!current.isArray()) {
            return false;
        }
        ObjectNode point = JsonNodeFactory.instance.objectNode();
        values.forEach(point::set);
        ((ArrayNode) current).add(point);
        f.textProperty().set(current.toString());
        return true;
    }

    /** The search config files of the project folder ({@code search_config*.json}), sorted. */
    public List<Path> searchConfigFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Path folder = configDocument().file().toAbsolutePath().getParent();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(folder, "search_config*.json")) {
            ds.forEach(out::add);
        }
        out.sort(null);
        return out;
    }

    /**
     * Opens another search config file, once the unsaved edits of this one are saved or discarded as the user
     * answers; does nothing when the user cancels.
     *
     * @return whether the other file is being opened
     */
    public boolean open(Path other, DialogService dialogs) {
        ConfigDocument document = configDocument();
        if (other.toAbsolutePath().normalize().equals(document.file().toAbsolutePath().normalize())) {
            return false;
        }
        if (!UnsavedEditsPrompt.settle(document, dialogs, "opening " + other.getFileName())) {
            return false;
        }
        document.open(other);
        return true;
    }
}
