package dev.hpsearch.optimizer.config;

import java.util.List;
import java.util.Objects;

/**
 * One key of a config file as the schema describes it: what it holds, its default, what is allowed, the seed's
 * description and recommendation, and where it matters. The loader reads defaults, ranges and choices from here;
 * the forms render their fields from here.
 *
 * @param file           the file the key belongs to
 * @param key            the JSON key; nested bopt settings are written {@code bopt_config.kernel}
 * @param type           what the value is
 * @param defaultValue   the value used when the key is absent: an Integer, Double, String, Boolean or
 *                       {@code List<String>}; {@code null} when an absent key means "none" (or the key is required)
 * @param range          bounds of a number or whole number; {@code null} for other types
 * @param choices        the allowed spellings of a choice (canonical case); empty for other types
 * @param required       the file must give the key
 * @param mustDecide     the seed's "you must decide" column
 * @param relevance      which searches or settings the key applies to
 * @param section        where a form puts it
 * @param description    what the key means, after the seed's description, in this project's words
 * @param recommendation the seed's recommended value (search settings) or example (job settings), as typed in a
 *                       form; empty when the seed gives none
 */
public record ConfigKey(ConfigFile file, String key, ValueType type, Object defaultValue, Range range,
                        List<String> choices, boolean required, boolean mustDecide, Relevance relevance,
                        Section section, String description, String recommendation) {

    /** The three files. */
    public enum ConfigFile {
        SEARCH("search_config.json"), JOB("job_config.json"), MODEL("model_config.json");

        private final String fileName;

        ConfigFile(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }
    }

    /** What a value is, and so which editor a form gives it. */
    public enum ValueType {
        /** A string; empty in a form means the key is left out. */
        TEXT,
        /** One of {@link #choices()}, case-insensitive. */
        CHOICE,
        /** One of {@link #choices()}, or a list of them (one is drawn at each suggestion). */
        CHOICES,
        /** A whole number of at least {@code range().min()}. */
        INTEGER,
        /** A number in {@link #range()}. */
        NUMBER,
        /** true or false. */
        BOOLEAN,
        /** {@code y_failure_value}: "max", "nan" or a finite number. */
        FAILURE_VALUE,
        /** A whole number or nothing ({@code random_seed}). */
        SEED,
        /** {@code max_failures}: a whole number of at least 1 or a fraction between 0 and 1. */
        FAILURE_LIMIT,
        /** A list of command-line arguments (a form separates them by spaces). */
        ARGUMENTS,
        /** A list of names or paths (a form separates them by commas). */
        NAMES,
        /** A hyperparameter's domain: a range or a list of values. */
        DOMAIN,
        /** A list of files or folders, relative to the config's folder (a form separates them by commas). */
        PATHS,
        /** A list of objects, one value per hyperparameter ({@code initial_points}). */
        POINTS,
        /** A hyperparameter's condition: an object naming another hyperparameter and a list of its values. */
        CONDITION,
        /**
         * Any JSON value, as written in the file: a list of objects ({@code objectives}) or a constant
         * ({@code inactive_value}); a form shows and reads it as JSON text.
         */
        JSON
    }

    /** Which searches or settings a key applies to. */
    public enum Relevance {
        /** Every search. */
        ALL("every search"),
        /** Bayesian optimization only. */
        BOPT("search_type bopt only"),
        /** Searches that use a grid: line, grid, and bopt with grid_suggestion_probability above 0. */
        GRID_LIKE("search_type line or grid, and bopt with grid_suggestion_probability > 0"),
        /** Runs on a cluster (job_config's cluster is a profile, not local). */
        CLUSTER("runs on a cluster only"),
        /** Searches whose coordinator runs as a cluster job (launch --detach). */
        COORDINATOR("a search whose coordinator runs as a cluster job"),
        /** Every hyperparameter of model_config.json. */
        HYPERPARAMETER("every hyperparameter");

        private final String text;

        Relevance(String text) {
            this.text = text;
        }

        /** Where the key matters, in words. */
        public String text() {
            return text;
        }

        /** Whether a search setting matters for this search type (job and model keys always do). */
        public boolean appliesTo(SearchType type) {
            switch (this) {
                case BOPT:
                    return type == SearchType.BOPT;
                case GRID_LIKE:
                    return type != SearchType.RANDOM;
                default:
                    return true;
            }
        }
    }

    /** Where a form puts a key. */
    public enum Section { BASICS, START, BOPT, FAILURES, PRUNING, REPLICATES, OBJECTIVES, COORDINATOR, SLURM, HYPERPARAMETER }

    /**
     * Bounds of a number; {@code minOpen}/{@code maxOpen} exclude the bound itself. Whole numbers use only
     * {@code min}.
     */
    public record Range(double min, boolean minOpen, double max, boolean maxOpen) {
        /** Whole numbers from {@code min} up. */
        public static Range atLeast(int min) {
            return new Range(min, false, Double.POSITIVE_INFINITY, true);
        }

        /** Above {@code min}, no upper bound. */
        public static Range above(double min) {
            return new Range(min, true, Double.POSITIVE_INFINITY, true);
        }

        /** From {@code min} to {@code max}, both included. */
        public static Range closed(double min, double max) {
            return new Range(min, false, max, false);
        }

        /** The range as a reader writes it: {@code [0, 1]}, {@code (0, inf)}. */
        @Override
        public String toString() {
            return (minOpen ? "(" : "[") + fmt(min) + ", " + fmt(max) + (maxOpen ? ")" : "]");
        }

        private static String fmt(double d) {
            if (Double.isInfinite(d)) {
                return d > 0 ? "inf" : "-inf";
            }
            return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
        }
    }

    public ConfigKey {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        choices = List.copyOf(choices);
        Objects.requireNonNull(relevance, "relevance");
        Objects.requireNonNull(section, "section");
        Objects.requireNonNull(description, "description");
        recommendation = recommendation == null ? "" : recommendation;
        if ((type == ValueType.CHOICE || type == ValueType.CHOICES) && choices.isEmpty()) {
            throw new IllegalArgumentException(key + ": a choice needs its choices");
        }
        if ((type == ValueType.INTEGER || type == ValueType.NUMBER) && range == null) {
            throw new IllegalArgumentException(key + ": a number needs its range");
        }
        if (defaultValue instanceof List<?> l) {
            defaultValue = List.copyOf(l);
        }
    }

    /** The key inside {@code bopt_config} ({@code kernel} for {@code bopt_config.kernel}); the key otherwise. */
    public String localName() {
        int dot = key.indexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }

    /** True for the nested {@code bopt_config.*} keys. */
    public boolean isBopt() {
        return key.startsWith(ConfigSchema.BOPT_PREFIX);
    }

    public int intDefault() {
        return (Integer) defaultValue;
    }

    public double numberDefault() {
        return ((Number) defaultValue).doubleValue();
    }

    public boolean boolDefault() {
        return (Boolean) defaultValue;
    }

    public String textDefault() {
        return (String) defaultValue;
    }

    @SuppressWarnings("unchecked")
    public List<String> listDefault() {
        return defaultValue == null ? List.of() : (List<String>) defaultValue;
    }

    /**
     * The default as a form shows it: numbers without a needless ".0", lists joined as the form separates them
     * (spaces for arguments, commas otherwise), empty when there is none.
     */
    public String defaultText() {
        return text(defaultValue, type);
    }

    /** A value of a key of {@code type} as a form shows it (see {@link #defaultText()}). */
    static String text(Object value, ValueType type) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> l) {
            return String.join(type == ValueType.ARGUMENTS ? " " : ", ", l.stream().map(Object::toString).toList());
        }
        if (value instanceof Double d) {
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString(d.longValue()) : Double.toString(d);
        }
        return value.toString();
    }

    /** What is allowed, in words, for help texts: a range, the choices, or the type. */
    public String allowed() {
        switch (type) {
            case CHOICE:
                return "one of " + String.join(", ", choices);
            case CHOICES:
                return "one or more of " + String.join(", ", choices);
            case INTEGER:
                return "a whole number >= " + (long) range.min();
            case NUMBER:
                return "a number in " + range;
            case BOOLEAN:
                return "true or false";
            case FAILURE_VALUE:
                return "max, nan or a finite number";
            case SEED:
                return "a whole number, or empty to draw one";
            case FAILURE_LIMIT:
                return "a whole number >= 1 or a fraction between 0 and 1, or empty for no limit";
            case ARGUMENTS:
            case NAMES:
                return "a list of strings";
            case DOMAIN:
                return "[lower_bound, upper_bound] for continuous, a list of values otherwise";
            case PATHS:
                return "a list of search folders (hp_search_N) or hp_search_data.txt files";
            case POINTS:
                return "a list of objects giving a value for every hyperparameter";
            case CONDITION:
                return "{\"OTHER\": [values of OTHER]}, OTHER a categorical or discrete hyperparameter";
            case JSON:
                return "any JSON value";
            default:
                return "text";
        }
    }
}
