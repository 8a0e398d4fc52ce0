package dev.hpsearch.optimizer.engine;

import java.util.Locale;

/**
 * Why a run did not give a score, as one word the user can count and filter by: the {@code failure_class}
 * column of {@code hp_search_data.txt} and of the journal's {@code finish} and {@code requeue} events.
 *
 * <p>The first five say something about the combination (the analysis failed); the others about the machine
 * or the user. Runs of the latter kind are re-run, not recorded as results, except {@link #CANCELLED} and an
 * {@link #INFRASTRUCTURE} fault that kept coming back.
 */
public enum FailureClass {
    /** The script exited non-zero or was killed by a signal. */
    SCRIPT_ERROR(true),
    /** The script exited 0 without an output.json (a {@code no_score} row). */
    NO_OUTPUT(true),
    /** The output.json was unreadable, held no usable score, or NaN. */
    BAD_OUTPUT(true),
    /** The run went past {@code job_config.time}. */
    TIMEOUT(true),
    /** The run used more than {@code job_config.memory} (Slurm OUT_OF_MEMORY). */
    OUT_OF_MEMORY(true),
    /** The node the run was on failed or did not boot (Slurm NODE_FAIL, BOOT_FAIL): re-run. */
    NODE_FAILURE(false),
    /** A job of higher priority took the run's resources (Slurm PREEMPTED): re-run. */
    PREEMPTED(false),
    /** Cancelled by the user or by the end of the search. */
    CANCELLED(false),
    /**
     * hpsearch or the machine failed the run: the scheduler lost the job, the folder could not be written, the
     * interpreter could not be started, the coordinator was interrupted.
     */
    INFRASTRUCTURE(false);

    private final boolean analysis;

    FailureClass(boolean analysis) {
        this.analysis = analysis;
    }

    /** Whether the analysis itself failed (as opposed to the machine, the scheduler or the user). */
    public boolean isAnalysis() {
        return analysis;
    }

    /** The spelling in files. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The class of a key as written by {@link #key()}, or {@code null} for null, empty or unknown keys. */
    public static FailureClass ofKey(String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        try {
            return valueOf(key.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null; // a newer coordinator's class: shown without a class rather than refused
        }
    }
}
