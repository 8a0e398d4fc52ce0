package dev.hpsearch.optimizer.bench;

import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.gp.BatchMethod;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.strategy.BoptStrategy;
import dev.hpsearch.optimizer.strategy.FinishedTrial;
import dev.hpsearch.optimizer.strategy.Outcome;
import dev.hpsearch.optimizer.strategy.PendingTrial;
import dev.hpsearch.optimizer.strategy.RandomStrategy;
import dev.hpsearch.optimizer.strategy.SearchContext;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.strategy.Suggestion;
import java.nio.file.Files;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Quality of bopt at the cluster's width (issue 13, part 3): {@code max_active_points} 10, budget 100, on the
 * quality benchmark's functions, against random search and Optuna's TPE with {@code constant_liar=True}.
 *
 * <p>The asynchronous pool is simulated with a virtual clock: every evaluation takes a random duration
 * (0.5 plus an exponential of mean 1, from a generator of its own so every method sees the same durations), so
 * runs finish out of order. The pool is filled as {@code SearchEngine} fills it: whenever slots are free the
 * strategy is asked once for that many combinations, with every running combination as a {@link PendingTrial}
 * in the context and the generator the engine would use for that call. After the first ten a run ends alone,
 * so bopt suggests one combination with nine pending. Nothing sleeps.
 *
 * <p>Arguments: seeds, threads (seeds run in parallel; results do not depend on it), the TPE CSV of
 * {@code bench/optuna_tpe.py SEEDS async} (or "-"; waited for at the end, as the script runs Optuna beside this
 * program), then the bopt batch methods to compare (default all).
 * Run: {@code bench/bopt-batch.sh [seeds] [threads] [methods...]}.
 */
public final class BoptBatchBenchmark {

    static final int WIDTH = 10;
    static final int BUDGET = 100;

    private BoptBatchBenchmark() {
    }

    /** Best value found minus the minimum after the budget, through the asynchronous pool. */
    static double run(BoptQualityBenchmark.Problem p, Strategy strategy, long seed) {
        SplittableRandom durations = new SplittableRandom(seed * 31 + 7);
        record Running(int id, Combination combination, String type, long ordinal, double end) {
        }
        PriorityQueue<Running> running = new PriorityQueue<>((a, b) -> Double.compare(a.end, b.end));
        List<FinishedTrial> finished = new ArrayList<>();
        Set<Combination> seen = new HashSet<>();
        double clock = 0;
        int submitted = 0;
        double best = Double.POSITIVE_INFINITY;
        while (true) {
            int free = Math.min(WIDTH - running.size(), BUDGET - submitted);
            if (free > 0) {
                List<PendingTrial> pending = new ArrayList<>();
                for (Running r : running) {
                    pending.add(new PendingTrial(r.id, r.combination, r.type, r.ordinal));
                }
                pending.sort((a, b) -> Integer.compare(a.combinationId(), b.combinationId()));
                SearchContext context = new SearchContext(p.space(), List.copyOf(finished), pending, Set.copyOf(seen));
                // the engine's generator for the call that starts at this id (SearchEngine.rngFor)
                SplittableRandom rng = new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (submitted + 1L)));
                for (Suggestion s : strategy.suggest(context, free, rng)) {
                    double duration = 0.5 - Math.log(1 - durations.nextDouble());
                    running.add(new Running(submitted++, s.combination(), s.searchType(), s.ordinal(), clock + duration));
                    seen.add(s.combination());
                }
            }
            Running done = running.poll();
            if (done == null) {
                break;
            }
            clock = done.end;
            double y = p.f().applyAsDouble(done.combination);
            best = Math.min(best, y);
            finished.add(new FinishedTrial(done.id, done.combination, done.type, done.ordinal, Outcome.of(y)));
        }
        return best - p.minimum();
    }

    record Method(String name, java.util.function.Function<BoptQualityBenchmark.Problem, Strategy> strategy) {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path tpeCsv = args.length > 2 && !args[2].equals("-") ? Path.of(args[2]) : null;
        List<BatchMethod> batchMethods = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            batchMethods.add(BatchMethod.fromLabel(args[i]));
        }
        if (batchMethods.isEmpty()) {
            batchMethods.addAll(List.of(BatchMethod.values()));
        }
        SearchConfig config = BoptQualityBenchmark.boptConfig(BoptQualityBenchmark.DEFAULT_OVERRIDES);
        List<Method> methods = new ArrayList<>();
        for (BatchMethod b : batchMethods) {
            methods.add(new Method("bopt " + b.label(), p -> new BoptStrategy(config, p.space()).withBatchMethod(b)));
        }
        methods.add(new Method("random", p -> new RandomStrategy(p.space())));
        System.out.printf(Locale.ROOT, "bopt at width %d, budget %d, %d seeds, %d threads; seed defaults with %s%n",
                WIDTH, BUDGET, seeds, threads, BoptQualityBenchmark.DEFAULT_OVERRIDES);
        System.out.println("durations 0.5 + Exp(1) on a virtual clock; simple regret = best found - minimum");
        System.out.println("load average at start: " + BenchSupport.loadAverage());
        System.out.println("function    | method                |   median |      q25 |      q75 | CPU (s) | wall (s) | load");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        Map<String, String> perSeed = new LinkedHashMap<>();
        Map<String, Map<String, Double>> medians = new LinkedHashMap<>();
        List<BoptQualityBenchmark.Problem> problems = BoptQualityBenchmark.problems();
        for (int fi = 0; fi < problems.size(); fi++) {
            BoptQualityBenchmark.Problem p = problems.get(fi);
            for (Method m : methods) {
                long t0 = System.nanoTime();
                List<Future<double[]>> futures = new ArrayList<>();
                for (int s = 0; s < seeds; s++) {
                    long seed = 1000L * fi + s;
                    Supplier<Strategy> make = () -> m.strategy().apply(p);
                    futures.add(pool.submit(() -> {
                        long c0 = mx.getCurrentThreadCpuTime();
                        double r = run(p, make.get(), seed);
                        return new double[] {r, (mx.getCurrentThreadCpuTime() - c0) / 1e9};
                    }));
                }
                double[] regrets = new double[seeds];
                double cpu = 0;
                for (int s = 0; s < seeds; s++) {
                    double[] r = futures.get(s).get();
                    regrets[s] = r[0];
                    cpu += r[1];
                }
                medians.computeIfAbsent(p.name(), k -> new LinkedHashMap<>()).put(m.name(),
                        row(p.name(), m.name(), regrets, cpu, (System.nanoTime() - t0) / 1e9));
                perSeed.put(p.name() + " " + m.name(),
                        Arrays.toString(Arrays.stream(regrets).map(v -> Math.round(v * 1e6) / 1e6).toArray()));
            }
        }
        pool.shutdown();
        System.out.printf(Locale.ROOT, "total wall %.0f s; load average at end: %s%n", (System.nanoTime() - start) / 1e9,
                BenchSupport.loadAverage());
        if (tpeCsv != null) {
            // written by bench/optuna_tpe.py running beside this program, renamed into place when complete
            Path failed = Path.of(tpeCsv + ".failed");
            while (!Files.exists(tpeCsv) && !Files.exists(failed)) {
                Thread.sleep(1000);
            }
            if (!Files.exists(tpeCsv)) {
                System.out.println("bench/optuna_tpe.py failed: no TPE figures");
                System.exit(1);
            }
            Map<String, double[]> tpe = BoptQualityBenchmark.readTpe(tpeCsv, seeds);
            System.out.println();
            System.out.println("Optuna TPE (constant_liar=True), same width, budget, durations and seeds:");
            for (BoptQualityBenchmark.Problem p : problems) {
                double[] t = tpe.get(p.name());
                if (t != null) {
                    medians.get(p.name()).put("Optuna TPE (liar)", row(p.name(), "Optuna TPE (liar)", t, Double.NaN, Double.NaN));
                }
            }
            System.out.println();
            for (String f : medians.keySet()) {
                Map<String, Double> byMethod = medians.get(f);
                for (BatchMethod b : batchMethods) {
                    double mine = byMethod.get("bopt " + b.label());
                    boolean below = byMethod.entrySet().stream().filter(e -> !e.getKey().startsWith("bopt"))
                            .allMatch(e -> mine < e.getValue());
                    System.out.printf(Locale.ROOT, "%-11s bopt %-16s median below random and TPE: %s%n", f, b.label(),
                            below ? "yes" : "NO");
                }
            }
        }
        System.out.println();
        System.out.println("regret per seed:");
        perSeed.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    /** Prints one row; returns the median. */
    private static double row(String function, String method, double[] regrets, double cpu, double wall) {
        double[] r = regrets.clone();
        Arrays.sort(r);
        System.out.printf(Locale.ROOT, "%-11s | %-21s | %8.3g | %8.3g | %8.3g | %7s | %8s | %s%n", function, method,
                BoptQualityBenchmark.quantile(r, 0.5), BoptQualityBenchmark.quantile(r, 0.25),
                BoptQualityBenchmark.quantile(r, 0.75), Double.isNaN(cpu) ? "-" : String.format(Locale.ROOT, "%.0f", cpu),
                Double.isNaN(wall) ? "-" : String.format(Locale.ROOT, "%.0f", wall),
                Double.isNaN(wall) ? "-" : BenchSupport.loadAverage());
        return BoptQualityBenchmark.quantile(r, 0.5);
    }
}
