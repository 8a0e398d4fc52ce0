package dev.hpsearch.optimizer.gp;

import dev.hpsearch.optimizer.bench.QualityFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Prints timings of the GP engine in 6-D: one MLE fit, one full MLE suggestion (fit + acquisition
 * optimisation), and one HMC suggestion with the seed's defaults (500 burn-in, 50 samples,
 * subsample 10, 20 leapfrog steps, 2 chains), at n = 10, 50, 100 observations.
 *
 * <p>Run: {@code java -cp optimizer/target/classes:optimizer/target/test-classes:<ejml, commons-math jars>
 * dev.hpsearch.optimizer.gp.GpBenchmark [n...]}. A program, not a test: timings depend on the machine.
 */
public final class GpBenchmark {

    private GpBenchmark() {
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {10, 50, 100} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        int d = 6;
        List<Dimension> dims = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            dims.add(Dimension.continuous());
        }
        BoptCore core = new BoptCore();
        // warm-up the JIT on a small problem
        run(core, dims, 20, BoptSettings.defaults(), 3);
        run(core, dims, 20, BoptSettings.defaults().withMethod(EstimationMethod.MCMC)
                .withHmc(HmcSettings.defaults().withBurnin(200).withSamples(20)), 1);
        System.out.println("n, MLE fit (ms), MLE suggestion (ms), HMC suggestion (ms), HMC outcome");
        for (int n : sizes) {
            SplittableRandom rng = new SplittableRandom(n);
            double[][] x = new double[n][d];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    x[i][j] = rng.nextDouble();
                }
                y[i] = QualityFunctions.hartmann6(x[i]);
            }
            long t0 = System.nanoTime();
            try {
                GaussianProcess.fitMle(new GpSpec(KernelType.MATERN52, true, false), x, y, 3, rng);
            } catch (GpFitException e) {
                System.out.println("MLE fit failed: " + e.getMessage());
            }
            double fitMs = (System.nanoTime() - t0) / 1e6;
            double mleMs = run(core, dims, n, BoptSettings.defaults(), 1);
            long t1 = System.nanoTime();
            BoptSuggestion s = suggest(core, dims, n, BoptSettings.defaults().withMethod(EstimationMethod.MCMC));
            double hmcMs = (System.nanoTime() - t1) / 1e6;
            String hmcLine = s.diagnostics().lines().filter(l -> l.startsWith("HMC")).findFirst().orElse("");
            System.out.printf(Locale.ROOT, "%d, %.0f, %.0f, %.0f, %s: %s%n", n, fitMs, mleMs, hmcMs, s.label(), hmcLine);
        }
    }

    private static double run(BoptCore core, List<Dimension> dims, int n, BoptSettings settings, int reps) {
        long t0 = System.nanoTime();
        for (int r = 0; r < reps; r++) {
            suggest(core, dims, n, settings);
        }
        return (System.nanoTime() - t0) / 1e6 / reps;
    }

    private static BoptSuggestion suggest(BoptCore core, List<Dimension> dims, int n, BoptSettings settings) {
        SplittableRandom rng = new SplittableRandom(n * 31L);
        List<double[]> x = new ArrayList<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[dims.size()];
            for (int j = 0; j < p.length; j++) {
                p[j] = rng.nextDouble();
            }
            x.add(p);
            y[i] = QualityFunctions.hartmann6(p);
        }
        return core.suggest(new BoptProblem(dims, x, y, List.of()), settings, 1, rng);
    }
}
