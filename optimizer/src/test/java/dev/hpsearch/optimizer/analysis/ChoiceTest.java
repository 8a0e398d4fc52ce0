package dev.hpsearch.optimizer.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpsearch.optimizer.analysis.GlobalSensitivity.Input;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Simpler;
import dev.hpsearch.optimizer.space.Transformation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChoiceTest {
    private static ResponseData data(double[][] x, double[] y) {
        int[] ids = new int[y.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i;
        }
        List<Input> inputs = new ArrayList<>();
        for (int j = 0; j < x[0].length; j++) {
            inputs.add(Input.continuous("x" + j));
        }
        return new ResponseData("loss", inputs, List.of(), ids, x, y, 0);
    }

    @Test
    void expectedMaximumOfStandardNormals() {
        assertThat(Choice.expectedMaximum(1)).isEqualTo(0);
        assertThat(Choice.expectedMaximum(2)).isCloseTo(1 / Math.sqrt(Math.PI), within(1e-6));
        assertThat(Choice.expectedMaximum(10)).isCloseTo(1.5388, within(1e-3));
    }

    @Test
    void probabilityOfBeingBestCarriesItsMonteCarloInterval() {
        // a share of 0.5 from 400 draws: about ± 1.96 √(0.25 / 400) = ± 0.049
        assertThat(Choice.wilson(0.5, -1)).isCloseTo(0.451, within(0.002));
        assertThat(Choice.wilson(0.5, 1)).isCloseTo(0.549, within(0.002));
        // never a point: no draw had it best, yet it may be best in about 1 % of the posterior
        assertThat(Choice.wilson(0, -1)).isZero();
        assertThat(Choice.wilson(0, 1)).isBetween(0.005, 0.015);
        assertThat(Choice.wilson(1, -1)).isBetween(0.985, 0.995);
        Choice.Setting s = new Choice.Setting(1, new int[] {1}, 0.3, 0, 0.1, 0.25);
        assertThat(s.probabilityBestLow()).isLessThan(0.25);
        assertThat(s.probabilityBestHigh()).isGreaterThan(0.25);
    }

    @Test
    void replicatesGiveThePooledNoiseWithAnIntervalThatCoversIt() throws Exception {
        // 10 settings on a slope, 4 replicates each, noise sd 0.1
        SplittableRandom rng = new SplittableRandom(1);
        int settings = 10;
        int reps = 4;
        double[][] x = new double[settings * reps][];
        double[] y = new double[settings * reps];
        for (int s = 0; s < settings; s++) {
            for (int r = 0; r < reps; r++) {
                x[s * reps + r] = new double[] {s / 9.0};
                y[s * reps + r] = s / 9.0 + 0.1 * rng.nextGaussian();
            }
        }
        Choice.Result c = Choice.choose(data(x, y), true, 1);

        assertThat(c.noise().source()).isEqualTo("replicates");
        assertThat(c.noise().df()).isEqualTo(30);
        assertThat(c.noise().low()).isLessThan(0.1);
        assertThat(c.noise().high()).isGreaterThan(0.1);
        assertThat(c.settings()).hasSize(settings);
        assertThat(c.best().replicates()).hasSize(reps);
        // with se of a difference 0.1 * sqrt(1/4 + 1/4) = 0.07, settings 0.11 or more above the best are not tied
        assertThat(c.ties()).allSatisfy(t -> assertThat(t.difference()).isLessThanOrEqualTo(t.threshold()));
        assertThat(c.settings().stream().filter(s -> !s.tied())).allSatisfy(
                s -> assertThat(s.difference()).isGreaterThan(0.1 * 1.645 * Math.sqrt(0.5)));
        assertThat(c.ties().size()).isBetween(1, 4);
    }

    @Test
    void withoutReplicatesTheNoiseIsTheGpsAndSaysSo() throws Exception {
        SplittableRandom rng = new SplittableRandom(2);
        double[][] x = new double[40][];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            x[i] = new double[] {rng.nextDouble(), rng.nextDouble()};
            y[i] = Math.pow(x[i][0] - 0.3, 2) + 0.05 * rng.nextGaussian();
        }
        Choice.Result c = Choice.choose(data(x, y), true, 2);

        assertThat(c.noise().source()).isEqualTo("gp");
        assertThat(c.noise().low()).isNaN();
        assertThat(c.noise().sd()).isBetween(0.02, 0.1);
        // the best observed value flatters: what to expect is worse (higher), by the winner's curse among ties
        assertThat(c.expected()).isGreaterThanOrEqualTo(c.best().value());
        double sum = c.settings().stream().mapToDouble(Choice.Setting::probabilityBest).sum();
        assertThat(sum).isCloseTo(1, within(1e-9));
        assertThat(c.ensemble().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1, within(1e-9));
        assertThat(c.ensemble()).isNotEmpty();
    }

    @Test
    void aClearWinnerIsAloneAndAlmostSurelyTheBest() throws Exception {
        // exact values: one setting far better than all others
        double[][] x = new double[12][];
        double[] y = new double[12];
        for (int i = 0; i < 12; i++) {
            x[i] = new double[] {i / 11.0};
            y[i] = Math.abs(i - 5) + 0.001 * Math.sin(i);
        }
        Choice.Result c = Choice.choose(data(x, y), true, 3);

        assertThat(c.best().id()).isEqualTo(5);
        assertThat(c.ties()).hasSize(1);
        assertThat(c.best().probabilityBest()).isGreaterThan(0.9);
    }

    @Test
    void theSimplestTiedSettingIsProposedAndSaysWhy() throws Exception {
        // ten settings of a gently sloping response (more layers, lower loss), four noisy replicates each: the best
        // has many layers and a few settings with fewer tie with it
        Hyperparameter layers = Hyperparameter.continuous("layers", 0, 9, Transformation.LINEAR);
        SearchSpace space = new SearchSpace(List.of(layers));
        SplittableRandom rng = new SplittableRandom(8);
        double[][] x = new double[40][];
        double[] y = new double[40];
        for (int i = 0; i < 40; i++) {
            int s = i / 4;
            x[i] = new double[] {s / 9.0};
            y[i] = 1 - 0.01 * s + 0.02 * rng.nextGaussian();
        }
        int[] ids = new int[40];
        for (int i = 0; i < 40; i++) {
            ids[i] = i;
        }
        ResponseData data = new ResponseData("loss", List.of(Input.continuous("layers")),
                List.of(Axis.of(layers)), ids, x, y, 0);

        Choice.Result plain = Choice.choose(data, true, 1);
        assertThat(plain.proposed()).isEqualTo(plain.best());
        assertThat(plain.why()).contains("simpler");

        Choice.Result c = Choice.choose(data, true, 1, Map.of("layers", new Simpler.Lower()), space);
        assertThat(c.ties().size()).as("noise %s, settings %s", c.noise(), c.settings()).isGreaterThan(1);
        assertThat(c.ties()).contains(c.proposed());
        // the proposed one has the fewest layers among the ties
        double fewest = c.ties().stream().mapToDouble(t -> data.x()[t.id()][0]).min().orElseThrow();
        assertThat(data.x()[c.proposed().id()][0]).isEqualTo(fewest);
        assertThat(c.proposed()).isNotEqualTo(c.best());
        assertThat(c.why()).contains("simplest of the").contains("layers: lower is simpler");

        Choice.Result higher = Choice.choose(data, true, 1, Map.of("layers", new Simpler.Higher()), space);
        double most = higher.ties().stream().mapToDouble(t -> data.x()[t.id()][0]).max().orElseThrow();
        assertThat(data.x()[higher.proposed().id()][0]).isEqualTo(most);
    }

    @Test
    void aLossSpanningOrdersOfMagnitudeIsJudgedOnItsLogarithm() throws Exception {
        // a few diverged runs with huge losses must not make the noise look huge and every setting a tie
        SplittableRandom rng = new SplittableRandom(11);
        double[][] x = new double[30][];
        double[] y = new double[30];
        for (int i = 0; i < 30; i++) {
            double u = rng.nextDouble();
            x[i] = new double[] {u};
            y[i] = Math.pow(10, -1 + 4 * u * u) * (1 + 0.05 * rng.nextGaussian());
        }
        Choice.Result c = Choice.choose(data(x, y), true, 5);

        assertThat(c.logScale()).isTrue();
        assertThat(c.noise().sd()).as("log10 units").isLessThan(0.2);
        assertThat(c.ties().size()).isLessThan(15);
        assertThat(c.original(c.best().value())).isCloseTo(java.util.Arrays.stream(y).min().orElseThrow(), within(1e-9));
        assertThat(c.original(c.expected())).isGreaterThanOrEqualTo(c.original(c.best().value()));
    }

    @Test
    void maximizingTurnsTheOrderAround() throws Exception {
        double[][] x = new double[10][];
        double[] y = new double[10];
        for (int i = 0; i < 10; i++) {
            x[i] = new double[] {i / 9.0};
            y[i] = i;
        }
        Choice.Result c = Choice.choose(data(x, y), false, 4);
        assertThat(c.best().id()).isEqualTo(9);
        assertThat(c.expected()).isLessThanOrEqualTo(c.best().value());
    }
}
