package dev.hpsearch.optimizer.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** ParEGO's scalarization against hand-computed values, and its suggestions through the GP. */
class ParEgoStrategyTest {
    private static final String TWO = "\"objectives\": [{\"name\": \"objective\", \"direction\": \"minimize\"},"
            + " {\"name\": \"acc\", \"direction\": \"maximize\"}]";
    private final SearchSpace space = Spaces.mixed();
    private final List<Combination> combos = Spaces.scoredTrials(space, 5, 3, c -> 0).stream()
            .map(FinishedTrial::combination).toList();

    private FinishedTrial run(int i, Double loss, Map<String, Double> metrics) {
        Outcome o = loss == null ? Outcome.Unscored.FAILED : new Outcome.Scored(loss);
        return new FinishedTrial(i, combos.get(i), "random", -1, o, metrics);
    }

    private static Double score(FinishedTrial t) {
        return t.loss();
    }

    @Test
    void augmentedChebyshevOverScaledObjectives() {
        ParEgoStrategy s = new ParEgoStrategy(Spaces.searchConfig("{" + TWO + "}"), space);
        // turned to minimize: (1,-.5), (3,-.9), (2,-.7): scaled (0,1), (1,0), (.5,.5)
        List<FinishedTrial> out = s.scalarize(List.of(run(0, 1.0, Map.of("acc", 0.5)),
                run(1, 3.0, Map.of("acc", 0.9)), run(2, 2.0, Map.of("acc", 0.7)), run(3, null, Map.of()),
                run(4, 2.0, Map.of())), new double[] {0.5, 0.5});

        assertThat(score(out.get(0))).isCloseTo(0.525, within(1e-12));
        assertThat(score(out.get(1))).isCloseTo(0.525, within(1e-12));
        assertThat(score(out.get(2))).isCloseTo(0.275, within(1e-12));
        assertThat(out.get(3).outcome()).as("failed").isEqualTo(Outcome.Unscored.FAILED);
        assertThat(out.get(4).outcome()).as("no acc").isEqualTo(Outcome.Unscored.FAILED);
        assertThat(out.get(2).combinationId()).isEqualTo(2);
    }

    @Test
    void anInfeasibleRunCountsAboveEveryFeasibleOne() {
        ParEgoStrategy s = new ParEgoStrategy(Spaces.searchConfig("{" + TWO
                + ", \"constraints\": [{\"name\": \"mem\", \"max\": 2}]}"), space);
        // mem ranges 1..4 (scale 3); run 1 exceeds by 2: 0.525 + 1 + 2/3
        List<FinishedTrial> out = s.scalarize(List.of(run(0, 1.0, Map.of("acc", 0.5, "mem", 1.0)),
                run(1, 3.0, Map.of("acc", 0.9, "mem", 4.0)), run(2, 2.0, Map.of("acc", 0.7, "mem", 2.0)),
                run(3, 2.0, Map.of("acc", 0.7))), new double[] {0.5, 0.5});

        assertThat(score(out.get(0))).isCloseTo(0.525, within(1e-12));
        assertThat(score(out.get(1))).isCloseTo(0.525 + 1 + 2.0 / 3, within(1e-12));
        assertThat(score(out.get(2))).isCloseTo(0.275, within(1e-12));
        assertThat(out.get(3).outcome()).as("mem missing").isEqualTo(Outcome.Unscored.FAILED);
    }

    @Test
    void weightsLieOnTheSimplex() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int k = 0; k < 100; k++) {
            double[] w = ParEgoStrategy.weights(3, rng);
            assertThat(w[0] + w[1] + w[2]).isCloseTo(1, within(1e-12));
            for (double x : w) {
                assertThat(x).isNotNegative();
            }
        }
    }

    @Test
    void afterTheInitialPointsTheModelProposesWithFreshWeightsEachTime() {
        ParEgoStrategy s = new ParEgoStrategy(Spaces.searchConfig("{\"min_initial_points\": 3, " + TWO + ", "
                + Spaces.BOPT_FAST + "}}"), space);
        List<FinishedTrial> finished = new ArrayList<>();
        Set<Combination> seen = new HashSet<>();
        for (FinishedTrial t : Spaces.scoredTrials(space, 8, 21, c -> space.coordinates(c)[0])) {
            double x = space.coordinates(t.combination())[0];
            finished.add(new FinishedTrial(t.combinationId(), t.combination(), "random", -1, t.outcome(),
                    Map.of("acc", x * x)));
            seen.add(t.combination());
        }

        List<Suggestion> out = s.suggest(new SearchContext(space, finished, List.of(), seen), 2,
                new SplittableRandom(13));

        assertThat(out).hasSize(2);
        assertThat(out).allMatch(x -> x.searchType().matches("(ExpQuad|RatQuad|Matern52)_(EI|MPI|LCB)_MLE"));
        assertThat(out).allMatch(x -> x.note().startsWith("ParEGO weights ("));
        String w0 = out.get(0).note().substring(0, out.get(0).note().indexOf(')'));
        String w1 = out.get(1).note().substring(0, out.get(1).note().indexOf(')'));
        assertThat(w0).as("each suggestion draws its own weights").isNotEqualTo(w1);
        assertThat(out.get(0).combination()).isNotEqualTo(out.get(1).combination());
    }

    @Test
    void infeasibleRunsLeaveTheObjectivesDataOnceTwoRunsAreFeasible() {
        ParEgoStrategy s = new ParEgoStrategy(Spaces.searchConfig("{" + TWO
                + ", \"constraints\": [{\"name\": \"mem\", \"max\": 2}]}"), space);
        FinishedTrial feasible = run(0, 1.0, Map.of("acc", 0.5, "mem", 1.0));
        FinishedTrial infeasible = run(1, 3.0, Map.of("acc", 0.9, "mem", 4.0));
        FinishedTrial missing = run(2, 2.0, Map.of("acc", 0.7));
        assertThat(s.infeasibleLeftOut(List.of(feasible, infeasible, missing)))
                .as("one feasible run: the penalty stays").isEmpty();
        assertThat(s.infeasibleLeftOut(List.of(feasible, infeasible, missing,
                run(3, 2.0, Map.of("acc", 0.7, "mem", 2.0))))).containsExactly(1);
    }

    @Test
    void aSingleObjectiveUnderAConstraintIsSearchedInsideTheFeasibleRegion() {
        // loss (x - 0.9)^2 is best at 0.9, the constraint mem = x <= 0.5 excludes it
        SearchSpace line = new SearchSpace(List.of(dev.hpsearch.optimizer.space.Hyperparameter.continuous("x", 0, 1,
                dev.hpsearch.optimizer.space.Transformation.LINEAR)));
        ParEgoStrategy s = new ParEgoStrategy(Spaces.searchConfig("{\"min_initial_points\": 4, " + Spaces.BOPT_FAST
                + ", \"acquisition_type\": [\"EI\"]}, \"constraints\": [{\"name\": \"mem\", \"max\": 0.5}]}"),
                line);
        SplittableRandom rng = new SplittableRandom(17);
        List<FinishedTrial> finished = new ArrayList<>();
        Set<Combination> seen = new HashSet<>();
        int model = 0;
        for (int k = 0; k < 12; k++) {
            Suggestion sug = s.suggest(new SearchContext(line, finished, List.of(), seen), 1, rng).get(0);
            double x = line.coordinates(sug.combination())[0];
            if (k >= 4 && !sug.searchType().equals("random")) {
                model++;
                assertThat(x).as("suggestion %d (%s)", k, sug.note()).isLessThan(0.6);
            }
            finished.add(new FinishedTrial(k, sug.combination(), sug.searchType(), -1,
                    new Outcome.Scored((x - 0.9) * (x - 0.9)), Map.of("mem", x)));
            seen.add(sug.combination());
        }
        assertThat(model).as("model-based suggestions").isGreaterThanOrEqualTo(6);
    }
}
