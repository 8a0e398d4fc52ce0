package dev.hpsearch.app.gui.common;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.config.ConfigKey;
import dev.hpsearch.optimizer.config.ConfigKey.ValueType;
import dev.hpsearch.optimizer.config.ConfigProblem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The fields of a form rendered from schema keys, and the mapping between their text and a config file's JSON:
 * an absent key shows its default and stays absent while the field keeps it (a saved file gains no keys the user
 * did not set, so it stays readable by the original tool); an empty optional field leaves its key out; keys the form
 * does not know are kept.
 * Nested {@code bopt_config} settings are read from and written to the nested object, or the flat
 * {@code bopt_config.key} entries when the file uses those.
 */
public final class SchemaForm {
    private static final String BOPT = "bopt_config";
    private final Map<String, FieldViewModel> fields = new LinkedHashMap<>();

    /** A form of {@code keys}; {@code onEdit} runs after each change of a field's text. */
    public SchemaForm(List<ConfigKey> keys, Runnable onEdit) {
        for (ConfigKey k : keys) {
            FieldViewModel f = new FieldViewModel(k);
            fields.put(k.key(), f);
            f.textProperty().addListener((o, a, b) -> onEdit.run());
        }
    }

    /** The field of a key. */
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

    /** Fills every field from a document: its value, or the schema's default when the key is absent. */
    public void show(ObjectNode root) {
        for (FieldViewModel f : fields.values()) {
            JsonNode v = valueIn(root, f.key());
            f.textProperty().set(v == null ? f.key().defaultText() : text(f.key(), v));
        }
    }

    /** {@code original} with the form's values written over it. */
    public ObjectNode document(ObjectNode original) {
        ObjectNode root = original.deepCopy();
        boolean flat = !root.has(BOPT) && root.properties().stream().anyMatch(e -> e.getKey().startsWith(BOPT + "."));
        for (FieldViewModel f : fields.values()) {
            ConfigKey k = f.key();
            ObjectNode target = root;
            String name = k.key();
            if (k.isBopt() && !flat) {
                JsonNode nested = root.get(BOPT);
                target = nested != null && nested.isObject() ? (ObjectNode) nested : root.putObject(BOPT);
                name = k.localName();
            }
            String text = f.textProperty().get();
            if (valueIn(original, k) == null && k.defaultText().equals(text == null ? "" : text.trim())) {
                continue;
            }
            JsonNode v = valueOf(k, text);
            if (v == null) {
                target.remove(name);
            } else {
                target.set(name, v);
            }
        }
        return root;
    }

    /**
     * Puts each error at its field and marks which fields apply.
     *
     * @return the errors that belong to no field, as "path: message"
     */
    public List<String> showProblems(List<ConfigProblem> problems, Predicate<ConfigKey> applies) {
        Map<String, List<String>> byField = new LinkedHashMap<>();
        List<String> rest = new ArrayList<>();
        for (ConfigProblem p : problems) {
            if (!p.isError()) {
                continue;
            }
            String key = fieldKey(p.jsonPath());
            if (key != null && fields.containsKey(key)) {
                byField.computeIfAbsent(key, x -> new ArrayList<>()).add(p.message());
            } else {
                rest.add((p.jsonPath() == null ? "" : p.jsonPath() + ": ") + p.message());
            }
        }
        for (FieldViewModel f : fields.values()) {
            List<String> m = byField.get(f.key().key());
            f.errorProperty().set(m == null ? "" : String.join("; ", m));
            f.enabledProperty().set(applies.test(f.key()));
        }
        return rest;
    }

    /**
     * {@code $.bopt_config.kernel[1]} -> {@code bopt_config.kernel}; {@code $.upload[0]} -> {@code upload};
     * {@code $.initial_points[1].lr} -> {@code initial_points}.
     */
    static String fieldKey(String jsonPath) {
        if (jsonPath == null || !jsonPath.startsWith("$.")) {
            return null;
        }
        // $.initial_points[1].lr -> initial_points: a problem inside a list's item belongs to the list's field
        return jsonPath.substring(2).replaceAll("\\[\\d+].*$", "");
    }

    private static JsonNode valueIn(ObjectNode root, ConfigKey k) {
        if (!k.isBopt()) {
            return root.get(k.key());
        }
        JsonNode nested = root.get(BOPT);
        return nested != null && nested.isObject() ? nested.get(k.localName()) : root.get(k.key());
    }

    /** A value as its field shows it: arguments joined by spaces, other lists by commas. */
    static String text(ConfigKey k, JsonNode v) {
        if (k.type() == ValueType.POINTS || k.type() == ValueType.JSON) {
            return v.toString(); // a list of objects shows as the JSON it is
        }
        boolean list = k.type() == ValueType.ARGUMENTS || k.type() == ValueType.NAMES || k.type() == ValueType.PATHS;
        if (v.isArray() && list) {
            List<String> items = new ArrayList<>();
            v.forEach(x -> items.add(x.asText()));
            return String.join(k.type() == ValueType.ARGUMENTS ? " " : ", ", items);
        }
        return JsonText.display(v);
    }

    /** A field's text as the file's value; {@code null} leaves the key out (an empty optional field). */
    public static JsonNode valueOf(ConfigKey k, String text) {
        String t = text == null ? "" : text.trim();
        // empty means "leave the key out" where the loader then uses nothing or its default list; an emptied number
        // or choice stays, for the loader to refuse rather than for the default to slip in unseen
        boolean optional = !k.required() && (k.defaultValue() == null || k.type() == ValueType.TEXT
                || k.type() == ValueType.ARGUMENTS || k.type() == ValueType.NAMES || k.type() == ValueType.PATHS
                || k.type() == ValueType.POINTS);
        if (t.isEmpty() && optional) {
            return null;
        }
        switch (k.type()) {
            case INTEGER:
            case NUMBER:
            case SEED:
            case FAILURE_LIMIT:
                return JsonText.number(t);
            case BOOLEAN:
                return JsonText.bool(t);
            case JSON:
                return JsonText.value(t);
            case CHOICES:
                return strings(JsonText.splitList(t));
            case ARGUMENTS:
                return strings(List.of(t.split("\\s+")));
            case NAMES:
            case PATHS:
                return strings(List.of(t.split("\\s*,\\s*")));
            case POINTS:
                return JsonText.value(t); // JSON as typed; anything else as text, for the loader to refuse
            case FAILURE_VALUE:
                return k.choices().contains(t.toLowerCase(java.util.Locale.ROOT))
                        ? TextNode.valueOf(t.toLowerCase(java.util.Locale.ROOT)) : JsonText.number(t);
            default:
                return TextNode.valueOf(t);
        }
    }

    private static ArrayNode strings(List<String> items) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String item : items) {
            if (!item.isEmpty()) {
                a.add(item);
            }
        }
        return a;
    }
}
