package dev.hpsearch.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpsearch.optimizer.analysis.GlobalSensitivity.Index;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity.Input;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

class GlobalSensitivityTest {
    /** Ishigami with a = 7, b = 0.1 on [-pi, pi]^3, inputs given in [0, 1]. */
    static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + 7 * Math.pow(Math.sin(x2), 2) + 0.1 * Math.pow(x3, 4) * Math.sin(x1);
    }

    static GlobalSensitivity.Result run(ToDoubleFunction<double[]> f, List<Input> inputs, int n, long seed)
            throws Exception {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][inputs.size()];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < inputs.size(); j++) {
                x[i][j] = inputs.get(j).position(rng.nextDouble());
            }
            y[i] = f.applyAsDouble(x[i]);
        }
        return GlobalSensitivity.fit(x, y, inputs, seed).indices();
    }

    @Test
    void ishigamiIndicesFromTwoHundredRandomPoints() throws Exception {
        GlobalSensitivity.Result r = run(GlobalSensitivityTest::ishigami,
                List.of(Input.continuous("x1"), Input.continuous("x2"), Input.continuous("x3")), 200, 1);
        double[] first = {0.314, 0.442, 0};
        double[] total = {0.558, 0.442, 0.244};
        for (int j = 0; j < 3; j++) {
            Index ix = r.indices().get(j);
            assertThat(ix.firstOrder().estimate()).as("first-order of x%d", j + 1).isCloseTo(first[j], within(0.05));
            assertThat(ix.total().estimate()).as("total of x%d", j + 1).isCloseTo(total[j], within(0.05));
            assertThat(ix.firstOrder().covers(first[j])).as("first-order interval of x%d: %s", j + 1, ix.firstOrder())
                    .isTrue();
            assertThat(ix.total().covers(total[j])).as("total interval of x%d: %s", j + 1, ix.total()).isTrue();
        }
        assertThat(r.looR2()).isGreaterThan(0.9);
        assertThat(r.warning()).isEmpty();
    }

    @Test
    void anInputWithoutEffectGetsAnIntervalThatIncludesZero() throws Exception {
        GlobalSensitivity.Result r = run(u -> 3 * u[0] + Math.sin(4 * u[1]),
                List.of(Input.continuous("a"), Input.continuous("b"), Input.continuous("idle")), 60, 2);
        Index idle = r.indices().get(2);
        assertThat(idle.firstOrder().covers(0)).as("first-order %s", idle.firstOrder()).isTrue();
        // a total index is a sum of squares, never below 0: it is small, and its interval stays near 0
        assertThat(idle.total().estimate()).isLessThan(0.01);
        assertThat(idle.total().high()).as("total %s", idle.total()).isLessThan(0.03);
        assertThat(r.ranking().get(0).name()).isEqualTo("a");
    }

    @Test
    void linearModelHasKnownShares() throws Exception {
        // y = 2 u1 + 1 u2 with uniform inputs: variances 4/12 and 1/12, shares 0.8 and 0.2, no interaction
        GlobalSensitivity.Result r = run(u -> 2 * u[0] + u[1], List.of(Input.continuous("u1"), Input.continuous("u2")),
                40, 3);
        assertThat(r.indices().get(0).firstOrder().estimate()).isCloseTo(0.8, within(0.02));
        assertThat(r.indices().get(1).firstOrder().estimate()).isCloseTo(0.2, within(0.02));
        assertThat(r.indices().get(0).interaction()).isCloseTo(0, within(0.02));
    }

    @Test
    void levelsAreSampledAsLevels() throws Exception {
        // a categorical input with three levels whose effect is 0, 0, 3: variance 2 of the total, a continuous
        // one with a known variance: Var(u) = 1/12
        GlobalSensitivity.Result r = run(u -> (u[0] == 1.0 ? 3 : 0) + u[1],
                List.of(Input.evenLevels("kind", 3), Input.continuous("u")), 60, 4);
        double vk = 2.0;
        double vu = 1.0 / 12;
        assertThat(r.indices().get(0).firstOrder().estimate()).isCloseTo(vk / (vk + vu), within(0.03));
    }

    @Test
    void pureNoiseIsFlaggedAsUntrustworthy() throws Exception {
        SplittableRandom noise = new SplittableRandom(9);
        GlobalSensitivity.Result r = run(u -> noise.nextGaussian(), List.of(Input.continuous("a"), Input.continuous("b")),
                40, 5);
        assertThat(r.looR2()).isLessThan(GlobalSensitivity.ADEQUATE_R2);
        assertThat(r.warning()).contains("do not trust this ranking");
    }

    @Test
    void partialDependenceOfAnAdditiveFunctionIsItsComponent() throws Exception {
        SplittableRandom rng = new SplittableRandom(6);
        int n = 50;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextDouble();
            x[i][1] = rng.nextDouble();
            y[i] = 4 * x[i][0] * x[i][0] + x[i][1];
        }
        GlobalSensitivity s = GlobalSensitivity.fit(x, y, List.of(Input.continuous("a"), Input.continuous("b")), 6);
        GlobalSensitivity.Dependence pd = s.partialDependence(0, 11);
        for (int g = 0; g < pd.position().length; g++) {
            double v = pd.position()[g];
            double expected = 4 * v * v + 0.5; // E[b] = 0.5
            assertThat(pd.mean()[g]).isCloseTo(expected, within(0.05));
            assertThat(pd.low()[g]).isLessThanOrEqualTo(pd.mean()[g]);
            assertThat(pd.high()[g]).isGreaterThanOrEqualTo(pd.mean()[g]);
        }
    }
}
