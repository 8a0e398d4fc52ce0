package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Whether a value given from outside the search (a row of an earlier search, an initial point of the search config)
 * lies in a hyperparameter's domain, and if so the value as this search holds it, so that equal settings give equal
 * {@link Combination}s (docs/decisions/0024):
 * <ul>
 *   <li>continuous: any number within the bounds (both included), taken as a decimal; a value within
 *       {@value #SNAP} of a grid value in [0, 1] coordinates (the transformation applied) becomes that grid value,
 *       so a grid point written by another program with its own rounding is still the same grid point;</li>
 *   <li>discrete: a number equal to a listed one ({@code 3}, {@code 3.0} and {@code 3e0} are the same), taken as it
 *       is listed;</li>
 *   <li>categorical: a listed value, compared as the text a table cell holds ({@code true}, {@code 1}, {@code relu}),
 *       taken as it is listed.</li>
 * </ul>
 * Values are compared in the units the script sees; the transformation matters only for the grid tolerance.
 */
public final class ValueMatch {
    /** How close, in [0, 1] coordinates, a continuous value must be to a grid value to count as it. */
    public static final double SNAP = 1e-9;

    private ValueMatch() {
    }

    /**
     * The outcome: the value as this search holds it, or why it does not fit.
     *
     * @param value   the canonical value, or {@code null} when it does not fit
     * @param problem what is wrong and what is allowed, or {@code null} when it fits
     */
    public record Result(JsonNode value, String problem) {
        public boolean fits() {
            return value != null;
        }
    }

    /**
     * Matches a value against a hyperparameter's domain.
     *
     * @param grid the hyperparameter's grid values (continuous values this close snap to them); may be empty
     */
    public static Result of(Hyperparameter h, JsonNode v, List<JsonNode> grid) {
        switch (h.type()) {
            case CONTINUOUS:
                return continuous(h, v, grid);
            case DISCRETE:
                return discrete(h, v);
            default:
                return categorical(h, v);
        }
    }

    private static Result continuous(Hyperparameter h, JsonNode v, List<JsonNode> grid) {
        Double x = number(v);
        if (x == null || !Double.isFinite(x)) {
            return new Result(null, "got " + v + "; allowed: a number in [" + text(h.lower()) + ", " + text(h.upper())
                    + "]");
        }
        if (x < h.lower() || x > h.upper()) {
            return new Result(null, "got " + v + ", outside the domain [" + text(h.lower()) + ", " + text(h.upper())
                    + "]");
        }
        double u = h.toUnit(x);
        for (JsonNode g : grid) {
            if (Math.abs(h.toUnit(g.asDouble()) - u) <= SNAP) {
                return new Result(g, null);
            }
        }
        return new Result(DoubleNode.valueOf(x), null);
    }

    private static Result discrete(Hyperparameter h, JsonNode v) {
        Double x = number(v);
        if (x != null) {
            for (JsonNode listed : h.values()) {
                if (listed.asDouble() == x) {
                    return new Result(listed, null);
                }
            }
        }
        return new Result(null, "got " + v + ", not one of the listed values " + listed(h));
    }

    private static Result categorical(Hyperparameter h, JsonNode v) {
        if (h.values().contains(v)) {
            return new Result(v, null);
        }
        String t = text(v);
        for (JsonNode listed : h.values()) {
            if (text(listed).equals(t)) {
                return new Result(listed, null);
            }
        }
        return new Result(null, "got " + v + ", not one of the listed values " + listed(h));
    }

    /** A number, also from a table cell read as text; {@code null} when it is none. */
    private static Double number(JsonNode v) {
        if (v.isNumber()) {
            return v.asDouble();
        }
        if (v.isTextual()) {
            try {
                return Double.parseDouble(v.asText().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode v) {
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static String text(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    private static String listed(Hyperparameter h) {
        return h.values().stream().map(JsonNode::toString).collect(Collectors.joining(", ", "[", "]"));
    }
}
