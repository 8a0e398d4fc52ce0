package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.app.testenv.TestCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Detached mode on a real Slurm reached over a real sshd ({@code .ci/testenv.sh start}): {@code launch} submits the
 * coordinator as a Slurm job, which submits the combinations with the node's own sbatch; {@code status --cluster}
 * follows it from here. The remote user is root on this machine, so the remote folders can also be read directly.
 * Skipped without that environment on a contributor's machine; under {@code CI=true} a missing environment fails.
 */
class DetachedLaunchIT {
    private static final long DEADLINE_MS = 300_000;

    @TempDir
    Path tmp;
    Path project;
    Path clusters;
    Path remoteRoot;
    Path jar;
    TestCluster cluster;
    ClusterProject fixture;

    @BeforeEach
    void environment() throws Exception {
        fixture = ClusterProject.create(tmp, "my project", "detached");
        cluster = fixture.cluster();
        jar = ClusterProject.selfContainedJar();
        project = fixture.folder();
        remoteRoot = Path.of(fixture.remoteRoot());
        clusters = fixture.clustersFile();
        fixture.write("score.sh", ClusterProject.READ_X, ClusterProject.READ_SAVE_FOLDER,
                "echo \"{\\\"objective\\\": $x}\" > \"$out/output.json\"");
        fixture.write("job_config.json", ClusterProject.SH_JOB);
        fixture.write("model_config.json", ClusterProject.discreteX(1, 2, 3, 4));
        fixture.write("search_config.json", "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 4,"
                + " \"max_active_points\": 2, \"search_time\": 0.25, \"search_memory\": 1}");
    }

    @Test
    void launchedCoordinatorRunsAsASlurmJobAndStatusFollowsItToTheEnd() throws Exception {
        Cli launch = Cli.run("launch", "--clusters-file", clusters.toString(), "--jar", jar.toString(),
                "-s", project.resolve("search_config.json").toString(), "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString());

        assertThat(launch.status).as(launch.err + launch.out).isEqualTo(0);
        Matcher submitted = Pattern.compile("Submitted coordinator job (\\d+)").matcher(launch.out);
        assertThat(submitted.find()).as(launch.out).isTrue();
        String jobId = submitted.group(1);
        List<String> local = Files.readAllLines(project.resolve("launched_hp_searches.txt"));
        List<String> header = Arrays.asList(local.get(0).split("\t"));
        String[] record = local.get(1).split("\t", -1);
        Path remoteProject = remoteRoot.resolve("my project");
        Path remoteSearch = remoteProject.resolve("hp_search_0");
        assertThat(record[header.indexOf("job_id")]).isEqualTo(jobId);
        assertThat(record[header.indexOf("project_folder")]).isEqualTo(remoteProject.toString());
        assertThat(record[header.indexOf("search_folder")]).isEqualTo(remoteSearch.toString());
        assertThat(record[header.indexOf("slurm_command")]).startsWith("sbatch --parsable").contains("--mem=1G", "-t 15");
        assertThat(record[header.indexOf("search_command")]).contains("-jar", "run", "--on-cluster", "--search_id 0");

        List<Cli> polls = new ArrayList<>();
        Cli status = pollStatus(project.toString(), polls);

        assertThat(status.out).as(status.err).contains("Coordinator job " + jobId + " on testcluster: COMPLETED",
                "4 combinations: 4 ok, 0 without score, 0 failed", "Ended:");
        Path mirror = project.resolve(".hpsearch/mirror/testcluster/hp_search_0");
        List<String> rows = Files.readAllLines(mirror.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(5);
        assertThat(rows.subList(1, 5)).allSatisfy(r -> assertThat(r).contains("\tok\t"));
        // the coordinator ran as that Slurm job: it recorded its own SLURM_JOB_ID on the cluster, and submitted there
        // (the cluster's files are read over SSH: this machine cannot see them)
        List<String> remoteRecords = cluster.read(remoteProject.resolve("launched_hp_searches.txt").toString()).lines().toList();
        assertThat(remoteRecords).hasSize(2);
        assertThat(remoteRecords.get(1)).startsWith(jobId + "\t" + remoteProject + "\t" + remoteSearch + "\t0\t");
        assertThat(cluster.read(remoteSearch.resolve("search.json").toString())).containsPattern("\"coordinator_on_cluster\"\\s*:\\s*true");
        assertThat(cluster.read(remoteProject.resolve("hp_search_0.coordinator.log").toString()))
                .contains("Running on cluster testcluster (Slurm on this node)", "Search complete");
        assertThat(cluster.read(remoteSearch.resolve("log.txt").toString())).contains("4 combinations submitted as one batch");
        assertThat(cluster.read(remoteSearch.resolve("hp_combination_3/input.json").toString()))
                .contains("\"x\"").contains(remoteSearch.resolve("hp_combination_3").toString());

        // the same summary from the folder on the cluster, with the coordinator found in the records there
        Cli byRemotePath = Cli.run("status", "--cluster", "testcluster", "--clusters-file", clusters.toString(),
                "--mirror", tmp.resolve("mirror").toString(), remoteProject.toString());
        assertThat(byRemotePath.status).as(byRemotePath.err + byRemotePath.out).isEqualTo(0);
        assertThat(byRemotePath.out).contains("Coordinator job " + jobId + " on testcluster: COMPLETED",
                "4 combinations: 4 ok", "Search testcluster:" + remoteSearch);
    }

    @Test
    void aSecondLaunchReusesTheUploadedJarAndTakesTheNextSearchId() throws Exception {
        String[] args = {"launch", "--clusters-file", clusters.toString(), "--jar", jar.toString(),
                "-s", project.resolve("search_config.json").toString(), "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString()};
        Cli first = Cli.run(args);
        String jars = remoteRoot.resolve(".hpsearch").toString();
        String jarTime = onlyJar(jars);
        Cli second = Cli.run(args);

        assertThat(first.status).as(first.err).isEqualTo(0);
        assertThat(second.status).as(second.err).isEqualTo(0);
        assertThat(second.out).contains("hp_search_1");
        assertThat(onlyJar(jars)).isEqualTo(jarTime);
        Cli status = pollStatus(project.toString(), new ArrayList<>());
        assertThat(status.out).contains("hp_search_1", "4 combinations: 4 ok");
    }

    /** The name and modification time (ns) of the one jar in a folder on the cluster. */
    private String onlyJar(String dir) throws Exception {
        List<String> found = cluster.exec(List.of("find", dir, "-maxdepth", "1", "-name", "hpsearch-*.jar",
                "-printf", "%f %T@\\n")).lines().toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    /** Asks status until the coordinator left the queue, within the deadline; returns the last answer. */
    private Cli pollStatus(String where, List<Cli> polls) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        Cli status;
        do {
            status = Cli.run("status", "--cluster", "testcluster", "--clusters-file", clusters.toString(), where);
            polls.add(status);
            if (status.out.contains("no longer in the queue") || status.out.contains("no longer known")) {
                return status;
            }
            Thread.sleep(1000);
        } while (System.currentTimeMillis() < deadline);
        throw new AssertionError("the coordinator did not finish within " + DEADLINE_MS / 1000 + " s; last status:\n"
                + status.out + status.err);
    }
}
