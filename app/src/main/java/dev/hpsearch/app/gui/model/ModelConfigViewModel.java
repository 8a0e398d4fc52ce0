package dev.hpsearch.app.gui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.ConfigDocument;
import dev.hpsearch.app.gui.common.ConfigFormViewModel;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The model_config.json editor: one row per variable (nested objects give dotted names), each a constant or
 * a hyperparameter. Every change is validated in the background by the loader's rules; the save button is
 * disabled until the latest version is known to be valid. A raw-JSON view shows the file with its own live
 * validation.
 */
public final class ModelConfigViewModel extends ConfigFormViewModel {
    private final TaskRunner tasks;
    private final ModelValidator validator;
    private final ObservableList<VariableRow> rows = FXCollections.observableArrayList();
    private final BooleanProperty validating = new SimpleBooleanProperty(false);
    private final StringProperty generalProblems = new SimpleStringProperty("");
    private final StringProperty rawText = new SimpleStringProperty("");
    private final StringProperty rawError = new SimpleStringProperty("");
    private final BooleanProperty rawValid = new SimpleBooleanProperty(true);
    private final IntegerProperty gridPoints = new SimpleIntegerProperty(3);
    private long generation;
    private long rawGeneration;
    private boolean loading;
    private ObjectNode validated;
    private boolean validatedOk;

    public ModelConfigViewModel(Path file, TaskRunner tasks, ModelValidator validator) {
        super(new ConfigDocument("Model config", file, tasks, "rows"));
        this.tasks = tasks;
        this.validator = validator;
        attach();
        validProperty().set(false);
        gridPoints.addListener((o, a, b) -> rows.forEach(r -> r.previewProperty().set(r.gridPreview(b.intValue()))));
    }

    public ObservableList<VariableRow> rows() {
        return rows;
    }

    public BooleanProperty validatingProperty() {
        return validating;
    }

    public StringProperty generalProblemsProperty() {
        return generalProblems;
    }

    public StringProperty rawTextProperty() {
        return rawText;
    }

    public StringProperty rawErrorProperty() {
        return rawError;
    }

    public BooleanProperty rawValidProperty() {
        return rawValid;
    }

    public IntegerProperty gridPointsProperty() {
        return gridPoints;
    }

    public VariableRow row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no variable " + name));
    }

    @Override
    public void show(ObjectNode content) {
        rebuild(content);
        refreshViews();
    }

    /** Replaces the rows with the variables of a document. */
    private void rebuild(JsonNode root) {
        List<VariableRow> list = new ArrayList<>();
        if (root.isObject()) {
            walk(root, new ArrayList<>(), list);
        }
        loading = true;
        rows.setAll(list);
        for (VariableRow r : list) {
            for (StringProperty p : List.of(r.kindProperty(), r.constantProperty(), r.typeProperty(),
                    r.domainProperty(), r.transformationProperty(), r.simplerProperty(), r.conditionParentProperty(),
                    r.conditionValuesProperty(), r.inactiveValueProperty())) {
                p.addListener((o, a, b) -> {
                    if (!loading) {
                        changed();
                    }
                });
            }
        }
        loading = false;
    }

    private static void walk(JsonNode node, List<String> path, List<VariableRow> out) {
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            List<String> p = new ArrayList<>(path);
            p.add(e.getKey());
            JsonNode v = e.getValue();
            if (v.isObject() && !(v.has("type") && v.has("domain")) && v.size() > 0) {
                walk(v, p, out);
            } else {
                out.add(VariableRow.of(p, v));
            }
        }
    }

    /**
     * The hyperparameters {@code r} may depend on: the other categorical and discrete ones (a condition needs
     * listed values), with an empty choice first for "always exists".
     */
    public List<String> conditionParents(VariableRow r) {
        List<String> out = new ArrayList<>();
        out.add("");
        for (VariableRow o : rows) {
            if (o != r && o.isHyperparameter() && List.of("categorical", "discrete").contains(o.typeProperty().get())) {
                out.add(o.name());
            }
        }
        return out;
    }

    /** The values of the hyperparameter named {@code parent} as the form shows them, or empty. */
    public String domainOf(String parent) {
        return rows.stream().filter(o -> o.name().equals(parent) && o.isHyperparameter()).findFirst()
                .map(o -> o.domainProperty().get()).orElse("");
    }

    /** Adds a constant (dots in the name make it nested). */
    public void addVariable(String name) {
        if (name == null || name.isBlank() || rows.stream().anyMatch(r -> r.name().equals(name.trim()))) {
            statusProperty().set(name == null || name.isBlank() ? "Type a name first" : name + " exists already");
            return;
        }
        ObjectNode doc = document();
        VariableRow r = new VariableRow(List.of(name.trim().split("\\.")));
        setIn(doc, r.path(), JsonNodeFactory.instance.textNode(""));
        rebuild(doc);
        changed();
    }

    public void removeVariable(VariableRow r) {
        rows.remove(r);
        rebuild(document());
        changed();
    }

    /** The file the rows describe. */
    @Override
    public ObjectNode document() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (VariableRow r : rows) {
            setIn(root, r.path(), r.toJson());
        }
        return root;
    }

    private static void setIn(ObjectNode root, List<String> path, JsonNode value) {
        ObjectNode parent = root;
        for (int i = 0; i < path.size() - 1; i++) {
            JsonNode child = parent.get(path.get(i));
            parent = child != null && child.isObject() ? (ObjectNode) child : parent.putObject(path.get(i));
        }
        parent.set(path.get(path.size() - 1), value);
    }

    /** A row was edited. */
    private void changed() {
        refreshViews();
        configDocument().changed();
    }

    private void refreshViews() {
        rows.forEach(r -> r.previewProperty().set(r.gridPreview(gridPoints.get())));
        rawText.set(JsonText.pretty(document()));
        rawError.set("");
        rawValid.set(true);
    }

    /**
     * The result of the validation of the current rows if it has finished; otherwise starts it in the background
     * (the loader's check writes scratch files) and says "not valid yet": the valid property follows when it ends.
     */
    @Override
    public boolean validate() {
        ObjectNode doc = document();
        if (!doc.equals(validated)) {
            startValidation(doc);
        }
        return doc.equals(validated) && validatedOk;
    }

    private void startValidation(ObjectNode doc) {
        long gen = ++generation;
        validProperty().set(false);
        validating.set(true);
        tasks.run(() -> validator.validate(doc), problems -> {
            if (gen == generation) {
                showProblems(problems);
                validated = doc;
                validatedOk = problems.stream().noneMatch(ConfigProblem::isError);
                validProperty().set(validatedOk);
            }
        }, e -> {
            if (gen == generation) {
                validating.set(false);
                generalProblems.set("Cannot validate: " + IoErrors.describe(e));
            }
        });
    }

    private void showProblems(List<ConfigProblem> problems) {
        Map<VariableRow, List<String>> byRow = new LinkedHashMap<>();
        Map<VariableRow, List<String>> simplerByRow = new LinkedHashMap<>();
        List<String> general = new ArrayList<>();
        for (ConfigProblem p : problems) {
            VariableRow r = rowAt(p.jsonPath());
            if (r != null && p.isError()) {
                byRow.computeIfAbsent(r, k -> new ArrayList<>()).add(p.message());
                if (p.jsonPath().equals("$." + r.name() + ".simpler")) {
                    simplerByRow.computeIfAbsent(r, k -> new ArrayList<>()).add(p.message());
                }
            } else {
                general.add((p.isError() ? "" : "warning: ") + (p.jsonPath() == null ? "" : p.jsonPath() + ": ")
                        + p.message());
            }
        }
        for (VariableRow r : rows) {
            List<String> m = byRow.get(r);
            r.errorProperty().set(m == null ? "" : String.join("; ", m));
            List<String> s = simplerByRow.get(r);
            r.simplerErrorProperty().set(s == null ? "" : String.join("; ", s));
        }
        generalProblems.set(String.join("\n", general));
        validating.set(false);
    }

    /** The row a JSON path points into: the longest row name that prefixes the path. */
    VariableRow rowAt(String jsonPath) {
        if (jsonPath == null || !jsonPath.startsWith("$.")) {
            return null;
        }
        String p = jsonPath.substring(2);
        VariableRow best = null;
        for (VariableRow r : rows) {
            String n = r.name();
            boolean match = p.equals(n) || p.startsWith(n + ".") || p.startsWith(n + "[");
            if (match && (best == null || n.length() > best.name().length())) {
                best = r;
            }
        }
        return best;
    }

    /** The raw text changed: parse and validate it without touching the rows. */
    public void rawEdited(String text) {
        long gen = ++rawGeneration;
        JsonNode parsed;
        try {
            parsed = JsonFiles.parse(text, "model_config.json");
        } catch (ConfigException e) {
            rawValid.set(false);
            rawError.set(e.problems().get(0).message());
            return;
        }
        if (!parsed.isObject()) {
            rawValid.set(false);
            rawError.set("expected a JSON object with the script's inputs");
            return;
        }
        rawValid.set(false);
        rawError.set("checking…");
        tasks.run(() -> validator.validate((ObjectNode) parsed), problems -> {
            if (gen != rawGeneration) {
                return;
            }
            List<String> errs = problems.stream().filter(ConfigProblem::isError).map(ConfigProblem::toString).toList();
            rawValid.set(errs.isEmpty());
            rawError.set(errs.isEmpty() ? "valid" : String.join("\n", errs));
        }, e -> rawError.set("Cannot validate: " + IoErrors.describe(e)));
    }

    /** Takes the raw text into the rows. */
    public void applyRaw(String text) {
        try {
            rebuild(JsonFiles.parse(text, "model_config.json"));
            changed();
            statusProperty().set("Raw JSON applied to the form");
        } catch (ConfigException e) {
            rawError.set(e.problems().get(0).message());
        }
    }
}
