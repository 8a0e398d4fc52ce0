package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.ProgressTail;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.LocalShell;
import dev.hpsearch.ssh.transport.PathMapping;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The executor reads the new lines of every running job's progress.jsonl with one remote command (a local shell
 * stands for the cluster; the cluster's folder is another folder, whose name needs quoting), and copies them into
 * the local folder.
 */
class SlurmProgressTest {

    @TempDir
    Path tmp;

    @Test
    void oneCommandReadsTheNewBytesOfEveryFileAndTheLocalFolderGetsThem() throws Exception {
        Path local = Files.createDirectories(tmp.resolve("local"));
        Path remote = Files.createDirectories(tmp.resolve("the cluster's $HOME; `x`"));
        Path calls = tmp.resolve("calls.txt");
        String first = "{\"step\": 0, \"objective\": 1}\n{\"step\": 1, \"objective\": 0.5}\n{\"step\": 2, \"obj";
        String third = "{\"step\": 0, \"objective\": 2, \"\u00e9\": 1}\n";
        for (int i = 1; i <= 3; i++) {
            Files.createDirectories(local.resolve("hp_search_0/hp_combination_" + i));
            Files.createDirectories(remote.resolve("hp_search_0/hp_combination_" + i));
        }
        Files.writeString(remote.resolve("hp_search_0/hp_combination_1/progress.jsonl"), first);
        Files.writeString(remote.resolve("hp_search_0/hp_combination_3/progress.jsonl"), third);
        ClusterProfile profile = new ClusterProfile("fake", "localhost", 22, "me", null, null, null, null,
                List.of("echo call >> '" + calls + "'"), null);
        List<JobRef> jobs = List.of(new JobRef(1, "11", ""), new JobRef(2, "12", ""), new JobRef(3, "13", ""));
        try (SlurmExecutor ex = new SlurmExecutor(new LocalShell(), profile,
                new PathMapping(local, remote.toString()), new SlurmSettings(Duration.ofSeconds(1), Duration.ofSeconds(20)))) {
            Map<JobRef, byte[]> read = ex.readProgress(List.of(tail(local, jobs.get(0), 0), tail(local, jobs.get(1), 0),
                    tail(local, jobs.get(2), 0)));

            assertThat(new String(read.get(jobs.get(0)), StandardCharsets.UTF_8)).isEqualTo(first);
            assertThat(read.get(jobs.get(1))).isEmpty();
            assertThat(new String(read.get(jobs.get(2)), StandardCharsets.UTF_8)).isEqualTo(third);
            assertThat(Files.readAllLines(calls)).hasSize(1);
            assertThat(local.resolve("hp_search_0/hp_combination_1/progress.jsonl")).hasContent(first);
            assertThat(local.resolve("hp_search_0/hp_combination_2/progress.jsonl")).doesNotExist();

            // the script goes on writing: the next read returns only what is new
            Files.writeString(remote.resolve("hp_search_0/hp_combination_1/progress.jsonl"), "ective\": 0.25}\n",
                    java.nio.file.StandardOpenOption.APPEND);
            long offset = first.getBytes(StandardCharsets.UTF_8).length;
            Map<JobRef, byte[]> next = ex.readProgress(List.of(tail(local, jobs.get(0), offset)));
            assertThat(new String(next.get(jobs.get(0)), StandardCharsets.UTF_8)).isEqualTo("ective\": 0.25}\n");
            assertThat(local.resolve("hp_search_0/hp_combination_1/progress.jsonl"))
                    .hasContent(first + "ective\": 0.25}\n");
            assertThat(Files.readAllLines(calls)).hasSize(2);
        }
    }

    @Test
    void aMissingMarkIsAnErrorNotAnEmptyRead() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SlurmExecutor.progressParts("garbage", 1))
                .hasMessageContaining("mark");
    }

    private static ProgressTail tail(Path local, JobRef job, long offset) {
        return new ProgressTail(job, local.resolve("hp_search_0/hp_combination_" + job.combinationId()
                + "/progress.jsonl"), offset);
    }
}
