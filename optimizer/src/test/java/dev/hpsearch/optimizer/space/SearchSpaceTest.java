package dev.hpsearch.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    static List<JsonNode> ints(int... values) {
        return IntStream.of(values).mapToObj(v -> (JsonNode) IntNode.valueOf(v)).toList();
    }

    static List<JsonNode> texts(String... values) {
        return java.util.Arrays.stream(values).map(v -> (JsonNode) TextNode.valueOf(v)).toList();
    }

    private static List<Double> numbers(List<JsonNode> nodes) {
        return nodes.stream().map(JsonNode::asDouble).toList();
    }

    private static SearchSpace of(Hyperparameter... hs) {
        return new SearchSpace(List.of(hs));
    }

    @Test
    void threeGridPointsAreLowerBoundMidpointUpperBound() {
        SearchSpace s = of(Hyperparameter.continuous("x", 0, 10, Transformation.LINEAR));

        assertThat(s.gridValues(0, 3)).containsExactly(DoubleNode.valueOf(0), DoubleNode.valueOf(5),
                DoubleNode.valueOf(10));
    }

    @Test
    void logGridFromTenToTenThousandWithFourPointsIsPowersOfTen() {
        SearchSpace s = of(Hyperparameter.continuous("init_h_dim", 10, 10000, Transformation.LOG));

        assertThat(numbers(s.gridValues(0, 4))).containsExactly(10.0, 100.0, 1000.0, 10000.0);
    }

    @Test
    void logGridOfLearningRateIsEvenInLogSpace() {
        SearchSpace s = of(Hyperparameter.continuous("lr", 1e-6, 10, Transformation.LOG));

        List<Double> values = numbers(s.gridValues(0, 3));
        assertThat(values.get(0)).isEqualTo(1e-6);
        assertThat(values.get(1)).isCloseTo(Math.pow(10, -2.5), org.assertj.core.api.Assertions.within(1e-15));
        assertThat(values.get(2)).isEqualTo(10.0);
    }

    @Test
    void oneGridPointIsTheMiddle() {
        SearchSpace s = of(Hyperparameter.continuous("x", 0, 10, Transformation.LINEAR),
                Hyperparameter.discrete("n", ints(1, 2, 3, 4, 5), Transformation.LINEAR));

        assertThat(s.gridValues(0, 1)).containsExactly(DoubleNode.valueOf(5));
        assertThat(s.gridValues(1, 1)).containsExactly(IntNode.valueOf(3));
    }

    @Test
    void discreteWithTenValuesAndThreePointsTakesFirstMiddleAndLast() {
        SearchSpace s = of(Hyperparameter.discrete("num_layers", ints(1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
                Transformation.LINEAR));

        List<JsonNode> grid = s.gridValues(0, 3);

        assertThat(grid).hasSize(3);
        assertThat(grid.get(0)).isEqualTo(IntNode.valueOf(1));
        assertThat(grid.get(1).asInt()).isBetween(5, 6);
        assertThat(grid.get(2)).isEqualTo(IntNode.valueOf(10));
    }

    @Test
    void discreteWithTwoValuesAndThreePointsTakesBoth() {
        SearchSpace s = of(Hyperparameter.discrete("n", ints(4, 8), Transformation.LOG));

        assertThat(s.gridValues(0, 3)).containsExactly(IntNode.valueOf(4), IntNode.valueOf(8));
    }

    @Test
    void discreteGridFollowsTheListedOrder() {
        SearchSpace s = of(Hyperparameter.discrete("n", ints(30, 10, 20, 50, 40), Transformation.LINEAR));

        assertThat(s.gridValues(0, 3)).containsExactly(IntNode.valueOf(30), IntNode.valueOf(20), IntNode.valueOf(40));
    }

    @Test
    void categoricalIgnoresTheNumberOfGridPoints() {
        SearchSpace s = of(Hyperparameter.categorical("act", texts("tanh", "relu", "elu")));

        assertThat(s.gridValues(0, 1)).isEqualTo(texts("tanh", "relu", "elu"));
        assertThat(s.gridValues(0, 7)).isEqualTo(texts("tanh", "relu", "elu"));
    }

    @Test
    void gridHasOneAxisPerHyperparameter() {
        SearchSpace s = of(Hyperparameter.continuous("x", 0, 1, Transformation.LINEAR),
                Hyperparameter.categorical("act", texts("tanh", "relu")));

        assertThat(s.grid(5)).extracting(List::size).containsExactly(5, 2);
    }

    @Test
    void finiteSizeIsTheProductOfListedValues() {
        SearchSpace s = of(Hyperparameter.discrete("n", ints(1, 2, 3), Transformation.LINEAR),
                Hyperparameter.categorical("act", texts("tanh", "relu")));

        assertThat(s.finiteSize()).hasValue(6);
    }

    @Test
    void spaceWithAContinuousHyperparameterHasNoFiniteSize() {
        SearchSpace s = of(Hyperparameter.discrete("n", ints(1, 2, 3), Transformation.LINEAR),
                Hyperparameter.continuous("x", 0, 1, Transformation.LINEAR));

        assertThat(s.finiteSize()).isEmpty();
    }

    @Test
    void coordinatesAndAtAreInverses() {
        SearchSpace s = of(Hyperparameter.continuous("lr", 1e-4, 1, Transformation.LOG),
                Hyperparameter.discrete("n", ints(8, 16, 32), Transformation.LOG),
                Hyperparameter.categorical("act", texts("tanh", "relu")));
        Combination c = new Combination(List.of(DoubleNode.valueOf(1e-4), IntNode.valueOf(16), TextNode.valueOf("relu")));

        double[] x = s.coordinates(c);

        assertThat(x).containsExactly(0.0, 0.5, 1.0);
        assertThat(s.at(x)).isEqualTo(c);
    }

    @Test
    void renderSubstitutesValuesAtTheirPathsAndKeepsConstants() throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree("""
                {"data_file": "d.csv",
                 "optimizer": {"name": "adam", "lr": {"type": "continuous", "domain": [0, 1], "transformation": "linear"}},
                 "layers": [{"units": {"type": "discrete", "domain": [8, 16], "transformation": "linear"}}, {"units": 4}]}
                """);
        SearchSpace s = new SearchSpace(List.of(
                new Hyperparameter("optimizer.lr", List.of("optimizer", "lr"), HyperparameterType.CONTINUOUS,
                        Transformation.LINEAR, 0, 1, List.of()),
                new Hyperparameter("layers[0].units", List.of("layers", 0, "units"), HyperparameterType.DISCRETE,
                        Transformation.LINEAR, 8, 16, ints(8, 16))));

        ObjectNode input = s.render(template, new Combination(List.of(DoubleNode.valueOf(0.25), IntNode.valueOf(16))));

        assertThat(input).isEqualTo(JSON.readTree("""
                {"data_file": "d.csv", "optimizer": {"name": "adam", "lr": 0.25}, "layers": [{"units": 16}, {"units": 4}]}
                """));
        assertThat(template.at("/optimizer/lr/type").asText()).as("template untouched").isEqualTo("continuous");
    }
}
