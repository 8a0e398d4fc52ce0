package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The seed's {@code model_config.json}: the template of every {@code input.json} and the hyperparameters found
 * in it.
 */
public record ModelConfig(ObjectNode template, SearchSpace space) {
    public ModelConfig {
        template = template.deepCopy();
    }

    @Override
    public ObjectNode template() {
        return template.deepCopy();
    }
}
