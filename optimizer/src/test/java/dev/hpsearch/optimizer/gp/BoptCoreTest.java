package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class BoptCoreTest {

    private static final double[] DISCRETE = {0, 0.25, 0.5, 1};
    private final BoptCore core = new BoptCore();

    private static List<Dimension> mixedSpace() {
        return List.of(Dimension.continuous(), Dimension.discrete(DISCRETE), Dimension.categorical(3));
    }

    private static double mixedLoss(double[] p) {
        return (p[0] - 0.3) * (p[0] - 0.3) + (p[1] - 0.5) * (p[1] - 0.5) + (p[2] == 1 ? 0 : 0.5);
    }

    private static double[] randomMixed(SplittableRandom rng) {
        return new double[] {rng.nextDouble(), DISCRETE[rng.nextInt(4)], rng.nextInt(3)};
    }

    @Test
    void suggestionsRespectBoundsAndTypes() {
        SplittableRandom rng = new SplittableRandom(1);
        List<double[]> observed = new ArrayList<>();
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            observed.add(randomMixed(rng));
            y[i] = mixedLoss(observed.get(i));
        }
        BoptProblem problem = new BoptProblem(mixedSpace(), observed, y, List.of(randomMixed(rng)));

        BoptSuggestion s = core.suggest(problem, BoptSettings.defaults(), 3, rng);

        assertThat(s.modelBased()).isTrue();
        assertThat(s.label()).isEqualTo("Matern52_EI_MLE");
        assertThat(s.points()).hasSize(3);
        for (double[] p : s.points()) {
            assertThat(p[0]).isBetween(0.0, 1.0);
            assertThat(DISCRETE).contains(p[1]);
            assertThat(p[2]).isIn(0.0, 1.0, 2.0);
        }
    }

    @Test
    void neverRepeatsAnObservedOrPendingPoint() {
        // 3 x 3 = 9 combinations: 6 finished, 2 pending, so exactly one is left
        double[] values = {0, 0.5, 1};
        List<Dimension> dims = List.of(Dimension.discrete(values), Dimension.discrete(values));
        List<double[]> all = new ArrayList<>();
        for (double a : values) {
            for (double b : values) {
                all.add(new double[] {a, b});
            }
        }
        List<double[]> observed = all.subList(0, 6);
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            // the model would like the corner (1, 1), which is pending
            y[i] = -observed.get(i)[0] - observed.get(i)[1];
        }
        List<double[]> pending = List.of(all.get(8), all.get(6));
        BoptProblem problem = new BoptProblem(dims, observed, y, pending);

        BoptSuggestion s = core.suggest(problem, BoptSettings.defaults(), 1, new SplittableRandom(2));

        assertThat(s.points().get(0)).containsExactly(all.get(7));
    }

    @Test
    void aBatchWithPendingPointsIsDistinctAndKeepsItsDistanceUnderEps() {
        SplittableRandom rng = new SplittableRandom(3);
        List<Dimension> dims = List.of(Dimension.continuous(), Dimension.continuous());
        List<double[]> observed = new ArrayList<>();
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            double[] p = {rng.nextDouble(), rng.nextDouble()};
            observed.add(p);
            y[i] = (p[0] - 0.6) * (p[0] - 0.6) + (p[1] - 0.4) * (p[1] - 0.4);
        }
        List<double[]> pending = List.of(new double[] {0.6, 0.4}, new double[] {0.55, 0.45});
        double eps = 0.05;
        BoptProblem problem = new BoptProblem(dims, observed, y, pending);

        BoptSuggestion s = core.suggest(problem, BoptSettings.defaults().withEps(eps), 4, rng);

        List<double[]> previous = new ArrayList<>(observed);
        previous.addAll(pending);
        for (double[] p : s.points()) {
            for (double[] q : previous) {
                assertThat(Math.hypot(p[0] - q[0], p[1] - q[1])).isGreaterThanOrEqualTo(eps);
            }
            previous.add(p);
        }
    }

    @Test
    void findsTheMinimumOfAQuadraticWithinTwentyEvaluations() {
        SplittableRandom rng = new SplittableRandom(4);
        List<Dimension> dims = List.of(Dimension.continuous(), Dimension.continuous());
        List<double[]> observed = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            double[] p;
            if (i < 5) {
                p = new double[] {rng.nextDouble(), rng.nextDouble()};
            } else {
                double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
                BoptSuggestion s = core.suggest(new BoptProblem(dims, observed, y, List.of()),
                        BoptSettings.defaults().withExactFeval(true), 1, rng);
                assertThat(s.modelBased()).isTrue();
                p = s.points().get(0);
            }
            observed.add(p);
            ys.add((p[0] - 0.3) * (p[0] - 0.3) + 2 * (p[1] - 0.7) * (p[1] - 0.7));
        }
        double best = ys.stream().mapToDouble(Double::doubleValue).min().orElseThrow();

        assertThat(best).isLessThan(1e-3);
    }

    @Test
    void mcmcRunsHmcAndReportsItsDiagnostics() {
        SplittableRandom rng = new SplittableRandom(5);
        List<Dimension> dims = List.of(Dimension.continuous());
        List<double[]> observed = new ArrayList<>();
        double[] y = new double[8];
        for (int i = 0; i < 8; i++) {
            double x = (i + 0.5) / 8;
            observed.add(new double[] {x});
            y[i] = Math.sin(6 * x);
        }
        BoptSettings settings = BoptSettings.defaults().withKernel(KernelType.EXP_QUAD)
                .withAcquisition(AcquisitionType.LCB).withMethod(EstimationMethod.MCMC)
                .withHmc(HmcSettings.defaults().withBurnin(200).withSamples(40).withSubsampleInterval(2));

        BoptSuggestion s = core.suggest(new BoptProblem(dims, observed, y, List.of()), settings, 1, rng);

        assertThat(s.label()).isIn("ExpQuad_LCB_MCMC", "ExpQuad_LCB_MLE");
        assertThat(s.diagnostics()).contains("R-hat").contains("ESS");
        if (s.label().endsWith("MLE")) {
            assertThat(s.diagnostics()).contains("fell back to MLE");
        }
        assertThat(s.points().get(0)[0]).isBetween(0.0, 1.0);
    }

    @Test
    void nonFiniteDataGivesARandomPointWithTheReasonInsteadOfAnException() {
        List<Dimension> dims = List.of(Dimension.continuous(), Dimension.categorical(2));
        List<double[]> observed = List.of(new double[] {0.1, 0}, new double[] {0.5, 1}, new double[] {0.9, 0});
        double[] y = {1, Double.NaN, 2};

        BoptSuggestion s = core.suggest(new BoptProblem(dims, observed, y, List.of()), BoptSettings.defaults(), 2,
                new SplittableRandom(6));

        assertThat(s.modelBased()).isFalse();
        assertThat(s.label()).isEqualTo("random");
        assertThat(s.diagnostics()).contains("GP fit failed").contains("not finite");
        assertThat(s.points()).hasSize(2);
    }

    @Test
    void tooFewObservationsGiveRandomPoints() {
        BoptSuggestion s = core.suggest(new BoptProblem(List.of(Dimension.continuous()), List.of(new double[] {0.5}),
                new double[] {1}, List.of()), BoptSettings.defaults(), 1, new SplittableRandom(7));

        assertThat(s.modelBased()).isFalse();
        assertThat(s.points().get(0)[0]).isNotEqualTo(0.5);
    }

    @Test
    void suggestionsAreReproducibleUnderASeed() {
        SplittableRandom data = new SplittableRandom(8);
        List<double[]> observed = new ArrayList<>();
        double[] y = new double[6];
        for (int i = 0; i < 6; i++) {
            observed.add(randomMixed(data));
            y[i] = mixedLoss(observed.get(i));
        }
        BoptProblem problem = new BoptProblem(mixedSpace(), observed, y, List.of());

        BoptSuggestion a = core.suggest(problem, BoptSettings.defaults(), 2, new SplittableRandom(99));
        BoptSuggestion b = core.suggest(problem, BoptSettings.defaults(), 2, new SplittableRandom(99));

        for (int i = 0; i < 2; i++) {
            assertThat(a.points().get(i)).containsExactly(b.points().get(i));
        }
    }
}
