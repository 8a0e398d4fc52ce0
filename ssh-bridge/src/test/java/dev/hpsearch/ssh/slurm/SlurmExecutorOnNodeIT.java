package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.LocalShell;
import dev.hpsearch.ssh.transport.PathMapping;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.TestEnv;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The Slurm executor as the detached coordinator uses it: on a node of the cluster, through {@link LocalShell},
 * submitting with this machine's own sbatch (the test Slurm of {@code .ci/testenv.sh} runs here) and with the
 * project folder mapped onto itself. The test plays the node, so its project lies on the cluster's shared file
 * system ({@code HPSEARCH_TEST_NODE_DIR}), the one folder this side and the cluster's jobs both see; a temporary
 * folder of the test would be invisible to the jobs, as the laptop's disk is to a real cluster.
 */
class SlurmExecutorOnNodeIT {
    Path tmp;

    @AfterEach
    void removeProject() throws IOException {
        if (tmp != null) {
            try (Stream<Path> all = Files.walk(tmp)) {
                for (Path f : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(f);
                }
            }
        }
    }

    @Test
    void arrayAndSingleJobsRunInPlaceWithoutCopies() throws Exception {
        TestEnv env = TestEnv.require();
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(TestEnv.PROPERTIES)) {
            p.load(in);
        }
        String slurmConf = System.getenv().getOrDefault("SLURM_CONF", p.getProperty("SLURM_CONF"));
        tmp = Files.createTempDirectory(Path.of(System.getenv().getOrDefault("HPSEARCH_TEST_NODE_DIR",
                p.getProperty("HPSEARCH_TEST_NODE_DIR"))), "on-node-");
        // the profile's set-up lines are how a cluster puts Slurm within reach; here they name the test config
        ClusterProfile profile = new ClusterProfile("node", "localhost", 0, null, null, null, env.partition, env.partition,
                List.of("export SLURM_CONF=" + ShellQuote.quote(slurmConf)), null);
        Path project = tmp.resolve("project it's $HOME");
        Path script = project.resolve("score.sh");
        Files.createDirectories(project);
        Files.writeString(script, SlurmExecutorIT.SCRIPT);
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path dir = project.resolve("hp_search_0/hp_combination_" + i);
            Files.createDirectories(dir);
            Path input = dir.resolve("input.json");
            Files.writeString(input, "{\"x\": " + i + ", \"sleep\": 0}");
            specs.add(new JobSpec(i, dir, input, dir.resolve("log.txt"), List.of("bash", script.toString(), input.toString()),
                    JobConfig.of("bash", script.toString(), "node", 0.1, 1, "CPU", 1)));
        }
        try (SlurmExecutor ex = new SlurmExecutor(new LocalShell(), profile, new PathMapping(project, project.toString()),
                new SlurmSettings(Duration.ofMillis(300), Duration.ofSeconds(30)))) {
            List<JobRef> refs = new ArrayList<>(ex.submitAll(specs.subList(0, 3), 2));
            refs.add(ex.submit(specs.get(3)));
            assertThat(refs.get(0).id()).matches("\\d+_0");
            assertThat(refs.get(3).id()).matches("\\d+");

            Instant end = Instant.now().plusSeconds(120);
            Map<JobRef, JobStatus> st;
            while (!(st = ex.poll(refs)).values().stream().allMatch(JobStatus::isTerminal)) {
                assertThat(Instant.now()).as("jobs still not done: %s", st).isBefore(end);
                ex.awaitChange(Duration.ofSeconds(1));
            }
            for (int i = 0; i < 4; i++) {
                assertThat(st.get(refs.get(i)).state()).as("%s", st.get(refs.get(i))).isEqualTo(JobStatus.State.COMPLETED);
                assertThat(specs.get(i).workDir().resolve("output.json")).content().contains("\"score\": " + 2 * i);
                assertThat(specs.get(i).logFile()).content().contains("running x=" + i);
                assertThat(specs.get(i).inputJson()).hasContent("{\"x\": " + i + ", \"sleep\": 0}");
            }
        }
        try (Stream<Path> all = Files.walk(project)) {
            assertThat(all.map(Path::toString)).noneMatch(f -> f.endsWith(".part"));
        }
    }
}
