package dev.hpsearch.optimizer.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.strategy.BoptStrategy;
import dev.hpsearch.optimizer.strategy.RandomStrategy;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.strategy.Suggestion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Quality of bopt against random search and Optuna's TPE (issue 3, benchmark 1): simple regret (best value
 * found minus the known minimum) after a fixed budget, over several seeds, for Branin (2-D, 50 evaluations),
 * Hartmann-6 (6-D, 100), Rosenbrock (4-D on [-5, 10]^4, 50) and a mixed space (log-scale continuous, integer,
 * categorical; 50).
 *
 * <p>hpsearch runs go through the strategies as the engine drives them, sequentially: suggest one, evaluate,
 * add it to the finished results. bopt uses the seed's defaults plus the overrides given as JSON (the same for
 * every function). The TPE column is read from the CSV that {@code bench/optuna_tpe.py} printed for the same
 * functions, budgets and seeds. Run: {@code bench/bopt-quality.sh [seeds] [bopt overrides JSON]}.
 *
 * <p>Arguments: seeds, the bopt overrides as a JSON object, and optionally the TPE CSV path.
 */
public final class BoptQualityBenchmark {

    /** The default override: MLE only (MCMC's HMC runs make 20 seeds too slow) and no y transformation. */
    static final String DEFAULT_OVERRIDES = "{\"y_transformation\": \"none\", \"bopt_config\": {\"model_estimation_method\": \"MLE\"}}";

    private BoptQualityBenchmark() {
    }

    record Problem(String name, int budget, SearchSpace space, double minimum, ToDoubleFunction<Combination> f) {
    }

    static List<Problem> problems() {
        List<Problem> out = new ArrayList<>();
        out.add(new Problem("Branin", 50, new SearchSpace(List.of(
                Hyperparameter.continuous("x1", -5, 10, Transformation.LINEAR),
                Hyperparameter.continuous("x2", 0, 15, Transformation.LINEAR))),
                QualityFunctions.BRANIN_MIN, c -> QualityFunctions.branin(c.get(0).asDouble(), c.get(1).asDouble())));
        List<Hyperparameter> h6 = new ArrayList<>();
        for (int j = 0; j < 6; j++) {
            h6.add(Hyperparameter.continuous("x" + j, 0, 1, Transformation.LINEAR));
        }
        out.add(new Problem("Hartmann6", 100, new SearchSpace(h6), QualityFunctions.HARTMANN6_MIN,
                c -> QualityFunctions.hartmann6(values(c))));
        List<Hyperparameter> r4 = new ArrayList<>();
        for (int j = 0; j < 4; j++) {
            r4.add(Hyperparameter.continuous("x" + j, -5, 10, Transformation.LINEAR));
        }
        out.add(new Problem("Rosenbrock4", 50, new SearchSpace(r4), QualityFunctions.ROSENBROCK_MIN,
                c -> QualityFunctions.rosenbrock(values(c))));
        List<JsonNode> units = new ArrayList<>();
        for (int u = 1; u <= 20; u++) {
            units.add(IntNode.valueOf(u));
        }
        List<JsonNode> levels = new ArrayList<>();
        for (String l : QualityFunctions.MIXED_LEVELS) {
            levels.add(TextNode.valueOf(l));
        }
        out.add(new Problem("Mixed", 50, new SearchSpace(List.of(
                Hyperparameter.continuous("lr", 1e-4, 1, Transformation.LOG),
                Hyperparameter.discrete("units", units, Transformation.LINEAR),
                Hyperparameter.categorical("optimizer", levels))),
                QualityFunctions.MIXED_MIN,
                c -> QualityFunctions.mixed(c.get(0).asDouble(), c.get(1).asInt(), c.get(2).asText())));
        return out;
    }

    private static double[] values(Combination c) {
        double[] x = new double[c.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = c.get(i).asDouble();
        }
        return x;
    }

    /** The seed's defaults with the overrides (a JSON object of search_config keys). */
    static SearchConfig boptConfig(String overrides) {
        String json = overrides.strip();
        // random_seed is required by nothing here (strategies get their generator), set for completeness
        json = json.substring(0, json.length() - 1) + (json.equals("{}") ? "" : ", ") + "\"random_seed\": 1}";
        return BenchSupport.searchConfig(json);
    }

    /** Best value found minus the minimum after the budget. */
    static double run(Problem p, Strategy strategy, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        BenchSupport.History history = new BenchSupport.History(p.space());
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < p.budget(); i++) {
            List<Suggestion> s = strategy.suggest(history.context(), 1, rng);
            if (s.isEmpty()) {
                break;
            }
            Combination c = s.get(0).combination();
            double y = p.f().applyAsDouble(c);
            best = Math.min(best, y);
            history.add(c, s.get(0).searchType(), y);
        }
        return best - p.minimum();
    }

    public static void main(String[] args) throws IOException {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        String overrides = args.length > 1 ? args[1] : DEFAULT_OVERRIDES;
        Map<String, double[]> tpe = args.length > 2 ? readTpe(Path.of(args[2]), seeds) : Map.of();
        SearchConfig config = boptConfig(overrides);
        System.out.println("bopt: seed defaults with " + overrides + "; " + seeds + " seeds; simple regret = best found - minimum");
        System.out.println("function    | budget | method        |   median |      q25 |      q75 | time (s)");
        Map<String, String> summary = new LinkedHashMap<>();
        List<Problem> problems = problems();
        for (int fi = 0; fi < problems.size(); fi++) {
            Problem p = problems.get(fi);
            double[] boptR = new double[seeds];
            double[] randomR = new double[seeds];
            long t0 = System.nanoTime();
            for (int s = 0; s < seeds; s++) {
                boptR[s] = run(p, new BoptStrategy(config, p.space()), 1000L * fi + s);
            }
            double boptSeconds = (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (int s = 0; s < seeds; s++) {
                randomR[s] = run(p, new RandomStrategy(p.space()), 1000L * fi + s);
            }
            double randomSeconds = (System.nanoTime() - t0) / 1e9;
            row(p, "hpsearch bopt", boptR, boptSeconds);
            row(p, "random", randomR, randomSeconds);
            double[] t = tpe.get(p.name());
            if (t != null) {
                row(p, "Optuna TPE", t, Double.NaN);
            }
            summary.put(p.name(), Arrays.toString(Arrays.stream(boptR).map(v -> Math.round(v * 1e6) / 1e6).toArray()));
        }
        System.out.println();
        System.out.println("bopt regret per seed:");
        summary.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    private static void row(Problem p, String method, double[] regrets, double seconds) {
        double[] r = regrets.clone();
        Arrays.sort(r);
        System.out.printf(Locale.ROOT, "%-11s | %6d | %-13s | %8.3g | %8.3g | %8.3g | %s%n", p.name(), p.budget(), method,
                quantile(r, 0.5), quantile(r, 0.25), quantile(r, 0.75),
                Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.1f", seconds));
    }

    /** Linear interpolation between order statistics (numpy's default). */
    static double quantile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    static Map<String, double[]> readTpe(Path csv, int seeds) throws IOException {
        Map<String, List<Double>> byFunction = new LinkedHashMap<>();
        for (String line : Files.readAllLines(csv)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            if (Integer.parseInt(f[1]) < seeds) {
                byFunction.computeIfAbsent(f[0], k -> new ArrayList<>()).add(Double.parseDouble(f[2]));
            }
        }
        Map<String, double[]> out = new LinkedHashMap<>();
        byFunction.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
        return out;
    }
}
