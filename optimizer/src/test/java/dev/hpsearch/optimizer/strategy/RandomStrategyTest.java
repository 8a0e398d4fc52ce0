package dev.hpsearch.optimizer.strategy;

import static dev.hpsearch.optimizer.strategy.Spaces.combinations;
import static dev.hpsearch.optimizer.strategy.Spaces.empty;
import static dev.hpsearch.optimizer.strategy.Spaces.ints;
import static dev.hpsearch.optimizer.strategy.Spaces.texts;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RandomStrategyTest {
    /** 3 x 2 = 6 combinations. */
    private static SearchSpace six() {
        return new SearchSpace(List.of(
                Hyperparameter.discrete("n", ints(1, 2, 3), Transformation.LINEAR),
                Hyperparameter.categorical("act", texts("tanh", "relu"))));
    }

    @Test
    void sameSeedGivesTheSameDraws() {
        SearchSpace s = Spaces.mixed();

        List<Suggestion> a = new RandomStrategy(s).suggest(empty(s), 20, new SplittableRandom(42));
        List<Suggestion> b = new RandomStrategy(s).suggest(empty(s), 20, new SplittableRandom(42));

        assertThat(b).isEqualTo(a);
    }

    @Test
    void anotherSeedGivesOtherDraws() {
        SearchSpace s = Spaces.mixed();

        List<Combination> a = combinations(new RandomStrategy(s).suggest(empty(s), 20, new SplittableRandom(42)));
        List<Combination> b = combinations(new RandomStrategy(s).suggest(empty(s), 20, new SplittableRandom(43)));

        assertThat(b).doesNotContainAnyElementsOf(a);
    }

    @Test
    void finiteSpaceOfSixAskedForTenGivesSixDistinctThenNothing() {
        SearchSpace s = six();
        RandomStrategy r = new RandomStrategy(s);
        SplittableRandom rng = new SplittableRandom(7);

        List<Suggestion> first = r.suggest(empty(s), 10, rng);

        assertThat(new HashSet<>(combinations(first))).hasSize(6);
        assertThat(first).hasSize(6);
        assertThat(r.suggest(Spaces.after(s, first), 10, rng)).isEmpty();
    }

    @Test
    void combinationsSeenFromOutsideTheDomainDoNotHideTheOnesLeft() {
        // after a resume with an edited config, seen may hold combinations the space no longer has
        SearchSpace s = six();
        Set<Combination> seen = new HashSet<>();
        seen.add(new Combination(List.of(IntNode.valueOf(9), TextNode.valueOf("tanh"))));
        seen.add(new Combination(List.of(IntNode.valueOf(1), TextNode.valueOf("elu"))));
        for (int n = 1; n <= 3; n++) {
            seen.add(new Combination(List.of(IntNode.valueOf(n), TextNode.valueOf("tanh"))));
        }
        seen.add(new Combination(List.of(IntNode.valueOf(1), TextNode.valueOf("relu"))));
        seen.add(new Combination(List.of(IntNode.valueOf(2), TextNode.valueOf("relu"))));

        List<Suggestion> out = new RandomStrategy(s).suggest(new SearchContext(s, List.of(), List.of(), seen), 10,
                new SplittableRandom(1));

        assertThat(combinations(out)).containsExactly(new Combination(List.of(IntNode.valueOf(3), TextNode.valueOf("relu"))));
    }

    @Test
    void continuousDrawsAreUniformInLogSpace() {
        SearchSpace s = new SearchSpace(List.of(Hyperparameter.continuous("lr", 1e-4, 1, Transformation.LOG)));

        List<Combination> draws = combinations(new RandomStrategy(s).suggest(empty(s), 4000, new SplittableRandom(11)));

        double belowMiddle = draws.stream().filter(c -> c.get(0).asDouble() < 1e-2).count() / 4000.0;
        double belowQuarter = draws.stream().filter(c -> c.get(0).asDouble() < 1e-3).count() / 4000.0;
        assertThat(belowMiddle).isCloseTo(0.5, within(0.04));
        assertThat(belowQuarter).isCloseTo(0.25, within(0.04));
    }

    @Test
    void discreteDrawsAreUniformOverListedValuesWhateverTheTransformation() {
        SearchSpace s = new SearchSpace(List.of(Hyperparameter.discrete("n", ints(1, 10, 1000), Transformation.LOG)));
        RandomStrategy r = new RandomStrategy(s);
        SplittableRandom rng = new SplittableRandom(5);

        Map<Integer, Long> counts = java.util.stream.IntStream.range(0, 3000).mapToObj(i -> r.draw(rng).get(0).asInt())
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        assertThat(counts).containsOnlyKeys(1, 10, 1000);
        counts.values().forEach(n -> assertThat(n / 3000.0).isCloseTo(1 / 3.0, within(0.04)));
    }

    @Test
    void randomSuggestionsHaveNoOrdinal() {
        SearchSpace s = six();

        assertThat(new RandomStrategy(s).suggest(empty(s), 3, new SplittableRandom(1)))
                .extracting(Suggestion::ordinal, Suggestion::searchType)
                .containsOnly(org.assertj.core.groups.Tuple.tuple(-1L, "random"));
    }
}
