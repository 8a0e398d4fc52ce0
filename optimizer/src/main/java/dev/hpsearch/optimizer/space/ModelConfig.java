package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The seed's {@code model_config.json}: the template of every {@code input.json}, the hyperparameters found
 * in it, and which of their values make the simpler model ({@code "simpler"}, by hyperparameter name).
 */
public record ModelConfig(ObjectNode template, SearchSpace space, Map<String, Simpler> simpler) {
    public ModelConfig {
        template = template.deepCopy();
        simpler = Map.copyOf(simpler);
    }

    /** A model config without simplicity rules. */
    public ModelConfig(ObjectNode template, SearchSpace space) {
        this(template, space, Map.of());
    }

    @Override
    public ObjectNode template() {
        return template.deepCopy();
    }
}
