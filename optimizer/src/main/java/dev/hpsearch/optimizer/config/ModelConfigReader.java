package dev.hpsearch.optimizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.space.Condition;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.HyperparameterType;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Simpler;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.table.TableCells;
import dev.hpsearch.optimizer.table.TableColumns;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the hyperparameters in a model config: any object, at any depth, that has both {@code type} and
 * {@code domain} keys. Everything else is a constant passed through unchanged.
 */
final class ModelConfigReader {
    private static final List<String> TYPES = ConfigSchema.HP_TYPE.choices();

    private final String file;
    private final Problems problems;
    private final List<Hyperparameter> found = new ArrayList<>();
    private final java.util.Map<String, Simpler> simpler = new java.util.LinkedHashMap<>();
    /** The raw condition and inactive value of each hyperparameter that has one, by index in {@link #found}. */
    private final Map<Integer, ConditionSource> conditions = new java.util.LinkedHashMap<>();

    private record ConditionSource(JsonNode condition, boolean hasInactive, JsonNode inactive, String jsonPath) {
    }

    ModelConfigReader(String file, Problems problems) {
        this.file = file;
        this.problems = problems;
    }

    ModelConfig read(JsonNode root) {
        if (!root.isObject()) {
            problems.error(file, "$", "expected a JSON object with the script's inputs, got " + kind(root));
            return null;
        }
        if (root.has("save_folder")) {
            problems.warning(file, "$.save_folder", "is set by hpsearch for every combination; this value is replaced");
        }
        walk(root, new ArrayList<>(), "$", "");
        Set<String> names = new HashSet<>();
        for (Hyperparameter h : found) {
            if (!names.add(h.name())) {
                problems.error(file, "$", "two hyperparameters share the column name \"" + h.name() + "\"");
            }
        }
        return new ModelConfig((ObjectNode) root, new SearchSpace(conditioned()), simpler);
    }

    /** {@link #found} with each valid condition attached; an invalid one is reported and left off. */
    private List<Hyperparameter> conditioned() {
        List<Hyperparameter> out = new ArrayList<>(found);
        for (Map.Entry<Integer, ConditionSource> e : conditions.entrySet()) {
            Condition c = condition(found.get(e.getKey()), e.getValue());
            if (c != null) {
                out.set(e.getKey(), out.get(e.getKey()).withCondition(c));
            }
        }
        for (int i = 0; i < out.size(); i++) {
            List<String> chain = cycle(out, i);
            if (!chain.isEmpty()) {
                problems.error(file, conditions.get(i).jsonPath() + ".condition", "the conditions form a cycle: "
                        + String.join(" -> ", chain) + "; a hyperparameter may not depend on itself, even through others");
                for (int k = 0; k < out.size(); k++) {
                    out.set(k, out.get(k).withCondition(null));
                }
                break;
            }
        }
        return out;
    }

    /** The names around a cycle through hyperparameter {@code i}'s conditions, or empty when there is none. */
    private static List<String> cycle(List<Hyperparameter> hs, int i) {
        List<String> chain = new ArrayList<>();
        Hyperparameter h = hs.get(i);
        while (h != null && h.condition() != null) {
            chain.add(h.name());
            String parent = h.condition().parent();
            if (parent.equals(hs.get(i).name())) {
                chain.add(parent);
                return chain;
            }
            if (chain.size() > hs.size()) {
                return List.of(); // a cycle that does not pass through i: reported from one of its members
            }
            h = hs.stream().filter(x -> x.name().equals(parent)).findFirst().orElse(null);
        }
        return List.of();
    }

    private Condition condition(Hyperparameter h, ConditionSource src) {
        String path = src.jsonPath() + ".condition";
        JsonNode c = src.condition();
        if (c == null) {
            problems.error(file, src.jsonPath() + ".inactive_value", "is only used with \"condition\" (the value"
                    + " input.json holds while the hyperparameter does not exist); add a condition or remove it");
            return null;
        }
        List<String> parents = found.stream().filter(p -> p.type() != HyperparameterType.CONTINUOUS && p != h)
                .map(Hyperparameter::name).toList();
        String allowedParents = parents.isEmpty() ? "there is no categorical or discrete hyperparameter to depend on"
                : "allowed: " + String.join(", ", parents);
        if (!c.isObject() || c.size() != 1) {
            problems.error(file, path, "got " + c + "; expected an object with one key, the name of a categorical or"
                    + " discrete hyperparameter, and the list of its values for which this one exists, e.g. "
                    + "{\"" + (parents.isEmpty() ? "optimizer" : parents.get(0)) + "\": [...]}; " + allowedParents);
            return null;
        }
        String parentName = c.fieldNames().next();
        JsonNode listed = c.get(parentName);
        String keyPath = path + "." + TableCells.escape(parentName);
        if (parentName.equals(h.name())) {
            problems.error(file, keyPath, "a hyperparameter cannot depend on itself; " + allowedParents);
            return null;
        }
        Hyperparameter parent = found.stream().filter(p -> p.name().equals(parentName)).findFirst().orElse(null);
        if (parent == null) {
            problems.error(file, keyPath, "\"" + TableCells.escape(parentName) + "\" is not a hyperparameter of this"
                    + " model config; " + allowedParents);
            return null;
        }
        if (parent.type() == HyperparameterType.CONTINUOUS) {
            problems.error(file, keyPath, "\"" + parentName + "\" is continuous; a condition needs a categorical or"
                    + " discrete hyperparameter; " + allowedParents);
            return null;
        }
        if (!listed.isArray() || listed.isEmpty()) {
            problems.error(file, keyPath, "got " + listed + "; expected a non-empty list of values of \""
                    + parentName + "\", allowed: " + parent.values());
            return null;
        }
        List<JsonNode> values = new ArrayList<>();
        for (int k = 0; k < listed.size(); k++) {
            JsonNode v = listed.get(k);
            JsonNode match = parent.values().stream().filter(p -> p.equals(v)
                    || (p.isNumber() && v.isNumber() && p.asDouble() == v.asDouble())).findFirst().orElse(null);
            if (match == null) {
                problems.error(file, keyPath + "[" + k + "]", "got " + v + ", not in the domain of \"" + parentName
                        + "\"; allowed: " + parent.values());
                return null;
            }
            values.add(match);
        }
        return new Condition(parentName, values, src.hasInactive() ? src.inactive() : null);
    }

    private void walk(JsonNode node, List<Object> path, String jsonPath, String name) {
        if (node.isObject()) {
            if (node.has("type") && node.has("domain")) {
                Hyperparameter h = columnNameAllowed(name, jsonPath) ? hyperparameter(node, path, jsonPath, name) : null;
                if (h != null) {
                    found.add(h);
                    simpler(h, node.get("simpler"), jsonPath + ".simpler");
                    if (node.has("condition") || node.has("inactive_value")) {
                        conditions.put(found.size() - 1, new ConditionSource(node.get("condition"),
                                node.has("inactive_value"), node.get("inactive_value"), jsonPath));
                    }
                }
                return;
            }
            warnIfHalfAHyperparameter(node, jsonPath);
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(e.getKey());
                String childName = name.isEmpty() ? e.getKey() : name + "." + e.getKey();
                walk(e.getValue(), childPath, jsonPath + "." + e.getKey(), childName);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> childPath = new ArrayList<>(path);
                childPath.add(i);
                walk(node.get(i), childPath, jsonPath + "[" + i + "]", name + "[" + i + "]");
            }
        }
    }

    /**
     * A hyperparameter's name is its column in hp_search_data.txt: it may not be one of the table's own columns
     * (its values would be read as, say, the loss) nor hold a character that splits a row or a line.
     */
    private boolean columnNameAllowed(String name, String jsonPath) {
        String where = TableCells.escape(jsonPath);
        int bad = TableColumns.firstUnprintable(name);
        if (bad >= 0) {
            problems.error(file, where, "the hyperparameter name \"" + TableCells.escape(name) + "\" holds "
                    + describe(name.charAt(bad)) + "; names may not hold tabs, line breaks or other control"
                    + " characters, as each name is a column of hp_search_data.txt");
            return false;
        }
        if (TableColumns.isOwn(name)) {
            problems.error(file, where, "the hyperparameter name \"" + name + "\" is a column of hp_search_data.txt"
                    + " of its own; rename the key (names not allowed: " + String.join(", ", TableColumns.OWN) + ")");
            return false;
        }
        return true;
    }

    private static String describe(char c) {
        switch (c) {
            case '\t':
                return "a tab";
            case '\n':
                return "a line feed";
            case '\r':
                return "a carriage return";
            default:
                return String.format(Locale.ROOT, "the control character U+%04X", (int) c);
        }
    }

    /**
     * An object whose {@code type} names a hyperparameter type but that has no {@code domain} (or the other
     * way round, with a {@code transformation}) is most likely a hyperparameter with a misspelt key; without a
     * word it would reach the script as a constant.
     */
    private void warnIfHalfAHyperparameter(JsonNode node, String jsonPath) {
        JsonNode type = node.get("type");
        boolean typeLooksRight = type != null && type.isTextual() && ConfigObject.canonical(type.asText(), TYPES) != null;
        String missing = typeLooksRight && !node.has("domain") ? "domain"
                : !node.has("type") && node.has("domain") && node.has("transformation") ? "type" : null;
        if (missing != null) {
            problems.warning(file, jsonPath, "looks like a hyperparameter but has no \"" + missing
                    + "\"; it is passed to the script unchanged, as a constant");
        }
    }

    /** Reads a hyperparameter's {@code "simpler"}: lower, higher, or (categorical) its values simplest first. */
    private void simpler(Hyperparameter h, JsonNode v, String jsonPath) {
        if (v == null) {
            return;
        }
        if (v.isTextual() && (v.asText().equals("lower") || v.asText().equals("higher"))) {
            if (h.isCategorical()) {
                problems.error(file, jsonPath, "got \"" + v.asText() + "\"; a categorical hyperparameter's values have no"
                        + " order: list them from the simplest, e.g. " + h.values());
                return;
            }
            simpler.put(h.name(), v.asText().equals("lower") ? new Simpler.Lower() : new Simpler.Higher());
            return;
        }
        if (v.isArray() && h.values() != null && !h.values().isEmpty()) {
            List<JsonNode> order = new ArrayList<>();
            v.forEach(order::add);
            if (order.size() == h.values().size() && new HashSet<>(order).equals(new HashSet<>(h.values()))) {
                simpler.put(h.name(), new Simpler.Order(order));
                return;
            }
            problems.error(file, jsonPath, "got " + v + "; list every value of the domain once, from the simplest: "
                    + h.values());
            return;
        }
        problems.error(file, jsonPath, "got " + v + "; allowed: \"lower\", \"higher\""
                + (h.values() != null && !h.values().isEmpty() ? ", or the domain's values from the simplest" : ""));
    }

    private Hyperparameter hyperparameter(JsonNode node, List<Object> path, String jsonPath, String name) {
        ConfigObject o = new ConfigObject(node, file, jsonPath, problems);
        int before = problems.all().size();
        String typeName = o.choice(ConfigSchema.HP_TYPE);
        JsonNode domain = o.raw(ConfigSchema.HP_DOMAIN);
        String tName = o.choice(ConfigSchema.HP_TRANSFORMATION);
        o.raw(ConfigSchema.HP_SIMPLER); // read where the hyperparameter is known (simpler below)
        o.allow(ConfigSchema.HP_CONDITION.localName(), ConfigSchema.HP_INACTIVE_VALUE.localName()); // read above
        o.warnUnknownKeys(null);
        if (typeName == null) {
            if (problems.all().size() == before) {
                o.error("type", "missing; allowed: " + String.join(", ", TYPES));
            }
            return null;
        }
        HyperparameterType type = HyperparameterType.valueOf(typeName.toUpperCase(Locale.ROOT));
        Transformation t;
        if (type == HyperparameterType.CATEGORICAL) {
            t = Transformation.NONE;
        } else if (tName == null) {
            if (!o.has("transformation")) {
                o.error("transformation", "missing; allowed: linear, log");
            }
            return null;
        } else {
            t = tName.equals("none") ? Transformation.LINEAR : Transformation.valueOf(tName.toUpperCase(Locale.ROOT));
        }
        if (domain == null || !domain.isArray()) {
            o.error("domain", (domain == null ? "has no value" : "got " + domain) + "; "
                    + (type == HyperparameterType.CONTINUOUS ? "expected a range [lower_bound, upper_bound]"
                    : "expected a list of values"));
            return null;
        }
        if (domain.isEmpty()) {
            o.error("domain", "empty domain; " + (type == HyperparameterType.CONTINUOUS
                    ? "expected a range [lower_bound, upper_bound]" : "list at least one value"));
            return null;
        }
        List<JsonNode> values = new ArrayList<>();
        domain.forEach(values::add);
        String domainPath = o.pathOf("domain");
        switch (type) {
            case CONTINUOUS:
                return continuous(name, path, t, values, domainPath, domain);
            case DISCRETE:
                return discrete(name, path, t, values, domainPath);
            default:
                Set<JsonNode> distinct = new HashSet<>();
                for (int i = 0; i < values.size(); i++) {
                    if (!distinct.add(values.get(i))) {
                        problems.error(file, domainPath + "[" + i + "]", "value " + values.get(i) + " is listed twice");
                        return null;
                    }
                }
                return new Hyperparameter(name, path, type, t, Double.NaN, Double.NaN, values);
        }
    }

    private Hyperparameter continuous(String name, List<Object> path, Transformation t, List<JsonNode> values,
                                      String domainPath, JsonNode domain) {
        if (values.size() != 2 || !values.get(0).isNumber() || !values.get(1).isNumber()) {
            problems.error(file, domainPath, "got " + domain + "; expected a range [lower_bound, upper_bound] of two numbers");
            return null;
        }
        double lo = values.get(0).asDouble();
        double hi = values.get(1).asDouble();
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            problems.error(file, domainPath, "got " + domain + "; bounds must be finite numbers");
            return null;
        }
        if (!(lo < hi)) {
            problems.error(file, domainPath, "got " + domain + "; the lower bound must be below the upper bound");
            return null;
        }
        if (t == Transformation.LOG && lo <= 0) {
            problems.error(file, domainPath + "[0]", "got " + values.get(0)
                    + "; a log transformation needs bounds > 0 (use linear, or a positive lower bound)");
            return null;
        }
        return new Hyperparameter(name, path, HyperparameterType.CONTINUOUS, t, lo, hi, List.of());
    }

    private Hyperparameter discrete(String name, List<Object> path, Transformation t, List<JsonNode> values,
                                    String domainPath) {
        Set<Double> distinct = new HashSet<>();
        for (int i = 0; i < values.size(); i++) {
            JsonNode v = values.get(i);
            if (!v.isNumber()) {
                problems.error(file, domainPath + "[" + i + "]", "got " + v
                        + "; a discrete domain lists numbers (use type categorical for other values)");
                return null;
            }
            if (t == Transformation.LOG && v.asDouble() <= 0) {
                problems.error(file, domainPath + "[" + i + "]", "got " + v + "; a log transformation needs values > 0");
                return null;
            }
            if (!distinct.add(v.asDouble())) {
                problems.error(file, domainPath + "[" + i + "]", "value " + v + " is listed twice");
                return null;
            }
        }
        double lo = values.stream().mapToDouble(JsonNode::asDouble).min().orElseThrow();
        double hi = values.stream().mapToDouble(JsonNode::asDouble).max().orElseThrow();
        return new Hyperparameter(name, path, HyperparameterType.DISCRETE, t, lo, hi, values);
    }

    private static String kind(JsonNode n) {
        return n.isArray() ? "a list" : n.isTextual() ? "a string" : n.isNumber() ? "a number" : n.getNodeType().toString().toLowerCase();
    }
}
