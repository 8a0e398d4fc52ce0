package dev.hpsearch.optimizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads typed values out of one JSON object of a config file. Every read names its key, so that
 * afterwards the keys nobody asked for can be reported as unknown, with the closest known key.
 * A bad value is recorded as a problem (file, JSON path, value, what is allowed) and the default is
 * returned, so that one pass finds every problem.
 */
final class ConfigObject {
    private final JsonNode node;
    private final String file;
    private final String path;
    private final Problems problems;
    private final Set<String> known = new LinkedHashSet<>();

    ConfigObject(JsonNode node, String file, String path, Problems problems) {
        this.node = node;
        this.file = file;
        this.path = path;
        this.problems = problems;
    }

    String file() {
        return file;
    }

    String pathOf(String key) {
        return path + "." + key;
    }

    void error(String key, String message) {
        problems.error(file, pathOf(key), message);
    }

    /** Marks a key as known without reading it. */
    void allow(String... keys) {
        known.addAll(Arrays.asList(keys));
    }

    JsonNode raw(String key) {
        known.add(key);
        JsonNode v = node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    boolean has(String key) {
        return raw(key) != null;
    }

    String string(String key, String defaultValue) {
        JsonNode v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isTextual()) {
            error(key, "expected a string, got " + v);
            return defaultValue;
        }
        return v.asText();
    }

    /** A string that must be one of {@code allowed} (case-insensitive); returns the canonical spelling. */
    String choice(String key, String defaultValue, List<String> allowed) {
        JsonNode v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        String canonical = v.isTextual() ? canonical(v.asText(), allowed) : null;
        if (canonical == null) {
            error(key, "got " + v + "; allowed: " + String.join(", ", allowed));
            return defaultValue;
        }
        return canonical;
    }

    /** A string or a list of strings, each one of {@code allowed}; at least one. */
    List<String> choices(String key, List<String> defaultValue, List<String> allowed) {
        JsonNode v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        List<JsonNode> items = new ArrayList<>();
        if (v.isArray()) {
            v.forEach(items::add);
        } else {
            items.add(v);
        }
        if (items.isEmpty()) {
            error(key, "empty list; give one or more of: " + String.join(", ", allowed));
            return defaultValue;
        }
        Set<String> out = new LinkedHashSet<>();
        boolean ok = true;
        for (int i = 0; i < items.size(); i++) {
            JsonNode item = items.get(i);
            String c = item.isTextual() ? canonical(item.asText(), allowed) : null;
            if (c == null) {
                String p = v.isArray() ? pathOf(key) + "[" + i + "]" : pathOf(key);
                problems.error(file, p, "got " + item + "; allowed: " + String.join(", ", allowed));
                ok = false;
            } else {
                out.add(c);
            }
        }
        return ok ? List.copyOf(out) : defaultValue;
    }

    int integer(String key, int defaultValue, int min) {
        JsonNode v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isNumber() || !isWhole(v.asDouble()) || Math.abs(v.asDouble()) > Integer.MAX_VALUE) {
            error(key, "expected a whole number >= " + min + ", got " + v);
            return defaultValue;
        }
        int i = (int) v.asDouble();
        if (i < min) {
            error(key, "got " + v + "; must be >= " + min);
            return defaultValue;
        }
        return i;
    }

    /** A number in a range; {@code minOpen}/{@code maxOpen} exclude the bound itself. */
    double number(String key, double defaultValue, double min, boolean minOpen, double max, boolean maxOpen) {
        JsonNode v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (!v.isNumber()) {
            error(key, "expected a number in " + range(min, minOpen, max, maxOpen) + ", got " + v);
            return defaultValue;
        }
        double d = v.asDouble();
        boolean below = minOpen ? d <= min : d < min;
        boolean above = maxOpen ? d >= max : d > max;
        if (below || above || Double.isNaN(d)) {
            error(key, "got " + v + "; allowed: " + range(min, minOpen, max, maxOpen));
            return defaultValue;
        }
        return d;
    }

    boolean bool(String key, boolean defaultValue) {
        JsonNode v = raw(key);
        if (v == null) {
            return defaultValue;
        }
        if (v.isBoolean()) {
            return v.asBoolean();
        }
        if (v.isTextual() && (v.asText().equalsIgnoreCase("true") || v.asText().equalsIgnoreCase("false"))) {
            return Boolean.parseBoolean(v.asText().toLowerCase(Locale.ROOT));
        }
        error(key, "expected true or false, got " + v);
        return defaultValue;
    }

    Long optionalLong(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToLong()) {
            error(key, "expected a whole number, got " + v);
            return null;
        }
        return v.asLong();
    }

    // ---- reads whose default, range and choices come from the schema (the key's local name is read)

    String string(ConfigKey k) {
        return string(k.localName(), k.textDefault());
    }

    String choice(ConfigKey k) {
        return choice(k.localName(), k.textDefault(), k.choices());
    }

    List<String> choices(ConfigKey k) {
        return choices(k.localName(), k.listDefault(), k.choices());
    }

    int integer(ConfigKey k) {
        int i = integer(k.localName(), k.intDefault(), (int) k.range().min());
        double max = k.range().max();
        if (Double.isFinite(max) && i > max) {
            error(k.localName(), "got " + raw(k.localName()) + "; must be <= " + (long) max);
            return k.intDefault();
        }
        return i;
    }

    /** A whole number of the key's range, or {@code null} when the key is absent. */
    Integer optionalInteger(ConfigKey k) {
        int min = (int) k.range().min();
        return has(k.localName()) ? integer(k.localName(), min, min) : null;
    }

    double number(ConfigKey k) {
        ConfigKey.Range r = k.range();
        return number(k.localName(), k.numberDefault(), r.min(), r.minOpen(), r.max(), r.maxOpen());
    }

    boolean bool(ConfigKey k) {
        return bool(k.localName(), k.boolDefault());
    }

    JsonNode raw(ConfigKey k) {
        return raw(k.localName());
    }

    void error(ConfigKey k, String message) {
        error(k.localName(), message);
    }

    /** A nested object, or {@code null} if absent (an error if present but not an object). */
    ConfigObject object(String key) {
        JsonNode v = raw(key);
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            error(key, "expected a JSON object, got " + v);
            return null;
        }
        return new ConfigObject(v, file, pathOf(key), problems);
    }

    /** Reports every key that was neither read nor allowed, suggesting the closest known key. */
    void warnUnknownKeys(Function<String, String> extraHint) {
        for (Map.Entry<String, JsonNode> e : iterable()) {
            String key = e.getKey();
            if (known.contains(key)) {
                continue;
            }
            String hint = Levenshtein.closest(key, known).map(k -> "; did you mean \"" + k + "\"?")
                    .orElseGet(() -> extraHint == null ? "" : extraHint.apply(key));
            problems.warning(file, pathOf(key), "unknown key, ignored" + hint);
        }
    }

    private Iterable<Map.Entry<String, JsonNode>> iterable() {
        return node::fields;
    }

    static String canonical(String value, List<String> allowed) {
        for (String a : allowed) {
            if (a.equalsIgnoreCase(value.trim())) {
                return a;
            }
        }
        return null;
    }

    static boolean isWhole(double d) {
        return !Double.isNaN(d) && !Double.isInfinite(d) && d == Math.rint(d);
    }

    private static String range(double min, boolean minOpen, double max, boolean maxOpen) {
        return new ConfigKey.Range(min, minOpen, max, maxOpen).toString();
    }
}
