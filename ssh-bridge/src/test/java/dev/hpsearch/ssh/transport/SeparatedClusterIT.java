package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test cluster is a separate machine as far as files go, as every real cluster is: what a test creates in its
 * local project cannot be seen over SSH or by a Slurm job, and what is created in the remote root cannot be seen
 * locally. Every other SSH/Slurm integration test relies on this to catch a local path sent to the cluster.
 */
class SeparatedClusterIT {

    TestEnv env;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        env = TestEnv.require();
    }

    @Test
    void aLocalProjectIsInvisibleOverSshAndToSlurmJobs() throws Exception {
        Path project = Files.createDirectories(tmp.resolve("project"));
        Path local = Files.writeString(project.resolve("input.json"), "{}");
        try (SshSession s = env.open()) {
            assertThat(s.exists(local.toString())).as("%s over SFTP", local).isFalse();
            assertThat(s.exists(tmp.toString())).as("%s over SFTP", tmp).isFalse();
            CommandResult shell = s.exec(List.of("test", "-e", local.toString()), Duration.ofSeconds(10));
            assertThat(shell.exitStatus()).as("test -e %s in the remote shell", local).isEqualTo(1);

            String dir = env.remoteRoot + "/separation-" + System.nanoTime();
            s.mkdirs(dir);
            // a Slurm job looks for the local file from the node
            CommandResult job = s.exec("cd " + ShellQuote.quote(dir) + " && sbatch --wait -p " + ShellQuote.quote(env.partition)
                    + " -t 1 -o job.out --wrap " + ShellQuote.quote("if test -e " + ShellQuote.quote(local.toString())
                    + "; then echo seen; else echo unseen; fi") + " >/dev/null && cat job.out", Duration.ofSeconds(90));
            assertThat(job.stdout().strip()).as("job output %s", job).isEqualTo("unseen");
        }
    }

    @Test
    void theRemoteRootIsInvisibleLocally() throws Exception {
        try (SshSession s = env.open()) {
            String dir = env.remoteRoot + "/separation-" + System.nanoTime();
            s.mkdirs(dir);
            s.upload("made on the cluster".getBytes(StandardCharsets.UTF_8), dir + "/remote.txt");
            assertThat(s.exists(dir + "/remote.txt")).isTrue();
            assertThat(Path.of(dir, "remote.txt")).doesNotExist();
            assertThat(Path.of(env.remoteRoot)).doesNotExist();
        }
    }
}
