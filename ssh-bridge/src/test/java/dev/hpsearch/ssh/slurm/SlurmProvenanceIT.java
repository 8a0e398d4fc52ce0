package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.HpSearchVersion;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchListener;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.ssh.transport.PathMapping;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.TestEnv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A small search on the test cluster records where and how each combination ran. Accounting storage is off there,
 * so the figures come from {@code scontrol show job} (or the jobcomp file), which know no CPU time or MaxRSS.
 */
class SlurmProvenanceIT {

    /** Sleeps 2 s (Slurm then counts an elapsed time of at least 1 s) and writes the score 2x into its folder. */
    static final String SCRIPT = String.join("\n",
            "#!/bin/bash",
            "x=$(sed -n 's/.*\"x\": *\\([0-9-]*\\).*/\\1/p' \"$1\")",
            "sleep 2",
            "echo \"{\\\"objective\\\": $((x * 2))}\" > output.json",
            "");

    @RegisterExtension
    final TestSlurm cluster = new TestSlurm();

    TestEnv env;
    SshSession ssh;
    String remoteRoot;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() throws Exception {
        env = cluster.env;
        ssh = cluster.ssh;
        remoteRoot = cluster.remoteRoot("provenance");
    }

    @Test
    void eachCombinationRecordsNodeStateExitCodeElapsedAndDigestsOfWhatRan() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path script = Files.writeString(project.resolve("score.sh"), SCRIPT);
        Files.writeString(project.resolve("search_config.json"),
                "{\"search_type\": \"grid\", \"max_active_points\": 2, \"random_seed\": 1}");
        Files.writeString(project.resolve("job_config.json"),
                "{\"environment_path\": \"bash\", \"script_path\": \"score.sh\", \"time\": 0.1, \"memory\": 1}");
        Files.writeString(project.resolve("model_config.json"),
                "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"}}");
        Configs c = new ConfigLoader().load(project.resolve("search_config.json"), project.resolve("job_config.json"),
                project.resolve("model_config.json"));
        Path searchDir = SearchFiles.create(c);
        PathMapping paths = new PathMapping(project, remoteRoot);
        SearchSummary summary;
        try (SlurmExecutor ex = cluster.executor(cluster.profile(List.of()), project, remoteRoot,
                Duration.ofMillis(300))) {
            summary = new SearchEngine(c.search(), c.job(), c.model(), searchDir, ex,
                    Strategies.forConfig(c.search(), c.model().space(), "search_config.json"), Clock.systemUTC(),
                    new SearchListener() { }).run();
        }
        assertThat(summary.fault()).as("%s", summary).isFalse();

        String node = ssh.exec("sinfo -h -o %N", Duration.ofSeconds(20)).stdout().strip();
        assertThat(node).isNotEmpty();
        String scriptSha = LocalSha.sha256sum(script);
        List<ResultRow> rows = ResultTable.parse(Files.readString(searchDir.resolve(DataTable.FILE_NAME),
                StandardCharsets.UTF_8)).rows();
        assertThat(rows).hasSize(2);
        for (ResultRow r : rows) {
            Provenance p = r.provenance();
            assertThat(r.status()).as("%s", r).isEqualTo("ok");
            assertThat(p.nodes()).isEqualTo(node);
            assertThat(p.state()).isEqualTo("COMPLETED");
            assertThat(p.exitCode()).isEqualTo("0:0");
            assertThat(p.elapsedSeconds()).isGreaterThan(0.0);
            assertThat(p.usageFrom()).isIn("scontrol", "jobcomp");
            // neither scontrol nor the jobcomp file knows CPU time or MaxRSS: left empty, not made up
            assertThat(p.cpuSeconds()).isNull();
            assertThat(p.maxRssBytes()).isNull();
            assertThat(p.scriptSha256()).isEqualTo(scriptSha);
            // the cluster's copy of input.json (its save_folder names the cluster's folder, unlike the local copy)
            String remoteInput = paths.remote(searchDir.resolve("hp_combination_" + r.id()).resolve("input.json"));
            String clusterSha = ssh.exec(List.of("sha256sum", remoteInput), Duration.ofSeconds(20)).stdout()
                    .split("\\s+")[0];
            assertThat(p.inputSha256()).isEqualTo(clusterSha)
                    .isNotEqualTo(LocalSha.sha256sum(searchDir.resolve("hp_combination_" + r.id()).resolve("input.json")));
            assertThat(p.version()).isEqualTo(HpSearchVersion.current());
        }
        assertThat(Journal.read(searchDir, JournalEvent.Finish.class)).hasSize(2).allSatisfy(e ->
                assertThat(e.provenance().nodes()).isEqualTo(node));
    }

    @Test
    void collectingProvenanceKeepsAPollAtTwoRemoteCommands() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path script = Files.writeString(project.resolve("score.sh"), SCRIPT);
        Path dir = Files.createDirectories(project.resolve("hp_search_0/hp_combination_0"));
        Path input = Files.writeString(dir.resolve("input.json"), "{\"x\": 3}");
        dev.hpsearch.optimizer.config.JobConfig job = dev.hpsearch.optimizer.config.JobConfig.of("bash",
                script.toString(), "testcluster", 0.1, 1, "CPU", 1);
        dev.hpsearch.optimizer.exec.JobSpec spec = new dev.hpsearch.optimizer.exec.JobSpec(0, dir, input,
                dir.resolve("log.txt"), List.of("bash", script.toString(), input.toString()), job);
        try (SlurmExecutor ex = cluster.executor(cluster.profile(List.of()), project, remoteRoot,
                Duration.ofMillis(300))) {
            dev.hpsearch.optimizer.exec.JobRef ref = ex.submit(spec);
            java.time.Instant deadline = java.time.Instant.now().plusSeconds(60);
            dev.hpsearch.optimizer.exec.JobStatus st;
            long most = 0;
            do {
                ex.awaitChange(Duration.ofSeconds(1));
                long before = ssh.commandCount();
                st = ex.poll(List.of(ref)).get(ref);
                most = Math.max(most, ssh.commandCount() - before);
                assertThat(java.time.Instant.now()).as("job still not done: %s", st).isBefore(deadline);
            } while (!st.isTerminal());
            // squeue, then one command for the final state and its provenance (scontrol + sacct -c)
            assertThat(most).as("remote commands in one poll").isLessThanOrEqualTo(2);
            assertThat(st.state()).isEqualTo(dev.hpsearch.optimizer.exec.JobStatus.State.COMPLETED);
            assertThat(st.provenance().nodes()).isNotBlank();
            assertThat(st.provenance().scriptSha256()).isEqualTo(LocalSha.sha256sum(script));
        }
    }

    /** Digests computed by the system's sha256sum, not by the code under test. */
    static final class LocalSha {
        static String sha256sum(Path file) throws Exception {
            return TestEnv.run(List.of("sha256sum", file.toString()), Duration.ofSeconds(20)).split("\\s+")[0];
        }
    }
}
