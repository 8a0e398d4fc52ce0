package dev.hpsearch.optimizer.pareto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Constraint;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Objective;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Pareto front, hypervolume and feasibility against hand-computed cases. */
class ParetoMathTest {
    private static final SplittableRandom RNG = new SplittableRandom(1);

    private static double[] p(double... x) {
        return x;
    }

    @Test
    void dominanceNeedsOneStrictlyBetterCoordinate() {
        assertThat(ParetoFront.dominates(p(1, 1), p(1, 2))).isTrue();
        assertThat(ParetoFront.dominates(p(1, 2), p(1, 2))).as("equal points").isFalse();
        assertThat(ParetoFront.dominates(p(1, 3), p(2, 2))).as("a trade-off").isFalse();
    }

    @Test
    void nonDominatedSortRanksFronts() {
        List<double[]> pts = List.of(p(1, 1), p(2, 2), p(3, 3), p(1, 3), p(0, 4));

        assertThat(ParetoFront.ranks(pts)).containsExactly(0, 1, 2, 1, 0);
        assertThat(ParetoFront.front(pts)).containsExactly(0, 4);
    }

    @Test
    void twoObjectiveHypervolumeIsTheStaircaseArea() {
        // x in [1,2): height 1; [2,3): 2; [3,4): 3 -> 6
        List<double[]> front = List.of(p(3, 1), p(1, 3), p(2, 2));
        assertThat(Hypervolume.of(front, p(4, 4), RNG)).isEqualTo(new Hypervolume.Estimate(6, 0));
        // a dominated point and one beyond the reference add nothing
        List<double[]> more = List.of(p(3, 1), p(1, 3), p(2, 2), p(3, 3), p(5, 0));
        assertThat(Hypervolume.of(more, p(4, 4), RNG).value()).isEqualTo(6);
        assertThat(Hypervolume.of(List.of(), p(4, 4), RNG).value()).isZero();
    }

    @Test
    void threeObjectiveHypervolumeIsTheUnionOfBoxes() {
        assertThat(Hypervolume.of(List.of(p(0, 0, 0)), p(1, 2, 3), RNG).value()).isEqualTo(6);
        // boxes of 4 and 2 overlapping in [1,2]^3 (volume 1)
        Hypervolume.Estimate e = Hypervolume.of(List.of(p(0, 0, 1), p(1, 1, 0)), p(2, 2, 2), RNG);
        assertThat(e.value()).isEqualTo(5);
        assertThat(e.exact()).isTrue();
    }

    @Test
    void fourObjectivesAreEstimatedWithTheirError() {
        // boxes of 0.5 each overlapping in a quarter: 0.75
        Hypervolume.Estimate e = Hypervolume.of(List.of(p(0, 0, 0, 0.5), p(0.5, 0, 0, 0)), p(1, 1, 1, 1),
                new SplittableRandom(3));
        assertThat(e.exact()).isFalse();
        assertThat(e.standardError()).isBetween(1e-4, 0.01);
        assertThat(e.value()).isCloseTo(0.75, within(4 * e.standardError()));
    }

    @Test
    void theReferenceIsTheWorstPlusATenthOfTheRange() {
        assertThat(Hypervolume.referencePoint(List.of(p(1, 5), p(3, 5)))).containsExactly(3.2, 6.0);
    }

    @Test
    void feasibilityNeedsEveryConstraintAndTheValue() {
        ObjectivesConfig config = new ObjectivesConfig(List.of(),
                List.of(new Constraint("mem", null, 8.0), new Constraint("objective", 0.5, 1.0)));
        Objectives o = new Objectives(config, false);

        assertThat(o.feasible(0.7, Map.of("mem", 8.0))).as("on the bound").isTrue();
        assertThat(o.feasible(0.7, Map.of("mem", 8.5))).isFalse();
        assertThat(o.feasible(0.4, Map.of("mem", 1.0))).as("below the score's min").isFalse();
        assertThat(o.feasible(0.7, Map.of())).as("no mem reported").isFalse();
        assertThat(Objectives.violation(config.constraints().get(0), 0.7, Map.of("mem", 8.5))).isEqualTo(0.5);
        assertThat(Objectives.violation(config.constraints().get(1), 1.25, Map.of())).isEqualTo(0.25);
    }

    @Test
    void theFrontIsOfFeasibleRunsWithTheirHypervolume() {
        ObjectivesConfig config = new ObjectivesConfig(
                List.of(new Objective("objective", false), new Objective("acc", true)),
                List.of(new Constraint("mem", null, 8.0)));
        List<FrontSummary.Run> runs = List.of(
                new FrontSummary.Run(1, 1.0, Map.of("acc", 0.5, "mem", 1.0)),
                new FrontSummary.Run(2, 2.0, Map.of("acc", 0.9, "mem", 1.0)),
                new FrontSummary.Run(3, 3.0, Map.of("acc", 0.8, "mem", 1.0)),
                new FrontSummary.Run(4, 0.5, Map.of("acc", 0.95, "mem", 20.0)),
                new FrontSummary.Run(5, 0.1, Map.of("mem", 1.0)));

        FrontSummary s = FrontSummary.of(new Objectives(config, false), runs, 1);

        assertThat(s.front()).extracting(FrontSummary.Member::id).containsExactly(1, 2);
        assertThat(s.feasible()).isEqualTo(3);
        assertThat(s.runs()).isEqualTo(5);
        // minimized points (1,-.5), (2,-.9), (3,-.8); reference (3.2, -0.46): 2.2*0.04 + 1.2*0.4
        assertThat(s.reference()[0]).isCloseTo(3.2, within(1e-12));
        assertThat(s.reference()[1]).isCloseTo(0.46, within(1e-12));
        assertThat(s.hypervolume().value()).isCloseTo(0.568, within(1e-12));
    }
}
