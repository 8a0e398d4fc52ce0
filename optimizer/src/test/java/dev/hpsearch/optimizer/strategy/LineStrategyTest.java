package dev.hpsearch.optimizer.strategy;

import static dev.hpsearch.optimizer.strategy.Spaces.combinations;
import static dev.hpsearch.optimizer.strategy.Spaces.empty;
import static dev.hpsearch.optimizer.strategy.Spaces.ints;
import static dev.hpsearch.optimizer.strategy.Spaces.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class LineStrategyTest {
    private final SplittableRandom rng = new SplittableRandom(0);

    /** Grid sizes with 4 points: x 4, n min(4, 2) = 2, act 3. */
    private static SearchSpace space() {
        return new SearchSpace(List.of(
                Hyperparameter.continuous("x", 0, 3, Transformation.LINEAR),
                Hyperparameter.discrete("n", ints(4, 8), Transformation.LOG),
                Hyperparameter.categorical("act", texts("tanh", "relu", "elu"))));
    }

    @Test
    void countIsOnePlusTheOtherGridValuesOfEachHyperparameter() {
        // 1 + (4 - 1) + (2 - 1) + (3 - 1)
        assertThat(new LineStrategy(space(), 4).plan()).hasSize(7);
        assertThat(new LineStrategy(space(), 4).plannedCount()).hasValue(7);
        // the seed's example space with 3 points: 1 + 2 + 2 + 1
        assertThat(new LineStrategy(Spaces.mixed(), 3).plan()).hasSize(6);
    }

    @Test
    void baseTakesTheMiddleGridValueOfEachHyperparameter() {
        SearchSpace s = new SearchSpace(List.of(
                Hyperparameter.continuous("x", 0, 10, Transformation.LINEAR),
                Hyperparameter.discrete("n", ints(1, 2, 3, 4, 5), Transformation.LINEAR),
                Hyperparameter.categorical("act", texts("tanh", "relu", "elu"))));

        Combination base = new LineStrategy(s, 3).plan().get(0);

        assertThat(base.values()).containsExactly(DoubleNode.valueOf(5), IntNode.valueOf(3), TextNode.valueOf("relu"));
    }

    @Test
    void evenGridCountTakesTheLowerMiddleForTheBase() {
        Combination base = new LineStrategy(space(), 4).plan().get(0);

        // x grid 0, 1, 2, 3 -> 1; n grid 4, 8 -> 4
        assertThat(base.get(0)).isEqualTo(DoubleNode.valueOf(1));
        assertThat(base.get(1)).isEqualTo(IntNode.valueOf(4));
    }

    @Test
    void baseAppearsOnceAndComesFirst() {
        SearchSpace s = space();
        List<Combination> all = combinations(new LineStrategy(s, 4).suggest(empty(s), 100, rng));

        assertThat(all).hasSize(7).doesNotHaveDuplicates();
        assertThat(all.get(0)).isEqualTo(new LineStrategy(s, 4).plan().get(0));
    }

    @Test
    void eachLineVariesOneHyperparameterOverItsWholeGrid() {
        SearchSpace s = space();
        List<Combination> plan = new LineStrategy(s, 4).plan();
        Combination base = plan.get(0);

        List<Set<JsonNode>> covered = new ArrayList<>();
        for (int i = 0; i < s.dimension(); i++) {
            covered.add(new HashSet<>(List.of(base.get(i))));
        }
        for (Combination c : plan.subList(1, plan.size())) {
            List<Integer> differing = new ArrayList<>();
            for (int i = 0; i < s.dimension(); i++) {
                if (!c.get(i).equals(base.get(i))) {
                    differing.add(i);
                    covered.get(i).add(c.get(i));
                }
            }
            assertThat(differing).as("%s differs from the base in one place", c).hasSize(1);
        }
        for (int i = 0; i < s.dimension(); i++) {
            assertThat(covered.get(i)).containsExactlyInAnyOrderElementsOf(s.gridValues(i, 4));
        }
    }

    @Test
    void resumesAfterTheLastLineOrdinalInTheContext() {
        SearchSpace s = space();
        LineStrategy line = new LineStrategy(s, 4);
        List<Combination> plan = line.plan();
        SearchContext context = new SearchContext(s,
                List.of(new FinishedTrial(0, plan.get(0), "line", 0, new Outcome.Scored(1.0)),
                        new FinishedTrial(1, plan.get(1), "line", 1, new Outcome.Scored(1.0))),
                List.of(new PendingTrial(2, plan.get(3), "line", 3)),
                Set.of(plan.get(0), plan.get(1), plan.get(3)));

        List<Suggestion> out = line.suggest(context, 10, rng);

        assertThat(out).extracting(Suggestion::ordinal).containsExactly(4L, 5L, 6L);
        assertThat(combinations(out)).containsExactlyElementsOf(plan.subList(4, 7));
    }
}
