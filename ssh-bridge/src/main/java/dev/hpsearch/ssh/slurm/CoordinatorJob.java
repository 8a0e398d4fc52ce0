package dev.hpsearch.ssh.slurm;

import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The coordinator of a detached search as a Slurm job: the batch script that starts {@code hpsearch} on the
 * cluster and the {@code sbatch} command that submits it. Pure text, no I/O.
 *
 * @param java        the Java to run: {@code search_environment_path}, or {@code java} from the PATH
 * @param jar         the self-contained hpsearch jar on the cluster
 * @param arguments   the hpsearch arguments ({@code run ... --on-cluster})
 * @param memoryGb    {@code search_memory}: the job's memory; the Java heap gets three quarters of it
 * @param timeLimit   {@code search_time}: the job's time limit, rounded up to whole minutes
 * @param profile     partition and set-up lines
 * @param projectDir  the project folder on the cluster (the job's working folder)
 * @param log         the file the job's stdout and stderr go to
 * @param mailUser    who Slurm mails when the job ends or fails ({@code --mail-type=END,FAIL}), or {@code null}
 */
public record CoordinatorJob(String java, String jar, List<String> arguments, int memoryGb, Duration timeLimit,
                             ClusterProfile profile, String projectDir, String log, String mailUser) {

    /** A coordinator job that mails nobody. */
    public CoordinatorJob(String java, String jar, List<String> arguments, int memoryGb, Duration timeLimit,
                          ClusterProfile profile, String projectDir, String log) {
        this(java, jar, arguments, memoryGb, timeLimit, profile, projectDir, log, null);
    }

    public CoordinatorJob {
        Objects.requireNonNull(jar, "jar");
        Objects.requireNonNull(profile, "profile");
        Objects.requireNonNull(projectDir, "projectDir");
        Objects.requireNonNull(log, "log");
        java = java == null || java.isBlank() ? "java" : java.strip();
        arguments = List.copyOf(arguments);
        if (memoryGb < 1) {
            throw new IllegalArgumentException("search memory must be at least 1 GB: " + memoryGb);
        }
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException("search time must be positive: " + timeLimit);
        }
    }

    /**
     * The command the job runs. A Java given with arguments ({@code /opt/jdk/bin/java -Dx=y}) is split at
     * whitespace, as job_config's environment_path is.
     */
    public List<String> javaCommand() {
        List<String> c = new ArrayList<>(Arrays.asList(java.split("\\s+")));
        // the JVM's own default (a quarter of the node's memory) ignores what Slurm granted
        c.add("-Xmx" + Math.max(256, memoryGb * 1024L * 3 / 4) + "m");
        c.add("-jar");
        c.add(jar);
        c.addAll(arguments);
        return c;
    }

    /** The batch script: the profile's set-up lines, then hpsearch from the project folder. */
    public String script() {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# hpsearch: the coordinator of a detached search\n");
        for (String line : profile.setupLines()) {
            sb.append(line).append('\n');
        }
        sb.append("cd ").append(ShellQuote.quote(projectDir)).append(" || exit 1\n");
        sb.append("exec ").append(ShellQuote.join(javaCommand())).append('\n');
        return sb.toString();
    }

    /** The {@code sbatch} arguments that submit {@code scriptPath} (the uploaded {@link #script()}). */
    public List<String> sbatchArgs(String scriptPath) {
        List<String> a = new ArrayList<>(List.of("sbatch", "--parsable", "--job-name=hpsearch_coordinator"));
        String partition = profile.partitionFor("CPU");
        if (partition != null) {
            a.add("--partition=" + partition);
        }
        a.addAll(List.of("-c", "1", "--mem=" + memoryGb + "G", "-t", String.valueOf(SbatchScripts.minutes(timeLimit))));
        if (mailUser != null && !mailUser.isBlank()) {
            a.addAll(List.of("--mail-user=" + mailUser.strip(), "--mail-type=END,FAIL"));
        }
        String out = SbatchScripts.slurmFileName(log);
        // a resumed coordinator writes after the one before it
        a.addAll(List.of("-o", out, "-e", out, "--open-mode=append", "--chdir=" + projectDir, scriptPath));
        return a;
    }

    /** The shell command line that submits the job, with the profile's set-up lines (which may put sbatch on the PATH). */
    public String submitCommand(String scriptPath) {
        return ShellQuote.withSetup(profile.setupLines(), ShellQuote.join(sbatchArgs(scriptPath)));
    }

    /**
     * The command that submits the job at most once however often it is sent (decision 0008): the marker and the
     * lock live in {@code markerDir}, and the key is this job's script with {@code launchNonce}, a value that one
     * launch keeps across its retries and the next launch (a resume) changes. Send it with
     * {@link ClusterShell#execIdempotent}.
     */
    public String submitOnceCommand(String scriptPath, String markerDir, String launchNonce) {
        String key = SbatchScripts.submissionKey(script().getBytes(StandardCharsets.UTF_8), launchNonce);
        return ShellQuote.withSetup(profile.setupLines(),
                SbatchScripts.submitCommand(markerDir, key, 60, null, null, sbatchArgs(scriptPath)));
    }

    /**
     * The shell command line that prints what {@code java -version} says on the cluster (stderr joined to stdout),
     * after the profile's set-up lines, for the Java the job would run ({@code null}: java from the PATH).
     */
    public static String versionCommand(ClusterProfile profile, String java) {
        List<String> c = new ArrayList<>(Arrays.asList((java == null || java.isBlank() ? "java" : java.strip()).split("\\s+")));
        c.add("-version");
        return ShellQuote.withSetup(profile.setupLines(), ShellQuote.join(c) + " 2>&1");
    }

    /** The shell command line that cancels Slurm jobs, with the profile's set-up lines. */
    public static String cancelCommand(ClusterProfile profile, List<String> jobIds) {
        List<String> argv = new ArrayList<>(List.of("scancel"));
        argv.addAll(jobIds);
        return ShellQuote.withSetup(profile.setupLines(), ShellQuote.join(argv));
    }

    /** The job id that {@code sbatch --parsable} printed ({@code id} or {@code id;cluster}), or {@code null}. */
    public static String parseJobId(String stdout) {
        String[] lines = stdout.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        int semi = last.indexOf(';');
        String id = semi < 0 ? last : last.substring(0, semi);
        return id.matches("\\d+") ? id : null;
    }
}
