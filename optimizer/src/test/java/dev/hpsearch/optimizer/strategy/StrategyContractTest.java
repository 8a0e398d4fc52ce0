package dev.hpsearch.optimizer.strategy;

import static dev.hpsearch.optimizer.strategy.Spaces.after;
import static dev.hpsearch.optimizer.strategy.Spaces.combinations;
import static dev.hpsearch.optimizer.strategy.Spaces.empty;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@link Strategy} contract, run against every implementation: values in their domains, reproducible
 * under a seed, the count honoured, no repeats until the space is exhausted.
 */
abstract class StrategyContractTest {

    /** The strategy under test for a space, with 3 grid points per hyperparameter where that matters. */
    abstract Strategy strategy(SearchSpace space);

    private final SearchSpace mixed = Spaces.mixed();
    private final SearchSpace finite = Spaces.finite();

    /** How many combinations the strategy offers on the finite space: its plan, or the whole space. */
    private long total(Strategy s) {
        return s.plannedCount().orElse(finite.finiteSize().orElseThrow());
    }

    /** Whether a suggestion's search type is one this strategy writes (its name, unless it labels its draws). */
    boolean isOwnSearchType(Strategy s, String searchType) {
        return searchType.equals(s.name());
    }

    @Test
    void everySuggestedValueLiesInItsDomain() {
        Strategy s = strategy(mixed);

        assertInDomain(s.suggest(empty(mixed), 200, new SplittableRandom(1)));
    }

    @Test
    void afterScoredResultsSuggestionsAreNewInTheirDomainAndReproducible() {
        SearchContext scored = Spaces.scored(mixed, 8, 21);

        List<Suggestion> out = strategy(mixed).suggest(scored, 3, new SplittableRandom(13));

        assertThat(out).hasSize(3);
        assertInDomain(out);
        assertThat(combinations(out)).doesNotHaveDuplicates().doesNotContainAnyElementsOf(scored.seen());
        assertThat(strategy(mixed).suggest(scored, 3, new SplittableRandom(13))).isEqualTo(out);
    }

    private void assertInDomain(List<Suggestion> out) {
        assertThat(out).isNotEmpty();
        for (Suggestion sug : out) {
            Combination c = sug.combination();
            assertThat(c.size()).isEqualTo(mixed.dimension());
            for (int i = 0; i < mixed.dimension(); i++) {
                assertThat(mixed.get(i).contains(c.get(i)))
                        .as("%s = %s in its domain", mixed.get(i).name(), c.get(i)).isTrue();
            }
        }
    }

    @Test
    void suggestionsNameTheirStrategy() {
        Strategy s = strategy(mixed);

        assertThat(s.suggest(empty(mixed), 3, new SplittableRandom(1))).isNotEmpty().allSatisfy(sug ->
                assertThat(isOwnSearchType(s, sug.searchType())).as("search type %s", sug.searchType()).isTrue());
    }

    @Test
    void sameSeedAndContextGiveTheSameSuggestions() {
        Strategy s = strategy(mixed);
        SearchContext context = after(mixed, s.suggest(empty(mixed), 2, new SplittableRandom(5)));

        List<Suggestion> first = s.suggest(context, 4, new SplittableRandom(99));
        List<Suggestion> again = strategy(mixed).suggest(context, 4, new SplittableRandom(99));

        assertThat(again).isEqualTo(first).hasSize(4);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5})
    void returnsExactlyTheCountAskedWhileTheSpaceLasts(int count) {
        Strategy s = strategy(mixed);

        assertThat(s.suggest(empty(mixed), count, new SplittableRandom(3))).hasSize(count);
    }

    @Test
    void neverReturnsMoreThanTheSpaceHolds() {
        Strategy s = strategy(finite);

        List<Suggestion> out = s.suggest(empty(finite), 1000, new SplittableRandom(3));

        assertThat(out).hasSize((int) total(s));
    }

    @Test
    void noSuggestionRepeatsAnotherOfTheSameCall() {
        Strategy s = strategy(finite);

        List<Combination> out = combinations(s.suggest(empty(finite), (int) total(s), new SplittableRandom(4)));

        assertThat(out).doesNotHaveDuplicates();
    }

    @Test
    void noSuggestionRepeatsOneAlreadySeen() {
        Strategy s = strategy(finite);
        List<Suggestion> earlier = s.suggest(empty(finite), 2, new SplittableRandom(4));

        List<Combination> out = combinations(s.suggest(after(finite, earlier), 3, new SplittableRandom(8)));

        assertThat(out).hasSize(3).doesNotHaveDuplicates().doesNotContainAnyElementsOf(combinations(earlier));
    }

    @Test
    void seenCombinationsAreSkippedEvenWithoutObservations() {
        Strategy s = strategy(finite);
        List<Combination> earlier = combinations(s.suggest(empty(finite), 2, new SplittableRandom(4)));
        SearchContext onlySeen = new SearchContext(finite, List.of(), List.of(), new HashSet<>(earlier));

        List<Combination> out = combinations(s.suggest(onlySeen, 3, new SplittableRandom(8)));

        assertThat(out).hasSize(3).doesNotContainAnyElementsOf(earlier);
    }

    @Test
    void repeatedCallsExhaustAFiniteSpaceWithoutRepeats() {
        Strategy s = strategy(finite);
        List<Suggestion> all = new ArrayList<>();
        SplittableRandom rng = new SplittableRandom(6);

        for (int call = 0; call < 100; call++) {
            List<Suggestion> out = s.suggest(after(finite, all), 5, rng);
            if (out.isEmpty()) {
                break;
            }
            assertThat(out.size()).isLessThanOrEqualTo(5);
            all.addAll(out);
        }

        Set<Combination> distinct = new HashSet<>(combinations(all));
        assertThat(all).hasSize((int) total(s));
        assertThat(distinct).hasSize(all.size());
        assertThat(s.suggest(after(finite, all), 5, rng)).isEmpty();
    }
}
