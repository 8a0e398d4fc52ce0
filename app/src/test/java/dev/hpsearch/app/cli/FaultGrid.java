package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The grid search that the machine-fault tests stop midway and resume: eight combinations (x = 0 to 7), two at a
 * time, of a script {@code work.py} run by python3.
 */
final class FaultGrid {
    /** How many combinations the grid has. */
    static final int SIZE = 8;

    private FaultGrid() {
    }

    /** Writes {@code work.py}, the job config and the grid's search and model configs into {@code project}. */
    static void write(Path project, String script, String jobConfig) throws IOException {
        Files.writeString(project.resolve("work.py"), script);
        Files.writeString(project.resolve("search_config.json"),
                "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 8, \"max_active_points\": 2}");
        Files.writeString(project.resolve("job_config.json"), jobConfig);
        Files.writeString(project.resolve("model_config.json"), "{\"x\": {\"type\": \"discrete\", \"domain\": "
                + "[0, 1, 2, 3, 4, 5, 6, 7], \"transformation\": \"linear\"}}");
    }

    /** {@code hpsearch run -q} with {@code options} on the configs in {@code project}. */
    static Cli run(Path project, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "-q"));
        args.addAll(List.of(options));
        args.addAll(List.of("--search_config_path", project.resolve("search_config.json").toString(),
                "--job_config_path", project.resolve("job_config.json").toString(),
                "--model_config_path", project.resolve("model_config.json").toString()));
        return Cli.run(args.toArray(String[]::new));
    }

    /** The run exited 1 with one line naming what happened and what to fix, no stack trace, and how to resume. */
    static void assertStoppedSaying(Cli stopped, String... words) {
        assertThat(stopped.status).as(stopped.out + stopped.err).isEqualTo(1);
        assertThat(stopped.err).contains("error: the search stopped: ").contains(words)
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(stopped.out).contains("Resume with: hpsearch resume");
    }

    /** The search's table holds every combination of the grid, each with status ok. */
    static void assertEveryCombinationOk(Path searchDir) throws IOException {
        List<String> rows = Files.readAllLines(searchDir.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(1 + SIZE);
        int status = List.of(rows.get(0).split("\t")).indexOf("status");
        for (String row : rows.subList(1, rows.size())) {
            assertThat(row.split("\t", -1)[status]).as(row).isEqualTo("ok");
        }
    }
}
