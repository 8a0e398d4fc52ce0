package dev.hpsearch.ssh.slurm;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.ShellQuote;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Renders the {@code sbatch} options and batch scripts of a search's jobs. Pure text, no I/O. */
final class SbatchScripts {

    private SbatchScripts() {
    }

    /**
     * The resource options for one run, each a separate argument (quoted later): partition, GPUs or CPUs, memory,
     * time, {@code --no-requeue}, account, qos, constraint, then the user's extra arguments.
     *
     * <p>The seed's {@code num_processors} counts GPUs for a GPU job ({@code --gres=gpu:N}, or
     * {@code --gres=gpu:TYPE:N} with {@code gpu_type}) and CPUs for a CPU job ({@code -c N}). {@code cpus_per_task},
     * when given, is the {@code -c} of either kind: the CPUs beside the GPUs, or a CPU count that replaces
     * {@code num_processors}.
     */
    static List<String> resourceArgs(JobConfig job, ClusterProfile profile, Duration timeLimit, String jobName) {
        List<String> a = new ArrayList<>();
        a.add("--job-name=" + jobName);
        String partition = partition(job, profile);
        if (partition != null) {
            a.add("--partition=" + partition);
        }
        int processors = Math.max(1, job.numProcessors());
        if (job.isGpu()) {
            a.add("--gres=gpu:" + (job.gpuType() != null ? job.gpuType() + ":" : "") + processors);
            if (job.cpusPerTask() != null) {
                a.add("-c");
                a.add(String.valueOf(job.cpusPerTask()));
            }
        } else {
            a.add("-c");
            a.add(String.valueOf(job.cpusPerTask() != null ? job.cpusPerTask() : processors));
        }
        a.add("--mem=" + job.memoryGb() + "G");
        a.add("-t");
        a.add(String.valueOf(minutes(timeLimit)));
        // a job the node failed under ends as NODE_FAIL, and hpsearch runs it again as a new job that the table
        // counts in attempts, instead of Slurm requeueing it unseen (and after a delay) under the same id
        a.add("--no-requeue");
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

    /** The partition a run goes to: job_config's, else the profile's for its processor type; {@code null} for the default. */
    static String partition(JobConfig job, ClusterProfile profile) {
        return job.partition() != null && !job.partition().isBlank() ? job.partition()
                : profile.partitionFor(job.processorType());
    }

    /**
     * One job array of a batch split to fit MaxArraySize.
     *
     * @param from     index in the batch of its first combination
     * @param size     how many combinations (task ids 0 to size-1)
     * @param throttle its {@code %N}: how many of its tasks run at once
     * @param after    index of the array it waits for ({@code --dependency=afterany}), or -1
     */
    record ArrayChunk(int from, int size, int throttle, int after) {
    }

    /**
     * Splits a batch of {@code n} into job arrays of at most {@code maxArraySize} tasks, keeping
     * {@code maxActive} across them: a window of {@code w = ceil(maxActive / maxArraySize)} arrays (at most the
     * number of arrays) may run at once, each throttled to {@code floor(maxActive / w)}, and array {@code j} waits
     * for array {@code j - w} to end. The arrays form {@code w} chains that each run one array at a time, so at most
     * {@code w * floor(maxActive / w) <= maxActive} tasks run together.
     */
    static List<ArrayChunk> planArrays(int n, int maxActive, int maxArraySize) {
        if (n < 1 || maxActive < 1 || maxArraySize < 1) {
            throw new IllegalArgumentException("n, maxActive and maxArraySize must be positive: " + n + ", "
                    + maxActive + ", " + maxArraySize);
        }
        int arrays = (n + maxArraySize - 1) / maxArraySize;
        if (arrays == 1) {
            return List.of(new ArrayChunk(0, n, maxActive, -1));
        }
        int window = Math.min(arrays, (maxActive + maxArraySize - 1) / maxArraySize);
        int throttle = Math.max(1, maxActive / window);
        List<ArrayChunk> chunks = new ArrayList<>();
        for (int j = 0; j < arrays; j++) {
            int from = j * maxArraySize;
            chunks.add(new ArrayChunk(from, Math.min(maxArraySize, n - from), throttle, j >= window ? j - window : -1));
        }
        return chunks;
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

    /**
     * The batch script of one combination: the profile's set-up lines, the job's modules, then the command (inside
     * its container when job_config names one), from its folder.
     *
     * @param modules   module names loaded before the run, each with its own {@code module load} so that a
     *                  failure names the module; may be empty
     * @param container an Apptainer/Singularity image the command runs in, or {@code null}
     * @param gpu       whether the container gets the node's GPUs ({@code --nv})
     */
    static String jobScript(int combinationId, String remoteDir, List<String> setupLines, List<String> modules,
                            String container, boolean gpu, List<String> command) {
        StringBuilder sb = new StringBuilder("#!/bin/bash\n");
        sb.append("# hpsearch: combination ").append(combinationId).append('\n');
        for (String line : setupLines) {
            sb.append(line).append('\n');
        }
        for (String module : modules) {
            String q = ShellQuote.quote(module);
            sb.append("module load ").append(q).append(" || { echo \"hpsearch: module load \"").append(q)
                    .append("\" failed (job_config modules)\" >&2; exit 1; }\n");
        }
        sb.append("cd ").append(ShellQuote.quote(remoteDir)).append(" || exit 1\n");
        List<String> run = command;
        if (container != null) {
            // apptainer where installed, else singularity (its older name), which takes the same arguments
            sb.append("hpsearch_container=$(command -v apptainer || command -v singularity) || { echo \"hpsearch:"
                    + " neither apptainer nor singularity is on PATH (job_config container)\" >&2; exit 1; }\n");
            List<String> wrapped = new ArrayList<>(List.of("exec"));
            if (gpu) {
                wrapped.add("--nv");
            }
            wrapped.add(container);
            wrapped.addAll(command);
            run = wrapped;
        }
        sb.append("hpsearch_mark=\"hpsearch-${SLURM_JOB_ID:-$$}-c").append(combinationId).append("\"\n");
        sb.append(RUN_MARK_FUNCTIONS);
        // the run in the background, so that a signal to this script (time limit, scancel) runs the trap at once
        sb.append("HPSEARCH_RUN=\"$hpsearch_mark\" ").append(container != null ? "\"$hpsearch_container\" " : "")
                .append(ShellQuote.join(run)).append(" &\n");
        sb.append("hpsearch_wait $!\n");
        return sb.toString();
    }

    /** The batch script of one combination without modules or container (the seed's run). */
    static String jobScript(int combinationId, String remoteDir, List<String> setupLines, List<String> command) {
        return jobScript(combinationId, remoteDir, setupLines, List.of(), null, false, command);
    }

    /**
     * Every process of a run carries {@code HPSEARCH_RUN} (this script does not). When the run ends or this script
     * is stopped, every process still carrying the mark is stopped too: daemons that left the run's process tree
     * (a double fork, {@code setsid}) are invisible to Slurm's {@code proctrack/linuxproc} and would outlive the
     * job. TERM first, KILL for what ignores it; within Slurm's KillWait.
     */
    private static final String RUN_MARK_FUNCTIONS = String.join("\n",
            "hpsearch_stop_marked() {",
            "  local sig=TERM round pids p",
            "  for round in 1 2 3 4 5 6 7 8 9 10; do",
            "    pids=$(grep -lzxF \"HPSEARCH_RUN=$hpsearch_mark\" /proc/[0-9]*/environ 2>/dev/null | cut -d/ -f3)",
            "    [ -z \"$pids\" ] && return 0",
            "    for p in $pids; do kill -s \"$sig\" \"$p\" 2>/dev/null; done",
            "    [ \"$round\" -ge 2 ] && sig=KILL",
            "    sleep 0.2",
            "  done",
            "}",
            "hpsearch_wait() {",
            "  trap 'hpsearch_stop_marked; exit 143' TERM",
            "  trap 'hpsearch_stop_marked; exit 130' INT",
            "  local status=0",
            "  wait \"$1\" || status=$?",
            "  trap - TERM INT",
            "  hpsearch_stop_marked",
            "  return \"$status\"",
            "}",
            "");

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
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** In a combination's folder: {@code JOBID KEY} of the job that runs it, written once sbatch has answered. */
    static final String JOB_MARKER = ".hpsearch_job";
    /** In the folder being submitted from: exists while a submission is in progress (mkdir is atomic). */
    static final String SUBMIT_LOCK = ".hpsearch_submitting";
    /** Exit status of {@link #SUBMIT_SCRIPT} when another submission holds the lock longer than it may wait. */
    static final int SUBMIT_BUSY = 75;

    /**
     * Submits at most once per key, so that the same command line may be sent again after a dropped connection.
     * Arguments: folder, key, seconds to wait for a concurrent copy, folders list and keys list of a job array
     * (both empty for a single job), then the sbatch command line.
     *
     * <p>In the folder: an existing marker with the same key names the job, which is printed and nothing is
     * submitted. Otherwise the lock is taken (a copy of this command that lost its connection may still hold it:
     * then wait for its marker), stale output.json and progress.jsonl files are removed (a run that starts again must
     * not pass for its earlier self, nor feed the pruner its old curve), sbatch runs, and the markers are written
     * (each combination's first, then the folder's own) before the lock is released and the id printed. Hang-ups
     * and broken pipes are ignored: when the connection drops the command still finishes and leaves its marker.
     */
    static final String SUBMIT_SCRIPT = String.join("\n",
            "trap '' HUP PIPE",
            "dir=$1 key=$2 wait=$3 list=$4 keys=$5",
            "shift 5",
            "cd \"$dir\" || exit 1",
            "adopt() {",
            "  local m",
            "  m=$(cat " + JOB_MARKER + " 2>/dev/null) || return 1",
            "  [ \"${m#* }\" = \"$key\" ] || return 1",
            "  printf '%s\\n' \"${m%% *}\"",
            "}",
            "adopt && exit 0",
            "if ! mkdir " + SUBMIT_LOCK + " 2>/dev/null; then",
            "  n=0",
            "  while [ -d " + SUBMIT_LOCK + " ] && [ \"$n\" -lt $((wait * 5)) ]; do sleep 0.2; n=$((n + 1)); done",
            "  adopt && exit 0",
            "  echo \"hpsearch: another submission from $dir has not finished; if squeue shows no job of it,"
                    + " remove $dir/" + SUBMIT_LOCK + "\" >&2",
            "  exit " + SUBMIT_BUSY,
            "fi",
            "if [ -n \"$list\" ]; then",
            "  while IFS= read -r -d '' d; do rm -f \"$d/output.json\" \"$d/progress.jsonl\"; done < \"$list\"",
            "else",
            "  rm -f output.json progress.jsonl",
            "fi",
            "out=$(\"$@\")",
            "rc=$?",
            "id=${out##*$'\\n'}",
            "id=${id%%;*}",
            "case $rc:$id in",
            "  0:*[!0-9]* | 0:) printf '%s\\n' \"$out\" >&2; rmdir " + SUBMIT_LOCK + "; exit 1 ;;",
            "  0:*) ;;",
            "  *) printf '%s\\n' \"$out\"; rmdir " + SUBMIT_LOCK + "; exit \"$rc\" ;;",
            "esac",
            "if [ -n \"$list\" ]; then",
            "  i=0",
            "  while IFS= read -r -d '' d && IFS= read -r k <&3; do",
            "    printf '%s_%s %s\\n' \"$id\" \"$i\" \"$k\" > \"$d/" + JOB_MARKER + ".tmp\" && mv -f \"$d/" + JOB_MARKER
                    + ".tmp\" \"$d/" + JOB_MARKER + "\"",
            "    i=$((i + 1))",
            "  done < \"$list\" 3< \"$keys\"",
            "fi",
            "printf '%s %s\\n' \"$id\" \"$key\" > " + JOB_MARKER + ".tmp && mv -f " + JOB_MARKER + ".tmp " + JOB_MARKER,
            "rmdir " + SUBMIT_LOCK,
            "printf '%s\\n' \"$id\"",
            "");

    /**
     * The command line that submits once: {@link #SUBMIT_SCRIPT} run by bash (whatever the login shell), every
     * argument quoted.
     *
     * @param dir         the folder that holds the marker and the lock: the combination's, or the batch's for an array
     * @param key         what the submission must match to be the same one ({@link #submissionKey})
     * @param waitSeconds how long a repeated command waits for a copy of itself still holding the lock
     * @param folderList  for a job array, the list of {@link #folderList}, else {@code null}
     * @param keyList     for a job array, the keys of those folders, one a line, else {@code null}
     * @param sbatch      the sbatch command line, {@code --parsable}
     */
    static String submitCommand(String dir, String key, long waitSeconds, String folderList, String keyList,
                                List<String> sbatch) {
        if ((folderList == null) != (keyList == null)) {
            throw new IllegalArgumentException("a job array needs both the folder list and the key list");
        }
        List<String> argv = new ArrayList<>(List.of("bash", "-c", SUBMIT_SCRIPT, "hpsearch-submit", dir, key,
                String.valueOf(Math.max(1, waitSeconds)), folderList == null ? "" : folderList,
                keyList == null ? "" : keyList));
        argv.addAll(sbatch);
        return ShellQuote.join(argv);
    }

    /**
     * What identifies one combination's run: a digest of its input.json and its job script. Markers are only
     * believed when their key matches, so a folder re-used for other input is submitted afresh.
     */
    static String submissionKey(byte[] inputJson, String jobScript) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(inputJson);
            sha.update((byte) 0);
            sha.update(jobScript.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The job id a marker names, when its key matches; else {@code null}. */
    static String markedJob(String marker, String key) {
        String line = marker.strip();
        int sp = line.indexOf(' ');
        if (sp <= 0 || !line.substring(sp + 1).equals(key)) {
            return null;
        }
        return line.substring(0, sp);
    }
}
