package dev.hpsearch.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Replicate rows (replicate_of) are one setting with their original in {@link Choice}, and give its noise. */
class ChoiceReplicatesTest {
    private static final Hyperparameter X = Hyperparameter.continuous("x", 0, 1, Transformation.LINEAR);
    private static final Hyperparameter SPLIT = Hyperparameter.categorical("split",
            List.of(TextNode.valueOf("a"), TextNode.valueOf("b"), TextNode.valueOf("c"), TextNode.valueOf("d")));
    private static final SearchSpace SPACE = new SearchSpace(List.of(X, SPLIT));

    private static ResultRow row(int id, double x, String split, double loss, Integer of) {
        List<JsonNode> values = List.of(DoubleNode.valueOf(x), TextNode.valueOf(split));
        return new ResultRow(id, "ok", loss, values, "j" + id, 1, of == null ? "random" : "replicate", "", "",
                Provenance.NONE, Map.of(), of);
    }

    /**
     * Twelve settings of x, all with split "a"; the three best each replicated three times, the replicates with
     * split b, c, d when {@code keyIsHyperparameter}, else with split "a" (the key is then a constant such as a seed).
     */
    private static ResultTable table(boolean keyIsHyperparameter) {
        SplittableRandom rng = new SplittableRandom(4);
        List<ResultRow> rows = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            double x = i / 11.0;
            rows.add(row(i, x, "a", x + 0.05 * rng.nextGaussian(), null));
        }
        int id = 12;
        for (int of = 0; of < 3; of++) {
            for (int r = 1; r <= 3; r++) {
                String split = keyIsHyperparameter ? List.of("a", "b", "c", "d").get(r) : "a";
                double x = of / 11.0;
                rows.add(row(id++, x, split, x + 0.05 * rng.nextGaussian(), of));
            }
        }
        return new ResultTable(List.of("x", "split"), rows);
    }

    private static Choice.Setting settingOf(Choice.Result c, int id) {
        return c.settings().stream().filter(s -> s.id() == id).findFirst().orElseThrow();
    }

    @Test
    void replicatesOfAConstantKeyAreGroupedWithTheirOriginalAndGiveTheNoise() throws Exception {
        Choice.Result c = Choice.choose(ResponseData.of(table(false), SPACE, null), true, 1);

        assertThat(c.settings()).hasSize(12);
        assertThat(settingOf(c, 1).replicates()).containsExactly(1, 15, 16, 17);
        assertThat(c.noise().source()).isEqualTo("replicates");
        assertThat(c.noise().df()).isEqualTo(9);
        assertThat(c.noise().low()).isLessThan(c.noise().sd());
        assertThat(c.noise().high()).isGreaterThan(c.noise().sd());
    }

    @Test
    void replicatesOfAHyperparameterKeyAreGroupedByReplicateOfThoughTheirPositionDiffers() throws Exception {
        ResponseData data = ResponseData.of(table(true), SPACE, null);
        assertThat(data.x()[12]).isNotEqualTo(data.x()[0]);

        Choice.Result c = Choice.choose(data, true, 1);

        assertThat(c.settings()).hasSize(12);
        assertThat(settingOf(c, 0).replicates()).containsExactly(0, 12, 13, 14);
        assertThat(settingOf(c, 2).replicates()).containsExactly(2, 18, 19, 20);
        assertThat(c.noise().fromReplicates()).isTrue();
        assertThat(c.noise().df()).isEqualTo(9);
    }

    @Test
    void readFromTheTableFileReplicatesKeepTheirOriginal() {
        ResponseData data = ResponseData.of(table(true), SPACE, null);

        assertThat(data.replicateOf()[0]).isEqualTo(-1);
        assertThat(data.replicateOf()[12]).isZero();
        assertThat(Choice.replicateGroups(data)).hasSize(12);
    }
}
