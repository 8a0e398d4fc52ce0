package dev.hpsearch.optimizer.exec;

import java.time.Duration;

/**
 * What an executor knows about a job.
 *
 * @param state    where the job is
 * @param exitCode the exit code when known, else {@code null}
 * @param reason   for a job that ended badly: why, in words (exit code, signal, time limit, Slurm state...); for a
 *                 queued job: why it still waits, when the executor knows (Slurm's pending reason), else {@code null}
 * @param runtime  how long it ran, when known, else {@code null}
 * @param provenance where and how it ran (node, usage, digests), for a terminal state; {@link Provenance#NONE}
 *                 when the executor does not say
 */
public record JobStatus(State state, Integer exitCode, String reason, Duration runtime, Provenance provenance) {

    public JobStatus {
        provenance = provenance == null ? Provenance.NONE : provenance;
    }

    /** A status without provenance. */
    public JobStatus(State state, Integer exitCode, String reason, Duration runtime) {
        this(state, exitCode, reason, runtime, Provenance.NONE);
    }

    /** This status with the given provenance. */
    public JobStatus withProvenance(Provenance p) {
        return new JobStatus(state, exitCode, reason, runtime, p);
    }

    /** Where a job is. */
    public enum State {
        /** Submitted, waiting for resources. */
        QUEUED,
        RUNNING,
        /** Ended with exit code 0. */
        COMPLETED,
        /** Ended with a non-zero exit code, a signal, or an executor-reported failure. */
        FAILED,
        /** Killed because it ran past {@code job_config.time}. */
        TIMEOUT,
        /** Killed because it used more than {@code job_config.memory} (Slurm OUT_OF_MEMORY). */
        OUT_OF_MEMORY,
        CANCELLED,
        /**
         * The machine failed the job, not the analysis (a Slurm node failure, a node that did not boot): not a
         * result; the engine runs the combination again.
         */
        FAULT,
        /**
         * A job of higher priority took the job's resources (Slurm PREEMPTED): an expected event on a preemptible
         * partition, not a result; the engine runs the combination again.
         */
        PREEMPTED,
        /** The executor no longer knows the job and cannot say how it ended. */
        LOST;

        public boolean isTerminal() {
            return this != QUEUED && this != RUNNING;
        }
    }

    public static JobStatus queued() {
        return new JobStatus(State.QUEUED, null, null, null);
    }

    public static JobStatus running() {
        return new JobStatus(State.RUNNING, null, null, null);
    }

    public boolean isTerminal() {
        return state.isTerminal();
    }
}
