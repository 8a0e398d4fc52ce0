package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Which values of a hyperparameter make the simpler model ({@code "simpler"} in model_config.json): lower ones,
 * higher ones, or, for a categorical hyperparameter, its values listed from the simplest to the most complex.
 * Among settings that tie with the best, the simplest is proposed.
 */
public sealed interface Simpler {
    /** Lower values are simpler (fewer layers, fewer epochs). */
    record Lower() implements Simpler {
        @Override
        public double rank(JsonNode value, Hyperparameter h) {
            return value.isNumber() ? clamp(h.toUnit(value.asDouble())) : Double.NaN;
        }

        @Override
        public String describe() {
            return "lower is simpler";
        }
    }

    /** Higher values are simpler (stronger regularization). */
    record Higher() implements Simpler {
        @Override
        public double rank(JsonNode value, Hyperparameter h) {
            return value.isNumber() ? 1 - clamp(h.toUnit(value.asDouble())) : Double.NaN;
        }

        @Override
        public String describe() {
            return "higher is simpler";
        }
    }

    /** The values from the simplest to the most complex. */
    record Order(List<JsonNode> values) implements Simpler {
        public Order {
            values = List.copyOf(values);
        }

        @Override
        public double rank(JsonNode value, Hyperparameter h) {
            int i = values.indexOf(value);
            if (i < 0 && value.isNumber()) {
                for (int k = 0; k < values.size(); k++) {
                    if (values.get(k).isNumber() && values.get(k).asDouble() == value.asDouble()) {
                        i = k;
                    }
                }
            }
            return i < 0 ? Double.NaN : values.size() == 1 ? 0 : (double) i / (values.size() - 1);
        }

        @Override
        public String describe() {
            return "simplest first: " + values;
        }
    }

    /** Where {@code value} stands from the simplest (0) to the most complex (1); NaN when it is not a value of h. */
    double rank(JsonNode value, Hyperparameter h);

    /** A few words for people. */
    String describe();

    private static double clamp(double u) {
        return Math.max(0, Math.min(1, u));
    }
}
