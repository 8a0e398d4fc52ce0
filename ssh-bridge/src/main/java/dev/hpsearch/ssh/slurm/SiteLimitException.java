package dev.hpsearch.ssh.slurm;

import dev.hpsearch.optimizer.exec.ExecutorException;

/**
 * A run asks for more than the cluster allows (its partition's MaxTime or MaxMemPerNode): refused before anything is
 * submitted. The message names the job_config key, its value and the limit.
 */
public final class SiteLimitException extends ExecutorException {
    public SiteLimitException(String message) {
        super(message);
    }
}
