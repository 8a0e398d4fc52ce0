package dev.hpsearch.optimizer.space;

import static dev.hpsearch.optimizer.space.ConditionalSpaces.ADAM;
import static dev.hpsearch.optimizer.space.ConditionalSpaces.RMSPROP;
import static dev.hpsearch.optimizer.space.ConditionalSpaces.SGD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionalSpaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode NULL = SearchSpace.INACTIVE;

    private static Combination c(JsonNode... values) {
        return new Combination(List.of(values));
    }

    @Test
    void activityFollowsTheParentAndTheChain() {
        SearchSpace space = ConditionalSpaces.optimizers(null);
        Combination sgdNesterov = c(SGD, DoubleNode.valueOf(0.5), BooleanNode.TRUE, DoubleNode.valueOf(0.5),
                DoubleNode.valueOf(0.1));
        Combination adam = c(ADAM, DoubleNode.valueOf(0.5), BooleanNode.FALSE, DoubleNode.valueOf(0.5),
                DoubleNode.valueOf(0.1));

        assertThat(space.active(1, sgdNesterov)).isTrue();
        assertThat(space.active(3, sgdNesterov)).as("dampening needs nesterov false").isFalse();
        assertThat(space.active(1, adam)).isFalse();
        assertThat(space.active(2, adam)).isFalse();
        assertThat(space.active(3, adam)).as("nesterov false but nesterov itself inactive").isFalse();
        assertThat(space.canonical(adam)).isEqualTo(c(ADAM, NULL, NULL, NULL, DoubleNode.valueOf(0.1)));
        assertThat(space.canonical(sgdNesterov)).isEqualTo(c(SGD, DoubleNode.valueOf(0.5), BooleanNode.TRUE, NULL,
                DoubleNode.valueOf(0.1)));
    }

    @Test
    void inactiveKeyIsLeftOutOfTheInputWithoutAnInactiveValue() throws Exception {
        SearchSpace space = new SearchSpace(List.of(
                Hyperparameter.categorical("optimizer", List.of(ADAM, SGD)),
                new Hyperparameter("momentum", List.of("opt", "momentum"), HyperparameterType.CONTINUOUS,
                        Transformation.LINEAR, 0, 1, List.of(), new Condition("optimizer", List.of(SGD), null))));
        ObjectNode template = (ObjectNode) JSON.readTree(
                "{\"optimizer\": {}, \"opt\": {\"momentum\": {}, \"eps\": 1e-8}, \"epochs\": 3}");

        ObjectNode adam = space.render(template, space.canonical(c(ADAM, DoubleNode.valueOf(0.3))));
        ObjectNode sgd = space.render(template, c(SGD, DoubleNode.valueOf(0.3)));

        assertThat(adam).isEqualTo(JSON.readTree("{\"optimizer\": \"adam\", \"opt\": {\"eps\": 1e-8}, \"epochs\": 3}"));
        assertThat(sgd).isEqualTo(JSON.readTree(
                "{\"optimizer\": \"sgd\", \"opt\": {\"momentum\": 0.3, \"eps\": 1e-8}, \"epochs\": 3}"));
    }

    @Test
    void inactiveKeyHoldsTheInactiveValueWhenGiven() throws Exception {
        SearchSpace space = ConditionalSpaces.optimizers(IntNode.valueOf(0));
        ObjectNode template = (ObjectNode) JSON.readTree(
                "{\"optimizer\": 1, \"momentum\": 1, \"nesterov\": 1, \"dampening\": 1, \"lr\": 1}");

        ObjectNode input = space.render(template, space.canonical(c(RMSPROP, DoubleNode.valueOf(0.2), NULL, NULL,
                DoubleNode.valueOf(0.01))));
        ObjectNode adam = space.render(template, c(ADAM, NULL, NULL, NULL, DoubleNode.valueOf(0.01)));

        assertThat(input).isEqualTo(JSON.readTree("{\"optimizer\": \"rmsprop\", \"momentum\": 0.2, \"lr\": 0.01}"));
        assertThat(adam).isEqualTo(JSON.readTree("{\"optimizer\": \"adam\", \"momentum\": 0, \"lr\": 0.01}"));
    }

    @Test
    void inactiveElementOfAListHoldsNullSoTheOthersKeepTheirPlaces() throws Exception {
        SearchSpace space = new SearchSpace(List.of(
                Hyperparameter.categorical("mode", List.of(TextNode.valueOf("a"), TextNode.valueOf("b"))),
                new Hyperparameter("units[0]", List.of("units", 0), HyperparameterType.DISCRETE, Transformation.LINEAR,
                        8, 16, List.of(IntNode.valueOf(8), IntNode.valueOf(16)),
                        new Condition("mode", List.of(TextNode.valueOf("b")), null))));
        ObjectNode template = (ObjectNode) JSON.readTree("{\"mode\": 0, \"units\": [0, 32]}");

        ObjectNode input = space.render(template, space.canonical(c(TextNode.valueOf("a"), IntNode.valueOf(8))));

        assertThat(input).isEqualTo(JSON.readTree("{\"mode\": \"a\", \"units\": [null, 32]}"));
    }

    @Test
    void inactiveCoordinatesAreAConstantAndSuggestionsComeBackCanonical() {
        SearchSpace space = ConditionalSpaces.optimizers(null);
        Combination adam = space.canonical(c(ADAM, DoubleNode.valueOf(0.9), BooleanNode.TRUE, DoubleNode.valueOf(0),
                DoubleNode.valueOf(0.1)));

        double[] x = space.coordinates(adam);

        assertThat(x[1]).isEqualTo(SearchSpace.INACTIVE_UNIT);
        assertThat(x[2]).isEqualTo(0);
        assertThat(x[3]).isEqualTo(SearchSpace.INACTIVE_UNIT);
        assertThat(space.at(new double[] {0, 0.9, 1, 1, 0.5})).isEqualTo(c(ADAM, NULL, NULL, NULL,
                space.get(4).valueAt(0.5)));
        assertThat(space.at(space.coordinates(adam))).isEqualTo(adam);
    }

    @Test
    void finiteSizeCountsDistinctCombinations() {
        SearchSpace space = new SearchSpace(List.of(
                Hyperparameter.categorical("optimizer", List.of(ADAM, SGD, RMSPROP)),
                Hyperparameter.discrete("momentum", List.of(DoubleNode.valueOf(0.5), DoubleNode.valueOf(0.9)),
                        Transformation.LINEAR).withCondition(new Condition("optimizer", List.of(SGD, RMSPROP), null))));

        // adam: 1; sgd, rmsprop: 2 each
        assertThat(space.finiteSize()).hasValue(5);
    }

    @Test
    void aConditionOnAnUnknownOrContinuousHyperparameterOrACycleIsACallersMistake() {
        Hyperparameter a = Hyperparameter.categorical("a", List.of(IntNode.valueOf(1)));
        Hyperparameter b = Hyperparameter.categorical("b", List.of(IntNode.valueOf(1)));
        Hyperparameter x = Hyperparameter.continuous("x", 0, 1, Transformation.LINEAR);
        Condition onA = new Condition("a", List.of(IntNode.valueOf(1)), null);
        Condition onB = new Condition("b", List.of(IntNode.valueOf(1)), null);

        assertThatThrownBy(() -> new SearchSpace(List.of(a.withCondition(onB)))).hasMessageContaining("unknown");
        assertThatThrownBy(() -> new SearchSpace(List.of(a.withCondition(onB), b.withCondition(onA))))
                .hasMessageContaining("cycle");
        assertThatThrownBy(() -> new SearchSpace(List.of(x, a.withCondition(new Condition("x",
                List.of(DoubleNode.valueOf(0)), null))))).hasMessageContaining("continuous");
    }
}
