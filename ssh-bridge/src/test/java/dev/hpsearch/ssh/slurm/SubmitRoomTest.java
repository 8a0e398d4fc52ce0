package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.LocalShell;
import dev.hpsearch.ssh.transport.PathMapping;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor under a per-user MaxSubmitJobs, which needs accounting and so cannot be set on the test cluster: fake
 * {@code scontrol}, {@code sacctmgr}, {@code squeue} and {@code sbatch} (put on PATH by the profile's setup lines)
 * stand for a cluster with accounting, MaxSubmitJobs=5 and three of the user's jobs queued. The executor reads the
 * limit, counts the queue and submits only what fits.
 */
class SubmitRoomTest {

    @TempDir
    Path tmp;

    private static void fake(Path bin, String name, String body) throws Exception {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + body + "\n");
        p.toFile().setExecutable(true);
    }

    @Test
    void onlyWhatFitsUnderMaxSubmitJobsIsSubmitted() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path log = tmp.resolve("calls.txt");
        String record = "echo \"$(basename \"$0\") $*\" >> '" + log + "'";
        fake(bin, "scontrol", record + "\nif [ \"$1\" = show ] && [ \"$2\" = config ]; then\n"
                + "  printf 'AccountingStorageType   = accounting_storage/slurmdbd\\nMaxArraySize            = 64\\n"
                + "MaxJobCount             = 10000\\n'\nelse\n  echo 'PartitionName=debug Default=YES MaxTime=UNLIMITED"
                + " MaxMemPerNode=UNLIMITED'\nfi");
        fake(bin, "sacctmgr", record + "\necho 5");
        fake(bin, "squeue", record + "\nprintf '101\\n102\\n103\\n'");
        fake(bin, "sbatch", record + "\necho 4711");
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path script = Files.writeString(project.resolve("s.sh"), "echo 1 > output.json\n");
        ClusterProfile profile = new ClusterProfile("fake", "localhost", 22, "me", null, null, null, null,
                List.of("export PATH='" + bin + "':\"$PATH\""), null);
        JobConfig job = JobConfig.of("sh", script.toString(), "fake", 0.1, 1, "CPU", 1);
        List<JobSpec> specs = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Path dir = Files.createDirectories(project.resolve("hp_search_0/hp_combination_" + i));
            Path input = Files.writeString(dir.resolve("input.json"), "{\"x\": " + i + "}");
            specs.add(new JobSpec(i, dir, input, dir.resolve("log.txt"), List.of("sh", script.toString(), input.toString()), job));
        }
        try (SlurmExecutor ex = new SlurmExecutor(new LocalShell(), profile,
                new PathMapping(project, project.toString()), new SlurmSettings(Duration.ofSeconds(1), Duration.ofSeconds(20)))) {
            assertThat(ex.siteLimits().maxSubmitJobs()).isEqualTo(5);
            List<JobRef> refs = ex.submitAll(specs, 4);
            // 5 allowed, 3 queued: two go now, as one array of two
            assertThat(refs).extracting(JobRef::combinationId).containsExactly(0, 1);
            assertThat(refs).extracting(JobRef::id).containsExactly("4711_0", "4711_1");
            assertThat(ex.drainNotes()).anyMatch(n -> n.startsWith("2 of 4 combinations submitted now")
                    && n.contains("MaxSubmitJobs=5"));
        }
        List<String> calls = Files.readAllLines(log);
        assertThat(calls).anyMatch(c -> c.startsWith("sacctmgr -n -P show assoc where user="));
        assertThat(calls).anyMatch(c -> c.startsWith("squeue -h -r -o %i -u "));
        assertThat(calls).filteredOn(c -> c.startsWith("sbatch")).singleElement().asString().contains("--array=0-1%4");
    }
}
