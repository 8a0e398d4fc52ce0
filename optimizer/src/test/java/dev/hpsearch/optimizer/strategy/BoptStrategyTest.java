package dev.hpsearch.optimizer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.gp.BatchMethod;
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

class BoptStrategyTest {

    /** Two continuous (one log-scale), one integer and one categorical hyperparameter. */
    private static final SearchSpace SPACE = new SearchSpace(List.of(
            Hyperparameter.continuous("x", 0, 1, Transformation.LINEAR),
            Hyperparameter.continuous("lr", 1e-4, 1, Transformation.LOG),
            Hyperparameter.discrete("units", List.of(IntNode.valueOf(1), IntNode.valueOf(2), IntNode.valueOf(4),
                    IntNode.valueOf(8)), Transformation.LINEAR),
            Hyperparameter.categorical("opt", List.of(TextNode.valueOf("adam"), TextNode.valueOf("sgd")))));

    private static final String FAST = Spaces.BOPT_FAST;

    private static SearchConfig config(String json) {
        return Spaces.searchConfig(json);
    }

    /** {@code results} finished combinations with loss {@code 1 + (x - 0.3)^2 + ...}, drawn at random. */
    private static List<FinishedTrial> finished(int results, long seed) {
        return Spaces.scoredTrials(SPACE, results, seed, BoptStrategyTest::loss);
    }

    private static double loss(Combination c) {
        double x = c.get(0).asDouble();
        double lr = Math.log10(c.get(1).asDouble());
        return 1 + (x - 0.3) * (x - 0.3) + 0.1 * (lr + 2) * (lr + 2) + 0.05 * c.get(2).asInt()
                + (c.get(3).asText().equals("sgd") ? 0 : 0.5);
    }

    private static List<PendingTrial> pending(List<FinishedTrial> trials) {
        return trials.stream().map(t -> new PendingTrial(t.combinationId(), t.combination(), t.searchType(), t.ordinal()))
                .toList();
    }

    private static SearchContext context(List<FinishedTrial> finished, List<PendingTrial> pending) {
        Set<Combination> seen = new HashSet<>();
        finished.forEach(o -> seen.add(o.combination()));
        pending.forEach(o -> seen.add(o.combination()));
        return new SearchContext(SPACE, finished, pending, seen);
    }

    @Test
    void suggestionsAreRandomUntilMinInitialPointsResultsHaveFinished() {
        BoptStrategy bopt = new BoptStrategy(config("{\"min_initial_points\": 4, " + FAST + "}}"), SPACE);

        for (int results = 0; results < 4; results++) {
            List<Suggestion> s = bopt.suggest(context(finished(results, 1), List.of()), 2, new SplittableRandom(results));

            assertThat(s).hasSize(2).allSatisfy(x -> {
                assertThat(x.searchType()).isEqualTo(RandomStrategy.TYPE);
                assertThat(x.note()).contains("initial random").contains("min_initial_points 4");
            });
        }
        List<Suggestion> after = bopt.suggest(context(finished(4, 1), List.of()), 1, new SplittableRandom(9));
        assertThat(after.get(0).searchType()).isNotEqualTo(RandomStrategy.TYPE);
    }

    @Test
    void gridSuggestionProbabilityOneGivesGridPoints() {
        BoptStrategy bopt = new BoptStrategy(config("{\"grid_suggestion_probability\": 1, "
                + "\"num_grid_points_per_hyperparameter\": 3, " + FAST + "}}"), SPACE);
        Set<Combination> grid = new HashSet<>();
        GridStrategy all = new GridStrategy(SPACE, 3);
        for (long i = 0; i < all.plannedCount().getAsLong(); i++) {
            grid.add(all.at(i));
        }

        List<Suggestion> s = bopt.suggest(context(finished(8, 2), List.of()), 5, new SplittableRandom(3));

        assertThat(s).hasSize(5).allSatisfy(x -> {
            assertThat(x.searchType()).isEqualTo(GridStrategy.TYPE);
            assertThat(grid).contains(x.combination());
        });
    }

    @Test
    void failureValueMaxIsOnePointZeroFiveTimesTheWorstTransformedLoss() {
        BoptStrategy bopt = new BoptStrategy(config("{\"y_transformation\": \"log\", \"y_failure_value\": \"max\", "
                + FAST + "}}"), SPACE);
        List<Combination> at = finished(3, 8).stream().map(FinishedTrial::combination).toList();
        // losses 0.01 and 0.5: log10 gives -2 and -0.30103, the worst is -0.30103
        List<FinishedTrial> done = List.of(new FinishedTrial(0, at.get(0), "random", -1, new Outcome.Scored(0.01)),
                new FinishedTrial(1, at.get(1), "random", -1, new Outcome.Scored(0.5)),
                new FinishedTrial(2, at.get(2), "random", -1, Outcome.Unscored.FAILED));

        BoptStrategy.Training t = bopt.training(context(done, List.of()));

        // worst + 5 % of its size: -0.30103 * 0.95; worst + 5 % of the range would give -0.21608
        assertThat(t.y.get(2)).isCloseTo(-0.30103 * 0.95, org.assertj.core.api.Assertions.within(1e-5));
    }

    @Test
    void failureValueMaxImputesALossWorseThanTheWorst() {
        BoptStrategy bopt = new BoptStrategy(config("{\"y_transformation\": \"none\", \"y_failure_value\": \"max\", "
                + FAST + "}}"), SPACE);
        List<FinishedTrial> done = new ArrayList<>(finished(6, 4));
        Combination failed = finished(7, 4).get(6).combination();
        done.add(new FinishedTrial(6, failed, "random", -1, Outcome.Unscored.FAILED));

        BoptStrategy.Training t = bopt.training(context(done, List.of()));

        assertThat(t.x).hasSize(7);
        double worst = done.stream().filter(o -> o.loss() != null).mapToDouble(FinishedTrial::loss).max().orElseThrow();
        assertThat(t.y.get(6)).isGreaterThan(worst);
        assertThat(t.x.get(6)).containsExactly(SPACE.coordinates(failed));
    }

    @Test
    void aRunWithoutAScoreIsImputedAsAFailureLikeACrash() {
        BoptStrategy bopt = new BoptStrategy(config("{\"y_transformation\": \"none\", \"y_failure_value\": 1000, "
                + FAST + "}}"), SPACE);
        List<FinishedTrial> done = new ArrayList<>(finished(6, 4));
        List<Combination> more = finished(8, 4).stream().map(FinishedTrial::combination).toList();
        done.add(new FinishedTrial(6, more.get(6), "random", -1, Outcome.Unscored.NO_SCORE));
        done.add(new FinishedTrial(7, more.get(7), "random", -1, Outcome.Unscored.FAILED));

        BoptStrategy.Training t = bopt.training(context(done, List.of()));

        // the six scores and both runs without one at y_failure_value (cancelled ones never reach a strategy)
        assertThat(t.x).hasSize(8);
        assertThat(t.y.subList(6, 8)).containsExactly(1000.0, 1000.0);
        assertThat(t.x.get(6)).containsExactly(SPACE.coordinates(more.get(6)));
        assertThat(t.x.get(7)).containsExactly(SPACE.coordinates(more.get(7)));
    }

    @Test
    void failureValueNanLeavesFailuresOut() {
        BoptStrategy bopt = new BoptStrategy(config("{\"y_failure_value\": \"nan\", " + FAST + "}}"), SPACE);
        List<FinishedTrial> done = new ArrayList<>(finished(6, 5));
        done.add(new FinishedTrial(6, finished(7, 5).get(6).combination(), "random", -1, Outcome.Unscored.FAILED));

        BoptStrategy.Training t = bopt.training(context(done, List.of()));

        assertThat(t.x).hasSize(6);
        assertThat(t.y).hasSize(6);
        assertThat(bopt.suggest(context(done, List.of()), 1, new SplittableRandom(1))).hasSize(1);
    }

    @Test
    void logOfANonPositiveLossIsNamedInTheNoteAndDoesNotThrow() {
        BoptStrategy bopt = new BoptStrategy(config("{\"y_transformation\": \"log\", " + FAST + "}}"), SPACE);
        List<FinishedTrial> done = new ArrayList<>(finished(6, 6));
        done.add(new FinishedTrial(41, finished(7, 6).get(6).combination(), "random", -1, new Outcome.Scored(-0.5)));
        SearchContext context = context(done, List.of());

        List<Suggestion> s = new ArrayList<>();
        assertThatCode(() -> s.addAll(bopt.suggest(context, 1, new SplittableRandom(2)))).doesNotThrowAnyException();

        assertThat(s).hasSize(1);
        assertThat(s.get(0).note()).contains("combination 41").contains("-0.5").contains("y_transformation log");
    }

    @Test
    void searchTypeLabelsReadKernelAcquisitionMethod() {
        BoptStrategy bopt = new BoptStrategy(config("{\"random_suggestion_probability\": 0, \"bopt_config\": {"
                + "\"model_estimation_method\": [\"MLE\", \"MCMC\"], \"n_burnin\": 20, \"n_samples\": 5, "
                + "\"subsample_interval\": 1, \"leapfrog_steps\": 3}}"), SPACE);
        Set<String> labels = new HashSet<>();

        for (int seed = 0; seed < 12; seed++) {
            List<Suggestion> s = bopt.suggest(context(finished(6, seed), List.of()), 1, new SplittableRandom(seed));
            labels.add(s.get(0).searchType());
        }

        assertThat(labels).allSatisfy(l -> assertThat(l).matches("(ExpQuad|RatQuad|Matern52)_(EI|MPI|LCB)_(MLE|MCMC)"));
        assertThat(labels.size()).as("kernels and acquisitions are drawn from the default lists").isGreaterThan(2);
    }

    @Test
    void sameContextAndSeedGiveTheSameSuggestions() {
        SearchConfig c = config("{" + FAST + "}}");
        SearchContext context = context(finished(10, 7), pending(finished(12, 7).subList(10, 12)));

        List<Suggestion> a = new BoptStrategy(c, SPACE).suggest(context, 3, new SplittableRandom(42));
        List<Suggestion> b = new BoptStrategy(c, SPACE).suggest(context, 3, new SplittableRandom(42));

        assertThat(a).hasSize(3);
        assertThat(a).isEqualTo(b);
    }

    @Test
    void suggestionsNeverRepeatSeenOrPendingCombinations() {
        // a finite space of 4 x 2 = 8 combinations: 5 finished, 1 pending, 2 left
        SearchSpace small = new SearchSpace(List.of(SPACE.get(2), SPACE.get(3)));
        List<Combination> all = new ArrayList<>();
        for (JsonNode u : small.get(0).values()) {
            for (JsonNode o : small.get(1).values()) {
                all.add(new Combination(List.of(u, o)));
            }
        }
        List<FinishedTrial> done = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            done.add(new FinishedTrial(i, all.get(i), "random", -1, new Outcome.Scored(1.0 + i)));
        }
        List<PendingTrial> pending = List.of(new PendingTrial(5, all.get(5), "random", -1));
        Set<Combination> seen = new HashSet<>(all.subList(0, 6));
        BoptStrategy bopt = new BoptStrategy(config("{\"min_initial_points\": 2, " + FAST + "}}"), small);

        List<Suggestion> s = bopt.suggest(new SearchContext(small, done, pending, seen), 2, new SplittableRandom(5));

        assertThat(s).extracting(Suggestion::combination).containsExactlyInAnyOrder(all.get(6), all.get(7));
        assertThat(bopt.suggest(new SearchContext(small, done, pending, new HashSet<>(all)), 1, new SplittableRandom(5)))
                .isEmpty();
    }

    @Test
    void continuousSuggestionsAvoidEveryFinishedAndPendingCombination() {
        BoptStrategy bopt = new BoptStrategy(config("{" + FAST + "}}"), SPACE);
        List<FinishedTrial> done = finished(12, 8);
        List<PendingTrial> pending = pending(finished(15, 8).subList(12, 15));
        SearchContext context = context(done, pending);

        List<Suggestion> s = bopt.suggest(context, 4, new SplittableRandom(8));

        assertThat(s).hasSize(4);
        Set<Combination> proposed = new HashSet<>();
        for (Suggestion x : s) {
            assertThat(context.seen()).doesNotContain(x.combination());
            assertThat(proposed.add(x.combination())).isTrue();
        }
    }

    @Test
    void withNinePendingThompsonDrawsFromThePosteriorAndAloneItUsesTheAcquisition() {
        SearchConfig c = config("{" + FAST + ", \"acquisition_type\": \"EI\", \"kernel\": \"Matern52\","
                + " \"batch_method\": \"thompson\"}}");
        List<FinishedTrial> done = finished(15, 9);
        List<PendingTrial> nine = pending(finished(24, 9).subList(15, 24));

        Suggestion alone = new BoptStrategy(c, SPACE).suggest(context(done, List.of()), 1, new SplittableRandom(9)).get(0);
        Suggestion withPending = new BoptStrategy(c, SPACE).suggest(context(done, nine), 1, new SplittableRandom(9)).get(0);
        List<Suggestion> believer = new BoptStrategy(c, SPACE).withBatchMethod(BatchMethod.KRIGING_BELIEVER)
                .suggest(context(done, nine), 1, new SplittableRandom(9));
        List<Suggestion> byDefault = new BoptStrategy(config("{" + FAST + ", \"kernel\": \"Matern52\"}}"), SPACE)
                .suggest(context(done, nine), 1, new SplittableRandom(9));

        assertThat(alone.searchType()).isEqualTo("Matern52_EI_MLE");
        assertThat(withPending.searchType()).isEqualTo("Matern52_Thompson_MLE");
        assertThat(withPending.note()).contains("9 pending points added at their posterior mean", "Thompson draw");
        assertThat(believer.get(0).searchType()).isEqualTo("Matern52_EI_MLE");
        assertThat(byDefault.get(0).searchType()).doesNotContain("Thompson");
        assertThat(nine).extracting(PendingTrial::combination).doesNotContain(withPending.combination());
    }
}
