package dev.hpsearch.ssh;

import dev.hpsearch.optimizer.config.JobConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Renders the {@code sbatch} options and batch scripts of a search's jobs. Pure text, no I/O. */
final class SbatchScripts {

    private SbatchScripts() {
    }

    /**
     * The resource options for one run, each a separate argument (quoted later): partition, GPUs or CPUs, memory,
     * time, account, qos, constraint, then the user's extra arguments.
     *
     * <p>GPU jobs ask {@code --gres=gpu:N} with N = {@code num_processors}, as the seed did; CPU jobs ask
     * {@code -c N}.
     */
    static List<String> resourceArgs(JobConfig job, ClusterProfile profile, Duration timeLimit, String jobName) {
        List<String> a = new ArrayList<>();
        a.add("--job-name=" + jobName);
        String partition = job.partition() != null && !job.partition().isBlank() ? job.partition()
                : profile.partitionFor(job.processorType());
        if (partition != null) {
            a.add("--partition=" + partition);
        }
        if ("GPU".equalsIgnoreCase(job.processorType())) {
            a.add("--gres=gpu:" + Math.max(1, job.numProcessors()));
        } else {
            a.add("-c");
            a.add(String.valueOf(Math.max(1, job.numProcessors())));
        }
        a.add("--mem=" + job.memoryGb() + "G");
        a.add("-t");
        a.add(String.valueOf(minutes(timeLimit)));
        if (job.account() != null && !job.account().isBlank()) {
            a.add("--account=" + job.account());
        }
        if (job.qos() != null && !job.qos().isBlank()) {
            a.add("--qos=" + job.qos());
        }
        if (job.constraint() != null && !job.constraint().isBlank()) {
            a.add("--constraint=" + job.constraint());
        }
        a.addAll(job.sbatchArgs());
        return a;
    }

    /** Slurm time limits are whole minutes; round up so a run never gets less than asked. */
    static long minutes(Duration d) {
        long m = (d.toSeconds() + 59) / 60;
        return Math.max(1, m);
    }

    /**
     * A file name for {@code -o}/{@code -e}: Slurm expands {@code %} patterns there, so a literal {@code %} is
     * doubled. (A backslash anywhere turns expansion off; then the name is used as is.)
     */
    static String slurmFileName(String path) {
        return path.contains("\\") ? path : path.replace("%", "%%");
    }

    /** The batch script of one combination: the profile's set-up lines, then the command, from its folder. */
    static String jobScript(int combinationId, String remoteDir, List<String> setupLines, List<String> command) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# hpsearch: combination ").append(combinationId).append('\n');
        for (String line : setupLines) {
            sb.append(line).append('\n');
        }
        sb.append("cd ").append(ShellQuote.quote(remoteDir)).append(" || exit 1\n");
        sb.append(ShellQuote.join(command)).append('\n');
        return sb.toString();
    }

    /**
     * The batch script of a job array: task {@code i} runs the combination folder at index {@code i} of the
     * NUL-separated list file (NUL, since folder names may hold newlines; {@code read -d ''} works in old bash).
     */
    static String arrayScript(String listFile) {
        return "#!/bin/bash\n"
                + "# hpsearch: job array; task i runs the job.sh of folder i in the list\n"
                + "i=0\n"
                + "dir=\n"
                + "while IFS= read -r -d '' d; do\n"
                + "  if [ \"$i\" -eq \"$SLURM_ARRAY_TASK_ID\" ]; then dir=$d; break; fi\n"
                + "  i=$((i + 1))\n"
                + "done < " + ShellQuote.quote(listFile) + "\n"
                + "if [ -z \"$dir\" ]; then echo \"hpsearch: no folder for array task $SLURM_ARRAY_TASK_ID\" >&2; exit 1; fi\n"
                + "cd \"$dir\" || exit 1\n"
                + "exec bash ./job.sh\n";
    }

    /** The NUL-separated list of folders for {@link #arrayScript}. */
    static byte[] folderList(List<String> dirs) {
        StringBuilder sb = new StringBuilder();
        for (String d : dirs) {
            if (d.indexOf('\0') >= 0) {
                throw new IllegalArgumentException("a folder name cannot contain NUL");
            }
            sb.append(d).append('\0');
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * Prefixes a command with the profile's set-up lines (e.g. {@code module load slurm}). These run in a login
     * shell, since {@code module} and similar are defined by the login profile, not in plain SSH commands.
     */
    static String withSetup(List<String> setupLines, String command) {
        if (setupLines.isEmpty()) {
            return command;
        }
        return "bash -l -c " + ShellQuote.quote(String.join("\n", setupLines) + "\n" + command);
    }
}
