package dev.hpsearch.optimizer.gp;

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

    /** Hartmann-6 style test function on [0,1]^6 (smooth, several local minima). */
    static double hartmann6(double[] x) {
        double[] alpha = {1.0, 1.2, 3.0, 3.2};
        double[][] a = {{10, 3, 17, 3.5, 1.7, 8}, {0.05, 10, 17, 0.1, 8, 14}, {3, 3.5, 1.7, 10, 17, 8},
            {17, 8, 0.05, 10, 0.1, 14}};
        double[][] p = {{0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886}, {0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991},
            {0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650}, {0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381}};
        double f = 0;
        for (int i = 0; i < 4; i++) {
            double s = 0;
            for (int j = 0; j < 6; j++) {
                s += a[i][j] * (x[j] - p[i][j]) * (x[j] - p[i][j]);
            }
            f -= alpha[i] * Math.exp(-s);
        }
        return f;
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
                y[i] = hartmann6(x[i]);
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
            y[i] = hartmann6(p);
        }
        return core.suggest(new BoptProblem(dims, x, y, List.of()), settings, 1, rng);
    }
}
