package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The probability of feasibility from a GP per constraint, and bopt's acquisition weighted by it: on a 1-D problem
 * whose unconstrained optimum (x = 0.9) breaks the constraint x &lt;= 0.5, the suggestions stay feasible.
 */
class FeasibilityTest {
    private static final List<Dimension> LINE = List.of(Dimension.continuous());
    private static final double BOUND = 0.5;

    private static double objective(double x) {
        return (x - 0.9) * (x - 0.9);
    }

    /** The constrained metric is x itself, observed at 0.05, 0.15, ..., 0.95. */
    private static ConstraintObservations metric(Double min, Double max) {
        List<double[]> points = new ArrayList<>();
        double[] values = new double[10];
        for (int i = 0; i < 10; i++) {
            double x = 0.05 + 0.1 * i;
            points.add(new double[] {x});
            values[i] = x;
        }
        return new ConstraintObservations("mem", points, values, min, max);
    }

    /** The objective at the feasible points only (x = 0.05 .. 0.45), as the strategy hands it over. */
    private static BoptProblem constrained(ConstraintObservations c) {
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            double x = 0.05 + 0.1 * i;
            xs.add(new double[] {x});
            ys.add(objective(x));
        }
        return new BoptProblem(LINE, xs, ys.stream().mapToDouble(Double::doubleValue).toArray(), List.of(),
                List.of(c));
    }

    @Test
    void nearOneFarInsideAndNearZeroFarOutside() {
        Feasibility max = Feasibility.fit(constrained(metric(null, BOUND)), KernelType.MATERN52, false,
                new SplittableRandom(1), new StringBuilder());
        assertThat(max.modelled()).isTrue();
        assertThat(max.probability(new double[] {0.05})).isGreaterThan(0.95);
        assertThat(max.probability(new double[] {0.95})).isLessThan(0.05);
        assertThat(max.probability(new double[] {0.5})).isBetween(0.2, 0.8);

        Feasibility min = Feasibility.fit(constrained(metric(BOUND, null)), KernelType.MATERN52, false,
                new SplittableRandom(1), new StringBuilder());
        assertThat(min.probability(new double[] {0.05})).as("min mirrored").isLessThan(0.05);
        assertThat(min.probability(new double[] {0.95})).isGreaterThan(0.95);

        Feasibility band = Feasibility.fit(constrained(metric(0.3, 0.7)), KernelType.MATERN52, false,
                new SplittableRandom(1), new StringBuilder());
        assertThat(band.probability(new double[] {0.5})).isGreaterThan(0.9);
        assertThat(band.probability(new double[] {0.05})).isLessThan(0.05);
        assertThat(band.probability(new double[] {0.95})).isLessThan(0.05);
    }

    @Test
    void fewerThanTwoValuesAreNotModelled() {
        ConstraintObservations one = new ConstraintObservations("mem", List.of(new double[] {0.2}),
                new double[] {0.2}, null, BOUND);
        StringBuilder log = new StringBuilder();
        Feasibility f = Feasibility.fit(constrained(one), KernelType.MATERN52, false, new SplittableRandom(1), log);
        assertThat(f.modelled()).isFalse();
        assertThat(f.probability(new double[] {0.9})).isEqualTo(1.0);
        assertThat(log.toString()).contains("constraint mem: 1 values, not modelled");
    }

    @Test
    void weightedScoresHaveTheirGradients() {
        BoptProblem problem = constrained(metric(null, BOUND));
        Feasibility f = Feasibility.fit(problem, KernelType.MATERN52, false, new SplittableRandom(2),
                new StringBuilder());
        DifferentiableFunction quadratic = (x, g) -> {
            g[0] = 2 * (x[0] - 0.7);
            return (x[0] - 0.7) * (x[0] - 0.7) - 0.1;
        };
        for (FeasibilityWeighted w : List.of(FeasibilityWeighted.ofGain(quadratic, f),
                FeasibilityWeighted.ofValue(quadratic, 0.05, 0.3, f))) {
            for (double x : new double[] {0.1, 0.42, 0.55, 0.8}) {
                double[] g = new double[1];
                w.valueAndGradient(new double[] {x}, g);
                double h = 1e-6;
                double numeric = (w.value(new double[] {x + h}) - w.value(new double[] {x - h})) / (2 * h);
                assertThat(g[0]).as("at %s", x).isCloseTo(numeric, within(1e-5 + 1e-4 * Math.abs(numeric)));
            }
        }
    }

    @Test
    void suggestionsStayInTheFeasibleRegionForEveryAcquisition() {
        BoptCore core = new BoptCore();
        for (AcquisitionType a : AcquisitionType.values()) {
            for (long seed = 1; seed <= 4; seed++) {
                BoptSuggestion s = core.suggest(constrained(metric(null, BOUND)),
                        BoptSettings.defaults().withAcquisition(a), 1, new SplittableRandom(seed));
                assertThat(s.modelBased()).isTrue();
                assertThat(s.points().get(0)[0]).as("%s seed %d: %s", a, seed, s.diagnostics())
                        .isLessThan(BOUND + 0.1);
                assertThat(s.diagnostics()).contains("P(feasible)");
            }
        }
    }

    @Test
    void withoutTheConstraintTheSameModelGoesToTheUnconstrainedOptimum() {
        // the control that shows the test above can fail: every point observed, no constraint
        List<double[]> xs = new ArrayList<>();
        double[] ys = new double[10];
        for (int i = 0; i < 10; i++) {
            xs.add(new double[] {0.05 + 0.1 * i});
            ys[i] = objective(0.05 + 0.1 * i);
        }
        BoptSuggestion s = new BoptCore().suggest(new BoptProblem(LINE, xs, ys, List.of()),
                BoptSettings.defaults(), 1, new SplittableRandom(1));
        assertThat(s.points().get(0)[0]).isGreaterThan(BOUND + 0.1);
    }
}
