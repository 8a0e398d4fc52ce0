package dev.hpsearch.optimizer.strategy;

import static dev.hpsearch.optimizer.strategy.Spaces.combinations;
import static dev.hpsearch.optimizer.strategy.Spaces.empty;
import static dev.hpsearch.optimizer.strategy.Spaces.texts;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GridStrategyTest {
    private final SplittableRandom rng = new SplittableRandom(0);

    @Test
    void gridCountIsTheProductOfAxisSizes() {
        SearchSpace s = Spaces.mixed();

        // learning_rate 3, num_layers min(3, 10) = 3, activation 2 (categorical ignores n)
        assertThat(new GridStrategy(s, 3).plannedCount()).hasValue(18);
        assertThat(new GridStrategy(s, 4).plannedCount()).hasValue(32);
        assertThat(new GridStrategy(s, 12).plannedCount()).hasValue(12 * 10 * 2);
    }

    @Test
    void suggestsEveryGridPointOnce() {
        GridStrategy g = new GridStrategy(Spaces.mixed(), 3);

        List<Combination> all = combinations(g.suggest(empty(Spaces.mixed()), 100, rng));

        assertThat(all).hasSize(18).doesNotHaveDuplicates();
    }

    @Test
    void seedExampleGridOnLogDomainWithFourPointsVariesTheLastHyperparameterFastest() {
        SearchSpace s = new SearchSpace(List.of(
                Hyperparameter.continuous("init_h_dim", 10, 10000, Transformation.LOG),
                Hyperparameter.categorical("activation", texts("tanh", "relu"))));

        List<Combination> all = combinations(new GridStrategy(s, 4).suggest(empty(s), 100, rng));

        assertThat(all).hasSize(8);
        assertThat(all).extracting(c -> c.get(0).asDouble())
                .containsExactly(10.0, 10.0, 100.0, 100.0, 1000.0, 1000.0, 10000.0, 10000.0);
        assertThat(all).extracting(c -> c.get(1).asText())
                .containsExactly("tanh", "relu", "tanh", "relu", "tanh", "relu", "tanh", "relu");
    }

    @Test
    void gridIncludesBothBounds() {
        SearchSpace s = new SearchSpace(List.of(Hyperparameter.continuous("x", -2, 3, Transformation.LINEAR)));

        assertThat(combinations(new GridStrategy(s, 3).suggest(empty(s), 10, rng)))
                .extracting(c -> c.get(0).asDouble()).containsExactly(-2.0, 0.5, 3.0);
    }

    @Test
    void ordinalIsThePositionInTheGrid() {
        GridStrategy g = new GridStrategy(Spaces.mixed(), 3);

        List<Suggestion> out = g.suggest(empty(Spaces.mixed()), 18, rng);

        for (int i = 0; i < out.size(); i++) {
            assertThat(out.get(i).ordinal()).isEqualTo(i);
            assertThat(out.get(i).combination()).isEqualTo(g.at(i));
        }
    }

    @Test
    void resumesAfterTheLastGridOrdinalInTheContext() {
        SearchSpace s = Spaces.mixed();
        GridStrategy g = new GridStrategy(s, 3);
        List<FinishedTrial> finished = List.of(
                new FinishedTrial(0, g.at(4), "grid", 4, new Outcome.Scored(0.5)),
                // another strategy's ordinals do not count
                new FinishedTrial(1, g.at(15), "line", 15, new Outcome.Scored(0.5)));
        List<PendingTrial> pending = List.of(new PendingTrial(2, g.at(6), "grid", 6));
        SearchContext context = new SearchContext(s, finished, pending, Set.of(g.at(4), g.at(15), g.at(6)));

        List<Suggestion> out = g.suggest(context, 3, rng);

        assertThat(out).extracting(Suggestion::ordinal).containsExactly(7L, 8L, 9L);
    }

    @Test
    void skipsGridPointsAlreadySeen() {
        SearchSpace s = Spaces.mixed();
        GridStrategy g = new GridStrategy(s, 3);
        SearchContext context = new SearchContext(s, List.of(), List.of(), Set.of(g.at(0), g.at(2)));

        assertThat(g.suggest(context, 3, rng)).extracting(Suggestion::ordinal).containsExactly(1L, 3L, 4L);
    }

    @Test
    void exhaustedGridSuggestsNothing() {
        SearchSpace s = Spaces.mixed();
        GridStrategy g = new GridStrategy(s, 3);
        SearchContext done = new SearchContext(s,
                List.of(new FinishedTrial(17, g.at(17), "grid", 17, new Outcome.Scored(1.0))),
                List.of(), Set.of(g.at(17)));

        assertThat(g.suggest(done, 5, rng)).isEmpty();
    }

    @Test
    void categoricalValuesArePassedAsGiven() {
        SearchSpace s = new SearchSpace(List.of(Hyperparameter.categorical("act", texts("tanh", "relu"))));

        assertThat(combinations(new GridStrategy(s, 1).suggest(empty(s), 5, rng)))
                .extracting(c -> c.get(0)).containsExactly(TextNode.valueOf("tanh"), TextNode.valueOf("relu"));
    }
}
