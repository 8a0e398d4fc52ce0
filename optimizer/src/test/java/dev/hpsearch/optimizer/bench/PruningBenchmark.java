package dev.hpsearch.optimizer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.engine.ProgressPoint;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchListener;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
import dev.hpsearch.optimizer.strategy.Strategies;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Early stopping on a learning-curve problem (issue 12): a Python script "trains" for a number of steps (30 by
 * default) with a short sleep each, appending its loss to progress.jsonl. Hyperparameters u = log10(lr) in [-3, 0] and w in
 * [0, 1]; the loss at step s is {@code L(u, w) + 1.5 exp(-k(u) s)} plus a little noise, with
 * {@code L = 0.1 + 0.3 (u + 1.5)^2 + (w - 0.6)^2} and {@code k = 0.08 + 4 * 10^u}: a large learning rate
 * falls fast and ends high, a small one falls slowly, so curves cross and early values mislead. The final loss
 * (output.json) is the loss at the last step without noise.
 *
 * <p>Per seed: random search without a pruner, {@value #BUDGET} combinations at max_active_points 4, gives the
 * target regret. Then random search with the same seed (the same combinations in the same order) with
 * {@code median} and with {@code asha}, stopped as soon as a finished run reaches that regret, at most
 * {@value #MAX_PRUNED} combinations. Printed: total steps run (progress lines, including those of runs cut short)
 * and wall time, per seed and summed.
 */
public final class PruningBenchmark {
    static final int BUDGET = 20;
    static final int MAX_PRUNED = 60;

    private static final String TRAIN = String.join("\n",
            "import json, math, os, random, sys, time",
            "cfg = json.load(open(sys.argv[1]))",
            "u = math.log10(cfg['lr']); w = cfg['w']; sleep = cfg['sleep']; steps = cfg['steps']",
            "final = 0.1 + 0.3 * (u + 1.5) ** 2 + (w - 0.6) ** 2",
            "k = 0.08 + 4 * 10 ** u",
            "rng = random.Random(repr((cfg['lr'], w)))",
            "p = open(os.path.join(cfg['save_folder'], 'progress.jsonl'), 'a')",
            "for s in range(steps):",
            "    loss = final + 1.5 * math.exp(-k * s)",
            "    p.write(json.dumps({'step': s, 'objective': loss + rng.gauss(0, 0.01), 't': time.time()}) + '\\n')",
            "    p.flush()",
            "    time.sleep(sleep)",
            "json.dump({'objective': final + 1.5 * math.exp(-k * (steps - 1))},"
                    + " open(os.path.join(cfg['save_folder'], 'output.json'), 'w'))");

    private PruningBenchmark() {
    }

    /** The least final loss over the space, on a fine grid (w = 0.6 is optimal for every u). */
    static double optimum(int steps) {
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= 300_000; i++) {
            double u = -3 + 3.0 * i / 300_000;
            double k = 0.08 + 4 * Math.pow(10, u);
            best = Math.min(best, 0.1 + 0.3 * (u + 1.5) * (u + 1.5) + 1.5 * Math.exp(-k * (steps - 1)));
        }
        return best;
    }

    /**
     * @param stepsToBest the steps spent when the best run ended: what the search needed to reach its final regret
     */
    record Run(double regret, long steps, long stepsToBest, double seconds, boolean reached, int combinations,
               int pruned, List<double[]> points) {
    }

    public static void main(String[] args) throws Exception {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        double sleep = args.length > 1 ? Double.parseDouble(args[1]) : 0.1;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        int minStep = args.length > 3 ? Integer.parseInt(args[3]) : 10;
        int eta = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        int firstSeed = args.length > 5 ? Integer.parseInt(args[5]) : 1;
        int steps = args.length > 6 ? Integer.parseInt(args[6]) : 30;
        Path pointsFile = Path.of(args.length > 7 ? args[7] : "target/pruning-points.csv");
        Files.deleteIfExists(pointsFile);
        Path root = Files.createTempDirectory("hpsearch-pruning-bench");
        double optimum = optimum(steps);
        System.out.printf(Locale.ROOT, "learning-curve problem: %d steps of %.3f s, max_active_points 4, random search;"
                + " none: %d combinations; median (warmup %d) and asha (min step %d, eta %d) stop at none's regret, at"
                + " most %d combinations; optimum %.6f%n", steps, sleep, BUDGET, warmup, minStep, eta, MAX_PRUNED,
                optimum);
        System.out.println("seed | none: regret steps (to its best) s | median: steps s combinations pruned reached"
                + " | asha: the same");
        String[] names = {"none", "median", "asha"};
        long[] spent = new long[3];
        double[] seconds = new double[3];
        int[] reached = new int[3];
        long noneToBest = 0;
        List<Double> noneRegrets = new ArrayList<>();
        for (int seed = firstSeed; seed < firstSeed + seeds; seed++) {
            Run none = search(root, seed, steps, sleep, "", BUDGET, Double.NaN, optimum);
            Run median = search(root, seed, steps, sleep, ", \"pruner\": \"median\", \"pruner_warmup_steps\": "
                    + warmup, MAX_PRUNED, none.regret(), optimum);
            Run asha = search(root, seed, steps, sleep, ", \"pruner\": \"asha\", \"pruner_min_step\": " + minStep
                    + ", \"pruner_reduction_factor\": " + eta, MAX_PRUNED, none.regret(), optimum);
            Run[] runs = {none, median, asha};
            for (int i = 0; i < 3; i++) {
                spent[i] += runs[i].steps();
                seconds[i] += runs[i].seconds();
                reached[i] += runs[i].reached() ? 1 : 0;
            }
            noneToBest += none.stepsToBest();
            writePoints(pointsFile, seed, List.of(none, median, asha));
            noneRegrets.add(none.regret());
            System.out.printf(Locale.ROOT, "%4d | %.5f %5d (%3d) %5.1f | %s | %s%n", seed, none.regret(), none.steps(),
                    none.stepsToBest(), none.seconds(), pruned(median), pruned(asha));
        }
        System.out.printf(Locale.ROOT, "%-6s total steps %6d, wall %6.1f s (the reference: its final regret is the"
                + " target; its best runs had ended after %d steps)%n", names[0], spent[0], seconds[0], noneToBest);
        for (int i = 1; i < 3; i++) {
            System.out.printf(Locale.ROOT, "%-6s total steps %6d (%.2fx fewer than none), wall %6.1f s (%.2fx faster),"
                            + " reached none's regret in %d of %d seeds%n", names[i], spent[i],
                    (double) spent[0] / spent[i], seconds[i], seconds[0] / seconds[i], reached[i], seeds);
        }
        noneRegrets.sort(null);
        System.out.printf(Locale.ROOT, "none's final regret: median %.5f over %d seeds%n",
                noneRegrets.get(noneRegrets.size() / 2), seeds);
    }

    /**
     * Appends a seed's combinations, in the order drawn, to the file the Optuna comparison reads, so that Optuna's
     * searches try the very same points in the same order: the longest of the three searches' lists (they share
     * their beginning).
     */
    private static void writePoints(Path file, int seed, List<Run> runs) throws Exception {
        List<double[]> longest = runs.stream().map(Run::points).max(java.util.Comparator.comparingInt(List::size))
                .orElseThrow();
        StringBuilder b = new StringBuilder();
        for (double[] p : longest) {
            b.append(String.format(Locale.ROOT, "%d,%.17g,%.17g%n", seed, p[0], p[1]));
        }
        Files.writeString(file, b, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    private static String pruned(Run r) {
        return String.format(Locale.ROOT, "%5d %5.1f %2d %2d %s (regret %.5f)", r.steps(), r.seconds(),
                r.combinations(), r.pruned(), r.reached() ? "yes" : "NO", r.regret());
    }

    /**
     * One search. With a target regret, it stops as soon as a finished run reaches it (reached = true), else it
     * runs its budget; the regret is that of its best finished run.
     */
    static Run search(Path root, int seed, int steps, double sleep, String pruner, int budget, double targetRegret,
                      double optimum) throws Exception {
        Path project = Files.createTempDirectory(root, "project");
        Files.writeString(project.resolve("train.py"), TRAIN);
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"random\", \"max_suggestions\": "
                + budget + ", \"max_active_points\": 4, \"random_seed\": " + seed + pruner + "}");
        Files.writeString(project.resolve("job_config.json"),
                "{\"environment_path\": \"python3\", \"script_path\": \"train.py\", \"time\": 1}");
        Files.writeString(project.resolve("model_config.json"), "{\"lr\": {\"type\": \"continuous\", \"domain\": [0.001, 1],"
                + " \"transformation\": \"log\"}, \"w\": {\"type\": \"continuous\", \"domain\": [0, 1],"
                + " \"transformation\": \"linear\"}, \"sleep\": " + sleep + ", \"steps\": " + steps + "}");
        Configs c = new ConfigLoader().load(project.resolve("search_config.json"), project.resolve("job_config.json"),
                project.resolve("model_config.json"));
        Path searchDir = SearchFiles.create(c);
        AtomicReference<SearchEngine> engine = new AtomicReference<>();
        boolean[] reached = {false};
        double[] best = {Double.POSITIVE_INFINITY};
        long[] stepsToBest = {0};
        double target = targetRegret + optimum + 1e-12;
        long t0 = System.nanoTime();
        SearchSummary s;
        try (LocalProcessExecutor ex = new LocalProcessExecutor()) {
            engine.set(new SearchEngine(c.search(), c.job(), c.model(), searchDir, ex,
                    Strategies.forConfig(c.search(), c.model().space(), "search_config.json"), Clock.systemUTC(),
                    new SearchListener() {
                        @Override
                        public void onTrial(TrialRecord t) {
                            if (t.status() == TrialStatus.OK && t.loss() < best[0]) {
                                best[0] = t.loss();
                                stepsToBest[0] = uncheckedSteps(searchDir);
                            }
                            if (!Double.isNaN(targetRegret) && t.status() == TrialStatus.OK && t.loss() <= target
                                    && !reached[0]) {
                                reached[0] = true;
                                engine.get().requestStop("target regret reached");
                            }
                        }
                    }));
            s = engine.get().run();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double found = s.progress().best() == null ? Double.NaN : s.progress().best().loss();
        return new Run(found - optimum, steps(searchDir), stepsToBest[0], seconds, reached[0],
                engine.get().state().trials().size(), s.progress().pruned(), points(searchDir));
    }

    private static long uncheckedSteps(Path searchDir) {
        try {
            return steps(searchDir);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The (lr, w) of every combination of a search, in the order they were drawn. */
    private static List<double[]> points(Path searchDir) throws Exception {
        List<double[]> out = new ArrayList<>();
        for (int id = 0; ; id++) {
            Path input = searchDir.resolve("hp_combination_" + id).resolve("input.json");
            if (!Files.exists(input)) {
                return out;
            }
            JsonNode in = JsonFiles.STRICT.readTree(input.toFile());
            out.add(new double[] {in.get("lr").asDouble(), in.get("w").asDouble()});
        }
    }

    /** Progress lines written by every run of a search: the steps it spent. */
    private static long steps(Path searchDir) throws Exception {
        long n = 0;
        try (Stream<Path> dirs = Files.list(searchDir)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                Path f = d.resolve(ProgressPoint.FILE_NAME);
                if (Files.exists(f)) {
                    n += Files.readAllLines(f).stream().filter(l -> l.endsWith("}")).count();
                }
            }
        }
        return n;
    }
}
