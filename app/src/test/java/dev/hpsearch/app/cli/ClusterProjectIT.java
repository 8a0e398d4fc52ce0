package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Laptop-to-cluster searches of the kind a user writes, on the test cluster that cannot see this machine's files
 * ({@code .ci/testenv.sh}): the shipped templates write {@code {save_folder}/output.json}, data travels by
 * job_config {@code upload}, and {@code validate --cluster} looks for what lives only on the cluster.
 */
class ClusterProjectIT {
    private static final Path RESOURCES = Path.of("..", "resources").toAbsolutePath().normalize();

    @org.junit.jupiter.api.io.TempDir
    Path tmp;
    Path project;
    Path clusters;
    String remoteRoot;
    TestCluster cluster;

    @BeforeEach
    void environment() throws Exception {
        cluster = TestCluster.require();
        project = Files.createDirectories(tmp.resolve("my project"));
        clusters = tmp.resolve("clusters.json");
        remoteRoot = cluster.remoteRoot() + "/project-" + System.nanoTime();
        cluster.writeClustersFile(clusters, remoteRoot);
    }

    private Cli hpsearch(String command, String... extra) {
        String[] base = {command, "--clusters-file", clusters.toString(),
                "-s", project.resolve("search.json").toString(), "-j", project.resolve("job.json").toString(),
                "-m", project.resolve("model_config_template.json").toString()};
        String[] all = Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return Cli.run(all);
    }

    @ParameterizedTest
    @ValueSource(strings = {"python3 my_analysis_template.py", "Rscript my_analysis_template.R",
            "perl my_analysis_template.pl", "bash my_analysis_template.sh"})
    void shippedTemplateIsScoredOnTheCluster(String interpreterAndScript) throws Exception {
        copy(RESOURCES.resolve("templates"), project);
        String[] parts = interpreterAndScript.split(" ");
        Files.writeString(project.resolve("job.json"), "{\"environment_path\": \"" + parts[0] + "\", \"script_path\": \""
                + parts[1] + "\", \"time\": 0.1, \"memory\": 1, \"cluster\": \"testcluster\"}");
        Files.writeString(project.resolve("search.json"), "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2,"
                + " \"max_active_points\": 4}");

        Cli c = hpsearch("run", "-q");

        assertThat(c.status).as(c.err + c.out).isEqualTo(0);
        Path search = project.resolve("hp_search_0");
        List<String> rows = Files.readAllLines(search.resolve("hp_search_data.txt"));
        assertThat(rows).hasSize(1 + 2 * 2 * 2);
        assertThat(rows.subList(1, rows.size())).allSatisfy(r -> assertThat(r).contains("\tok\t"));
        // on this machine, input.json keeps this machine's folder
        assertThat(search.resolve("hp_combination_0/input.json")).content()
                .contains(search.resolve("hp_combination_0").toString()).doesNotContain(remoteRoot);
        assertThat(search.resolve("hp_combination_0/log.txt")).content().contains("objective =");
    }

    @Test
    void uploadedDataIsReadOnTheClusterAndValidateWarnsOfALocalOnlyFile() throws Exception {
        Files.createDirectories(project.resolve("data"));
        Files.writeString(project.resolve("data/offset.txt"), "5\n");
        Files.writeString(project.resolve("score.py"), String.join("\n",
                "import json, sys",
                "cfg = json.load(open(sys.argv[1]))",
                "offset = float(open(cfg['data_file']).read())",
                "json.dump({'objective': cfg['x'] + offset}, open(cfg['save_folder'] + '/output.json', 'w'))", ""));
        String remoteProject = remoteRoot + "/my project";
        Files.writeString(project.resolve("model_config_template.json"), "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2],"
                + " \"transformation\": \"linear\"}, \"data_file\": \"" + remoteProject + "/data/offset.txt\","
                + " \"local_only\": \"" + project.resolve("data/offset.txt") + "\"}");
        Files.writeString(project.resolve("job.json"), "{\"environment_path\": \"python3\", \"script_path\": \"score.py\","
                + " \"time\": 0.1, \"memory\": 1, \"cluster\": \"testcluster\", \"upload\": [\"data\"]}");
        Files.writeString(project.resolve("search.json"), "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2}");

        Cli check = hpsearch("validate");
        assertThat(check.status).as(check.err + check.out).isEqualTo(0);
        assertThat(check.err).contains("$.local_only").contains("not on cluster testcluster")
                .contains("\"upload\"").doesNotContain("$.data_file");

        Cli c = hpsearch("run", "-q");

        assertThat(c.status).as(c.err + c.out).isEqualTo(0);
        List<String> rows = Files.readAllLines(project.resolve("hp_search_0/hp_search_data.txt"));
        assertThat(rows.subList(1, rows.size())).hasSize(2).allSatisfy(r -> assertThat(r).contains("\tok\t"));
        assertThat(String.join("\n", rows)).contains("\t6.0\t").contains("\t7.0\t");
        assertThat(project.resolve("hp_search_0/log.txt")).content().contains("1 file(s) sent");
    }

    @Test
    void validateLooksForAClusterOnlyScriptThereAndRefusesAFolderAsInterpreter() throws Exception {
        Files.writeString(project.resolve("model_config_template.json"),
                "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"}}");
        Files.writeString(project.resolve("search.json"), "{\"search_type\": \"grid\"}");
        Files.writeString(project.resolve("job.json"), "{\"environment_path\": \"sh\", \"script_path\": \"/opt/nowhere/score.sh\","
                + " \"cluster\": \"testcluster\"}");
        Cli missing = hpsearch("validate");
        assertThat(missing.status).isEqualTo(2);
        assertThat(missing.err).contains("$.script_path").contains("nor on cluster testcluster").contains("/opt/nowhere/score.sh");
        // run refuses it too, before anything is made
        Cli refused = hpsearch("run", "-q");
        assertThat(refused.status).as(refused.err).isEqualTo(2);
        assertThat(refused.err).contains("$.script_path").contains("nor on cluster testcluster");
        assertThat(project.resolve("hp_search_0")).doesNotExist();
        assertThat(project.resolve("launched_hp_searches.txt")).doesNotExist();

        // a script that only the cluster has: made there over SSH, absent here
        String remoteScript = remoteRoot + "/scripts it's/score.sh";
        try (dev.hpsearch.ssh.transport.SshSession s = dev.hpsearch.ssh.transport.SshSession.open(new dev.hpsearch.ssh.transport.SshTarget(
                cluster.property("HPSEARCH_TEST_SSH_HOST"), Integer.parseInt(cluster.property("HPSEARCH_TEST_SSH_PORT")),
                cluster.property("HPSEARCH_TEST_SSH_USER"), List.of(Path.of(cluster.property("HPSEARCH_TEST_SSH_KEY"))),
                Path.of(cluster.property("HPSEARCH_TEST_SSH_KNOWN_HOSTS")), null, false, null),
                dev.hpsearch.ssh.transport.SshSettings.defaults(), dev.hpsearch.ssh.transport.SshPrompts.nonInteractive())) {
            s.mkdirs(remoteScript.substring(0, remoteScript.lastIndexOf('/')));
            s.upload("echo 1 > output.json\n".getBytes(java.nio.charset.StandardCharsets.UTF_8), remoteScript);
        }
        assertThat(Path.of(remoteScript)).doesNotExist();
        Files.writeString(project.resolve("job.json"), "{\"environment_path\": \"sh\", \"script_path\": \"" + remoteScript + "\","
                + " \"cluster\": \"testcluster\"}");
        Cli found = hpsearch("validate");
        assertThat(found.status).as(found.err).isEqualTo(0);
        assertThat(found.out).contains("on cluster testcluster");

        Files.writeString(project.resolve("job.json"), "{\"environment_path\": \"/usr\", \"script_path\": \"" + remoteScript + "\","
                + " \"cluster\": \"testcluster\"}");
        Cli folder = hpsearch("validate");
        assertThat(folder.status).isEqualTo(2);
        assertThat(folder.err).contains("$.environment_path").contains("/usr is a folder");
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
