package dev.hpsearch.optimizer.strategy;

import static dev.hpsearch.optimizer.space.ConditionalSpaces.ADAM;
import static dev.hpsearch.optimizer.space.ConditionalSpaces.RMSPROP;
import static dev.hpsearch.optimizer.space.ConditionalSpaces.SGD;
import static dev.hpsearch.optimizer.strategy.Spaces.combinations;
import static dev.hpsearch.optimizer.strategy.Spaces.empty;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Condition;
import dev.hpsearch.optimizer.space.ConditionalSpaces;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Grid, line, random and bopt with conditional hyperparameters (issue 13 part 2, decision 0026). */
class ConditionalStrategiesTest {
    private static final SearchSpace SPACE = ConditionalSpaces.optimizers(null);

    /** Every inactive hyperparameter holds the placeholder, and no combination appears twice. */
    private static void assertCanonicalAndDistinct(SearchSpace space, List<Combination> all) {
        assertThat(new HashSet<>(all)).hasSameSizeAs(all);
        for (Combination c : all) {
            assertThat(space.canonical(c)).isEqualTo(c);
            for (int i = 0; i < space.dimension(); i++) {
                assertThat(c.get(i).isNull()).as("%s at %d", c, i).isEqualTo(!space.active(i, c));
            }
        }
    }

    @Test
    void gridSkipsCombinationsThatDifferOnlyInInactiveValues() {
        GridStrategy grid = new GridStrategy(SPACE, 2);

        List<Combination> all = combinations(grid.suggest(empty(SPACE), 1000, new SplittableRandom(1)));

        // adam: lr 2 = 2; rmsprop: momentum 2 x lr 2 = 4; sgd: momentum 2 x (nesterov false: dampening 2,
        // true: 1) x lr 2 = 12; 18 in all, of the 3 x 2^4 = 48 grid points
        assertThat(all).hasSize(18);
        assertThat(grid.plannedCount()).hasValue(18);
        assertThat(all.stream().filter(c -> c.get(0).equals(ADAM))).hasSize(2);
        assertThat(all.stream().filter(c -> c.get(0).equals(RMSPROP))).hasSize(4);
        assertThat(all.stream().filter(c -> c.get(0).equals(SGD))).hasSize(12);
        assertCanonicalAndDistinct(SPACE, all);
    }

    @Test
    void gridResumesByOrdinalWithoutRepeating() {
        GridStrategy grid = new GridStrategy(SPACE, 2);
        List<Suggestion> first = grid.suggest(empty(SPACE), 7, new SplittableRandom(1));

        List<Suggestion> rest = grid.suggest(Spaces.after(SPACE, first), 1000, new SplittableRandom(1));

        List<Combination> all = new ArrayList<>(combinations(first));
        all.addAll(combinations(rest));
        assertThat(all).hasSize(18);
        assertCanonicalAndDistinct(SPACE, all);
    }

    @Test
    void aGridWithoutConditionsKeepsItsCount() {
        assertThat(new GridStrategy(Spaces.mixed(), 3).plannedCount()).hasValue(3 * 3 * 2);
    }

    @Test
    void lineVariesAHyperparameterInactiveAtTheBaseUnderAParentThatActivatesIt() {
        // the base takes adam (the middle optimizer), where momentum does not exist
        JsonNode low = DoubleNode.valueOf(0.5);
        JsonNode high = DoubleNode.valueOf(0.9);
        SearchSpace space = new SearchSpace(List.of(
                Hyperparameter.categorical("optimizer", List.of(RMSPROP, ADAM, SGD)),
                Hyperparameter.discrete("momentum", List.of(low, high), Transformation.LINEAR)
                        .withCondition(new Condition("optimizer", List.of(SGD, RMSPROP), null)),
                Hyperparameter.continuous("lr", 0.001, 1, Transformation.LOG)));
        LineStrategy line = new LineStrategy(space, 3);

        List<Combination> plan = line.plan();

        JsonNode lr = space.gridValues(2, 3).get(1);
        // base; optimizer: rmsprop, sgd; momentum (under rmsprop): 0.9 (0.5 is the optimizer line's rmsprop
        // point); lr: two others. Without dedupe the momentum line would repeat the base at adam.
        assertThat(plan).hasSize(6);
        assertThat(plan.get(0)).isEqualTo(new Combination(List.of(ADAM, SearchSpace.INACTIVE, lr)));
        assertThat(plan).contains(new Combination(List.of(RMSPROP, high, lr)),
                new Combination(List.of(RMSPROP, low, lr)), new Combination(List.of(SGD, low, lr)));
        assertThat(line.plannedCount()).hasValue(6);
        assertCanonicalAndDistinct(space, plan);
        assertThat(combinations(line.suggest(empty(space), 100, new SplittableRandom(1)))).isEqualTo(plan);
    }

    @Test
    void lineOfTheOptimizerSpaceIsCanonicalAndDistinct() {
        List<Combination> plan = new LineStrategy(SPACE, 3).plan();

        // base sgd, 0.45, nesterov false, dampening 0, mid lr: every hyperparameter exists, 1 + 2 + 2 + 1 + 1 + 2
        assertThat(plan).hasSize(9);
        assertCanonicalAndDistinct(SPACE, plan);
    }

    @Test
    void randomDrawsAreCanonicalAndAFiniteConditionalSpaceRunsOutAtItsDistinctCount() {
        SearchSpace finite = new SearchSpace(List.of(
                Hyperparameter.categorical("optimizer", List.of(ADAM, SGD, RMSPROP)),
                Hyperparameter.discrete("momentum", List.of(DoubleNode.valueOf(0.5), DoubleNode.valueOf(0.9)),
                        Transformation.LINEAR).withCondition(new Condition("optimizer", List.of(SGD, RMSPROP), null))));
        RandomStrategy random = new RandomStrategy(finite);

        List<Combination> all = combinations(random.suggest(empty(finite), 20, new SplittableRandom(3)));

        assertThat(all).hasSize(5);
        assertThat(random.plannedCount()).hasValue(5);
        assertCanonicalAndDistinct(finite, all);
        List<Combination> draws = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(4);
        for (int k = 0; k < 200; k++) {
            draws.add(new RandomStrategy(SPACE).draw(rng));
        }
        Set<Combination> distinct = new HashSet<>(draws);
        assertCanonicalAndDistinct(SPACE, new ArrayList<>(distinct));
    }

    @Test
    void boptSuggestionsAreCanonicalAndNew() {
        BoptStrategy bopt = new BoptStrategy(Spaces.searchConfig("{\"min_initial_points\": 4, " + Spaces.BOPT_FAST
                + "}}"), SPACE);
        SearchContext context = Spaces.scored(SPACE, 12, 5);

        List<Suggestion> s = bopt.suggest(context, 4, new SplittableRandom(6));

        assertThat(s).hasSize(4);
        assertThat(s).allSatisfy(x -> assertThat(x.searchType()).isNotEqualTo(RandomStrategy.TYPE));
        List<Combination> all = new ArrayList<>(combinations(s));
        all.addAll(context.seen());
        assertCanonicalAndDistinct(SPACE, all);
    }

    @Test
    void boptTrainsOnInactiveCombinationsInsteadOfDroppingThem() {
        BoptStrategy bopt = new BoptStrategy(Spaces.searchConfig("{" + Spaces.BOPT_FAST + "}}"), SPACE);
        SearchContext context = Spaces.scored(SPACE, 12, 5);

        assertThat(context.finished().stream().filter(t -> t.combination().get(1).isNull())).isNotEmpty();
        assertThat(bopt.training(context).x).hasSize(12);
    }
}
