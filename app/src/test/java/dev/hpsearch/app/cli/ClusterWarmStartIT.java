package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.ClusterProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * warm_start_from and initial_points on the test cluster (decision 0024): the earlier search's folder lives on this
 * machine, which the cluster cannot see, so its rows must be read here; only the new combinations run as Slurm jobs.
 */
class ClusterWarmStartIT {
    @TempDir
    Path tmp;

    @Test
    void aClusterSearchStartsFromAnEarlierSearchOnThisMachineAndRunsOnlyWhatIsNew() throws Exception {
        ClusterProject fixture = ClusterProject.create(tmp, "warm project", "warmstart");
        Path project = fixture.folder();
        fixture.write("score.sh", ClusterProject.READ_X, ClusterProject.SCORE_X);
        fixture.write("job_config.json", ClusterProject.SH_JOB);
        fixture.write("model_config.json", ClusterProject.discreteX(1, 2, 3, 4, 5, 6));
        fixture.write("search_config.json", "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 3,"
                + " \"max_active_points\": 3}");
        Cli first = Cli.run(fixture.commandLine("run", "-q"));
        assertThat(first.status).as(first.err + first.out).isEqualTo(0);
        List<String> earlier = column(project.resolve("hp_search_0"), "x");
        assertThat(earlier).containsExactly("1", "4", "6");

        fixture.write("search_config.json", "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 6,"
                + " \"max_active_points\": 3, \"warm_start_from\": [\"hp_search_0\"], \"initial_points\": [{\"x\": 2}]}");
        Cli second = Cli.run(fixture.commandLine("run", "-q"));

        assertThat(second.status).as(second.err + second.out).isEqualTo(0);
        Path search = project.resolve("hp_search_1");
        assertThat(column(search, "status")).containsExactly("imported", "imported", "imported", "ok", "ok", "ok");
        assertThat(column(search, "x")).containsExactly("1", "4", "6", "2", "3", "5");
        assertThat(column(search, "search_type")).containsExactly("imported", "imported", "imported", "initial", "grid",
                "grid");
        assertThat(column(search, "loss")).containsExactly("1.0", "4.0", "6.0", "2.0", "3.0", "5.0");
        // the imported rows have no Slurm job and no folder: only the three new combinations ran
        assertThat(column(search, "job_id").subList(0, 3)).containsOnly("");
        assertThat(column(search, "job_id").subList(3, 6)).doesNotContain("");
        try (Stream<Path> s = Files.list(search)) {
            assertThat(s.filter(p -> p.getFileName().toString().startsWith("hp_combination_"))).hasSize(3);
        }
        assertThat(Files.readString(search.resolve("log.txt")))
                .contains("warm start: 3 row(s) taken in from 1 earlier search(es), 0 left out");
        Cli status = Cli.run("status", search.toString());
        assertThat(status.out).as(status.err).contains("6 combinations: 3 ok, 0 without score, 0 failed, 0 cancelled,"
                + " 0 running, 0 queued, 3 imported from earlier searches");

        // a detached coordinator would run on the cluster, which cannot read hp_search_0: refused before anything
        Cli detached = Cli.run(fixture.commandLine("launch"));
        assertThat(detached.status).as(detached.out + detached.err).isEqualTo(2);
        assertThat(detached.err).contains("$.warm_start_from: a detached coordinator runs on the cluster, which cannot"
                + " read the earlier searches on this machine");
        assertThat(project.resolve("hp_search_2")).doesNotExist();
    }

    private static List<String> column(Path search, String name) throws Exception {
        List<String> rows = Files.readAllLines(search.resolve("hp_search_data.txt"));
        int c = Arrays.asList(rows.get(0).split("\t")).indexOf(name);
        return rows.subList(1, rows.size()).stream().map(r -> r.split("\t", -1)[c]).toList();
    }
}
