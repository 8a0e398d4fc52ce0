package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.ClusterProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A grid with a conditional hyperparameter on the test cluster (issue 13 part 2): the input.json the script reads
 * on the cluster leaves the key out where it does not exist. Skipped without the environment, like the others.
 */
class ConditionalClusterIT {
    @TempDir
    Path tmp;

    @Test
    void gridOnTheClusterLeavesTheInactiveKeyOutOfInputJson() throws Exception {
        ClusterProject fixture = ClusterProject.create(tmp, "conditional", "cli");
        // exit 3 when momentum reaches adam, 4 when sgd lacks it; otherwise score x
        fixture.write("score.sh", ClusterProject.READ_X,
                "if grep -q '\"adam\"' \"$1\" && grep -q '\"momentum\"' \"$1\"; then echo 'adam got momentum' >&2; exit 3; fi",
                "if grep -q '\"sgd\"' \"$1\" && ! grep -q '\"momentum\"' \"$1\"; then echo 'sgd lacks momentum' >&2; exit 4; fi",
                ClusterProject.SCORE_X);
        fixture.write("job_config.json", ClusterProject.SH_JOB);
        fixture.write("model_config.json", "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\":"
                + " \"linear\"}, \"optimizer\": {\"type\": \"categorical\", \"domain\": [\"adam\", \"sgd\"]},"
                + " \"momentum\": {\"type\": \"continuous\", \"domain\": [0.1, 0.9], \"transformation\": \"linear\","
                + " \"condition\": {\"optimizer\": [\"sgd\"]}}}");
        fixture.write("search_config.json", "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2,"
                + " \"max_active_points\": 4}");

        Cli c = Cli.run(fixture.commandLine("run", "-q"));

        assertThat(c.status).as(c.err + c.out).isZero();
        List<String> rows = Files.readAllLines(fixture.folder().resolve("hp_search_0").resolve("hp_search_data.txt"));
        // x 2 x (adam: 1, sgd: 2 momentum values) = 6, not 8
        assertThat(rows).hasSize(1 + 6);
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            assertThat(f[header.indexOf("status")]).as(row).isEqualTo("ok");
            assertThat(f[header.indexOf("momentum")].isEmpty()).as(row)
                    .isEqualTo(f[header.indexOf("optimizer")].equals("adam"));
        }
    }
}
