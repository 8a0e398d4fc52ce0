package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * When a hyperparameter exists: only while {@code parent} (a categorical or discrete hyperparameter, by name)
 * takes one of {@code values}, and the parent itself exists.
 *
 * @param parent        the name of the hyperparameter this one depends on
 * @param values        the parent's values for which this one is active
 * @param inactiveValue what {@code input.json} holds while inactive; {@code null} leaves the key out
 */
public record Condition(String parent, List<JsonNode> values, JsonNode inactiveValue) {
    public Condition {
        Objects.requireNonNull(parent, "parent");
        values = List.copyOf(values);
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a condition on " + parent + " needs at least one value");
        }
    }
}
