package dev.hpsearch.app.gui.search;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.config.Problems;
import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The search_config.json form. Values are validated by the same {@link ConfigLoader} rules as the command
 * line; each problem is shown at its field. Saving keeps keys the form does not know.
 */
public final class SearchConfigViewModel {
    private final Path file;
    private final TaskRunner tasks;
    private final Map<String, FieldViewModel> fields = new LinkedHashMap<>();
    private final BooleanProperty valid = new SimpleBooleanProperty(true);
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty otherProblems = new SimpleStringProperty("");
    private final IntegerProperty gridPoints = new SimpleIntegerProperty(3);
    private ObjectNode original = JsonNodeFactory.instance.objectNode();
    private boolean loading;

    public SearchConfigViewModel(Path file, TaskRunner tasks) {
        this.file = file;
        this.tasks = tasks;
        for (FieldSpec s : SearchFields.ALL_FIELDS) {
            FieldViewModel f = new FieldViewModel(s);
            fields.put(s.key(), f);
            f.textProperty().addListener((o, a, b) -> {
                if (!loading) {
                    dirty.set(true);
                    validate();
                }
            });
        }
        validate();
    }

    public FieldViewModel field(String key) {
        FieldViewModel f = fields.get(key);
        if (f == null) {
            throw new IllegalArgumentException("no field " + key);
        }
        return f;
    }

    public List<FieldViewModel> fields() {
        return new ArrayList<>(fields.values());
    }

    public BooleanProperty validProperty() {
        return valid;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public StringProperty statusProperty() {
        return status;
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
        tasks.run(() -> JsonFiles.read(file, file.toString()), this::setDocument,
                e -> status.set("Cannot read " + file.getFileName() + ": " + IoErrors.describe(e)));
    }

    /** Fills the form from a document; keys the form does not know are kept for saving. */
    public void setDocument(JsonNode root) {
        original = root.isObject() ? ((ObjectNode) root).deepCopy() : JsonNodeFactory.instance.objectNode();
        loading = true;
        try {
            for (FieldViewModel f : fields.values()) {
                JsonNode v = valueIn(original, f.spec());
                f.textProperty().set(v == null ? f.spec().recommendation() : JsonText.display(v));
            }
        } finally {
            loading = false;
        }
        dirty.set(false);
        validate();
    }

    private static JsonNode valueIn(ObjectNode root, FieldSpec s) {
        String bk = s.boptKey();
        if (bk == null) {
            return root.get(s.key());
        }
        JsonNode nested = root.get("bopt_config");
        if (nested != null && nested.isObject()) {
            return nested.get(bk);
        }
        return root.get(s.key());
    }

    /** The document the form describes: the original with the form's values. */
    public ObjectNode document() {
        ObjectNode root = original.deepCopy();
        boolean flat = !root.has("bopt_config") && root.properties().stream()
                .anyMatch(e -> e.getKey().startsWith("bopt_config."));
        for (FieldViewModel f : fields.values()) {
            FieldSpec s = f.spec();
            JsonNode v = toJson(s, f.textProperty().get());
            String bk = s.boptKey();
            ObjectNode target = root;
            String key = s.key();
            if (bk != null && !flat) {
                JsonNode nested = root.get("bopt_config");
                target = nested != null && nested.isObject() ? (ObjectNode) nested : root.putObject("bopt_config");
                key = bk;
            }
            if (v == null) {
                target.remove(key);
            } else {
                target.set(key, v);
            }
        }
        return root;
    }

    static JsonNode toJson(FieldSpec s, String text) {
        String t = text == null ? "" : text.trim();
        switch (s.kind()) {
            case INTEGER:
            case NUMBER:
                return JsonText.number(t);
            case OPTIONAL_INTEGER:
                return t.isEmpty() ? null : JsonText.number(t);
            case BOOLEAN:
                return JsonText.bool(t);
            case MULTI:
                ArrayNode a = JsonNodeFactory.instance.arrayNode();
                for (String item : JsonText.splitList(t)) {
                    if (!item.isEmpty()) {
                        a.add(item);
                    }
                }
                return a;
            case FAILURE:
                return t.equalsIgnoreCase("max") || t.equalsIgnoreCase("nan") ? TextNode.valueOf(t.toLowerCase())
                        : JsonText.number(t);
            default:
                return TextNode.valueOf(t);
        }
    }

    /** Runs the loader's rules and puts each problem at its field. */
    public void validate() {
        Problems problems = new Problems();
        String name = file.getFileName().toString();
        var config = new ConfigLoader().readSearch(document(), name, problems);
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (ConfigProblem p : problems.all()) {
            if (!p.isError()) {
                continue;
            }
            String key = fieldKey(p.jsonPath());
            if (key != null && fields.containsKey(key)) {
                byField.computeIfAbsent(key, k -> new ArrayList<>()).add(p.message());
            } else {
                rest.add((p.jsonPath() == null ? "" : p.jsonPath() + ": ") + p.message());
            }
        }
        String type = field("search_type").textProperty().get();
        for (FieldViewModel f : fields.values()) {
            List<String> msgs = byField.get(f.spec().key());
            f.errorProperty().set(msgs == null ? "" : String.join("; ", msgs));
            f.enabledProperty().set(f.spec().appliesTo(type));
        }
        otherProblems.set(String.join("\n", rest));
        valid.set(!problems.hasErrors());
        if (config != null) {
            gridPoints.set(config.numGridPointsPerHyperparameter());
        }
    }

    /** {@code $.bopt_config.kernel[1]} -> {@code bopt_config.kernel}; {@code $.max_suggestions} -> max_suggestions. */
    static String fieldKey(String jsonPath) {
        if (jsonPath == null || !jsonPath.startsWith("$.")) {
            return null;
        }
        String k = jsonPath.substring(2).replaceAll("\\[\\d+]$", "");
        return k;
    }

    /** Writes the file in the background; refused while invalid. */
    public void save(Runnable onSaved) {
        validate();
        if (!valid.get()) {
            status.set("Not saved: fix the marked fields first");
            return;
        }
        ObjectNode doc = document();
        tasks.run(() -> {
            JsonText.write(doc, file);
            return doc;
        }, d -> {
            original = d.deepCopy();
            dirty.set(false);
            status.set("Saved " + file.getFileName());
            if (onSaved != null) {
                onSaved.run();
            }
        }, e -> status.set("Not saved: " + IoErrors.describe(e)));
    }
}
