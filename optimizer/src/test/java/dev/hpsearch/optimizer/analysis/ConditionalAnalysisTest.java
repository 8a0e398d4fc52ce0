package dev.hpsearch.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Condition;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Analyses of a search with a conditional hyperparameter keep the rows where it did not exist (decision 0026). */
class ConditionalAnalysisTest {
    private static final JsonNode ADAM = TextNode.valueOf("adam");
    private static final JsonNode SGD = TextNode.valueOf("sgd");

    @Test
    void anEmptyCellReadsAsNullAndSitsAtTheConstantWhenTheSpaceIsKnown() {
        String text = "combination_id\tloss\toptimizer\tmomentum\tstatus\n"
                + "0\t1.0\tadam\t\tok\n"
                + "1\t2.0\tsgd\t0.5\tok\n"
                + "2\t3.0\tsgd\t0.9\tok\n";
        SearchSpace space = new SearchSpace(List.of(
                Hyperparameter.categorical("optimizer", List.of(ADAM, SGD)),
                Hyperparameter.continuous("momentum", 0.1, 0.9, Transformation.LINEAR)
                        .withCondition(new Condition("optimizer", List.of(SGD), null))));

        ResultTable table = ResultTable.parse(text);
        ResponseData known = ResponseData.of(table, space, null);
        ResponseData inferred = ResponseData.of(table, null, null);

        assertThat(table.rows().get(0).values().get(1).isNull()).isTrue();
        assertThat(table.rows().get(1).values().get(1)).isEqualTo(DoubleNode.valueOf(0.5));
        assertThat(known.ids()).containsExactly(0, 1, 2);
        assertThat(known.x()[0][1]).isEqualTo(SearchSpace.INACTIVE_UNIT);
        assertThat(inferred.ids()).as("without the model config an empty cell has no place").containsExactly(1, 2);
        assertThat(Axis.infer("momentum", table.rows().stream().map(r -> r.values().get(1)).toList()).kind())
                .isEqualTo(Axis.Kind.LINEAR);
    }
}
