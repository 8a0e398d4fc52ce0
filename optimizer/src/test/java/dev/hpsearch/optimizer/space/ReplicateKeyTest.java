package dev.hpsearch.optimizer.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which input a replicate_key names and the value each replicate gets. */
class ReplicateKeyTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ModelConfig model() throws Exception {
        ObjectNode template = (ObjectNode) JSON.readTree("""
                {"x": {"type": "continuous", "domain": [0, 1]}, "split": {"type": "categorical",
                 "domain": ["a", "b", "c"]}, "seed": 41, "ratio": 0.5, "data": {"fold": "f", "ids": [3, 9]},
                 "save_folder": "ignored"}
                """);
        Hyperparameter x = new Hyperparameter("x", List.of("x"), HyperparameterType.CONTINUOUS, Transformation.LINEAR,
                0, 1, List.of());
        Hyperparameter split = new Hyperparameter("split", List.of("split"), HyperparameterType.CATEGORICAL,
                Transformation.NONE, Double.NaN, Double.NaN,
                List.of(TextNode.valueOf("a"), TextNode.valueOf("b"), TextNode.valueOf("c")));
        return new ModelConfig(template, new SearchSpace(List.of(x, split)));
    }

    private static final Combination ORIGINAL = new Combination(List.of(DoubleNode.valueOf(0.25), TextNode.valueOf("b")));

    @Test
    void aWholeNumberGetsTheOriginalPlusTheReplicatesNumber() throws Exception {
        ModelConfig m = model();
        ReplicateKey seed = ReplicateKey.find(m, "seed").orElseThrow();

        assertThat(seed.isHyperparameter()).isFalse();
        assertThat(seed.value(m.space(), ORIGINAL, 1).asLong()).isEqualTo(42);
        assertThat(seed.value(m.space(), ORIGINAL, 3).asLong()).isEqualTo(44);
        assertThat(seed.value(m.space(), ORIGINAL, 3).isIntegralNumber()).isTrue();
        assertThat(seed.combination(ORIGINAL, IntNode.valueOf(42))).isEqualTo(ORIGINAL);
    }

    @Test
    void aDecimalAStringAndAnArrayElementGetValuesOfTheirOwn() throws Exception {
        ModelConfig m = model();

        assertThat(ReplicateKey.find(m, "ratio").orElseThrow().value(m.space(), ORIGINAL, 2).asDouble()).isEqualTo(2.5);
        assertThat(ReplicateKey.find(m, "data.fold").orElseThrow().value(m.space(), ORIGINAL, 2).asText())
                .isEqualTo("f_r2");
        assertThat(ReplicateKey.find(m, "data.ids[1]").orElseThrow().value(m.space(), ORIGINAL, 1).asInt())
                .isEqualTo(10);
    }

    @Test
    void aCategoricalHyperparameterTakesItsNextValuesAndChangesTheCombination() throws Exception {
        ModelConfig m = model();
        ReplicateKey split = ReplicateKey.find(m, "split").orElseThrow();

        assertThat(split.isHyperparameter()).isTrue();
        assertThat(split.maxReplicates(m.space())).isEqualTo(2);
        JsonNode first = split.value(m.space(), ORIGINAL, 1);
        JsonNode second = split.value(m.space(), ORIGINAL, 2);
        assertThat(List.of(first.asText(), second.asText())).containsExactly("c", "a");
        assertThat(split.combination(ORIGINAL, first).values()).containsExactly(DoubleNode.valueOf(0.25), first);
        assertThatThrownBy(() -> split.value(m.space(), ORIGINAL, 3)).hasMessageContaining("at most 2");
    }

    @Test
    void applySetsTheValueInARenderedInput() throws Exception {
        ModelConfig m = model();
        ObjectNode input = m.space().render(m.template(), ORIGINAL);
        ReplicateKey.find(m, "data.ids[0]").orElseThrow().apply(input, IntNode.valueOf(4));
        ReplicateKey.find(m, "seed").orElseThrow().apply(input, IntNode.valueOf(43));

        assertThat(input.at("/data/ids/0").asInt()).isEqualTo(4);
        assertThat(input.get("seed").asInt()).isEqualTo(43);
        assertThat(input.get("split").asText()).isEqualTo("b");
    }

    @Test
    void continuousHyperparametersSaveFolderAndUnknownNamesAreNotKeys() throws Exception {
        ModelConfig m = model();

        assertThat(ReplicateKey.find(m, "x")).isEmpty();
        assertThat(ReplicateKey.find(m, "save_folder")).isEmpty();
        assertThat(ReplicateKey.find(m, "nope")).isEmpty();
        assertThat(ReplicateKey.allowedNames(m)).containsExactly("seed", "ratio", "data.fold", "data.ids[0]",
                "data.ids[1]", "split");
    }
}
