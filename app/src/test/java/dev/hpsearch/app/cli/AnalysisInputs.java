package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/** What the analysis commands read: a real search run on this machine, and a table of the original tool. */
final class AnalysisInputs {
    private AnalysisInputs() {
    }

    /**
     * Writes the script {@code f.py} (run by python3), its job config and a random search's config into {@code dir},
     * runs the search to its end and returns its folder.
     *
     * @param suggestions max_suggestions (two run at a time)
     * @param seed        random_seed
     * @param modelConfig the text of model_config.json
     * @param script      the lines of {@code f.py}
     */
    static Path randomSearch(Path dir, int suggestions, int seed, String modelConfig, String... script) throws Exception {
        Files.writeString(dir.resolve("f.py"), String.join("\n", script) + "\n");
        Files.writeString(dir.resolve("search_config.json"), "{\"search_type\": \"random\", \"max_suggestions\": "
                + suggestions + ", \"max_active_points\": 2, \"random_seed\": " + seed + "}");
        Files.writeString(dir.resolve("job_config.json"), "{\"environment_path\": \"python3\", \"script_path\": \"f.py\","
                + " \"time\": 1}");
        Files.writeString(dir.resolve("model_config.json"), modelConfig);
        Cli run = Cli.run("run", "--search_config_path", dir.resolve("search_config.json").toString(),
                "--job_config_path", dir.resolve("job_config.json").toString(),
                "--model_config_path", dir.resolve("model_config.json").toString());
        assertThat(run.status).as(run.err).isZero();
        return dir.resolve("hp_search_0");
    }

    /**
     * Writes {@code hp_search_data.txt} of the original tool into {@code dir} and returns it: {@code rows} random
     * combinations of a log-scale lr and 1 to 3 layers whose loss hangs on lr (least at lr = 10^-2.5).
     */
    static Path originalToolsTable(Path dir, int rows) throws Exception {
        StringBuilder table = new StringBuilder(
                "combination_id\tjob_id\tsearch_type\tprevious_results_count\tis_queued\tjob_time\tloss\tlr\tlayers\n");
        SplittableRandom rng = new SplittableRandom(4);
        for (int i = 0; i < rows; i++) {
            double lr = Math.pow(10, -4 + 3 * rng.nextDouble());
            int layers = 1 + rng.nextInt(3);
            double loss = Math.pow(Math.log10(lr) + 2.5, 2) + 0.01 * layers;
            table.append(i).append("\t").append(100 + i).append("\trandom\t0\tFalse\t0.5\t").append(loss).append('\t')
                    .append(lr).append('\t').append(layers).append('\n');
        }
        Path file = dir.resolve("hp_search_data.txt");
        Files.writeString(file, table);
        return file;
    }
}
