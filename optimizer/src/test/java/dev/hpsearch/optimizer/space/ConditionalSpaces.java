package dev.hpsearch.optimizer.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;

/** A space with conditional hyperparameters, shared by the tests of the space and the strategies. */
public final class ConditionalSpaces {
    public static final JsonNode ADAM = TextNode.valueOf("adam");
    public static final JsonNode SGD = TextNode.valueOf("sgd");
    public static final JsonNode RMSPROP = TextNode.valueOf("rmsprop");

    private ConditionalSpaces() {
    }

    /**
     * optimizer in {adam, sgd, rmsprop}; momentum in [0, 0.9] only for sgd and rmsprop (inactive_value as
     * given); nesterov in {false, true} only for sgd; dampening in {0, 0.5} only when nesterov is false (a chain);
     * lr in [0.001, 1] (log) always.
     */
    public static SearchSpace optimizers(JsonNode momentumInactiveValue) {
        return new SearchSpace(List.of(
                Hyperparameter.categorical("optimizer", List.of(ADAM, SGD, RMSPROP)),
                Hyperparameter.continuous("momentum", 0, 0.9, Transformation.LINEAR)
                        .withCondition(new Condition("optimizer", List.of(SGD, RMSPROP), momentumInactiveValue)),
                Hyperparameter.categorical("nesterov", List.of(BooleanNode.FALSE, BooleanNode.TRUE))
                        .withCondition(new Condition("optimizer", List.of(SGD), null)),
                Hyperparameter.discrete("dampening", List.of(DoubleNode.valueOf(0), DoubleNode.valueOf(0.5)),
                        Transformation.LINEAR).withCondition(new Condition("nesterov", List.of(BooleanNode.FALSE), null)),
                Hyperparameter.continuous("lr", 0.001, 1, Transformation.LOG)));
    }
}
