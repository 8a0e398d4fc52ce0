package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
import dev.hpsearch.optimizer.strategy.GridStrategy;
import dev.hpsearch.optimizer.strategy.Strategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A throw-away project folder with a real script and the three configs, for integration tests. */
final class Project {
    final Path dir;
    String searchConfig = "{\"search_type\": \"grid\", \"max_active_points\": 2, \"random_seed\": 3}";
    String jobConfig;
    String modelConfig = "{\"x\": {\"type\": \"continuous\", \"domain\": [-1, 1], \"transformation\": \"linear\"},"
            + " \"k\": {\"type\": \"discrete\", \"domain\": [1, 2, 3], \"transformation\": \"linear\"}, \"c\": 10}";

    Project(Path dir) {
        this.dir = dir;
    }

    /**
     * Three combinations (x = 1, 2, 3) of a shell script that appends its input to {@code runs.txt} in {@code dir},
     * so that a test counts the runs that really started; run them with {@link #gridOfThree}.
     */
    static Project countingRuns(Path dir) throws IOException {
        Project p = new Project(dir).script("sh", "count.sh", "echo \"$1\" >> ../../runs.txt; echo 2 > output.json\n", 1);
        p.modelConfig = "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2, 3], \"transformation\": \"linear\"}}";
        return p;
    }

    /** An engine that runs (or resumes) the grid of {@link #countingRuns} in {@code searchDir} through {@code ex}. */
    static SearchEngine gridOfThree(Configs c, Path searchDir, Executor ex) {
        return new SearchEngine(c.search(), c.job(), c.model(), searchDir, ex, new GridStrategy(c.model().space(), 3),
                Clock.systemUTC(), new SearchListener() { });
    }

    /** Writes a script and a job config that runs it with the given interpreter. */
    Project script(String interpreter, String name, String body, double timeHours) throws IOException {
        Files.writeString(dir.resolve(name), body);
        jobConfig = "{\"environment_path\": \"" + interpreter + "\", \"script_path\": \"" + name + "\", \"time\": "
                + timeHours + "}";
        return this;
    }

    Configs configs() throws Exception {
        Files.writeString(dir.resolve("search_config.json"), searchConfig);
        Files.writeString(dir.resolve("job_config.json"), jobConfig);
        Files.writeString(dir.resolve("model_config.json"), modelConfig);
        return new ConfigLoader().load(dir.resolve("search_config.json"), dir.resolve("job_config.json"),
                dir.resolve("model_config.json"));
    }

    /** Runs a whole search in this thread; returns its summary. */
    SearchSummary run() throws Exception {
        return run(SearchFiles.create(configs()));
    }

    /** Runs (or resumes) the search in {@code searchDir} in this thread, with the configs as they are now. */
    SearchSummary run(Path searchDir) throws Exception {
        Configs c = configs();
        try (LocalProcessExecutor executor = new LocalProcessExecutor(Clock.systemUTC(), Duration.ofMillis(500))) {
            return new SearchEngine(c.search(), c.job(), c.model(), searchDir, executor,
                    Strategies.forConfig(c.search(), c.model().space(), "search_config.json"), Clock.systemUTC(),
                    new SearchListener() { }).run();
        }
    }

    static List<String> table(SearchSummary s) throws IOException {
        return Files.readAllLines(s.searchDir().resolve(DataTable.FILE_NAME));
    }
}
