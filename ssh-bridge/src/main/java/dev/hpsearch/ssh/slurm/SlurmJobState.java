package dev.hpsearch.ssh.slurm;

import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.time.Duration;

/**
 * What Slurm says about one job, for {@code hpsearch status} of a detached search.
 *
 * @param jobId    the job
 * @param queued   whether it is still in the queue (pending, running, completing...)
 * @param state    Slurm's state ({@code RUNNING}, {@code COMPLETED}...), or {@code null} when Slurm no longer knows it
 * @param exitCode {@code status:signal} once ended, when known
 */
public record SlurmJobState(String jobId, boolean queued, String state, String exitCode) {

    /** Asks {@code squeue}, then for a job that left the queue {@code sacct}, then {@code scontrol show job}. */
    public static SlurmJobState query(ClusterShell shell, ClusterProfile profile, String jobId, Duration timeout)
            throws SshBridgeException {
        CommandResult q = shell.execIdempotent(ShellQuote.withSetup(profile.setupLines(),
                ShellQuote.join("squeue", "-h", "-j", jobId, "-o", "%T")), timeout);
        String state = q.ok() ? q.stdout().strip() : "";
        if (!state.isEmpty() && SlurmStates.isActive(state.split("\\s+")[0])) {
            return new SlurmJobState(jobId, true, state.split("\\s+")[0], null);
        }
        CommandResult a = shell.execIdempotent(ShellQuote.withSetup(profile.setupLines(),
                ShellQuote.join("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,ExitCode")), timeout);
        if (a.ok()) {
            for (String line : a.stdout().split("\n")) {
                String[] f = line.strip().split("\\|");
                if (f.length >= 3 && f[0].equals(jobId)) {
                    return new SlurmJobState(jobId, false, f[1].split("\\s+")[0], f[2]);
                }
            }
        }
        CommandResult s = shell.execIdempotent(ShellQuote.withSetup(profile.setupLines(),
                ShellQuote.join("scontrol", "-o", "show", "job", jobId)), timeout);
        if (s.ok()) {
            java.util.Map<String, String> kv = SlurmExecutor.scontrolFields(s.stdout());
            if (kv.containsKey("JobState")) {
                return new SlurmJobState(jobId, SlurmStates.isActive(kv.get("JobState")), kv.get("JobState"),
                        kv.get("ExitCode"));
            }
        }
        return new SlurmJobState(jobId, false, null, null);
    }

    /** One line for people: {@code RUNNING (in the queue)}, {@code COMPLETED (exit code 0:0)}... */
    public String describe() {
        if (state == null) {
            return "no longer known to Slurm (not in squeue, sacct or scontrol)";
        }
        if (queued) {
            return state + " (in the queue)";
        }
        return state + " (no longer in the queue" + (exitCode == null ? "" : "; exit code " + exitCode) + ")";
    }
}
