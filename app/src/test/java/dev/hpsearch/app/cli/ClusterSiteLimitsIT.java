package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.app.testenv.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test cluster's limits through the command line (.ci/testenv.sh: MaxArraySize=64; partition short with
 * MaxTime=5 and MaxMemPerNode=2000): a grid larger than one array is scored whole, and a job_config beyond its
 * partition is refused before anything is created.
 */
class ClusterSiteLimitsIT {

    @TempDir
    Path tmp;
    Path project;
    Path clusters;
    ClusterProject fixture;

    @BeforeEach
    void environment() throws Exception {
        fixture = ClusterProject.create(tmp, "limits project", "limits");
        project = fixture.folder();
        clusters = fixture.clustersFile();
        fixture.write("score.sh", ClusterProject.READ_X, ClusterProject.SCORE_X);
        fixture.write("model_config.json",
                "{\"x\": {\"type\": \"continuous\", \"domain\": [1, 101], \"transformation\": \"linear\"}}");
        fixture.write("search_config.json",
                "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 101, \"max_active_points\": 4}");
    }

    private Cli run(String jobConfig) throws Exception {
        fixture.write("job_config.json", jobConfig);
        return Cli.run(fixture.commandLine("run", "-q"));
    }

    @Test
    void aGridOfMoreThanMaxArraySizeRunsAsSeveralArraysAndEveryCombinationIsScored() throws Exception {
        Cli c = run("{\"environment_path\": \"sh\", \"script_path\": \"score.sh\", \"time\": 0.05, \"memory\": 1,"
                + " \"cluster\": \"testcluster\"}");

        assertThat(c.status).as(c.err + c.out).isEqualTo(0);
        Path search = project.resolve("hp_search_0");
        List<String> rows = Files.readAllLines(search.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(102);
        List<String> header = Arrays.asList(rows.get(0).split("\t"));
        Set<Double> scored = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split("\t", -1);
            assertThat(f[header.indexOf("status")]).as(row).isEqualTo("ok");
            scored.add(Double.parseDouble(f[header.indexOf("loss")]));
        }
        assertThat(scored).hasSize(101);
        String log = Files.readString(search.resolve("log.txt"));
        assertThat(log).contains("101 combinations as 2 job arrays (MaxArraySize=64 on ")
                .contains("1 at a time, each at most 4 running");
        Set<String> arrays = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            arrays.add(row.split("\t", -1)[header.indexOf("job_id")].split("_")[0]);
        }
        assertThat(arrays).hasSize(2);
    }

    /**
     * A job held in the queue (sbatch --hold through sbatch_args) is shown in the progress line with Slurm's reason,
     * marked as one that will not clear by itself; released, it runs and the search ends.
     */
    @Test
    void aHeldJobsPendingReasonIsShownInTheProgressLine() throws Exception {
        TestCluster cluster = fixture.cluster();
        Files.writeString(project.resolve("model_config.json"),
                "{\"x\": {\"type\": \"discrete\", \"domain\": [7], \"transformation\": \"linear\"}}");
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"grid\"}");
        Files.writeString(project.resolve("job_config.json"), "{\"environment_path\": \"sh\", \"script_path\":"
                + " \"score.sh\", \"time\": 0.05, \"memory\": 1, \"cluster\": \"testcluster\", \"sbatch_args\": [\"--hold\"]}");
        Path out = tmp.resolve("coordinator.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(fixture.commandLine("run")));
        Process coordinator = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        try {
            Pattern held = Pattern.compile("queued 1 \\(pending: 1 JobHeldUser \\(will not clear by itself: scontrol"
                    + " release (\\d+)\\)\\)");
            long deadline = System.currentTimeMillis() + 60_000;
            String jobId = null;
            while (jobId == null && System.currentTimeMillis() < deadline) {
                Matcher m = held.matcher(Files.readString(out));
                if (m.find()) {
                    jobId = m.group(1);
                } else {
                    Thread.sleep(200);
                }
            }
            assertThat(jobId).as(Files.readString(out)).isNotNull();
            cluster.exec(List.of("scontrol", "release", jobId));
            assertThat(coordinator.waitFor(90, TimeUnit.SECONDS)).as(Files.readString(out)).isTrue();
            assertThat(coordinator.exitValue()).as(Files.readString(out)).isZero();
        } finally {
            coordinator.destroyForcibly();
        }
        assertThat(Files.readString(project.resolve("hp_search_0/hp_search_data.txt"))).contains("\tok\t");
        assertThat(Files.readString(project.resolve("hp_search_0/log.txt")))
                .contains("pending: JobHeldUser (will not clear by itself: scontrol release");
    }

    @Test
    void timeAndMemoryBeyondThePartitionAreRefusedBeforeAnythingIsCreated() throws Exception {
        Cli c = run("{\"environment_path\": \"sh\", \"script_path\": \"score.sh\", \"time\": 0.1, \"memory\": 2,"
                + " \"partition\": \"short\", \"cluster\": \"testcluster\"}");

        assertThat(c.status).as(c.err + c.out).isEqualTo(2);
        assertThat(c.err).contains("job_config.json: $.time").contains("got 0.1 h (6 min); partition short allows at most"
                + " MaxTime=00:05:00 (0.0833 h)");
        assertThat(c.err).contains("job_config.json: $.memory").contains("MaxMemPerNode=2000 MB");
        assertThat(c.err).doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(project.resolve("hp_search_0")).doesNotExist();

        Cli v = Cli.run(fixture.commandLine("validate", "--cluster", "testcluster"));
        assertThat(v.status).as(v.err + v.out).isEqualTo(2);
        assertThat(v.err + v.out).contains("$.time").contains("MaxTime=00:05:00").contains("$.memory");
    }
}
