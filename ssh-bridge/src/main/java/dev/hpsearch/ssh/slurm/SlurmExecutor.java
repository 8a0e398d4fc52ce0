package dev.hpsearch.ssh.slurm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.engine.OutputParser;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.optimizer.exec.LocalFolderException;
import dev.hpsearch.optimizer.exec.ProgressTail;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.exec.ResourceLimits;
import dev.hpsearch.optimizer.exec.SubmitUncertainException;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.LocalShell;
import dev.hpsearch.ssh.transport.PathMapping;
import dev.hpsearch.ssh.transport.ProjectUpload;
import dev.hpsearch.ssh.transport.RemoteFile;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs combinations as Slurm jobs on a cluster, through a {@link ClusterShell}: a submit host reached over SSH
 * ({@link SshSession}), or this machine when the coordinator itself runs on a cluster node ({@link LocalShell};
 * then the path mapping is the identity and the transfers below cost nothing).
 *
 * <p>Files: a combination's local folder maps to a remote folder through {@link PathMapping}; {@code input.json}
 * (and the script, when it lies inside the project) is uploaded before submission, and {@code output.json} and
 * {@code log.txt} are downloaded before a terminal state is reported.
 *
 * <p>Remote commands: once per executor, {@code scontrol show config} and the partitions (plus {@code sacctmgr}
 * where accounting exists) for the cluster's limits ({@link SiteLimits}); one {@code sbatch} per single job, one per
 * batch (a throttled job array; several chained arrays above MaxArraySize); one {@code squeue} per poll for all
 * active jobs, plus, only when some job left the queue, one lookup of final states ({@code sacct}; where accounting
 * is off, {@code scontrol show job}, then {@code sacct -c}).
 *
 * <p>Polling adapts: half a second after any job changed state, growing by half each quiet poll up to the
 * configured poll interval, so short jobs are collected quickly and long ones cost few {@code squeue} calls.
 *
 * <p>The shell is not owned: {@link #close()} leaves it open for the caller to close.
 */
public final class SlurmExecutor implements Executor {

    private static final Pattern JOB_ID = Pattern.compile("^(\\d+)(?:;\\S+)?$");
    /** A job id as a marker holds it: a job, or a task of a job array. */
    private static final Pattern MARKED_ID = Pattern.compile("^\\d+(?:_\\d+)?$");
    private static final DateTimeFormatter BATCH_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private static final String SECTION = "@@hpsearch-sacct-c@@";
    /** What sacct is asked for, with accounting: the job's end and, from its steps, CPU time and peak memory. */
    static final String SACCT_FIELDS = "JobID,State,ExitCode,ElapsedRaw,NodeList,TotalCPU,MaxRSS";
    /** What the jobcomp file holds of it ({@code sacct -c}; jobcomp/filetxt records no CPU time and no MaxRSS). */
    static final String JOBCOMP_FIELDS = "JobID,State,ExitCode,ElapsedRaw,NodeList";
    /** How much of a combination's output.json comes back: the engine reads no more than this (16 MiB). */
    public static final long OUTPUT_JSON_LIMIT = OutputParser.MAX_BYTES;
    /** How much of a combination's log.txt comes back: its last 16 MiB, where a failure is told. */
    public static final long LOG_LIMIT = 16L * 1024 * 1024;
    /** Where a script from outside the local project goes, inside the cluster's project folder. */
    public static final String SCRIPTS_FOLDER = ".hpsearch/scripts";
    /** Shortest wait between polls, right after a job changed state. */
    private static final long MIN_POLL_MS = 500;
    private final Map<JobRef, JobStatus.State> lastStates = new ConcurrentHashMap<>();
    private volatile long nextWaitMs = MIN_POLL_MS;
    private final ClusterShell shell;
    private final ClusterProfile profile;
    /** Limits per partition name ("" for the cluster's default partition), read once. */
    private final SlurmSettings settings;
    private PathMapping paths;
    private boolean rootResolved;

    private final Map<JobRef, JobSpec> specs = new ConcurrentHashMap<>();
    private final Map<JobRef, JobStatus> finished = new ConcurrentHashMap<>();
    /** SHA-256 of the script and of input.json (the cluster's copy) of each job, known at submission. */
    private final Map<JobRef, Digests> digests = new ConcurrentHashMap<>();
    /** SHA-256 of local scripts by path, with the size and time they had. */
    private final Map<Path, String[]> scriptDigests = new ConcurrentHashMap<>();
    /** Slurm's own job id of an array task once seen running; {@code sacct -c} knows tasks only by it. */
    private final Map<String, String> rawIds = new ConcurrentHashMap<>();
    private final Set<String> createdDirs = ConcurrentHashMap.newKeySet();
    private final Map<Path, String> uploadedScripts = new ConcurrentHashMap<>();
    private final Set<List<String>> uploadedProjectFiles = ConcurrentHashMap.newKeySet();
    private final List<String> uploadReports = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final java.util.Queue<String> notes = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Null until known: whether {@code sacct} works (accounting storage on). */
    private volatile Boolean accounting;
    /** Null until read, once per executor (one session): what the cluster allows. */
    private volatile SiteLimits limits;
    private volatile String lastRoomNote;
    private int batchCounter;

    /**
     * @param shell    the connection to the cluster's submit host, or the local shell of a cluster node (not
     *                 closed by this executor)
     * @param profile  partitions and set-up lines
     * @param paths    where the local project folder lives on the cluster; a relative remote root is taken from
     *                 the remote home
     * @param settings poll interval and command timeout
     */
    public SlurmExecutor(ClusterShell shell, ClusterProfile profile, PathMapping paths, SlurmSettings settings) {
        this.shell = shell;
        this.profile = profile;
        this.paths = paths;
        this.settings = settings;
    }

    // ---------------------------------------------------------------- submit

    /**
     * Submits one combination, at most once: a job that an earlier call or an earlier coordinator submitted for
     * the same run (its marker in the combination folder, see {@link SbatchScripts#SUBMIT_SCRIPT}) is adopted
     * instead, and a connection that drops while sbatch runs is re-established and the same command sent again,
     * which then answers with the job submitted the first time.
     *
     * @throws SubmitUncertainException when the connection did not come back in time to learn the outcome; a
     *                                  later submit of the same spec finds the job if there is one
     */
    @Override
    public JobRef submit(JobSpec spec) throws ExecutorException {
        knowAccounting();
        refuseBeyondLimits(spec);
        return submitOne(prepare(spec));
    }

    /**
     * Refuses, before anything is uploaded or submitted, a run whose {@code time} or {@code memory} exceeds its
     * partition's limits: sbatch would refuse it too, or worse, queue it forever (PartitionTimeLimit).
     */
    private void refuseBeyondLimits(JobSpec spec) throws ExecutorException {
        String why = siteLimits().refusal(spec.job(), SbatchScripts.partition(spec.job(), profile), spec.timeLimit());
        if (why != null) {
            throw new SiteLimitException("cannot submit combination " + spec.combinationId() + " to " + shell.host()
                    + ": job_config " + why);
        }
    }

    /**
     * What in {@code job} exceeds the limits of the partition it goes to, by job_config key ({@code time},
     * {@code memory}); empty when it fits (or the partition's limits are not visible).
     */
    public Map<String, String> beyondLimits(JobConfig job) throws ExecutorException {
        JobSpec probe = new JobSpec(0, Path.of("."), Path.of("input.json"), Path.of("log.txt"), List.of(), job);
        return siteLimits().refusals(job, SbatchScripts.partition(job, profile), probe.timeLimit());
    }

    /**
     * What the cluster allows (MaxArraySize, MaxJobCount, MaxSubmitJobs where accounting shows it, partition
     * limits), read once per executor; Slurm's defaults where it cannot be read.
     */
    public SiteLimits siteLimits() throws ExecutorException {
        knowAccounting();
        return limits;
    }

    private JobRef submitOne(Prepared p) throws ExecutorException {
        if (p.adoptedId != null) {
            return adopt(p);
        }
        JobSpec spec = p.spec;
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable"));
        argv.addAll(SbatchScripts.resourceArgs(spec.job(), profile, spec.timeLimit(), SearchFolder.combinationName(spec.combinationId())));
        String log = SbatchScripts.slurmFileName(remote(spec.logFile()));
        argv.addAll(List.of("--chdir=" + p.dir, "-o", log, "-e", log, p.dir + "/job.sh"));
        String id = sbatch(SbatchScripts.submitCommand(p.dir, p.key, lockWaitSeconds(), null, null, argv),
                "combination " + spec.combinationId());
        JobRef ref = new JobRef(spec.combinationId(), id, "");
        specs.put(ref, spec);
        digests.put(ref, p.digests);
        return ref;
    }

    /**
     * Submits the batch as one job array, {@code --array=0-(n-1)%maxActive}, so that the cluster keeps the limit
     * even while the coordinator sleeps. Specs whose job configs differ cannot share an array; they go one by one.
     * Combinations already submitted (their marker names a job for the same run) are adopted, not submitted again.
     */
    @Override
    public List<JobRef> submitAll(List<JobSpec> batch, int maxActive) throws ExecutorException {
        if (maxActive < 1) {
            throw new IllegalArgumentException("maxActive must be at least 1: " + maxActive);
        }
        if (batch.isEmpty()) {
            return List.of();
        }
        knowAccounting();
        for (JobSpec s : batch) {
            refuseBeyondLimits(s);
        }
        // stay under the cluster's submit limit: what does not fit now is left for a later call
        int room = submitRoom(batch.size(), batch.get(0).job());
        if (room < batch.size()) {
            String note = room + " of " + batch.size() + " combinations submitted now; the rest wait until jobs leave"
                    + " the queue (" + limits.submitLimitName(batch.get(0).job()) + " on " + shell.host() + ")";
            // the engine offers the rest again every round: say it once per change
            if (!note.equals(lastRoomNote)) {
                notes.add(note);
                lastRoomNote = note;
            }
            batch = batch.subList(0, room);
            if (batch.isEmpty()) {
                return List.of();
            }
        }
        List<JobSpec> taken = batch;
        boolean sameResources = taken.stream().allMatch(s -> s.job().equals(taken.get(0).job())
                && s.timeLimit().equals(taken.get(0).timeLimit()));
        if (batch.size() == 1 || !sameResources) {
            List<JobRef> refs = new ArrayList<>();
            for (JobSpec s : batch) {
                refs.add(submitOne(prepare(s)));
            }
            return refs;
        }
        Map<Integer, JobRef> byCombination = new HashMap<>();
        List<Prepared> fresh = new ArrayList<>();
        for (JobSpec s : batch) {
            Prepared p = prepare(s);
            if (p.adoptedId != null) {
                byCombination.put(s.combinationId(), adopt(p));
            } else {
                fresh.add(p);
            }
        }
        if (fresh.size() == 1) {
            // one left after adoptions: an array of one would work too, but a plain job is simpler to read
            byCombination.put(fresh.get(0).spec.combinationId(), submitOne(fresh.get(0)));
        } else if (!fresh.isEmpty()) {
            // MaxArraySize caps the task ids of one array: larger batches go as several, chained to keep maxActive
            List<SbatchScripts.ArrayChunk> plan = SbatchScripts.planArrays(fresh.size(), maxActive,
                    limits.maxArraySize());
            List<String> arrayIds = new ArrayList<>();
            for (SbatchScripts.ArrayChunk chunk : plan) {
                String after = chunk.after() < 0 ? null : arrayIds.get(chunk.after());
                List<JobRef> refs = submitArray(fresh.subList(chunk.from(), chunk.from() + chunk.size()),
                        chunk.throttle(), after);
                arrayIds.add(baseId(refs.get(0).id()));
                for (JobRef ref : refs) {
                    byCombination.put(ref.combinationId(), ref);
                }
            }
            if (plan.size() > 1) {
                long window = plan.stream().filter(c -> c.after() < 0).count();
                notes.add(fresh.size() + " combinations as " + plan.size() + " job arrays (MaxArraySize="
                        + limits.maxArraySize() + " on " + shell.host() + "): " + window + " at a time, each at most "
                        + plan.get(0).throttle() + " running, the next starting when one has ended");
            }
        }
        List<JobRef> refs = new ArrayList<>();
        for (JobSpec s : batch) {
            refs.add(byCombination.get(s.combinationId()));
        }
        return refs;
    }

    /**
     * How many of {@code wanted} more jobs fit under the submit limit ({@link SiteLimits#submitLimit}, array
     * tasks one by one). The queue is counted (one squeue) only when this executor's own jobs would fill more than
     * half of the limit, since other jobs (other searches, other users for MaxJobCount) share it.
     */
    private int submitRoom(int wanted, JobConfig job) throws ExecutorException {
        int limit = limits.submitLimit(job);
        long own = specs.keySet().stream().filter(r -> !finished.containsKey(r)).count();
        if (own + wanted <= limit / 2) {
            return wanted;
        }
        // MaxSubmitJobs counts this user's pending and running jobs; MaxJobCount every job record slurmctld holds,
        // ended ones too until MinJobAge has passed (hence -t all)
        String count = (limits.submitLimitIsPerUser(job)
                ? ShellQuote.join("squeue", "-h", "-r", "-o", "%i") + " -u \"$(id -un)\""
                : ShellQuote.join("squeue", "-h", "-r", "-t", "all", "-o", "%i")) + " | wc -l";
        CommandResult r = query(count);
        long queued;
        try {
            queued = Long.parseLong(r.stdout().strip());
        } catch (NumberFormatException e) {
            queued = own; // cannot count: our own jobs are the least there are
        }
        return (int) Math.max(0, Math.min(wanted, limit - queued));
    }

    /**
     * Submits one job array, {@code --array=0-(n-1)%throttle}, after the array {@code afterId} when not
     * {@code null} ({@code --dependency=afterany}: however its tasks end).
     */
    private List<JobRef> submitArray(List<Prepared> batch, int throttle, String afterId) throws ExecutorException {
        List<String> dirs = new ArrayList<>();
        List<String> logs = new ArrayList<>();
        StringBuilder keys = new StringBuilder();
        for (Prepared p : batch) {
            dirs.add(p.dir);
            logs.add(remote(p.spec.logFile()));
            keys.append(p.key).append('\n');
        }
        JobSpec first = batch.get(0).spec;
        // inside the search folder of the batch: two searches submitting in the same second never share one
        String firstDir = batch.get(0).dir;
        String searchDir = firstDir.substring(0, Math.max(0, firstDir.lastIndexOf('/')));
        String batchDir = (searchDir.isEmpty() ? root() + "/.hpsearch" : searchDir) + "/.batches/"
                + LocalDateTime.now().format(BATCH_STAMP) + "-c" + first.combinationId() + "-" + nextBatch();
        try {
            ensureDir(batchDir);
            shell.upload(SbatchScripts.folderList(dirs), batchDir + "/folders.list");
            shell.upload(keys.toString().getBytes(StandardCharsets.UTF_8), batchDir + "/keys.list");
            shell.upload(SbatchScripts.arrayScript(batchDir + "/folders.list").getBytes(StandardCharsets.UTF_8),
                    batchDir + "/array.sh");
        } catch (SshBridgeException e) {
            throw new ExecutorException("Cannot prepare job array in " + batchDir + " on " + shell.host() + ": "
                    + e.getMessage(), e);
        }
        // Each task's output goes to task-<i>.log, a link to its combination's log.txt, so that log.txt also gets
        // what Slurm itself writes (time limit, cancellation).
        StringJoiner cmd = new StringJoiner(" && ");
        cmd.add("cd " + ShellQuote.quote(batchDir));
        for (int i = 0; i < dirs.size(); i++) {
            cmd.add(ShellQuote.join("ln", "-sfn", logs.get(i), "task-" + i + ".log"));
        }
        List<String> argv = new ArrayList<>(List.of("sbatch", "--parsable",
                "--array=0-" + (batch.size() - 1) + "%" + throttle));
        if (afterId != null) {
            argv.add("--dependency=afterany:" + afterId);
        }
        argv.addAll(SbatchScripts.resourceArgs(first.job(), profile, first.timeLimit(),
                "hp_batch_c" + first.combinationId()));
        String log = SbatchScripts.slurmFileName(batchDir) + "/task-%a.log";
        argv.addAll(List.of("--chdir=" + batchDir, "-o", log, "-e", log, batchDir + "/array.sh"));
        // the batch folder's own key: which combinations, in which order
        String batchKey = SbatchScripts.submissionKey(keys.toString().getBytes(StandardCharsets.UTF_8), batchDir);
        cmd.add(SbatchScripts.submitCommand(batchDir, batchKey, lockWaitSeconds(), batchDir + "/folders.list",
                batchDir + "/keys.list", argv));
        String arrayId = sbatch(cmd.toString(), "a job array of " + batch.size() + " combinations");
        List<JobRef> refs = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            JobRef ref = new JobRef(batch.get(i).spec.combinationId(), arrayId + "_" + i, "");
            specs.put(ref, batch.get(i).spec);
            digests.put(ref, batch.get(i).digests);
            refs.add(ref);
        }
        return refs;
    }

    private synchronized int nextBatch() {
        return ++batchCounter;
    }

    /**
     * A combination ready to submit: its remote folder, the key of this run, and the job already submitted for
     * it ({@code null} if none).
     */
    private record Prepared(JobSpec spec, String dir, String key, String adoptedId, Digests digests) {
    }

    /** SHA-256 (hex) of a job's script, {@code null} for a script found only on the cluster, and of its input.json. */
    private record Digests(String script, String input) {
    }

    private JobRef adopt(Prepared p) {
        JobRef ref = new JobRef(p.spec.combinationId(), p.adoptedId, "");
        specs.put(ref, p.spec);
        digests.put(ref, p.digests);
        return ref;
    }

    /**
     * The digests of a run: input.json as the cluster's copy reads, and the script when it is a file here (the
     * copy that is uploaded). A script found only on the cluster is not read from here: its digest stays unknown.
     */
    private Digests digests(JobSpec spec, byte[] remoteInput) {
        List<String> cmd = spec.command();
        String script = null;
        if (cmd.size() >= 2) {
            Path p = Path.of(cmd.get(cmd.size() - 2));
            if (p.isAbsolute() && Files.isRegularFile(p)) {
                String stamp = fileStamp(p);
                String[] known = scriptDigests.get(p);
                if (known == null || !known[0].equals(stamp)) {
                    known = new String[] {stamp, Provenance.sha256(p)};
                    scriptDigests.put(p, known);
                }
                script = known[1];
            }
        }
        return new Digests(script, Provenance.sha256(remoteInput));
    }

    /**
     * Creates the remote combination folder and, unless its marker names a job already submitted for this very
     * run, uploads what the run needs.
     */
    private Prepared prepare(JobSpec spec) throws ExecutorException {
        String dir = remote(spec.workDir());
        uploadProjectFiles(spec);
        byte[] input;
        try {
            input = remoteInput(Files.readAllBytes(spec.inputJson()), spec.workDir(), dir);
        } catch (IOException e) {
            throw new ExecutorException("Cannot read " + spec.inputJson() + " of combination " + spec.combinationId()
                    + ": " + IoErrors.describe(e), e);
        }
        try {
            ensureDir(dir);
            List<String> command = new ArrayList<>();
            List<String> local = spec.command();
            for (int i = 0; i < local.size(); i++) {
                // the seed's command line: interpreter words, then the script, then input.json
                command.add(remoteArg(local.get(i), i == local.size() - 2));
            }
            String script = SbatchScripts.jobScript(spec.combinationId(), dir, profile.setupLines(),
                    spec.job().modules(), container(spec.job().container()), spec.job().isGpu(), command);
            String key = SbatchScripts.submissionKey(input, script);
            String marker = dir + "/" + SbatchScripts.JOB_MARKER;
            if (shell.exists(marker)) {
                String id = SbatchScripts.markedJob(new String(shell.read(marker), StandardCharsets.UTF_8), key);
                if (id != null && MARKED_ID.matcher(id).matches()) {
                    return new Prepared(spec, dir, key, id, digests(spec, input));
                }
            }
            shell.upload(input, remote(spec.inputJson()));
            shell.upload(script.getBytes(StandardCharsets.UTF_8), dir + "/job.sh");
            // a stale output.json is removed by the submit command itself, so that an adopted job's stays
            return new Prepared(spec, dir, key, null, digests(spec, input));
        } catch (SshBridgeException e) {
            throw new ExecutorException("Cannot prepare combination " + spec.combinationId() + " in " + dir + " on "
                    + shell.host() + ": " + e.getMessage(), e);
        }
    }

    /**
     * A command element as the cluster runs it (the path rule, docs/decisions/0009): a path inside the local project
     * becomes the same relative path in the cluster's project folder; the script, when it exists here, is uploaded
     * (from outside the project into {@code .hpsearch/scripts/}); anything else (an interpreter, a script that
     * exists only on the cluster) is passed as written, so it names a path on the cluster.
     */
    private String remoteArg(String part, boolean isScript) throws SshBridgeException, ExecutorException {
        Path p;
        try {
            p = Path.of(part);
        } catch (RuntimeException e) {
            return part;
        }
        if (!p.isAbsolute()) {
            return part;
        }
        boolean inside = paths.covers(p);
        if (!isScript || !Files.isRegularFile(p)) {
            return inside ? remote(p) : part;
        }
        String remote = inside ? remote(p) : root() + "/" + SCRIPTS_FOLDER + "/" + p.getFileName();
        if (remote.equals(p.toString())) {
            return remote; // on the cluster itself: the script is where the jobs see it
        }
        String stamp = fileStamp(p);
        if (!stamp.equals(uploadedScripts.get(p))) {
            ensureDir(remote.substring(0, remote.lastIndexOf('/')));
            shell.upload(p, remote);
            uploadedScripts.put(p, stamp);
        }
        return remote;
    }

    /**
     * The container image as the job names it: a relative path is taken from the cluster's project folder (job.sh
     * runs in the combination folder); an absolute path or a URI ({@code docker://...}) as written.
     */
    private String container(String image) throws ExecutorException {
        if (image == null || image.startsWith("/") || image.contains("://")) {
            return image;
        }
        return root() + "/" + image;
    }

    /**
     * input.json as the job reads it on the cluster: its {@code save_folder} names the combination's folder there.
     * The local file keeps the local path, for everything shown or exported on this machine.
     */
    static byte[] remoteInput(byte[] local, Path localDir, String remoteDir) throws IOException {
        if (remoteDir.equals(localDir.toString())) {
            return local;
        }
        JsonNode tree = JsonFiles.STRICT.readTree(local);
        if (!(tree instanceof ObjectNode) || !tree.has("save_folder")) {
            return local;
        }
        ((ObjectNode) tree).put("save_folder", remoteDir);
        return JsonFiles.STRICT.writeValueAsBytes(tree);
    }

    /** Copies job_config {@code upload} into the cluster's project folder, once per executor, before the first job. */
    private void uploadProjectFiles(JobSpec spec) throws ExecutorException {
        List<String> entries = spec.job().upload();
        if (entries.isEmpty() || !uploadedProjectFiles.add(entries)) {
            return;
        }
        String project = root();
        if (project.equals(paths.localRoot().toString())) {
            return; // on the cluster itself: the files are already there
        }
        try {
            ProjectUpload.Result r = ProjectUpload.sync(shell, paths.localRoot(), project, entries,
                    settings.commandTimeout());
            String note = "job_config upload to " + project + " on " + shell.host() + ": " + r.describe();
            uploadReports.add(note);
            notes.add(note);
        } catch (IOException e) {
            uploadedProjectFiles.remove(entries);
            throw new ExecutorException("Cannot upload " + entries + " (job_config \"upload\") to " + project + " on "
                    + shell.host() + ": " + e.getMessage(), e);
        }
    }

    /** What the uploads of job_config {@code upload} did (all of them, unlike {@link #drainNotes()}). */
    public List<String> uploadReports() {
        return List.copyOf(uploadReports);
    }

    @Override
    public List<String> drainNotes() {
        List<String> out = new ArrayList<>();
        for (String n; (n = notes.poll()) != null; ) {
            out.add(n);
        }
        return out;
    }

    private static String fileStamp(Path p) {
        try {
            return Files.size(p) + "@" + Files.getLastModifiedTime(p).toMillis();
        } catch (IOException e) {
            return "";
        }
    }

    private void ensureDir(String dir) throws SshBridgeException {
        if (createdDirs.add(dir)) {
            try {
                shell.mkdirs(dir);
            } catch (SshBridgeException e) {
                createdDirs.remove(dir);
                throw e;
            }
        }
    }

    /**
     * Runs a submit command of {@link SbatchScripts#submitCommand}. It submits at most once however often it is
     * sent, so the shell may send it again after a dropped connection (and does, within its reconnect window).
     */
    private String sbatch(String command, String what) throws ExecutorException {
        CommandResult r;
        try {
            r = shell.execIdempotent(ShellQuote.withSetup(profile.setupLines(), command), settings.commandTimeout());
        } catch (SshBridgeException e) {
            // sent, perhaps run, answer lost: the marker lets a later submit of the same spec find the job
            throw new SubmitUncertainException("Cannot submit " + what + ": " + e.getMessage(), e);
        }
        if (r.exitStatus() == SbatchScripts.SUBMIT_BUSY) {
            throw new SubmitUncertainException("Cannot submit " + what + " yet " + r.describe(), null);
        }
        if (!r.ok()) {
            throw new ExecutorException("sbatch refused " + what + " " + r.describe());
        }
        String[] lines = r.stdout().strip().split("\n");
        Matcher m = JOB_ID.matcher(lines[lines.length - 1].strip());
        if (!m.matches()) {
            throw new ExecutorException("sbatch on " + shell.host() + " printed no job id for " + what + ": "
                    + r.stdout().strip() + " " + r.stderr().strip());
        }
        return m.group(1);
    }

    /** How long a re-sent submit command waits for the first copy, still running after the drop, to finish. */
    private long lockWaitSeconds() {
        return Math.max(1, settings.commandTimeout().toSeconds() / 2);
    }

    private synchronized String root() throws ExecutorException {
        if (!rootResolved) {
            try {
                shell.mkdirs(paths.remoteRoot());
                paths = paths.withRemoteRoot(shell.absolutePath(paths.remoteRoot()));
                rootResolved = true;
            } catch (SshBridgeException e) {
                throw new ExecutorException("Cannot use the remote project folder " + paths.remoteRoot() + " on "
                        + shell.host() + ": " + e.getMessage(), e);
            }
        }
        return paths.remoteRoot();
    }

    private String remote(Path local) throws ExecutorException {
        root();
        return paths.remote(local);
    }

    // ---------------------------------------------------------------- poll

    @Override
    public Map<JobRef, JobStatus> poll(Collection<JobRef> jobs) throws ExecutorException {
        Map<JobRef, JobStatus> result = pollOnce(jobs);
        boolean changed = false;
        for (Map.Entry<JobRef, JobStatus> e : result.entrySet()) {
            JobStatus.State before = lastStates.put(e.getKey(), e.getValue().state());
            changed |= before != e.getValue().state();
            if (e.getValue().isTerminal()) {
                lastStates.remove(e.getKey());
            }
        }
        // adaptive polling: quick while jobs change state, backing off to the poll interval while nothing happens
        long max = settings.pollInterval().toMillis();
        nextWaitMs = changed ? Math.min(MIN_POLL_MS, max) : Math.min(max, Math.round(nextWaitMs * 1.5));
        return result;
    }

    private Map<JobRef, JobStatus> pollOnce(Collection<JobRef> jobs) throws ExecutorException {
        Map<JobRef, JobStatus> result = new LinkedHashMap<>();
        List<JobRef> active = new ArrayList<>();
        for (JobRef ref : jobs) {
            if (!specs.containsKey(ref)) {
                throw new IllegalArgumentException("job " + ref.id() + " (combination " + ref.combinationId()
                        + ") was not submitted by this executor; reattach it first");
            }
            JobStatus done = finished.get(ref);
            if (done != null) {
                result.put(ref, done);
            } else {
                active.add(ref);
            }
        }
        if (active.isEmpty()) {
            return result;
        }
        Map<String, SlurmRecord> queued = squeue(active);
        List<JobRef> gone = new ArrayList<>();
        for (JobRef ref : active) {
            SlurmRecord rec = queued.get(ref.id());
            if (rec != null && SlurmStates.isActive(rec.state)) {
                result.put(ref, SlurmStates.queuedStatus(rec.state, rec.pendingReason, ref.id()));
            } else {
                gone.add(ref);
            }
        }
        if (!gone.isEmpty()) {
            Map<String, SlurmRecord> ended = finalStates(gone);
            for (JobRef ref : gone) {
                SlurmRecord rec = ended.get(ref.id());
                JobStatus status = rec != null ? SlurmStates.toStatus(rec.state, rec.exitCode, rec.runtime)
                        : new JobStatus(JobStatus.State.LOST, null, "Slurm on " + shell.host() + " no longer knows job "
                        + ref.id() + " (not in squeue, sacct or scontrol)", null);
                Digests d = digests.getOrDefault(ref, new Digests(null, null));
                status = status.withProvenance((rec != null ? rec.provenance() : Provenance.NONE)
                        .withDigests(d.script(), d.input()));
                if (!status.isTerminal()) {
                    result.put(ref, status); // left squeue between the two calls; next poll sees its end
                    continue;
                }
                collect(ref);
                status = SlurmStates.withLog(status, logTail(specs.get(ref).logFile()));
                finished.put(ref, status);
                result.put(ref, status);
            }
        }
        return result;
    }

    /** Starts each job's part of the output of {@link #readProgress}, followed by the job's index. */
    static final String PROGRESS_MARK = "==hpsearch-progress ";

    /**
     * The new bytes of every job's progress.jsonl with one remote command: per job a mark line, then
     * {@code tail -c +OFFSET FILE | head -c MAX}. The bytes are appended to the local file too, so that the local
     * folder holds the curve (for the desktop app and a resumed search).
     */
    @Override
    public Map<JobRef, byte[]> readProgress(List<ProgressTail> tails) throws ExecutorException {
        Map<JobRef, byte[]> out = new LinkedHashMap<>();
        if (tails.isEmpty()) {
            return out;
        }
        CommandResult r = query(progressCommand(tails));
        if (!r.ok()) {
            throw new ExecutorException("cannot read the runs' progress.jsonl " + r.describe());
        }
        List<String> parts = progressParts(r.stdout(), tails.size());
        for (int i = 0; i < tails.size(); i++) {
            ProgressTail t = tails.get(i);
            byte[] bytes = parts.get(i).getBytes(StandardCharsets.UTF_8);
            out.put(t.job(), bytes);
            if (bytes.length > 0) {
                try {
                    Files.write(t.localFile(), bytes, java.nio.file.StandardOpenOption.CREATE,
                            java.nio.file.StandardOpenOption.APPEND);
                } catch (IOException e) {
                    notes.add("cannot copy the progress of job " + t.job().id() + " into " + t.localFile() + ": "
                            + IoErrors.describe(e));
                }
            }
        }
        return out;
    }

    /** The one command that prints the new bytes of each file after its mark; every argument quoted. */
    String progressCommand(List<ProgressTail> tails) throws ExecutorException {
        StringBuilder cmd = new StringBuilder();
        for (int i = 0; i < tails.size(); i++) {
            ProgressTail t = tails.get(i);
            // a newline before each mark ends a last line that lacks its own
            cmd.append(ShellQuote.join("printf", "\\n%s\\n", PROGRESS_MARK + i)).append("; ")
                    .append(ShellQuote.join("tail", "-c", "+" + (t.offset() + 1), remote(t.localFile())))
                    .append(" 2>/dev/null | ").append(ShellQuote.join("head", "-c", String.valueOf(ProgressTail.MAX_BYTES)))
                    .append("; ");
        }
        cmd.append("true");
        return cmd.toString();
    }

    /** Splits the output of {@link #progressCommand} into the bytes of each of {@code n} files, in order. */
    static List<String> progressParts(String stdout, int n) throws ExecutorException {
        List<String> parts = new ArrayList<>(n);
        int at = 0;
        for (int i = 0; i < n; i++) {
            String mark = "\n" + PROGRESS_MARK + i + "\n";
            if (!stdout.startsWith(mark, at)) {
                throw new ExecutorException("the output of the progress read lacks the mark of file " + i);
            }
            int from = at + mark.length();
            int next = i + 1 < n ? stdout.indexOf("\n" + PROGRESS_MARK + (i + 1) + "\n", from) : stdout.length();
            if (next < 0) {
                throw new ExecutorException("the output of the progress read lacks the mark of file " + (i + 1));
            }
            parts.add(stdout.substring(from, next));
            at = next;
        }
        return parts;
    }

    /** The poll interval: with a pruner, progress is read once per poll, in the same rhythm. */
    @Override
    public Duration progressInterval() {
        return settings.pollInterval();
    }

    /**
     * What squeue, sacct, scontrol or the jobcomp file said about a job.
     *
     * @param nodes         Slurm's NodeList
     * @param cpuSeconds    TotalCPU (sacct only)
     * @param maxRssBytes   the largest MaxRSS of the job's steps (sacct only)
     * @param source        which command said it: {@code squeue}, {@code sacct}, {@code scontrol} or {@code jobcomp}
     * @param pendingReason why a queued job waits (squeue's reason), or null
     */
    record SlurmRecord(String id, String state, String exitCode, Duration runtime, String nodes, Double cpuSeconds,
                       Long maxRssBytes, String source, String pendingReason) {

        SlurmRecord(String id, String state, String exitCode, Duration runtime) {
            this(id, state, exitCode, runtime, null, null, null, "squeue", null);
        }

        SlurmRecord(String id, String state, String exitCode, Duration runtime, String pendingReason) {
            this(id, state, exitCode, runtime, null, null, null, "squeue", pendingReason);
        }

        SlurmRecord(String id, String state, String exitCode, Duration runtime, String nodes, Double cpuSeconds,
                    Long maxRssBytes, String source) {
            this(id, state, exitCode, runtime, nodes, cpuSeconds, maxRssBytes, source, null);
        }

        /** The Slurm part of a run's provenance. */
        Provenance provenance() {
            String first = state == null || state.isBlank() ? null : state.trim().split("\\s+")[0];
            return new Provenance(nodes == null || nodes.isBlank() || nodes.startsWith("(") ? null : nodes, first,
                    exitCode == null || exitCode.isBlank() ? null : exitCode,
                    runtime == null ? null : (double) runtime.toSeconds(), cpuSeconds, maxRssBytes, source, null, null,
                    null);
        }
    }

    private static String baseId(String id) {
        int u = id.indexOf('_');
        return u < 0 ? id : id.substring(0, u);
    }

    private Map<String, SlurmRecord> squeue(List<JobRef> active) throws ExecutorException {
        Set<String> ids = new LinkedHashSet<>();
        active.forEach(r -> ids.add(baseId(r.id())));
        String cmd = ShellQuote.join("squeue", "-h", "-r", "-j", String.join(",", ids), "-o", "%i|%T|%A|%r");
        CommandResult r = query(cmd);
        Map<String, SlurmRecord> m = new HashMap<>();
        if (!r.ok()) {
            if (r.stderr().contains("Invalid job id")) {
                return m; // none of them is known any more
            }
            throw new ExecutorException("squeue failed " + r.describe());
        }
        for (String line : r.stdout().split("\n")) {
            String[] f = line.strip().split("\\|");
            if (f.length >= 3) {
                m.put(f[0], new SlurmRecord(f[0], f[1], null, null, f.length >= 4 ? f[3] : null));
                if (f[0].contains("_")) {
                    rawIds.put(f[0], f[2]);
                }
            }
        }
        return m;
    }

    /** Final states of jobs that left the queue: sacct, else scontrol, else sacct -c (the jobcomp file). */
    private Map<String, SlurmRecord> finalStates(List<JobRef> gone) throws ExecutorException {
        Map<String, SlurmRecord> found = new HashMap<>();
        Set<String> wanted = new HashSet<>();
        gone.forEach(r -> wanted.add(r.id()));
        if (!Boolean.FALSE.equals(accounting)) {
            Set<String> ids = new LinkedHashSet<>();
            gone.forEach(r -> ids.add(baseId(r.id())));
            // every step too (no -X): MaxRSS is a step's figure, the job's own line has none
            CommandResult r = query(ShellQuote.join("sacct", "-n", "-P", "--units=K", "-j", String.join(",", ids),
                    "-o", SACCT_FIELDS));
            if (r.ok()) {
                accounting = true;
                parseSacct(r.stdout(), wanted, found, null, "sacct");
            } else if (r.stderr().toLowerCase().contains("accounting storage is disabled")) {
                accounting = false;
            } else {
                throw new ExecutorException("sacct failed " + r.describe());
            }
        }
        if (found.keySet().containsAll(wanted)) {
            return found;
        }
        // sacct -c knows array tasks only by their own job id, seen earlier in squeue
        Map<String, String> byRaw = new HashMap<>();
        for (String id : wanted) {
            String raw = id.contains("_") ? rawIds.get(id) : id;
            if (raw != null) {
                byRaw.put(raw, id);
            }
        }
        // one remote command for both fallbacks, so that a poll costs at most two (squeue + this)
        String command = "scontrol -o show job";
        if (!byRaw.isEmpty()) {
            command += "; echo " + SECTION + "; " + ShellQuote.join("sacct", "-c", "-n", "-P", "-j",
                    String.join(",", byRaw.keySet()), "-o", JOBCOMP_FIELDS);
        }
        CommandResult r = query(command);
        String out = r.stdout();
        int cut = out.indexOf(SECTION);
        String scontrol = cut < 0 ? out : out.substring(0, cut);
        parseScontrol(scontrol, wanted).forEach(found::putIfAbsent);
        if (cut >= 0) {
            Map<String, SlurmRecord> fromJobcomp = new HashMap<>();
            parseSacct(out.substring(cut + SECTION.length()), byRaw.keySet(), fromJobcomp, byRaw, "jobcomp");
            fromJobcomp.forEach(found::putIfAbsent);
        }
        return found;
    }

    /**
     * Learns once, outside polls, whether {@code sacct} works here (accounting storage on), so that a poll never
     * spends a command finding out.
     */
    private void knowAccounting() throws ExecutorException {
        if (accounting != null && limits != null) {
            return;
        }
        // one command for the configuration and the partitions; sacctmgr only where accounting exists
        CommandResult r = query("scontrol show config; echo " + SECTION + "; scontrol -o show partition");
        String config = "";
        String partitions = "";
        if (r.ok() || !r.stdout().isBlank()) {
            String out = r.stdout();
            int cut = out.indexOf(SECTION);
            config = cut < 0 ? out : out.substring(0, cut);
            partitions = cut < 0 ? "" : out.substring(cut + SECTION.length());
            for (String line : config.split("\n")) {
                if (line.strip().startsWith("AccountingStorageType")) {
                    accounting = !line.contains("accounting_storage/none");
                }
            }
        }
        String maxSubmit = null;
        String qos = null;
        if (Boolean.TRUE.equals(accounting)) {
            CommandResult a = query("sacctmgr -n -P show assoc where user=\"$(id -un)\" format=MaxSubmit; echo "
                    + SECTION + "; sacctmgr -n -P show qos format=Name,MaxSubmitPU,MaxWall");
            String out = a.stdout();
            int cut = out.indexOf(SECTION);
            maxSubmit = cut < 0 ? out : out.substring(0, cut);
            qos = cut < 0 ? null : out.substring(cut + SECTION.length());
        }
        limits = SiteLimits.parse(config, partitions, maxSubmit, qos);
    }

    /**
     * Jobs of {@code scontrol -o show job} output (one job a line) that are wanted: state, exit code, RunTime and
     * NodeList. scontrol knows no CPU time or memory use of a finished job.
     */
    static Map<String, SlurmRecord> parseScontrol(String out, Set<String> wanted) {
        Map<String, SlurmRecord> found = new HashMap<>();
        for (String line : out.split("\n")) {
            Map<String, String> kv = scontrolFields(line);
            String id = kv.containsKey("ArrayTaskId") && kv.containsKey("ArrayJobId")
                    ? kv.get("ArrayJobId") + "_" + kv.get("ArrayTaskId") : kv.get("JobId");
            if (id != null && wanted.contains(id) && !found.containsKey(id)) {
                found.put(id, new SlurmRecord(id, kv.get("JobState"), kv.get("ExitCode"),
                        SlurmStates.parseDuration(kv.get("RunTime")), kv.get("NodeList"), null, null, "scontrol"));
            }
        }
        return found;
    }

    /**
     * Parses {@code sacct -P} lines of {@link #SACCT_FIELDS} (or the first five of them, {@link #JOBCOMP_FIELDS}).
     * A job's own line ({@code 123}, {@code 123_4}) gives its state, exit code, elapsed time and nodes; its steps'
     * lines ({@code 123.batch}, {@code 123_4.extern}) give MaxRSS, of which the largest is kept, and TotalCPU, added
     * up when the job's line has none.
     *
     * @param rename Slurm ids to the ids the jobs are known by (array tasks in the jobcomp file), or {@code null}
     * @param source what to record as the figures' source
     */
    static void parseSacct(String out, Set<String> wanted, Map<String, SlurmRecord> found,
                           Map<String, String> rename, String source) {
        Map<String, SlurmRecord> jobs = new LinkedHashMap<>();
        Map<String, Long> rss = new HashMap<>();
        Map<String, Double> stepCpu = new HashMap<>();
        for (String line : out.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length < 4) {
                continue;
            }
            int dot = f[0].indexOf('.');
            String job = dot < 0 ? f[0] : f[0].substring(0, dot);
            if (!wanted.contains(job)) {
                continue;
            }
            Double cpu = f.length > 5 ? SlurmStates.parseCpuTime(f[5]) : null;
            Long mem = f.length > 6 ? SlurmStates.parseMemory(f[6]) : null;
            if (mem != null) {
                rss.merge(job, mem, Math::max);
            }
            if (dot < 0) {
                String id = rename != null ? rename.get(job) : job;
                jobs.put(job, new SlurmRecord(id, f[1], f[2], SlurmStates.parseDuration(f[3]),
                        f.length > 4 ? f[4] : null, cpu, null, source));
            } else if (cpu != null) {
                stepCpu.merge(job, cpu, Double::sum);
            }
        }
        jobs.forEach((job, r) -> {
            Double cpu = r.cpuSeconds() != null && r.cpuSeconds() > 0 ? r.cpuSeconds()
                    : stepCpu.getOrDefault(job, r.cpuSeconds());
            found.put(r.id(), new SlurmRecord(r.id(), r.state(), r.exitCode(), r.runtime(), r.nodes(), cpu,
                    rss.get(job), source));
        });
    }

    /** {@code Key=Value} pairs of one {@code scontrol -o} line (values without spaces are all we read). */
    static Map<String, String> scontrolFields(String line) {
        Map<String, String> kv = new HashMap<>();
        for (String tok : line.strip().split("\\s+")) {
            int eq = tok.indexOf('=');
            if (eq > 0) {
                kv.putIfAbsent(tok.substring(0, eq), tok.substring(eq + 1));
            }
        }
        return kv;
    }

    private CommandResult query(String command) throws ExecutorException {
        try {
            return shell.execIdempotent(ShellQuote.withSetup(profile.setupLines(), command), settings.commandTimeout());
        } catch (SshBridgeException e) {
            throw new ExecutorException("Cannot ask Slurm about jobs: " + e.getMessage(), e);
        }
    }

    /**
     * The partition's {@code MaxTime} and {@code MaxMemPerNode}, from the site's limits read once per session
     * ({@link #siteLimits()}, the same reading that splits arrays and refuses jobs); none where unlimited.
     */
    @Override
    public ResourceLimits limits(JobConfig job) throws ExecutorException {
        String partition = job.partition() != null && !job.partition().isBlank() ? job.partition()
                : profile.partitionFor(job.processorType());
        SiteLimits site = siteLimits();
        String name = partition != null ? partition : site.defaultPartition();
        SiteLimits.Partition p = name == null ? null : site.partitions().get(name);
        if (p == null) {
            return ResourceLimits.NONE;
        }
        Double hours = p.maxTime() == null ? null : p.maxTime().toSeconds() / 3600.0;
        // --mem is asked in whole GB: round down to fit
        Integer gb = p.maxMemPerNode() <= 0 ? null : (int) Math.min(Integer.MAX_VALUE, p.maxMemPerNode() / 1024);
        return new ResourceLimits(hours, gb, "partition " + p.name());
    }

    /** The last 16 KB of a local log file, or empty when it cannot be read. */
    private static String logTail(Path log) {
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(log.toFile(), "r")) {
            long from = Math.max(0, f.length() - 16384);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            return new String(tail, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** Downloads output.json and log.txt of an ended job into its local folder (those that exist). */
    private void collect(JobRef ref) throws ExecutorException {
        JobSpec spec = specs.get(ref);
        String dir = remote(spec.workDir());
        try {
            if (!shell.exists(dir)) {
                return; // never prepared here, or removed: nothing to fetch
            }
            Map<String, Long> present = new HashMap<>();
            for (RemoteFile f : shell.list(dir)) {
                present.put(f.name(), f.size());
            }
            if (present.containsKey("output.json")) {
                // one byte past the engine's reading cap, so that an output.json too large is still seen as such
                Path local = spec.workDir().resolve("output.json");
                long left = shell.download(dir + "/output.json", local, OUTPUT_JSON_LIMIT + 1, false);
                try {
                    if (left > 0) {
                        OutputParser.writeCutNote(local, Math.max(present.get("output.json"), OUTPUT_JSON_LIMIT + 1 + left));
                    } else {
                        Files.deleteIfExists(OutputParser.cutNote(local));
                    }
                } catch (IOException e) {
                    throw new SshBridgeException("Cannot write " + OutputParser.cutNote(local) + ": " + IoErrors.describe(e), e);
                }
            }
            if (present.containsKey(SbatchScripts.JOB_MARKER)) {
                // The run is over and the engine learns so now: a later submit of this combination is a new run,
                // not this job. (A journal that lacks this end still names the job by id, so nothing is lost.)
                String marker = dir + "/" + SbatchScripts.JOB_MARKER;
                String line = new String(shell.read(marker), StandardCharsets.UTF_8).strip();
                if (line.startsWith(ref.id() + " ")) {
                    shell.remove(marker);
                }
            }
            String log = remote(spec.logFile());
            if (log.equals(dir + "/" + spec.logFile().getFileName()) ? present.containsKey(spec.logFile().getFileName().toString())
                    : shell.exists(log)) {
                shell.download(log, spec.logFile(), LOG_LIMIT, true);
            }
        } catch (SshBridgeException e) {
            IOException local = unwritable(spec.workDir());
            if (local != null) {
                // the job's result stays on the cluster, where a resume after the fix collects it
                throw new LocalFolderException("cannot copy the results of job " + ref.id() + " (combination "
                        + ref.combinationId() + ") into " + spec.workDir() + ": " + IoErrors.describe(local), e);
            }
            throw new ExecutorException("Cannot fetch the results of job " + ref.id() + " (combination "
                    + ref.combinationId() + ") from " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Why a local folder cannot take a file (read-only, full), or null when it can. */
    private static IOException unwritable(Path dir) {
        Path probe = dir.resolve(".hpsearch_probe");
        try {
            // a few kilobytes: an empty file may still fit on a full disk
            Files.write(probe, new byte[8192]);
            Files.delete(probe);
            return null;
        } catch (IOException e) {
            return e;
        }
    }

    // ---------------------------------------------------------------- cancel, reattach, wait

    /** Job arrays carry {@code %max_active_points}: Slurm keeps the limit. */
    @Override
    public boolean throttlesBatches() {
        return true;
    }

    @Override
    public void cancel(JobRef job) throws ExecutorException {
        CommandResult r;
        try {
            r = shell.exec(ShellQuote.withSetup(profile.setupLines(), ShellQuote.join("scancel", job.id())),
                    settings.commandTimeout());
        } catch (SshBridgeException e) {
            throw new ExecutorException("Cannot cancel job " + job.id() + ": " + e.getMessage(), e);
        }
        if (!r.ok() && !r.stderr().contains("already completing or completed") && !r.stderr().contains("Invalid job id")) {
            throw new ExecutorException("scancel failed " + r.describe());
        }
    }

    @Override
    public JobStatus reattach(JobRef job, JobSpec spec) throws ExecutorException {
        knowAccounting();
        specs.put(job, spec);
        try {
            // the files now: the best guess for a run submitted by an earlier coordinator
            digests.put(job, digests(spec, remoteInput(Files.readAllBytes(spec.inputJson()), spec.workDir(),
                    remote(spec.workDir()))));
        } catch (IOException e) {
            digests.remove(job);
        }
        return poll(List.of(job)).get(job);
    }

    @Override
    public void awaitChange(Duration timeout) throws InterruptedException {
        long ms = Math.min(nextWaitMs, Math.max(0, timeout.toMillis()));
        if (ms > 0) {
            Thread.sleep(ms);
        }
    }

    /** Forgets jobs; the shell stays open (its owner closes it). Running jobs keep running. */
    @Override
    public void close() {
        specs.clear();
        finished.clear();
        digests.clear();
    }
}
