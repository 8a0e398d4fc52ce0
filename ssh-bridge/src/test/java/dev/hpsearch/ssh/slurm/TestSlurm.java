package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.PathMapping;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.TestEnv;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test cluster's Slurm for one test ({@code @RegisterExtension}): the environment (or a skipped test), an SSH
 * session opened before the test and closed after it, and the profile, remote folders and executors the Slurm
 * integration tests build on it.
 */
public final class TestSlurm implements BeforeEachCallback, AfterEachCallback {
    public TestEnv env;
    public SshSession ssh;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        env = TestEnv.require();
        ssh = env.open();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (ssh != null) {
            ssh.close();
            ssh = null;
        }
    }

    /** The profile {@code testcluster}: the test sshd, its partition for CPU and GPU, the given set-up lines. */
    public ClusterProfile profile(List<String> setupLines) {
        return new ClusterProfile("testcluster", env.host, env.port, env.user, env.key, env.knownHosts, env.partition,
                env.partition, setupLines, null);
    }

    /** A remote folder of its own for one test, below the test cluster's remote root. */
    public String remoteRoot(String prefix) {
        return env.remoteRoot + "/" + prefix + "-" + System.nanoTime();
    }

    /** An executor on this session for the profile, polling every {@code pollInterval}. */
    public SlurmExecutor executor(ClusterProfile profile, Path project, String remoteRoot, Duration pollInterval) {
        return new SlurmExecutor(ssh, profile, new PathMapping(project, remoteRoot),
                new SlurmSettings(pollInterval, Duration.ofSeconds(30)));
    }

    /** Polls (one call for all jobs each time) until every job has ended or the deadline passes. */
    public static Map<JobRef, JobStatus> awaitAll(Executor ex, Collection<JobRef> refs, Duration deadline)
            throws Exception {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            Map<JobRef, JobStatus> st = ex.poll(refs);
            if (st.values().stream().allMatch(JobStatus::isTerminal)) {
                return st;
            }
            assertThat(Instant.now()).as("jobs still not done: %s", st).isBefore(end);
            ex.awaitChange(Duration.ofSeconds(1));
        }
    }

    /** A number field of a small JSON text ({@code "name": 1.5}). */
    public static double field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\": *([0-9.]+)").matcher(json);
        assertThat(m.find()).as("%s in %s", name, json).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The most runs that ran at once, from their {start, end} spans. */
    public static int maxOverlap(List<double[]> spans) {
        int max = 0;
        for (double[] a : spans) {
            int n = 0;
            for (double[] b : spans) {
                if (b[0] <= a[0] && a[0] < b[1]) {
                    n++;
                }
            }
            max = Math.max(max, n);
        }
        return max;
    }
}
