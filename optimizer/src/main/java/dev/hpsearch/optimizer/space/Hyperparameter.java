package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.List;
import java.util.Objects;

/**
 * One hyperparameter of the model config.
 *
 * @param name           the column name in {@code hp_search_data.txt}: the key, or a dotted path when nested
 *                       ({@code optimizer.learning_rate}, {@code layers[1].units})
 * @param path           where it sits in the model config: object keys (String) and array indexes (Integer)
 * @param type           continuous, discrete or categorical
 * @param transformation linear or log (none for categorical)
 * @param lower          lower bound (continuous) or smallest value (discrete); NaN for categorical
 * @param upper          upper bound (continuous) or largest value (discrete); NaN for categorical
 * @param values         the listed values (discrete, categorical), in the user's order; empty for continuous
 * @param condition      when it exists (another hyperparameter's values); {@code null} when always
 */
public record Hyperparameter(
        String name,
        List<Object> path,
        HyperparameterType type,
        Transformation transformation,
        double lower,
        double upper,
        List<JsonNode> values,
        Condition condition) {

    /** A hyperparameter that always exists. */
    public Hyperparameter(String name, List<Object> path, HyperparameterType type, Transformation transformation,
                          double lower, double upper, List<JsonNode> values) {
        this(name, path, type, transformation, lower, upper, values, null);
    }

    public Hyperparameter {
        Objects.requireNonNull(name, "name");
        path = List.copyOf(path);
        values = List.copyOf(values);
        if (type == HyperparameterType.CONTINUOUS && !(lower < upper)) {
            throw new IllegalArgumentException(name + ": lower bound must be below upper bound");
        }
        if (type != HyperparameterType.CONTINUOUS && values.isEmpty()) {
            throw new IllegalArgumentException(name + ": empty domain");
        }
        if (transformation == Transformation.LOG && type != HyperparameterType.CATEGORICAL && !(lower > 0)) {
            throw new IllegalArgumentException(name + ": log transformation needs positive bounds");
        }
    }

    public static Hyperparameter continuous(String name, double lower, double upper, Transformation t) {
        return new Hyperparameter(name, List.of(name), HyperparameterType.CONTINUOUS, t, lower, upper, List.of());
    }

    public static Hyperparameter discrete(String name, List<JsonNode> values, Transformation t) {
        double lo = values.stream().mapToDouble(JsonNode::asDouble).min().orElse(Double.NaN);
        double hi = values.stream().mapToDouble(JsonNode::asDouble).max().orElse(Double.NaN);
        return new Hyperparameter(name, List.of(name), HyperparameterType.DISCRETE, t, lo, hi, values);
    }

    public static Hyperparameter categorical(String name, List<JsonNode> values) {
        return new Hyperparameter(name, List.of(name), HyperparameterType.CATEGORICAL, Transformation.NONE,
                Double.NaN, Double.NaN, values);
    }

    /** The same hyperparameter, existing only under {@code c} ({@code null}: always). */
    public Hyperparameter withCondition(Condition c) {
        return new Hyperparameter(name, path, type, transformation, lower, upper, values, c);
    }

    public boolean isConditional() {
        return condition != null;
    }

    public boolean isCategorical() {
        return type == HyperparameterType.CATEGORICAL;
    }

    /** Number of listed values (discrete, categorical); 0 for continuous. */
    public int size() {
        return values.size();
    }

    /**
     * Maps a numeric value to [0, 1]: {@code u = (t(x) - t(lower)) / (t(upper) - t(lower))} where t is the
     * transformation. A discrete hyperparameter with a single value maps to 0.5.
     */
    public double toUnit(double x) {
        double lo = transformation.forward(lower);
        double hi = transformation.forward(upper);
        if (hi == lo) {
            return 0.5;
        }
        return (transformation.forward(x) - lo) / (hi - lo);
    }

    /** The inverse of {@link #toUnit}, clamped to the bounds so rounding never leaves the domain. */
    public double fromUnit(double u) {
        if (u <= 0) {
            return lower;
        }
        if (u >= 1) {
            return upper;
        }
        double lo = transformation.forward(lower);
        double hi = transformation.forward(upper);
        double x = transformation.inverse(lo + u * (hi - lo));
        return Math.min(upper, Math.max(lower, x));
    }

    /**
     * The value the script sees for a point {@code u} in [0, 1]: continuous maps back through the
     * transformation; discrete snaps to the allowed value nearest in transformed space; categorical takes
     * the level {@code floor(u * size)}.
     */
    public JsonNode valueAt(double u) {
        switch (type) {
            case CONTINUOUS:
                return DoubleNode.valueOf(fromUnit(u));
            case DISCRETE:
                return values.get(nearestIndex(u));
            default:
                int i = (int) Math.floor(u * values.size());
                return values.get(Math.max(0, Math.min(values.size() - 1, i)));
        }
    }

    /** Index of the listed (discrete) value nearest to {@code u} in transformed space. */
    public int nearestIndex(double u) {
        int best = 0;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (int i = 0; i < values.size(); i++) {
            double d = Math.abs(toUnit(values.get(i).asDouble()) - u);
            if (d < bestDistance) {
                bestDistance = d;
                best = i;
            }
        }
        return best;
    }

    /**
     * Where a value sits: its [0, 1] coordinate for continuous and discrete, its level index for categorical
     * (or -1 if the value is not listed).
     */
    public double coordinate(JsonNode value) {
        if (type == HyperparameterType.CATEGORICAL) {
            return values.indexOf(value);
        }
        if (!value.isNumber()) {
            return -1;
        }
        return toUnit(value.asDouble());
    }

    /** True when the value lies in the domain (listed, or within the bounds). */
    public boolean contains(JsonNode value) {
        if (type == HyperparameterType.CONTINUOUS) {
            return value.isNumber() && value.asDouble() >= lower && value.asDouble() <= upper;
        }
        return values.contains(value);
    }
}
