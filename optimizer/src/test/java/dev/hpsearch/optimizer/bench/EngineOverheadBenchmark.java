package dev.hpsearch.optimizer.bench;

import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchListener;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
import dev.hpsearch.optimizer.strategy.Strategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Engine overhead (issue 2): a 500-combination grid whose script only writes output.json, at
 * max_active_points 2, against the same 500 script runs launched by {@code xargs -P 2} in the same run.
 * Prints the wall times and their ratio; the target is hpsearch at most 1.10 x xargs.
 *
 * <p>Two xargs baselines: "lean" runs {@code sh w.sh DIR/input.json} with no working directory change and no
 * log file (less work than hpsearch does); "equivalent" starts one shell per run, as hpsearch does, that changes
 * into the combination folder, sends stdout and stderr to its log.txt and runs the script in that same shell
 * ({@code sh -c 'cd DIR && . w.sh DIR/input.json >> log.txt 2>&1'}): one process per run, the same work.
 *
 * <p>Arguments: rounds (default 3) and the folder to work in (default java.io.tmpdir). The file system matters:
 * hpsearch creates a folder and an input.json per combination, which xargs is handed ready-made. Run: {@code bench/engine-overhead.sh [rounds]}.
 */
public final class EngineOverheadBenchmark {
    private static final int COMBINATIONS = 500;

    private EngineOverheadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // as the hpsearch CLI does (see dev.hpsearch.app.cli.Main#preferFastProcessLaunch)
        if (System.getProperty("jdk.lang.Process.launchMechanism") == null) {
            System.setProperty("jdk.lang.Process.launchMechanism", "VFORK");
        }
        System.out.println("process launch mechanism: " + System.getProperty("jdk.lang.Process.launchMechanism"));
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path base = args.length > 1 ? Path.of(args[1]) : Path.of(System.getProperty("java.io.tmpdir"));
        Path root = Files.createTempDirectory(base, "hpsearch-bench");
        System.out.println("working folder: " + root + " (file system: " + Files.getFileStore(root).type() + ")");
        Path script = root.resolve("w.sh");
        Files.writeString(script, "echo 0.5 > \"$(dirname \"$1\")/output.json\"\n");
        System.out.printf(Locale.ROOT, "engine overhead: %d combinations, max_active_points 2, script: sh w.sh input.json%n",
                COMBINATIONS);
        int warmUp = Integer.getInteger("warmup", 1000);
        System.out.println("warm-up: searches of " + warmUp + " combinations in all (JIT), not counted");
        for (int done = 0; done < warmUp; done += 250) {
            hpsearch(root, script, 250);
        }
        List<Double> hp = new ArrayList<>();
        List<Double> lean = new ArrayList<>();
        List<Double> equivalent = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            Path searchDir = hpsearchSearch(root, script, COMBINATIONS);
            hp.add(lastSeconds);
            lean.add(xargs(searchDir, script, false));
            equivalent.add(xargs(searchDir, script, true));
            System.out.printf(Locale.ROOT, "round %d: hpsearch %.3f s | xargs lean %.3f s | xargs equivalent %.3f s%n",
                    r + 1, hp.get(r), lean.get(r), equivalent.get(r));
        }
        double h = median(hp);
        double l = median(lean);
        double e = median(equivalent);
        System.out.printf(Locale.ROOT, "median wall time: hpsearch %.3f s, xargs -P 2 lean %.3f s, xargs -P 2 equivalent %.3f s%n", h, l, e);
        System.out.printf(Locale.ROOT, "ratio hpsearch / xargs lean = %.3f ; hpsearch / xargs equivalent = %.3f (target <= 1.10)%n",
                h / l, h / e);
        System.out.printf(Locale.ROOT, "per-combination overhead vs lean xargs: %.2f ms%n", (h - l) * 1000 / COMBINATIONS * 2);
        deleteTree(root);
    }

    private static double lastSeconds;

    private static void hpsearch(Path root, Path script, int n) throws Exception {
        hpsearchSearch(root, script, n);
    }

    /** Runs one search in a new project folder; returns its search folder and sets {@link #lastSeconds}. */
    private static Path hpsearchSearch(Path root, Path script, int n) throws Exception {
        Path project = Files.createTempDirectory(root, "project");
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"grid\", \"max_suggestions\": "
                + n + ", \"max_active_points\": 2, \"num_grid_points_per_hyperparameter\": " + n + "}");
        Files.writeString(project.resolve("job_config.json"), "{\"environment_path\": \"sh\", \"script_path\": \""
                + script + "\", \"time\": 1}");
        Files.writeString(project.resolve("model_config.json"),
                "{\"x\": {\"type\": \"continuous\", \"domain\": [0, 1], \"transformation\": \"linear\"}}");
        Configs c = new ConfigLoader().load(project.resolve("search_config.json"), project.resolve("job_config.json"),
                project.resolve("model_config.json"));
        long t0 = System.nanoTime();
        Path searchDir = SearchFiles.create(c);
        SearchSummary s;
        try (LocalProcessExecutor ex = new LocalProcessExecutor()) {
            s = new SearchEngine(c.search(), c.job(), c.model(), searchDir, ex,
                    Strategies.forConfig(c.search(), c.model().space(), "search_config.json"), Clock.systemUTC(),
                    new SearchListener() { }).run();
        }
        lastSeconds = (System.nanoTime() - t0) / 1e9;
        if (s.progress().done() != n) {
            throw new IllegalStateException("expected " + n + " results, got " + s.progress());
        }
        return searchDir;
    }

    /** The same script runs over the same input.json files, launched by xargs -P 2. */
    private static double xargs(Path searchDir, Path script, boolean equivalent) throws IOException, InterruptedException {
        List<String> inputs = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(searchDir)) {
            dirs.filter(p -> p.getFileName().toString().startsWith("hp_combination_"))
                    .forEach(p -> inputs.add(p.resolve("input.json").toString()));
        }
        Path list = searchDir.resolve("inputs.txt");
        Files.write(list, inputs);
        String inner = equivalent
                ? "xargs -P 2 -I{} sh -c 'cd \"$(dirname \"$1\")\" && . " + script + " \"$1\" >> log.txt 2>&1' _ {}"
                : "xargs -P 2 -n 1 sh " + script;
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", inner + " < " + list)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        int code = pb.start().waitFor();
        double s = (System.nanoTime() - t0) / 1e9;
        if (code != 0) {
            throw new IllegalStateException("xargs failed with " + code);
        }
        return s;
    }

    private static double median(List<Double> xs) {
        double[] a = xs.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(a);
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(p -> p.toFile().delete());
        }
    }
}
