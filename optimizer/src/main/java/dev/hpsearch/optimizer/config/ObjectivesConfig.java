package dev.hpsearch.optimizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Several objectives and constraints: the optional {@code search_config.json} keys {@code objectives} and
 * {@code constraints} (docs/decisions/0025). Without them ({@link #NONE}) a search optimizes its one score as the
 * original tool does.
 *
 * @param objectives  what is optimized jointly, in the order given; empty for the single score
 * @param constraints what a feasible run must satisfy; empty for none
 */
public record ObjectivesConfig(List<Objective> objectives, List<Constraint> constraints) {
    /** The name of the script's score among the objectives: output.json's number or its "objective". */
    public static final String SCORE = "objective";
    public static final String MINIMIZE = "minimize";
    public static final String MAXIMIZE = "maximize";
    /** One score, no constraints. */
    public static final ObjectivesConfig NONE = new ObjectivesConfig(List.of(), List.of());

    public ObjectivesConfig {
        objectives = List.copyOf(objectives);
        constraints = List.copyOf(constraints);
    }

    /**
     * One objective.
     *
     * @param name     {@code objective} (the score) or a metric of output.json
     * @param maximize whether higher is better
     */
    public record Objective(String name, boolean maximize) {
        /** {@code minimize} or {@code maximize}. */
        public String direction() {
            return maximize ? MAXIMIZE : MINIMIZE;
        }
    }

    /**
     * One constraint: a feasible run has {@code min <= value <= max}, either bound may be absent.
     *
     * @param name {@code objective} or a metric of output.json
     * @param min  the least allowed value, or {@code null}
     * @param max  the largest allowed value, or {@code null}
     */
    public record Constraint(String name, Double min, Double max) {
        /** The constraint in words, {@code "memory_gb <= 8"}. */
        public String describe() {
            String lo = min == null ? "" : min + " <= ";
            String hi = max == null ? "" : " <= " + max;
            return lo + name + hi;
        }
    }

    /** Whether the search optimizes several objectives (or one named metric) rather than its score. */
    public boolean multiObjective() {
        return !objectives.isEmpty();
    }

    /** Whether anything beyond the seed's single score is configured. */
    public boolean configured() {
        return !objectives.isEmpty() || !constraints.isEmpty();
    }

    /** The objective names, in order. */
    public List<String> names() {
        return objectives.stream().map(Objective::name).toList();
    }

    /**
     * Reads {@code objectives} and {@code constraints}; every mistake is recorded with its JSON path (such as
     * {@code $.objectives[1].direction}), the bad value and what is allowed.
     */
    static ObjectivesConfig read(ConfigObject o) {
        List<Objective> objectives = readObjectives(o);
        List<Constraint> constraints = readConstraints(o);
        return new ObjectivesConfig(objectives, constraints);
    }

    private static List<Objective> readObjectives(ConfigObject o) {
        String key = ConfigSchema.OBJECTIVES.key();
        JsonNode v = o.raw(key);
        List<Objective> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        String example = "[{\"name\": \"objective\", \"direction\": \"minimize\"}, {\"name\": \"runtime\", "
                + "\"direction\": \"minimize\"}]";
        if (!v.isArray() || v.isEmpty()) {
            o.error(key, "got " + v + "; expected a non-empty list of objectives such as " + example);
            return out;
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = key + "[" + i + "]";
            if (!item.isObject()) {
                o.error(at, "got " + item + "; expected an object {\"name\": METRIC, \"direction\": \"minimize\" | "
                        + "\"maximize\"}");
                continue;
            }
            unknownKeys(o, item, at, Set.of("name", "direction"));
            String name = name(o, item, at);
            JsonNode d = item.get("direction");
            Boolean maximize = null;
            if (d == null || !d.isTextual()) {
                o.error(at + ".direction", "got " + (d == null ? "nothing" : d.toString())
                        + "; allowed: \"minimize\", \"maximize\"");
            } else if (d.asText().equalsIgnoreCase(MINIMIZE)) {
                maximize = false;
            } else if (d.asText().equalsIgnoreCase(MAXIMIZE)) {
                maximize = true;
            } else {
                o.error(at + ".direction", "got " + d + "; allowed: \"minimize\", \"maximize\"");
            }
            if (name != null && !seen.add(name)) {
                o.error(at + ".name", "got \"" + name + "\" a second time; each objective is named once");
                continue;
            }
            if (name != null && maximize != null) {
                out.add(new Objective(name, maximize));
            }
        }
        return out;
    }

    private static List<Constraint> readConstraints(ConfigObject o) {
        String key = ConfigSchema.CONSTRAINTS.key();
        JsonNode v = o.raw(key);
        List<Constraint> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (!v.isArray()) {
            o.error(key, "got " + v + "; expected a list of constraints such as [{\"name\": \"memory_gb\", \"max\": "
                    + "8}, {\"name\": \"accuracy\", \"min\": 0.9}]");
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = key + "[" + i + "]";
            if (!item.isObject()) {
                o.error(at, "got " + item + "; expected an object {\"name\": METRIC, \"max\": NUMBER} or with "
                        + "\"min\"");
                continue;
            }
            unknownKeys(o, item, at, Set.of("name", "min", "max"));
            String name = name(o, item, at);
            Double min = bound(o, item, at, "min");
            Double max = bound(o, item, at, "max");
            if (item.get("min") == null && item.get("max") == null) {
                o.error(at, "got " + item + " without a bound; allowed: \"max\": NUMBER, \"min\": NUMBER or both");
                continue;
            }
            if (min != null && max != null && min > max) {
                o.error(at, "got min " + min + " above max " + max + "; no run could satisfy it");
                continue;
            }
            if (name != null && (min != null || max != null)) {
                out.add(new Constraint(name, min, max));
            }
        }
        return out;
    }

    private static String name(ConfigObject o, JsonNode item, String at) {
        JsonNode n = item.get("name");
        if (n == null || !n.isTextual() || n.asText().isBlank()) {
            o.error(at + ".name", "got " + (n == null ? "nothing" : n.toString()) + "; allowed: \"" + SCORE
                    + "\" (the score) or the name of a number in your script's output.json");
            return null;
        }
        return n.asText().strip();
    }

    private static Double bound(ConfigObject o, JsonNode item, String at, String which) {
        JsonNode b = item.get(which);
        if (b == null) {
            return null;
        }
        if (!b.isNumber() || !Double.isFinite(b.asDouble())) {
            o.error(at + "." + which, "got " + b + "; allowed: a finite number");
            return null;
        }
        return b.asDouble();
    }

    private static void unknownKeys(ConfigObject o, JsonNode item, String at, Set<String> allowed) {
        Iterator<String> it = item.fieldNames();
        while (it.hasNext()) {
            String k = it.next();
            if (!allowed.contains(k)) {
                o.error(at + "." + k, "unknown key; allowed: " + String.join(", ", allowed.stream().sorted().toList()));
            }
        }
    }
}
