package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.ClusterProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole searches through the command line on a real Slurm reached over a real sshd ({@code .ci/testenv.sh start}).
 * Skipped without that environment on a contributor's machine; under {@code CI=true} a missing environment fails.
 */
class ClusterSearchIT {

    @TempDir
    Path tmp;
    Path project;
    Path clusters;
    ClusterProject fixture;

    @BeforeEach
    void environment() throws Exception {
        fixture = ClusterProject.create(tmp, "my project", "cli");
        project = fixture.folder();
        clusters = fixture.clustersFile();
        fixture.write("score.sh", ClusterProject.READ_X,
                "case \"$x\" in 3*) echo 'bad x' >&2; exit 3 ;; esac",
                ClusterProject.SCORE_X);
        fixture.write("job_config.json", ClusterProject.SH_JOB);
        fixture.write("model_config.json", ClusterProject.discreteX(1, 2, 3, 4, 5, 6));
    }

    private Cli run(String searchConfig) throws Exception {
        fixture.write("search_config.json", searchConfig);
        return Cli.run(fixture.commandLine("run", "-q"));
    }

    @Test
    void gridRunsAsOneThrottledJobArrayAndAFailureIsRecorded() throws Exception {
        Cli c = run("{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 6, \"max_active_points\": 2}");

        assertThat(c.status).as(c.err + c.out).isEqualTo(0);
        assertThat(c.out).contains("Running on cluster testcluster");
        Path search = project.resolve("hp_search_0");
        List<String> rows = Files.readAllLines(search.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(7);
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            String x = f[header.indexOf("x")];
            if (x.equals("3")) {
                assertThat(f[header.indexOf("status")]).isEqualTo("failed");
                assertThat(f[header.indexOf("failure_reason")]).contains("exit code 3");
            } else {
                assertThat(f[header.indexOf("status")]).as(row).isEqualTo("ok");
                assertThat(Double.parseDouble(f[header.indexOf("loss")])).isEqualTo(Double.parseDouble(x));
            }
        }
        assertThat(Files.readString(search.resolve("log.txt"))).contains("6 combinations submitted as one batch, at most 2 running at once");
        assertThat(Files.readString(search.resolve("hp_combination_2/log.txt"))).contains("bad x");
    }

    @Test
    void killedCoordinatorResumesAndReattachesToTheSlurmJobsWithoutResubmitting() throws Exception {
        Files.writeString(project.resolve("slow.sh"), "echo started; sleep 2; echo 1 > output.json\n");
        Files.writeString(project.resolve("job_config.json"),
                "{\"environment_path\": \"sh\", \"script_path\": \"slow.sh\", \"time\": 0.1, \"memory\": 1, \"cluster\": \"testcluster\"}");
        Files.writeString(project.resolve("search_config.json"),
                "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 6, \"max_active_points\": 2}");
        Path search = project.resolve("hp_search_0");
        Process coordinator = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "run", "-q",
                "--clusters-file", clusters.toString(),
                "-s", project.resolve("search_config.json").toString(), "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("coordinator.txt").toFile()).start();
        long deadline = System.currentTimeMillis() + 120_000;
        while (count(search, "\"finish\"") < 1 && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        coordinator.destroyForcibly();
        coordinator.waitFor();
        assertThat(count(search, "\"submit\"")).as(Files.readString(tmp.resolve("coordinator.txt"))).isEqualTo(6);

        Cli resumed = Cli.run("resume", "-q", "--clusters-file", clusters.toString(), search.toString());

        assertThat(resumed.status).as(resumed.err + resumed.out).isEqualTo(0);
        assertThat(count(search, "\"submit\"")).isEqualTo(6);
        List<String> rows = Files.readAllLines(search.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(7);
        assertThat(rows.subList(1, 7)).allSatisfy(r -> assertThat(r).contains("\tok\t"));
        for (int id = 0; id < 6; id++) {
            assertThat(Files.readString(search.resolve("hp_combination_" + id + "/log.txt"))).containsOnlyOnce("started");
        }
    }

    private static long count(Path search, String event) throws Exception {
        Path journal = search.resolve("journal.jsonl");
        if (!Files.exists(journal)) {
            return 0;
        }
        return Files.readAllLines(journal).stream().filter(l -> l.contains("\"event\":" + event)).count();
    }

    @Test
    void boptSubmitsOneJobPerSuggestion() throws Exception {
        Cli c = run("{\"search_type\": \"bopt\", \"max_suggestions\": 5, \"max_active_points\": 2, \"min_initial_points\": 2,"
                + " \"random_seed\": 4, \"y_transformation\": \"none\", \"bopt_config\": {\"model_estimation_method\": \"MLE\"}}");

        assertThat(c.status).as(c.err + c.out).isEqualTo(0);
        Path search = project.resolve("hp_search_0");
        List<String> rows = Files.readAllLines(search.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(6);
        Set<String> jobIds = new HashSet<>();
        Set<String> xs = new HashSet<>();
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            jobIds.add(f[header.indexOf("job_id")]);
            xs.add(f[header.indexOf("x")]);
        }
        assertThat(jobIds).hasSize(5);
        assertThat(xs).hasSize(5);
        assertThat(Files.readString(search.resolve("log.txt"))).doesNotContain("as one batch");
    }
}
