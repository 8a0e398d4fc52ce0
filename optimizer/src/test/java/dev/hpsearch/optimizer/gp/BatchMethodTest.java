package dev.hpsearch.optimizer.gp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** How pending and already chosen points shape a suggestion ({@link BatchMethod}). */
class BatchMethodTest {

    private static final List<Dimension> PLANE = List.of(Dimension.continuous(), Dimension.continuous());
    private final BoptCore core = new BoptCore();

    /** A bowl with its minimum at (0.6, 0.4). */
    private static double bowl(double[] p) {
        return (p[0] - 0.6) * (p[0] - 0.6) + (p[1] - 0.4) * (p[1] - 0.4);
    }

    private static List<double[]> randomPoints(int count, SplittableRandom rng) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            out.add(new double[] {rng.nextDouble(), rng.nextDouble()});
        }
        return out;
    }

    private static double[] losses(List<double[]> points) {
        return points.stream().mapToDouble(BatchMethodTest::bowl).toArray();
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    @Test
    void aPendingPointAddedAtItsPosteriorMeanLowersTheExpectedImprovementAroundIt() throws GpFitException {
        List<double[]> observed = randomPoints(12, new SplittableRandom(1));
        double[][] x = observed.toArray(new double[0][]);
        GaussianProcess gp = GaussianProcess.fitMle(new GpSpec(KernelType.MATERN52, true, false), x, losses(observed),
                2, new SplittableRandom(2));
        double[] pending = {0.6, 0.4};
        double[] near = {0.62, 0.41};
        double[] far = {0.1, 0.9};
        GaussianProcess believer = gp.withObservations(new double[][] {pending}, new double[] {gp.predictMean(pending)});
        Acquisition before = new Acquisition(AcquisitionType.EI, List.of(gp), 0.01);
        Acquisition after = new Acquisition(AcquisitionType.EI, List.of(believer), 0.01);

        // scores are -EI: a larger score is a smaller expected improvement
        assertThat(after.value(pending)).isGreaterThan(before.value(pending));
        assertThat(-after.value(pending)).isLessThan(-before.value(pending) / 2);
        assertThat(after.value(near)).isGreaterThan(before.value(near));
        // far away the model barely changes
        assertThat(after.value(far)).isCloseTo(before.value(far), within(
                0.1 * Math.abs(before.value(far)) + 1e-9));
        // the posterior mean there is unchanged: the believer adds no information about the level
        assertThat(believer.predictMean(pending)).isCloseTo(gp.predictMean(pending),
                within(1e-3));
    }

    @ParameterizedTest
    @EnumSource(BatchMethod.class)
    void theNextSuggestionMovesAwayFromAPendingOne(BatchMethod method) {
        List<double[]> observed = randomPoints(15, new SplittableRandom(3));
        BoptSettings settings = BoptSettings.defaults().withBatchMethod(method);
        double[] first = core.suggest(new BoptProblem(PLANE, observed, losses(observed), List.of()), settings, 1,
                new SplittableRandom(4)).points().get(0);

        BoptSuggestion next = core.suggest(new BoptProblem(PLANE, observed, losses(observed), List.of(first)), settings,
                1, new SplittableRandom(4));

        // fifteen results pin the bowl's minimum down well, so the move is small, but it is no repeat
        assertThat(distance(next.points().get(0), first)).isGreaterThan(0.005);
        assertThat(next.diagnostics()).contains("1 pending points added at their posterior mean");
    }

    @ParameterizedTest
    @EnumSource(BatchMethod.class)
    void tenSuggestionsWithNinePendingAreDistinctAndSpread(BatchMethod method) {
        SplittableRandom rng = new SplittableRandom(5);
        // early in a search: ten results, nine runs still going
        List<double[]> observed = randomPoints(10, rng);
        List<double[]> pending = randomPoints(9, rng);
        BoptProblem problem = new BoptProblem(PLANE, observed, losses(observed), pending);

        BoptSuggestion s = core.suggest(problem, BoptSettings.defaults().withBatchMethod(method), 10, rng);

        assertThat(s.modelBased()).isTrue();
        assertThat(s.points()).hasSize(10);
        List<double[]> earlier = new ArrayList<>(observed);
        earlier.addAll(pending);
        double closest = Double.POSITIVE_INFINITY;
        double widest = 0;
        for (int i = 0; i < s.points().size(); i++) {
            double[] p = s.points().get(i);
            for (int e = 0; e < earlier.size(); e++) {
                double[] q = earlier.get(e);
                closest = Math.min(closest, distance(p, q));
            }
            for (int k = 0; k < i; k++) {
                widest = Math.max(widest, distance(p, s.points().get(k)));
            }
            earlier.add(p);
        }
        // the kriging believer lets several points crowd one optimum; Thompson draws keep them apart
        double apart = method == BatchMethod.THOMPSON ? 0.005 : 1e-4;
        assertThat(closest).as("closest distance to an earlier, pending or chosen point").isGreaterThan(apart);
        assertThat(widest).as("widest distance between two suggestions").isGreaterThan(0.1);
    }

    @Test
    void thompsonSuggestionsAreReproducibleUnderASeed() {
        List<double[]> observed = randomPoints(10, new SplittableRandom(6));
        BoptProblem problem = new BoptProblem(PLANE, observed, losses(observed), List.of(new double[] {0.5, 0.5}));
        BoptSettings settings = BoptSettings.defaults().withBatchMethod(BatchMethod.THOMPSON);

        BoptSuggestion a = core.suggest(problem, settings, 3, new SplittableRandom(7));
        BoptSuggestion b = core.suggest(problem, settings, 3, new SplittableRandom(7));

        for (int i = 0; i < 3; i++) {
            assertThat(a.points().get(i)).containsExactly(b.points().get(i));
        }
        assertThat(a.diagnostics()).contains("Thompson draw");
    }

    @Test
    void thompsonWithTheRationalQuadraticKernelUsesTheKrigingBelieverAndSaysSo() {
        List<double[]> observed = randomPoints(10, new SplittableRandom(8));
        BoptProblem problem = new BoptProblem(PLANE, observed, losses(observed), List.of());

        BoptSuggestion s = core.suggest(problem, BoptSettings.defaults().withBatchMethod(BatchMethod.THOMPSON)
                .withKernel(KernelType.RAT_QUAD), 2, new SplittableRandom(9));

        assertThat(s.points()).hasSize(2);
        assertThat(s.diagnostics()).contains("kriging believer with RatQuad").doesNotContain("Thompson draw");
    }

    @Test
    void aSamplePathsGradientMatchesFiniteDifferences() throws GpFitException {
        List<double[]> observed = randomPoints(12, new SplittableRandom(10));
        for (KernelType kernel : List.of(KernelType.MATERN52, KernelType.EXP_QUAD)) {
            GaussianProcess gp = GaussianProcess.fitMle(new GpSpec(kernel, true, false),
                    observed.toArray(new double[0][]), losses(observed), 1, new SplittableRandom(11));
            GpSamplePath path = gp.samplePath(64, new SplittableRandom(12));
            double[] x = {0.31, 0.77};
            double[] gradient = new double[2];
            double value = path.valueAndGradient(x, gradient);

            assertThat(value).isCloseTo(path.value(x), within(1e-12));
            for (int j = 0; j < 2; j++) {
                double h = 1e-6;
                double[] up = x.clone();
                double[] down = x.clone();
                up[j] += h;
                down[j] -= h;
                double numeric = (path.value(up) - path.value(down)) / (2 * h);
                assertThat(gradient[j]).as(kernel + " d/dx" + j)
                        .isCloseTo(numeric, within(1e-5 * (1 + Math.abs(numeric))));
            }
        }
    }

    @Test
    void anUnknownBatchMethodNamesTheAllowedOnes() {
        assertThat(BatchMethod.fromLabel("Thompson")).isEqualTo(BatchMethod.THOMPSON);
        assertThatThrownBy(() -> BatchMethod.fromLabel("qei"))
                .hasMessageContaining("'qei'").hasMessageContaining("kriging_believer, thompson");
    }
}
