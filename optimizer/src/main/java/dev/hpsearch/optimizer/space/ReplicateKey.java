package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The input of model_config.json whose value differs between replicates of one combination ({@code replicate_key}
 * in search_config.json): a constant number or string (a seed, a data-split id), or a discrete or categorical
 * hyperparameter. Inputs are named as hyperparameters are: the key, or a dotted path when nested ({@code
 * data.split}, {@code folds[0]}).
 *
 * <p>Replicate {@code i} (1, 2, ... over all replicates of one combination) gets: for a whole number, the original
 * value + i; for another number, the original + i as a decimal; for a string, the original with {@code _r{i}}
 * appended; for a discrete or categorical hyperparameter, the value {@code i} places after the original's in the
 * listed domain, wrapping around, so at most (number of values - 1) replicates get distinct values.
 *
 * @param name           the input's name as search_config.json gives it
 * @param path           where it sits in the model config: object keys (String) and array indexes (Integer)
 * @param original       its value in model_config.json (a constant); {@code null} for a hyperparameter
 * @param hyperparameter its index among the hyperparameters, or -1 for a constant
 */
public record ReplicateKey(String name, List<Object> path, JsonNode original, int hyperparameter) {
    /** Appended to a string value, with the replicate's number. */
    public static final String STRING_SUFFIX = "_r";

    public ReplicateKey {
        path = List.copyOf(path);
    }

    /**
     * Finds the input called {@code name}; empty when there is none, or it is neither a number nor a string, or it
     * is a continuous hyperparameter (whose replicates would be new points, not replicates).
     */
    public static Optional<ReplicateKey> find(ModelConfig model, String name) {
        List<Hyperparameter> hps = model.space().hyperparameters();
        for (int i = 0; i < hps.size(); i++) {
            if (hps.get(i).name().equals(name) && hps.get(i).type() != HyperparameterType.CONTINUOUS) {
                return Optional.of(new ReplicateKey(name, hps.get(i).path(), null, i));
            }
        }
        for (Map.Entry<String, Input> e : constants(model).entrySet()) {
            if (e.getKey().equals(name)) {
                return Optional.of(new ReplicateKey(name, e.getValue().path(), e.getValue().value(), -1));
            }
        }
        return Optional.empty();
    }

    /**
     * The names a replicate_key may take, in the model config's order: constant numbers and strings, and the
     * discrete and categorical hyperparameters.
     */
    public static List<String> allowedNames(ModelConfig model) {
        List<String> out = new ArrayList<>(constants(model).keySet());
        for (Hyperparameter h : model.space().hyperparameters()) {
            if (h.type() != HyperparameterType.CONTINUOUS) {
                out.add(h.name());
            }
        }
        return out;
    }

    /** Whether the key is a hyperparameter, so that replicates differ from their original in its column too. */
    public boolean isHyperparameter() {
        return hyperparameter >= 0;
    }

    /**
     * How many replicates of one combination get distinct values: the hyperparameter's other values, or no limit
     * for a constant.
     */
    public int maxReplicates(SearchSpace space) {
        return isHyperparameter() ? space.get(hyperparameter).values().size() - 1 : Integer.MAX_VALUE;
    }

    /**
     * The value replicate {@code i} (from 1) of the combination {@code of} gets.
     *
     * @throws IllegalArgumentException if {@code i < 1}, or for a hyperparameter beyond its distinct values
     */
    public JsonNode value(SearchSpace space, Combination of, int i) {
        if (i < 1) {
            throw new IllegalArgumentException("replicates are numbered from 1, got " + i);
        }
        if (isHyperparameter()) {
            List<JsonNode> values = space.get(hyperparameter).values();
            if (i >= values.size()) {
                throw new IllegalArgumentException(name + " has " + values.size() + " values: at most "
                        + (values.size() - 1) + " replicates of one combination get a value of their own, not " + i);
            }
            int at = Math.max(0, values.indexOf(of.get(hyperparameter)));
            return values.get((at + i) % values.size());
        }
        if (original.isIntegralNumber()) {
            return LongNode.valueOf(original.asLong() + i);
        }
        if (original.isNumber()) {
            return DoubleNode.valueOf(original.asDouble() + i);
        }
        return TextNode.valueOf(original.asText() + STRING_SUFFIX + i);
    }

    /** The hyperparameter values of a replicate: the original's, with this key's column set when it is one. */
    public Combination combination(Combination of, JsonNode value) {
        if (!isHyperparameter()) {
            return of;
        }
        List<JsonNode> values = new ArrayList<>(of.values());
        values.set(hyperparameter, value);
        return new Combination(values);
    }

    /** Sets this input to {@code value} in a rendered input.json (changed in place). */
    public void apply(ObjectNode input, JsonNode value) {
        SearchSpace.set(input, path, value);
    }

    private record Input(List<Object> path, JsonNode value) {
    }

    /** The constant numbers and strings of the model config by name, named the way hyperparameters are. */
    private static Map<String, Input> constants(ModelConfig model) {
        Map<String, Input> out = new java.util.LinkedHashMap<>();
        walk(model.template(), new ArrayList<>(), "", out);
        return out;
    }

    private static void walk(JsonNode node, List<Object> path, String name, Map<String, Input> out) {
        if (node.isObject()) {
            if (node.has("type") && node.has("domain")) {
                return; // a hyperparameter
            }
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (path.isEmpty() && e.getKey().equals("save_folder")) {
                    continue; // set by hpsearch for every combination
                }
                List<Object> child = new ArrayList<>(path);
                child.add(e.getKey());
                walk(e.getValue(), child, name.isEmpty() ? e.getKey() : name + "." + e.getKey(), out);
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                List<Object> child = new ArrayList<>(path);
                child.add(i);
                walk(node.get(i), child, name + "[" + i + "]", out);
            }
        } else if ((node.isNumber() || node.isTextual()) && !path.isEmpty()) {
            out.putIfAbsent(name, new Input(path, node));
        }
    }
}
