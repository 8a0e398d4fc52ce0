package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.exec.LocalProcessExecutor;
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
