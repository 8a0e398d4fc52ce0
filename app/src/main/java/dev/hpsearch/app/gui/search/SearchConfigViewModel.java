package dev.hpsearch.app.gui.search;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.ConfigDocument;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.FieldViewModel;
import dev.hpsearch.app.gui.common.SchemaForm;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.common.UnsavedEditsPrompt;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigSchema;
import dev.hpsearch.optimizer.config.Problems;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.config.SearchType;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.BooleanProperty;
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
public final class SearchConfigViewModel implements ConfigDocument.Form {
    private final ConfigDocument document;
    private final SchemaForm form;
    private final StringProperty otherProblems = new SimpleStringProperty("");
    private final StringProperty runNote = new SimpleStringProperty("");
    private final IntegerProperty gridPoints = new SimpleIntegerProperty(ConfigSchema.NUM_GRID_POINTS.intDefault());

    public SearchConfigViewModel(Path file, TaskRunner tasks) {
        this.document = new ConfigDocument("Search settings", file, tasks, "fields");
        this.form = document.schemaForm(ConfigSchema.search());
        document.attach(this);
        document.validProperty().set(validate());
        // the Run tab starts searches with the project's file; say so while another one is open
        document.fileProperty().addListener((o, a, b) -> runNote.set(b.equals(file) ? ""
                : "The Run tab starts searches with " + file.getFileName() + ", not with this file; to run this one: "
                + "hpsearch run -s " + b.getFileName() + " -j job_config.json -m model_config.json"));
    }

    /** Empty, or which file the Run tab uses while another search config is open here. */
    public StringProperty runNoteProperty() {
        return runNote;
    }

    public FieldViewModel field(String key) {
        return form.field(key);
    }

    public List<FieldViewModel> fields() {
        return form.fields();
    }

    /** The file, its dirty and valid state, saving and discarding. */
    public ConfigDocument configDocument() {
        return document;
    }

    public BooleanProperty validProperty() {
        return document.validProperty();
    }

    public BooleanProperty dirtyProperty() {
        return document.dirtyProperty();
    }

    public StringProperty statusProperty() {
        return document.statusProperty();
    }

    /** Problems that belong to no single field. */
    public StringProperty otherProblemsProperty() {
        return otherProblems;
    }

    /** The grid size as last validated, for the model editor's grid preview. */
    public IntegerProperty gridPointsProperty() {
        return gridPoints;
    }

    /** Reads the file in the background. */
    public void load() {
        document.load();
    }

    /** Fills the form from a file's content; it has no unsaved edits afterwards. */
    public void setDocument(com.fasterxml.jackson.databind.JsonNode root) {
        document.show(root);
    }

    @Override
    public void show(ObjectNode content) {
        form.show(content);
    }

    /** The document the form describes: the file's content with the form's values. */
    @Override
    public ObjectNode document() {
        return form.document(this.document.original());
    }

    /** Runs the loader's rules and puts each problem at its field. */
    @Override
    public boolean validate() {
        Problems problems = new Problems();
        String name = document.file().getFileName().toString();
        SearchConfig config = new ConfigLoader().readSearch(document(), name, problems);
        SearchType type = SearchType.parse(field(ConfigSchema.SEARCH_TYPE.key()).textProperty().get()).orElse(null);
        List<String> rest = form.showProblems(problems.all(),
                k -> type == null || k.relevance().appliesTo(type));
        otherProblems.set(String.join("\n", rest));
        if (config != null) {
            gridPoints.set(config.numGridPointsPerHyperparameter());
        }
        return !problems.hasErrors();
    }

    /** Writes the file in the background; refused while invalid. */
    public void save(Runnable onSaved) {
        document.save(onSaved);
    }

    /** The search config files of the project folder ({@code search_config*.json}), sorted. */
    public List<Path> searchConfigFiles() throws IOException {
        List<Path> out = new ArrayList<>();
        Path folder = document.file().toAbsolutePath().getParent();
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
