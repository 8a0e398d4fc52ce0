package dev.hpsearch.app.gui.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.ConfigSchema;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.HyperparameterType;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One variable of the model config: a constant, or a hyperparameter with type, domain and transformation. */
public final class VariableRow {
    public static final String CONSTANT = "constant";
    public static final String HYPERPARAMETER = "hyperparameter";
    /** The hyperparameter types and transformations, as the schema lists them. */
    public static final List<String> TYPES = ConfigSchema.HP_TYPE.choices();
    public static final List<String> TRANSFORMATIONS = ConfigSchema.HP_TRANSFORMATION.choices();

    private final List<String> path;
    private final StringProperty kind = new SimpleStringProperty(CONSTANT);
    private final StringProperty constant = new SimpleStringProperty("");
    private final StringProperty type = new SimpleStringProperty("continuous");
    private final StringProperty domain = new SimpleStringProperty("");
    private final StringProperty transformation = new SimpleStringProperty("linear");
    private final StringProperty simpler = new SimpleStringProperty("");
    private final StringProperty simplerError = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty preview = new SimpleStringProperty("");
    private final StringProperty conditionParent = new SimpleStringProperty("");
    private final StringProperty conditionValues = new SimpleStringProperty("");
    private final StringProperty inactiveValue = new SimpleStringProperty("");
    /** The hyperparameter object as read, so that keys the editor does not know survive a save. */
    private ObjectNode extra = JsonNodeFactory.instance.objectNode();
    /** The constant as read, so that unchanged text keeps its JSON type (a string "123" stays a string). */
    private JsonNode originalConstant;
    /** The "simpler" as read, so that unchanged text keeps its JSON form (a one-value list stays a list). */
    private JsonNode originalSimpler;
    /** The "inactive_value" as read, so that unchanged text keeps its JSON type (null stays null, "0" text). */
    private JsonNode originalInactive;

    public VariableRow(List<String> path) {
        this.path = List.copyOf(path);
    }

    /** A row from a value of the file. */
    static VariableRow of(List<String> path, JsonNode v) {
        VariableRow r = new VariableRow(path);
        if (v.isObject() && v.has("type") && v.has("domain")) {
            r.kind.set(HYPERPARAMETER);
            r.extra = ((ObjectNode) v).deepCopy();
            r.type.set(v.get("type").asText());
            r.domain.set(JsonText.display(v.get("domain")));
            r.transformation.set(v.has("transformation") ? v.get("transformation").asText()
                    : "categorical".equals(v.get("type").asText()) ? "none" : "");
            r.originalSimpler = v.get("simpler");
            r.simpler.set(r.originalSimpler == null ? "" : JsonText.display(r.originalSimpler));
            JsonNode c = v.get("condition");
            if (c != null && c.isObject() && c.size() == 1) {
                String parent = c.fieldNames().next();
                r.conditionParent.set(parent);
                r.conditionValues.set(JsonText.display(c.get(parent)));
            }
            r.originalInactive = v.get("inactive_value");
            r.inactiveValue.set(inactiveText(r.originalInactive));
        } else {
            r.originalConstant = v;
            r.constant.set(v.isTextual() ? v.asText() : v.toString());
        }
        return r;
    }

    /** The dotted name, as the column in hp_search_data.txt. */
    public String name() {
        return String.join(".", path);
    }

    public List<String> path() {
        return path;
    }

    public StringProperty kindProperty() {
        return kind;
    }

    public StringProperty constantProperty() {
        return constant;
    }

    public StringProperty typeProperty() {
        return type;
    }

    public StringProperty domainProperty() {
        return domain;
    }

    public StringProperty transformationProperty() {
        return transformation;
    }

    /**
     * Which values make the simpler model ({@link ConfigSchema#HP_SIMPLER}): "lower", "higher", or the values
     * from the simplest as a list "a, b, c"; empty for none.
     */
    public StringProperty simplerProperty() {
        return simpler;
    }

    /** The loader's complaint about {@link #simplerProperty}, or empty. */
    public StringProperty simplerErrorProperty() {
        return simplerError;
    }

    /**
     * The hyperparameter this one depends on ({@link ConfigSchema#HP_CONDITION}), by name; empty when it always
     * exists.
     */
    public StringProperty conditionParentProperty() {
        return conditionParent;
    }

    /** The parent's values for which this hyperparameter exists, as a list "a, b". */
    public StringProperty conditionValuesProperty() {
        return conditionValues;
    }

    /** What input.json holds while it does not exist ({@link ConfigSchema#HP_INACTIVE_VALUE}); empty: left out. */
    public StringProperty inactiveValueProperty() {
        return inactiveValue;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty previewProperty() {
        return preview;
    }

    public boolean isHyperparameter() {
        return HYPERPARAMETER.equals(kind.get());
    }

    /** The value written to the file. */
    public JsonNode toJson() {
        if (!isHyperparameter()) {
            if (originalConstant != null && constant.get().equals(originalConstant.isTextual()
                    ? originalConstant.asText() : originalConstant.toString())) {
                return originalConstant.deepCopy();
            }
            return JsonText.value(constant.get());
        }
        ObjectNode o = extra.deepCopy();
        o.put("type", type.get());
        ArrayNode d = JsonText.list(domain.get());
        o.set("domain", d);
        String t = transformation.get();
        if (t == null || t.isBlank()) {
            o.remove("transformation");
        } else {
            o.put("transformation", t);
        }
        JsonNode simplest = simplerJson();
        if (simplest == null) {
            o.remove("simpler");
        } else {
            o.set("simpler", simplest);
        }
        conditionJson(o);
        return o;
    }

    /**
     * Writes "condition" and "inactive_value" into {@code o} (changed in place): no parent removes both (a
     * condition's inactive value means nothing without it); the loader judges what is written.
     */
    private void conditionJson(ObjectNode o) {
        String parent = conditionParent.get() == null ? "" : conditionParent.get().trim();
        if (parent.isEmpty()) {
            o.remove("condition");
            o.remove("inactive_value");
            return;
        }
        ObjectNode c = o.putObject("condition");
        c.set(parent, JsonText.list(conditionValues.get() == null ? "" : conditionValues.get()));
        String t = inactiveValue.get() == null ? "" : inactiveValue.get().trim();
        if (t.isEmpty()) {
            o.remove("inactive_value");
        } else if (originalInactive != null && t.equals(inactiveText(originalInactive))) {
            o.set("inactive_value", originalInactive.deepCopy());
        } else {
            o.set("inactive_value", JsonText.value(t));
        }
    }

    /**
     * The "simpler" as written to the file: the words lower and higher as text, otherwise a list (a continuous
     * hyperparameter's single word stays text, so that the loader names it as it was typed); the loader judges it.
     */
    private JsonNode simplerJson() {
        String t = simpler.get() == null ? "" : simpler.get().trim();
        if (t.isEmpty()) {
            return null;
        }
        if (originalSimpler != null && t.equals(JsonText.display(originalSimpler))) {
            return originalSimpler.deepCopy();
        }
        if (ConfigSchema.HP_SIMPLER.choices().contains(t)) {
            return JsonNodeFactory.instance.textNode(t);
        }
        if ("continuous".equals(type.get()) && JsonText.splitList(t).size() < 2) {
            return JsonText.value(t);
        }
        return JsonText.list(t);
    }

    /** An inactive value as typed: an explicit JSON null shows as null (empty means the key is left out). */
    private static String inactiveText(JsonNode v) {
        return v == null ? "" : v.isNull() ? "null" : JsonText.display(v);
    }

    /** The values a grid of {@code n} points per hyperparameter would try, or empty when the row is invalid. */
    public String gridPreview(int n) {
        if (!isHyperparameter() || n < 1) {
            return "";
        }
        try {
            HyperparameterType ht = HyperparameterType.valueOf(type.get().toUpperCase(Locale.ROOT));
            List<JsonNode> values = new ArrayList<>();
            JsonText.list(domain.get()).forEach(values::add);
            Transformation tr = ht == HyperparameterType.CATEGORICAL ? Transformation.NONE
                    : "log".equals(transformation.get()) ? Transformation.LOG : Transformation.LINEAR;
            Hyperparameter h;
            if (ht == HyperparameterType.CONTINUOUS) {
                if (values.size() != 2 || !values.get(0).isNumber() || !values.get(1).isNumber()) {
                    return "";
                }
                h = Hyperparameter.continuous(name(), values.get(0).asDouble(), values.get(1).asDouble(), tr);
            } else if (ht == HyperparameterType.DISCRETE) {
                if (values.isEmpty() || values.stream().anyMatch(v -> !v.isNumber())) {
                    return "";
                }
                h = Hyperparameter.discrete(name(), values, tr);
            } else {
                h = Hyperparameter.categorical(name(), values);
            }
            List<String> out = new ArrayList<>();
            for (JsonNode v : new SearchSpace(List.of(h)).gridValues(0, n)) {
                out.add(v.isDouble() ? dev.hpsearch.optimizer.analysis.Axis.format(v.asDouble()) : ResultTable.text(v));
            }
            return "grid of " + n + ": " + String.join(", ", out);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
