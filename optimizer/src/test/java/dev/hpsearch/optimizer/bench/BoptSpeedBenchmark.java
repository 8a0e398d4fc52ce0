package dev.hpsearch.optimizer.bench;

import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.gp.BoptCore;
import dev.hpsearch.optimizer.gp.BoptProblem;
import dev.hpsearch.optimizer.gp.BoptSettings;
import dev.hpsearch.optimizer.gp.BoptSuggestion;
import dev.hpsearch.optimizer.gp.Dimension;
import dev.hpsearch.optimizer.gp.EstimationMethod;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.strategy.BoptStrategy;
import dev.hpsearch.optimizer.strategy.RandomStrategy;
import dev.hpsearch.optimizer.strategy.Suggestion;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Speed and memory of bopt suggestions (issue 3, benchmark 2 and 3), in 6-D on Hartmann-6 values at
 * uniformly random points.
 *
 * <ul>
 *   <li>{@code speed}: one MLE suggestion (fit from the default start plus 3 restarts, then acquisition
 *       optimisation from 1000 random candidates and 11 L-BFGS starts) at n = 50, 100, 200, 500 (median of
 *       5, 5, 3, 1 runs after a JIT warm-up); one HMC suggestion with the seed's defaults (500 burn-in,
 *       50 samples, subsample 10, 20 leapfrog steps, 2 chains) at n = 100, after the thread-CPU time of each
 *       phase of one likelihood evaluation there ({@code LikelihoodProfile}).</li>
 *   <li>{@code hmc [runs]}: the phases, then {@code runs} (default 3) HMC suggestions at n = 100 after a
 *       warm-up one, each with wall time, process CPU time and the load average.</li>
 *   <li>{@code memory}: a bopt search with the seed's defaults ({@code BoptStrategy}, every
 *       {@code bopt_config} key at its default) that has 2,000 finished results suggests one combination;
 *       prints the peak used heap. Run it with {@code -Xmx512m}: an OutOfMemoryError is a failure.</li>
 * </ul>
 * Targets: MLE under 50 ms at n = 50, 100 ms at 100, 0.5 s at 200; HMC under 5 s at 100 (issue 13); heap under 512 MB.
 * Run: {@code bench/bopt-speed.sh}.
 */
public final class BoptSpeedBenchmark {

    private static final int D = 6;

    private BoptSpeedBenchmark() {
    }

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "speed";
        if (mode.equals("memory")) {
            memory(args.length > 1 ? Integer.parseInt(args[1]) : 2000);
        } else if (mode.equals("hmc")) {
            hmc(args.length > 1 ? Integer.parseInt(args[1]) : 3);
        } else {
            speed();
        }
    }

    /** Hartmann-6 on [0,1]^6; minimum -3.32237 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573). */
    static double hartmann6(double[] x) {
        return QualityFunctions.hartmann6(x);
    }

    private static void speed() {
        List<Dimension> dims = new ArrayList<>();
        for (int j = 0; j < D; j++) {
            dims.add(Dimension.continuous());
        }
        BoptCore core = new BoptCore();
        BoptSettings mle = BoptSettings.defaults();
        for (int w = 0; w < 6; w++) {
            suggest(core, dims, 30 + 10 * w, mle, w);
        }
        System.out.println("One MLE suggestion (Matern52, EI, fit + acquisition optimisation), 6-D, Hartmann-6 at random points");
        System.out.println("Wall time depends on the other load of a shared machine; CPU time of the (single) thread does much less.");
        System.out.println("     n | median wall ms | median CPU ms | runs | likelihood evaluations in the fit | target");
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        int[] sizes = {50, 100, 200, 500};
        int[] runs = {5, 5, 3, 1};
        String[] targets = {"< 50 ms", "< 100 ms", "< 500 ms", "-"};
        for (int s = 0; s < sizes.length; s++) {
            double[] ms = new double[runs[s]];
            double[] cpu = new double[runs[s]];
            String evaluations = "";
            for (int r = 0; r < runs[s]; r++) {
                long c0 = threads.getCurrentThreadCpuTime();
                long t0 = System.nanoTime();
                BoptSuggestion out = suggest(core, dims, sizes[s], mle, r);
                ms[r] = (System.nanoTime() - t0) / 1e6;
                cpu[r] = (threads.getCurrentThreadCpuTime() - c0) / 1e6;
                evaluations = evaluations(out.diagnostics());
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            System.out.printf(Locale.ROOT, "%6d | %14.0f | %13.0f | %4d | %33s | %s%n", sizes[s], ms[ms.length / 2],
                    cpu[cpu.length / 2], runs[s], evaluations, targets[s]);
        }
        System.out.println();
        dev.hpsearch.optimizer.gp.LikelihoodProfile.print(100, D, 2000);
        hmcRun(core, dims, mle);
    }

    /**
     * The likelihood's phases (thread CPU per call), then {@code runs} HMC suggestions at n = 100 after one
     * warm-up suggestion, each with its wall and process CPU time and the load average.
     */
    private static void hmc(int runs) {
        dev.hpsearch.optimizer.gp.LikelihoodProfile.print(100, D, 2000);
        System.out.println("load average " + BenchSupport.loadAverage());
        List<Dimension> dims = new ArrayList<>();
        for (int j = 0; j < D; j++) {
            dims.add(Dimension.continuous());
        }
        BoptCore core = new BoptCore();
        BoptSettings mle = BoptSettings.defaults();
        suggest(core, dims, 100, mle.withMethod(EstimationMethod.MCMC), 1);
        for (int r = 0; r < runs; r++) {
            hmcRun(core, dims, mle);
        }
    }

    private static void hmcRun(BoptCore core, List<Dimension> dims, BoptSettings mle) {
        System.out.println("One HMC suggestion with the seed's defaults (500 burn-in, 50 samples, subsample 10, 20 leapfrog steps, 2 chains), 6-D");
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long c0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        BoptSuggestion out = suggest(core, dims, 100, mle.withMethod(EstimationMethod.MCMC), 0);
        double ms = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (os.getProcessCpuTime() - c0) / 1e6;
        String hmc = out.diagnostics().lines().filter(l -> l.startsWith("HMC")).findFirst().orElse("(no HMC line)");
        System.out.printf(Locale.ROOT, "n = 100: %.2f s wall (target < 5 s); process CPU %.1f s, i.e. %.1f s on 2 free cores; "
                + "load average %s; label %s%n  %s%n", ms / 1000, cpuMs / 1000, cpuMs / 2000, BenchSupport.loadAverage(),
                out.label(), hmc);
    }

    private static String evaluations(String diagnostics) {
        return diagnostics.lines().filter(l -> l.startsWith("MLE:")).findFirst()
                .map(l -> l.replaceAll(".*finite, (\\d+) evaluations.*", "$1")).orElse("?");
    }

    private static BoptSuggestion suggest(BoptCore core, List<Dimension> dims, int n, BoptSettings settings, long seed) {
        SplittableRandom rng = new SplittableRandom(1000L * n + seed);
        List<double[]> x = new ArrayList<>();
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] p = new double[D];
            for (int j = 0; j < D; j++) {
                p[j] = rng.nextDouble();
            }
            x.add(p);
            y[i] = hartmann6(p);
        }
        return core.suggest(new BoptProblem(dims, x, y, List.of()), settings, 1, rng);
    }

    private static void memory(int results) {
        List<Hyperparameter> hps = new ArrayList<>();
        for (int j = 0; j < D; j++) {
            hps.add(Hyperparameter.continuous("x" + j, 0, 1, Transformation.LINEAR));
        }
        SearchSpace space = new SearchSpace(hps);
        // every key at the seed's default (y_transformation log, MLE and MCMC listed, three kernels...)
        SearchConfig config = BenchSupport.searchConfig("{\"random_seed\": 7}");
        SplittableRandom rng = new SplittableRandom(7);
        BenchSupport.History history = new BenchSupport.History(space);
        RandomStrategy random = new RandomStrategy(space);
        for (int i = 0; i < results; i++) {
            Combination c = random.draw(rng);
            // Hartmann-6 shifted to be positive, as y_transformation log needs
            history.add(c, "random", hartmann6(space.coordinates(c)) + 3.5);
        }
        BoptStrategy bopt = new BoptStrategy(config, space);
        long t0 = System.nanoTime();
        List<Suggestion> s = bopt.suggest(history.context(), 1, rng);
        double seconds = (System.nanoTime() - t0) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        long max = Runtime.getRuntime().maxMemory();
        System.out.printf(Locale.ROOT, "Memory: a bopt search (seed defaults) with %d finished results suggested %s in %.1f s%n",
                results, s.isEmpty() ? "nothing" : s.get(0).searchType(), seconds);
        System.out.printf(Locale.ROOT, "  peak used heap %.0f MB (sum of the heap pools' peaks), max heap %.0f MB, target < 512 MB%n",
                peak / 1048576.0, max / 1048576.0);
        if (!s.isEmpty()) {
            String note = s.get(0).note();
            System.out.println("  " + (note.length() > 300 ? note.substring(0, 300) + "..." : note));
        }
    }
}
