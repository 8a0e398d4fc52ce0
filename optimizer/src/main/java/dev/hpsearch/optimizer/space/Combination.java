package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * One value per hyperparameter, in the order of the {@link SearchSpace}; each value is exactly what the
 * analysis script will see in its {@code input.json}. Two combinations are equal when all values are equal.
 */
public record Combination(List<JsonNode> values) {
    public Combination {
        values = List.copyOf(values);
    }

    public JsonNode get(int i) {
        return values.get(i);
    }

    public int size() {
        return values.size();
    }
}
