package dev.hpsearch.optimizer.bench;

import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.pareto.Hypervolume;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.strategy.FinishedTrial;
import dev.hpsearch.optimizer.strategy.Outcome;
import dev.hpsearch.optimizer.strategy.ParEgoStrategy;
import dev.hpsearch.optimizer.strategy.RandomStrategy;
import dev.hpsearch.optimizer.strategy.SearchContext;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.strategy.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Several objectives (issue 12 part 2): hypervolume of hpsearch bopt (ParEGO) and random search after a budget of
 * evaluations of ZDT1 with 6 variables in [0, 1] (f1 = x0, g = 1 + 9 mean(x1..x5), f2 = g (1 - sqrt(f1 / g)); the
 * known front is f2 = 1 - sqrt(f1) with x1..x5 = 0), both minimized, against a fixed reference point (1.1, 10)
 * whose best possible hypervolume is 10 - 1/3 + 1 = 10.667. Optuna's NSGA-II and TPE columns are read from the CSV
 * that {@code bench/optuna_zdt1.py} printed for the same problem, budget and seeds.
 *
 * <p>hpsearch runs go through the strategies sequentially, as the engine drives them with max_active_points 1:
 * suggest one, evaluate, add it to the finished results with f2 as a metric of output.json.
 *
 * <p>Arguments: seeds, budget, and optionally the Optuna CSV path.
 */
public final class MultiObjectiveBenchmark {
    static final int DIMENSIONS = 6;
    static final double[] REFERENCE = {1.1, 10.0};
    static final double BEST_POSSIBLE = 10 - 1.0 / 3 + 1;
    static final String CONFIG = "{\"y_transformation\": \"none\", \"min_initial_points\": 10, "
            + "\"random_seed\": 1, \"bopt_config\": {\"model_estimation_method\": \"MLE\"}, \"objectives\": "
            + "[{\"name\": \"objective\", \"direction\": \"minimize\"}, {\"name\": \"f2\", \"direction\": "
            + "\"minimize\"}]}";

    private MultiObjectiveBenchmark() {
    }

    static SearchSpace space() {
        List<Hyperparameter> hps = new ArrayList<>();
        for (int j = 0; j < DIMENSIONS; j++) {
            hps.add(Hyperparameter.continuous("x" + j, 0, 1, Transformation.LINEAR));
        }
        return new SearchSpace(hps);
    }

    static double[] zdt1(Combination c) {
        double f1 = c.get(0).asDouble();
        double sum = 0;
        for (int j = 1; j < DIMENSIONS; j++) {
            sum += c.get(j).asDouble();
        }
        double g = 1 + 9 * sum / (DIMENSIONS - 1);
        return new double[] {f1, g * (1 - Math.sqrt(f1 / g))};
    }

    /** The hypervolume of every evaluated point after the budget. */
    static double run(SearchSpace space, Strategy strategy, int budget, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<FinishedTrial> finished = new ArrayList<>();
        Set<Combination> seen = new HashSet<>();
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < budget; i++) {
            SearchContext context = new SearchContext(space, List.copyOf(finished), List.of(), Set.copyOf(seen));
            List<Suggestion> s = strategy.suggest(context, 1, rng);
            if (s.isEmpty()) {
                break;
            }
            Combination c = s.get(0).combination();
            double[] f = zdt1(c);
            points.add(f);
            finished.add(new FinishedTrial(i, c, s.get(0).searchType(), -1, new Outcome.Scored(f[0]),
                    Map.of("f2", f[1])));
            seen.add(c);
        }
        return Hypervolume.of(points, REFERENCE, rng).value();
    }

    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int budget = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Map<String, double[]> optuna = args.length > 2 ? readCsv(Path.of(args[2]), seeds) : Map.of();
        SearchConfig config = BenchSupport.searchConfig(CONFIG);
        SearchSpace space = space();
        System.out.println("ZDT1, " + DIMENSIONS + " variables, budget " + budget + ", " + seeds + " seeds; "
                + "hypervolume up to (1.1, 10), best possible " + String.format(Locale.ROOT, "%.4f", BEST_POSSIBLE));
        System.out.println("bopt: " + CONFIG);
        System.out.println("method          |   median |      q25 |      q75 | time (s)");
        Map<String, double[]> all = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        double[] bopt = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            bopt[s] = run(space, new ParEgoStrategy(config, space), budget, s);
        }
        row("hpsearch bopt", bopt, (System.nanoTime() - t0) / 1e9);
        all.put("hpsearch bopt", bopt);
        t0 = System.nanoTime();
        double[] random = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            random[s] = run(space, new RandomStrategy(space), budget, s);
        }
        row("random", random, (System.nanoTime() - t0) / 1e9);
        all.put("random", random);
        for (Map.Entry<String, double[]> e : optuna.entrySet()) {
            row(e.getKey(), e.getValue(), Double.NaN);
            all.put(e.getKey(), e.getValue());
        }
        System.out.println();
        System.out.println("hypervolume per seed:");
        all.forEach((k, v) -> System.out.println("  " + k + ": " + Arrays.toString(
                Arrays.stream(v).map(x -> Math.round(x * 1e4) / 1e4).toArray())));
    }

    private static void row(String method, double[] values, double seconds) {
        double[] r = values.clone();
        Arrays.sort(r);
        System.out.printf(Locale.ROOT, "%-15s | %8.4f | %8.4f | %8.4f | %s%n", method,
                BoptQualityBenchmark.quantile(r, 0.5), BoptQualityBenchmark.quantile(r, 0.25),
                BoptQualityBenchmark.quantile(r, 0.75),
                Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.1f", seconds));
    }

    private static Map<String, double[]> readCsv(Path csv, int seeds) throws IOException {
        Map<String, double[]> out = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",");
            if (f.length != 3) {
                continue;
            }
            out.computeIfAbsent(f[0], k -> new double[seeds])[Integer.parseInt(f[1])] = Double.parseDouble(f[2]);
        }
        return out;
    }
}
