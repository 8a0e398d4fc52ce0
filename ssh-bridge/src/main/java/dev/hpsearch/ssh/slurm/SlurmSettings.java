package dev.hpsearch.ssh.slurm;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Slurm executor talks to the cluster.
 *
 * @param pollInterval   how long {@link SlurmExecutor#awaitChange} waits between polls
 * @param commandTimeout timeout of each remote Slurm command ({@code sbatch}, {@code squeue}...)
 */
public record SlurmSettings(Duration pollInterval, Duration commandTimeout) {

    public SlurmSettings {
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(commandTimeout, "commandTimeout");
        if (pollInterval.isNegative() || pollInterval.isZero() || commandTimeout.isNegative() || commandTimeout.isZero()) {
            throw new IllegalArgumentException("poll interval and command timeout must be positive");
        }
    }

    public static SlurmSettings defaults() {
        return new SlurmSettings(Duration.ofSeconds(10), Duration.ofSeconds(60));
    }
}
