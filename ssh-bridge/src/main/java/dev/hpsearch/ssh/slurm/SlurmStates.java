package dev.hpsearch.ssh.slurm;

import dev.hpsearch.optimizer.exec.JobStatus.State;
import dev.hpsearch.optimizer.exec.JobStatus;
import java.time.Duration;
import java.util.Locale;

/** Slurm job states and exit codes, as the engine's {@link JobStatus}. */
final class SlurmStates {

    private SlurmStates() {
    }

    /**
     * @param slurmState as squeue/sacct/scontrol print it ({@code CANCELLED by 123} is fine)
     * @param exitCode   Slurm's {@code code:signal}, or {@code null}
     * @param runtime    how long it ran, or {@code null}
     */
    static JobStatus toStatus(String slurmState, String exitCode, Duration runtime) {
        String state = slurmState == null ? "UNKNOWN" : slurmState.trim().split("\\s+")[0].toUpperCase(Locale.ROOT);
        if (state.endsWith("+")) {
            state = state.substring(0, state.length() - 1);
        }
        Integer code = null;
        Integer signal = null;
        if (exitCode != null && exitCode.matches("\\d+(:\\d+)?")) {
            String[] p = exitCode.split(":");
            code = Integer.valueOf(p[0]);
            signal = p.length > 1 ? Integer.valueOf(p[1]) : 0;
        }
        String reason = "Slurm state " + state + (exitCode != null ? ", exit code " + exitCode : "");
        switch (state) {
            case "PENDING": case "CONFIGURING": case "REQUEUED": case "REQUEUE_HOLD": case "REQUEUE_FED":
            case "RESV_DEL_HOLD": case "STAGE_IN":
                return JobStatus.queued();
            case "RUNNING": case "COMPLETING": case "STAGE_OUT": case "SIGNALING": case "SUSPENDED": case "STOPPED":
            case "RESIZING":
                return JobStatus.running();
            case "COMPLETED":
                if (code != null && code != 0) {
                    return new JobStatus(State.FAILED, code, reason, runtime);
                }
                return new JobStatus(State.COMPLETED, 0, null, runtime);
            case "FAILED":
                return new JobStatus(State.FAILED, code, reason + (signal != null && signal != 0
                        ? " (killed by signal " + signal + ")" : ""), runtime);
            case "TIMEOUT": case "DEADLINE":
                return new JobStatus(State.TIMEOUT, code, reason + ": the job ran past its time limit", runtime);
            case "OUT_OF_MEMORY":
                return new JobStatus(State.OUT_OF_MEMORY, code, reason + ": the job used more than its memory",
                        runtime);
            case "CANCELLED":
                return new JobStatus(State.CANCELLED, code, reason, runtime);
            case "NODE_FAIL": case "BOOT_FAIL":
                // the cluster ended the job, not the analysis: not a result, the combination runs again
                return new JobStatus(State.FAULT, code, reason + ": the cluster ended the job, not the analysis",
                        runtime);
            case "PREEMPTED":
                return new JobStatus(State.PREEMPTED, code, reason + ": a job of higher priority took its place",
                        runtime);
            case "REVOKED": case "SPECIAL_EXIT":
                return new JobStatus(State.FAILED, code, reason, runtime);
            default:
                return new JobStatus(State.FAILED, code, "unknown " + reason, runtime);
        }
    }

    /**
     * A job still in the queue: running, or pending with Slurm's reason (squeue {@code %r}) in the status's reason,
     * marked when it will not clear by itself.
     */
    static JobStatus queuedStatus(String slurmState, String pendingReason, String jobId) {
        JobStatus s = toStatus(slurmState, null, null);
        if (s.state() != State.QUEUED || pendingReason == null || pendingReason.isBlank()
                || pendingReason.strip().equals("None") || pendingReason.strip().equals("(null)")) {
            return s;
        }
        String reason = pendingReason.strip();
        return new JobStatus(State.QUEUED, null, reason + (clearsByItself(reason) ? ""
                : " (will not clear by itself" + (reason.startsWith("JobHeld") ? ": scontrol release " + jobId : "")
                + ")"), null);
    }

    /**
     * Whether a pending reason goes away without anyone acting: waiting for priority, resources, a dependency or a
     * limit on running jobs does; a job held, one asking more than its partition, QOS or association allows per
     * job, one over the submit limit, or one with a bad account, QOS or dependency does not.
     */
    static boolean clearsByItself(String reason) {
        String r = reason.strip();
        return !(r.startsWith("JobHeld") || r.startsWith("Invalid") || r.endsWith("NotAllowed")
                || r.equals("DependencyNeverSatisfied") || r.equals("BadConstraints") || r.equals("PartitionTimeLimit")
                || r.equals("PartitionNodeLimit") || r.equals("PartitionConfig") || r.contains("PerJob")
                || r.contains("MaxSubmitJob") || r.equals("AccountNotAllowed") || r.equals("QOSNotAllowed"));
    }

    /**
     * A job's status corrected by what Slurm wrote into its log: a job that Slurm killed for its memory by
     * polling ({@code JobAcctGatherParams=OverMemoryKill}) ends FAILED with signal 9, and only the log says
     * {@code Exceeded job memory limit}; that is {@link State#OUT_OF_MEMORY}. Other statuses pass unchanged.
     *
     * @param logTail the end of the job's log.txt (may be empty)
     */
    static JobStatus withLog(JobStatus status, String logTail) {
        if (status.state() != State.FAILED || logTail == null) {
            return status;
        }
        for (String line : logTail.split("\n")) {
            // slurmstepd's words: "Exceeded job memory limit", "exceeded memory limit (N > M), being killed",
            // and under cgroups "Detected 1 oom-kill event(s)"
            if (line.startsWith("slurmstepd") && (line.contains("xceeded job memory limit")
                    || line.contains("exceeded memory limit") || line.contains("oom-kill event"))) {
                return new JobStatus(State.OUT_OF_MEMORY, status.exitCode(), status.reason()
                        + ": the job used more than its memory (" + line.substring(line.indexOf("error:") < 0 ? 0
                        : line.indexOf("error:") + 6).strip() + ")", status.runtime());
            }
        }
        return status;
    }

    /** Whether squeue lists a state that means the job has not ended. */
    static boolean isActive(String slurmState) {
        return !toStatus(slurmState, null, null).isTerminal();
    }

    /**
     * sacct's TotalCPU, {@code [D-][HH:]MM:SS[.mmm]} (e.g. {@code 00:01.234}, {@code 01:02:03}, {@code 1-00:00:05}),
     * in seconds with the fraction; {@code null} when empty or unreadable.
     */
    static Double parseCpuTime(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim();
        double fraction = 0;
        int dot = t.indexOf('.');
        try {
            if (dot >= 0) {
                fraction = Double.parseDouble("0" + t.substring(dot));
                t = t.substring(0, dot);
            }
        } catch (NumberFormatException e) {
            return null;
        }
        Duration d = parseDuration(t);
        return d == null ? null : d.getSeconds() + fraction;
    }

    /**
     * sacct's memory figures (MaxRSS): a number with an optional unit K, M, G, T or P (powers of 1024; with
     * {@code --units=K} always K), e.g. {@code 104856K}, {@code 1.50G}; a bare number is in bytes. {@code null} when
     * empty or unreadable.
     */
    static Long parseMemory(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        char last = t.charAt(t.length() - 1);
        int power = "KMGTP".indexOf(last);
        if (power >= 0) {
            unit = 1L << (10 * (power + 1));
            t = t.substring(0, t.length() - 1);
        }
        try {
            return Math.round(Double.parseDouble(t) * unit);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Slurm durations: {@code [D-]HH:MM:SS}, {@code MM:SS}, or plain seconds; {@code null} when unreadable. */
    static Duration parseDuration(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        s = s.trim();
        try {
            if (s.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(s));
            }
            long days = 0;
            int dash = s.indexOf('-');
            if (dash > 0) {
                days = Long.parseLong(s.substring(0, dash));
                s = s.substring(dash + 1);
            }
            String[] p = s.split(":");
            long secs = 0;
            for (String part : p) {
                secs = secs * 60 + Long.parseLong(part.contains(".") ? part.substring(0, part.indexOf('.')) : part);
            }
            return Duration.ofSeconds(days * 86400 + secs);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
