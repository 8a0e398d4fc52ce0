package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo and the templates shipped in resources/ run for real, as the README tells users to run them. */
class ShippedProjectsIT {
    private static final Path RESOURCES = Path.of("..", "resources").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @Test
    void demoRandomSearchRunsAsTheReadmeSays() throws Exception {
        copy(RESOURCES.resolve("demo"), dir);

        Cli c = Cli.run("run", "-q", "--search_config_path", dir.resolve("search_config.json").toString(),
                "--job_config_path", dir.resolve("job_config.json").toString(),
                "--model_config_path", dir.resolve("model_config.json").toString());

        assertThat(c.status).as(c.err).isEqualTo(0);
        List<String> rows = Files.readAllLines(dir.resolve("hp_search_0/hp_search_data.txt"));
        assertThat(rows).hasSize(25);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).contains("\tok\t"));
        assertThat(rows.get(0)).contains("optimizer.learning_rate").contains("val_accuracy");
        assertThat(c.out).contains("Best loss");
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3 my_analysis_template.py", "Rscript my_analysis_template.R",
            "perl my_analysis_template.pl", "bash my_analysis_template.sh"})
    void templateRunsAsAGridSearch(String interpreterAndScript) throws Exception {
        copy(RESOURCES.resolve("templates"), dir);
        String[] parts = interpreterAndScript.split(" ");
        Files.writeString(dir.resolve("job.json"), "{\"environment_path\": \"" + parts[0] + "\", \"script_path\": \""
                + parts[1] + "\", \"time\": 0.1}");
        Files.writeString(dir.resolve("search.json"), "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2,"
                + " \"max_active_points\": 2}");

        Cli c = Cli.run("run", "-q", "-s", dir.resolve("search.json").toString(), "-j", dir.resolve("job.json").toString(),
                "-m", dir.resolve("model_config_template.json").toString());

        assertThat(c.status).as(c.err).isEqualTo(0);
        List<String> rows = Files.readAllLines(dir.resolve("hp_search_0/hp_search_data.txt"));
        assertThat(rows).hasSize(1 + 2 * 2 * 2);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).contains("\tok\t"));
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = from.relativize(p).toString();
                if (rel.startsWith("hp_search_") || rel.startsWith("launched_hp_searches")) {
                    continue;
                }
                Path target = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
