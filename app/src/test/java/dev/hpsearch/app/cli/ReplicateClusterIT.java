package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicates on a real Slurm over a real sshd ({@code .ci/testenv.sh start}): at the end of a search and on demand
 * with {@code hpsearch replicate}, which reconnects to the cluster the search ran on. The script runs on the
 * cluster and reads its own copy of input.json, so its score proves the replicate's seed reached the cluster.
 */
class ReplicateClusterIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    Path project;
    ClusterProject fixture;

    @BeforeEach
    void environment() throws Exception {
        fixture = ClusterProject.create(tmp, "replicates", "rep");
        project = fixture.folder();
        fixture.write("score.sh", ClusterProject.READ_X,
                "seed=$(sed -n 's/.*\"seed\" *: *\\([0-9]*\\).*/\\1/p' \"$1\")",
                "echo \"{\\\"objective\\\": $((x * 1000 + seed))}\" > output.json");
        fixture.write("job_config.json", ClusterProject.SH_JOB);
        fixture.write("model_config.json", "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2, 3, 4],"
                + " \"transformation\": \"linear\"}, \"seed\": 100}");
        fixture.write("search_config.json", "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4,"
                + " \"max_active_points\": 2, \"replicate_key\": \"seed\", \"replicates\": 2, \"replicate_top_k\": 1}");
    }

    private static List<String> rows(Path search) throws Exception {
        List<String> out = new ArrayList<>();
        for (ResultRow r : ResultTable.parse(Files.readString(search.resolve("hp_search_data.txt"))).rows()) {
            out.add(r.id() + " " + r.status() + " " + (r.loss() == null ? "-" : Integer.toString(r.loss().intValue()))
                    + (r.isReplicate() ? " of " + r.replicateOf() : ""));
        }
        return out;
    }

    @Test
    void theBestRunsAgainOnTheClusterAtTheEndAndOnDemand() throws Exception {
        Cli c = Cli.run(fixture.commandLine("run", "-q"));

        assertThat(c.status).as(c.err + c.out).isZero();
        assertThat(c.out).contains("Running on cluster testcluster");
        Path search = project.resolve("hp_search_0");
        assertThat(rows(search)).containsExactly("0 ok 1100", "1 ok 2100", "2 ok 3100", "3 ok 4100",
                "4 ok 1101 of 0", "5 ok 1102 of 0");

        Cli r = Cli.run("replicate", search.toString(), "--top", "2", "--n", "1", "--format", "json", "-q",
                "--clusters-file", fixture.clustersFile().toString());

        assertThat(r.status).as(r.err + r.out).isZero();
        assertThat(r.err).contains("Running on cluster testcluster");
        JsonNode replicates = JSON.readTree(r.out).get("replicates");
        assertThat(replicates).hasSize(2);
        assertThat(replicates.get(0).get("replicate_value").asInt()).isEqualTo(103);
        assertThat(rows(search)).containsExactly("0 ok 1100", "1 ok 2100", "2 ok 3100", "3 ok 4100",
                "4 ok 1101 of 0", "5 ok 1102 of 0", "6 ok 1103 of 0", "7 ok 2101 of 1");
        String log = Files.readString(search.resolve("log.txt"));
        assertThat(log).contains("replicates: 2 planned").contains("resuming: 6 combinations known");
    }
}
