package dev.hpsearch.ssh.slurm;

import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.ExecutorContract;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The executor contract against Slurm jobs through the real sshd into the test cluster, whose disk the local
 * project cannot see. Slurm's shortest time limit is a minute, so the time-limit case is left to SlurmExecutorIT.
 */
class SlurmExecutorContractIT extends ExecutorContract {
    @RegisterExtension
    final TestSlurm cluster = new TestSlurm();

    private String remoteRoot;

    @Override
    protected Executor executor() {
        remoteRoot = remoteRoot == null ? cluster.remoteRoot("contract") : remoteRoot;
        return cluster.executor(cluster.profile(List.of()), project(), remoteRoot, Duration.ofMillis(300));
    }

    @Override
    protected String cluster() {
        return "testcluster";
    }

    @Override
    protected Duration deadline() {
        return Duration.ofSeconds(120);
    }
}
