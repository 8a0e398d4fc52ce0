package dev.hpsearch.optimizer.exec;

import dev.hpsearch.optimizer.text.IoErrors;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs each job as a process on this machine, with the combination folder as working directory and stdout
 * and stderr appended to its {@code log.txt}. A job past its time limit is stopped with every process it
 * started: SIGTERM first, SIGKILL after a grace period. Job ids are process ids; the token is the process start
 * time, so that a reused pid is never mistaken for a job after a restart.
 *
 * <p>Each run's environment carries {@value #MARK} set to its combination folder. A daemon that left the run's
 * process tree (a double fork, setsid) keeps that variable, so stopping a run also stops every process that
 * carries its mark (found in {@code /proc/PID/environ}, where there is a {@code /proc}).
 *
 * <p>Provenance of each run (docs/decisions/0015): this machine's host name, the SHA-256 of the script and of
 * input.json at submission, and, sampled every {@value #SAMPLE_MS} ms from {@code /proc} while the run lives, its
 * peak resident memory and CPU time. Java cannot read a child's resource usage at its end ({@code wait4} is the
 * JDK's), so the figures are those of the last sample: a run shorter than one sample has none, and CPU time may
 * miss the last fraction of a second.
 */
public final class LocalProcessExecutor implements Executor {
    /** The environment variable that marks every process of a run. */
    public static final String MARK = "HPSEARCH_RUN";
    private static final File DEV_NULL = new File("/dev/null");
    private static final Path PROC = Path.of("/proc");
    /** Rounds of looking for marked processes when killing: one may fork while the previous round kills. */
    private static final int KILL_ROUNDS = 5;
    /** How often a run's memory and CPU time are sampled. */
    static final long SAMPLE_MS = 100;
    /** Linux's USER_HZ: the unit of the CPU times in {@code /proc/PID/stat} (100 on every Linux architecture). */
    private static final double CLOCK_TICKS = 100.0;
    private final java.util.concurrent.ScheduledExecutorService sampler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hpsearch-run-sampler");
                t.setDaemon(true);
                return t;
            });
    private final java.util.concurrent.atomic.AtomicBoolean sampling = new java.util.concurrent.atomic.AtomicBoolean();
    private volatile String hostName;
    private final Clock clock;
    private final Duration grace;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final Semaphore changes = new Semaphore(0);
    private final Map<String, String> programs = new ConcurrentHashMap<>();

    /** A process this executor watches. */
    private static final class Job {
        final ProcessHandle handle;
        final Process process;
        final Instant start;
        final Instant deadline;
        final Duration limit;
        final String mark;
        volatile Instant end;
        JobStatus.State forcedState;
        Instant killAt;
        List<ProcessHandle> tree = List.of();
        /** SHA-256 of the script and of input.json at submission, or null. */
        String scriptSha256;
        String inputSha256;
        /** The largest figures sampled so far: resident bytes, CPU seconds; negative while none. */
        volatile long peakRss = -1;
        volatile double cpuSeconds = -1;

        Job(ProcessHandle handle, Process process, Instant start, Duration limit, String mark) {
            this.handle = handle;
            this.process = process;
            this.start = start;
            this.limit = limit;
            this.deadline = start.plus(limit);
            this.mark = mark;
        }
    }

    /**
     * @param clock the time source for time limits
     * @param grace time between SIGTERM and SIGKILL when a job is stopped
     */
    public LocalProcessExecutor(Clock clock, Duration grace) {
        this.clock = clock;
        this.grace = grace;
    }

    public LocalProcessExecutor() {
        this(Clock.systemUTC(), Duration.ofSeconds(3));
    }

    @Override
    public JobRef submit(JobSpec spec) throws ExecutorException {
        List<String> command = new ArrayList<>(spec.command());
        command.set(0, programs.computeIfAbsent(command.get(0), LocalProcessExecutor::onPath));
        Path program = Path.of(command.get(0));
        if (command.get(0).contains("/") && !(Files.isRegularFile(program) && Files.isExecutable(program))) {
            throw new ExecutorException("cannot start " + program + ": "
                    + (Files.isDirectory(program) ? "it is a folder" : Files.exists(program)
                    ? "it is not an executable file" : "no such file") + " (environment_path)");
        }
        String mark = mark(spec);
        ProcessBuilder pb = new ProcessBuilder(command)
                .directory(spec.workDir().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(DEV_NULL))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
        pb.environment().put(MARK, mark);
        Process p;
        try {
            Files.createDirectories(spec.workDir());
            p = pb.start();
        } catch (IOException e) {
            throw new ExecutorException("cannot start " + String.join(" ", spec.command()) + " in "
                    + spec.workDir() + ": " + startFailure(e), e);
        }
        Instant start = clock.instant();
        ProcessHandle h = p.toHandle();
        Job job = new Job(h, p, start, spec.timeLimit(), mark);
        digests(job, spec);
        String id = Long.toString(p.pid());
        jobs.put(id, job);
        startSampling();
        p.onExit().thenRun(() -> ended(job));
        return new JobRef(spec.combinationId(), id, token(h));
    }

    /** The digests of what the run reads: the script (the command's second-to-last word) and input.json. */
    private static void digests(Job job, JobSpec spec) {
        List<String> cmd = spec.command();
        job.scriptSha256 = cmd.size() >= 2 ? Provenance.sha256(Path.of(cmd.get(cmd.size() - 2))) : null;
        job.inputSha256 = Provenance.sha256(spec.inputJson());
    }

    private void startSampling() {
        if (sampling.compareAndSet(false, true)) {
            try {
                sampler.scheduleWithFixedDelay(this::sampleAll, SAMPLE_MS, SAMPLE_MS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closed: runs started now go unsampled, their provenance lacks memory and CPU time
            }
        }
    }

    private void sampleAll() {
        for (Job job : jobs.values()) {
            try {
                sample(job);
            } catch (RuntimeException e) {
                // a process that vanished mid-read: the next sample or the last one stands
            }
        }
    }

    /**
     * One sample of a run's process tree. Memory: the larger of the sum of the processes' current resident sizes
     * (what Slurm's jobacct_gather/linux also adds up) and the largest single process's high-water mark
     * ({@code VmHWM}, which catches a peak between samples). CPU: user + system time of each live process plus
     * that of the children it has reaped.
     */
    private static void sample(Job job) {
        if (!job.handle.isAlive()) {
            return;
        }
        List<ProcessHandle> procs = new ArrayList<>();
        procs.add(job.handle);
        job.handle.descendants().forEach(procs::add);
        long rssSum = 0;
        long hwmMax = 0;
        double cpu = 0;
        boolean fromProc = false;
        for (ProcessHandle ph : procs) {
            long[] mem = memory(ph.pid());
            double c = procCpu(ph.pid());
            if (mem != null) {
                fromProc = true;
                rssSum += mem[0];
                hwmMax = Math.max(hwmMax, mem[1]);
            }
            if (c >= 0) {
                cpu += c;
            } else {
                // no /proc (macOS): the JDK's figure, without reaped children
                cpu += ph.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0);
            }
        }
        if (fromProc) {
            job.peakRss = Math.max(job.peakRss, Math.max(rssSum, hwmMax));
        }
        job.cpuSeconds = Math.max(job.cpuSeconds, cpu);
    }

    /** {VmRSS, VmHWM} in bytes from /proc/PID/status, or null where there is none (no /proc, a zombie). */
    private static long[] memory(long pid) {
        List<String> lines;
        try {
            lines = Files.readAllLines(PROC.resolve(Long.toString(pid)).resolve("status"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return null;
        }
        long rss = -1;
        long hwm = -1;
        for (String line : lines) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line);
            } else if (line.startsWith("VmHWM:")) {
                hwm = kib(line);
            }
        }
        return rss < 0 && hwm < 0 ? null : new long[] {Math.max(rss, 0), Math.max(hwm, 0)};
    }

    private static long kib(String line) {
        String[] f = line.trim().split("\\s+");
        try {
            return Long.parseLong(f[1]) * 1024;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** utime + stime + cutime + cstime of /proc/PID/stat in seconds, or -1 where there is none. */
    private static double procCpu(long pid) {
        String stat;
        try {
            stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        // the command name (field 2) may hold spaces and parentheses: count fields after its last ')'
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            return -1;
        }
        String[] f = stat.substring(close + 2).trim().split(" ");
        // f[0] is field 3 (state): utime..cstime are fields 14..17
        try {
            long ticks = 0;
            for (int i = 11; i <= 14; i++) {
                ticks += Long.parseLong(f[i]);
            }
            return ticks / CLOCK_TICKS;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** This machine's name, read once. */
    private String hostName() {
        String h = hostName;
        if (h == null) {
            try {
                h = Files.readString(PROC.resolve("sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
            } catch (IOException | RuntimeException e) {
                h = "";
            }
            if (h.isEmpty()) {
                try {
                    h = java.net.InetAddress.getLocalHost().getHostName();
                } catch (IOException e) {
                    h = "localhost";
                }
            }
            hostName = h;
        }
        return h;
    }

    /** What this executor knows of where and how a run ran. */
    private Provenance provenance(Job job, JobStatus status) {
        return new Provenance(hostName(), status.state().name(),
                status.exitCode() == null ? null : status.exitCode().toString(),
                status.runtime() == null ? null : status.runtime().toMillis() / 1000.0,
                job.cpuSeconds < 0 ? null : job.cpuSeconds, job.peakRss < 0 ? null : job.peakRss, "local",
                job.scriptSha256, job.inputSha256, null);
    }

    /**
     * The absolute path of a program named without a folder, found on PATH once per search rather than by every
     * start (the child would try each PATH entry in turn); the name itself when it is not found.
     */
    private static String onPath(String program) {
        String path = System.getenv("PATH");
        if (program.contains("/") || path == null) {
            return program;
        }
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                java.nio.file.Path candidate = java.nio.file.Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return candidate.toString();
                }
            }
        }
        return program;
    }

    /** The mark of a run's processes: its combination folder, the same for a re-attached run. */
    private static String mark(JobSpec spec) {
        return spec.workDir().toAbsolutePath().normalize().toString();
    }

    /** The operating system's reason why a process did not start, without the JDK's wording around it. */
    private static String startFailure(IOException e) {
        if (e instanceof java.nio.file.FileSystemException) {
            return IoErrors.describe(e);
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        java.util.regex.Matcher errno = java.util.regex.Pattern.compile("error=\\d+, (.*)").matcher(m);
        if (errno.find()) {
            return errno.group(1);
        }
        return m.startsWith("Cannot run program") ? "the program could not be run" : m;
    }

    private void ended(Job job) {
        job.end = clock.instant();
        changes.release();
    }

    /** The process start time in epoch millis, as an identity check; empty when the OS does not say. */
    private static String token(ProcessHandle h) {
        return h.info().startInstant().map(i -> Long.toString(i.toEpochMilli())).orElse("");
    }

    @Override
    public Map<JobRef, JobStatus> poll(Collection<JobRef> refs) {
        Instant now = clock.instant();
        Map<JobRef, JobStatus> out = new LinkedHashMap<>();
        for (JobRef ref : refs) {
            Job job = jobs.get(ref.id());
            if (job == null) {
                out.put(ref, new JobStatus(JobStatus.State.LOST, null, "process " + ref.id()
                        + " is not known to this coordinator", null));
                continue;
            }
            if (job.process != null ? job.process.isAlive() : job.handle.isAlive()) {
                enforce(job, now);
                out.put(ref, JobStatus.running());
                continue;
            }
            jobs.remove(ref.id());
            JobStatus status = finalStatus(job, now);
            out.put(ref, status.withProvenance(provenance(job, status)));
        }
        return out;
    }

    private void enforce(Job job, Instant now) {
        if (job.forcedState == null && now.isAfter(job.deadline)) {
            stop(job, JobStatus.State.TIMEOUT, now);
        } else if (job.killAt != null && now.isAfter(job.killAt)) {
            job.tree.forEach(ProcessHandle::destroyForcibly);
            job.handle.destroyForcibly();
            killMarked(job.mark);
            job.killAt = null;
        }
    }

    private JobStatus finalStatus(Job job, Instant now) {
        Instant end = job.end != null ? job.end : now;
        Duration runtime = Duration.between(job.start, end);
        if (job.killAt != null || job.forcedState != null) {
            // the tree may outlive its root, and daemons may have left the tree: finish them off
            job.tree.forEach(ProcessHandle::destroyForcibly);
            killMarked(job.mark);
        }
        if (job.forcedState == JobStatus.State.TIMEOUT) {
            return new JobStatus(JobStatus.State.TIMEOUT, exitCode(job), "killed after running past its time limit of "
                    + human(job.limit) + " (job_config.time)", runtime);
        }
        if (job.forcedState == JobStatus.State.CANCELLED) {
            return new JobStatus(JobStatus.State.CANCELLED, exitCode(job), "cancelled", runtime);
        }
        Integer code = exitCode(job);
        if (code == null) {
            return new JobStatus(JobStatus.State.LOST, null,
                    "exit status unknown: the process was started by an earlier coordinator", runtime);
        }
        if (code == 0) {
            return new JobStatus(JobStatus.State.COMPLETED, 0, null, runtime);
        }
        return new JobStatus(JobStatus.State.FAILED, code, describeExit(code), runtime);
    }

    private static Integer exitCode(Job job) {
        return job.process == null ? null : job.process.exitValue();
    }

    /** "exit code 3", or "killed by signal 9 (SIGKILL)" for the 128+N codes of a signalled process. */
    static String describeExit(int code) {
        if (code > 128 && code < 128 + 65) {
            int signal = code - 128;
            return "killed by signal " + signal + signalName(signal);
        }
        return "exit code " + code;
    }

    private static String signalName(int signal) {
        switch (signal) {
            case 1: return " (SIGHUP)";
            case 2: return " (SIGINT)";
            case 6: return " (SIGABRT)";
            case 9: return " (SIGKILL)";
            case 11: return " (SIGSEGV)";
            case 15: return " (SIGTERM)";
            default: return "";
        }
    }

    private static String human(Duration d) {
        long s = d.getSeconds();
        if (s >= 3600) {
            return String.format(java.util.Locale.ROOT, "%.2f h", s / 3600.0);
        }
        if (s >= 60) {
            return String.format(java.util.Locale.ROOT, "%.1f min", s / 60.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /**
     * SIGTERM to the process, every descendant and every process carrying the run's mark; SIGKILL follows after
     * the grace period.
     */
    private void stop(Job job, JobStatus.State state, Instant now) {
        job.forcedState = state;
        List<ProcessHandle> tree = new ArrayList<>(job.handle.descendants().toList());
        job.tree = tree;
        job.handle.destroy();
        tree.forEach(ProcessHandle::destroy);
        marked(job.mark).forEach(ProcessHandle::destroy);
        job.killAt = now.plus(grace);
    }

    /** SIGKILL to every process carrying the mark, again until none is found (one may fork meanwhile). */
    private static void killMarked(String mark) {
        for (int round = 0; round < KILL_ROUNDS; round++) {
            List<ProcessHandle> left = marked(mark);
            if (left.isEmpty()) {
                return;
            }
            left.forEach(ProcessHandle::destroyForcibly);
        }
    }

    /**
     * The live processes whose environment carries the mark, read from {@code /proc/PID/environ}; none where
     * there is no {@code /proc} (the process tree is all that is stopped there). A process killed but not yet
     * reaped shows an empty environment, so it is not found again.
     */
    static List<ProcessHandle> marked(String mark) {
        List<ProcessHandle> out = new ArrayList<>();
        if (!Files.isDirectory(PROC)) {
            return out;
        }
        byte[] wanted = (MARK + "=" + mark + "\0").getBytes(StandardCharsets.UTF_8);
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> pids = Files.newDirectoryStream(PROC, p -> p.getFileName().toString().matches("\\d+"))) {
            for (Path dir : pids) {
                long pid = Long.parseLong(dir.getFileName().toString());
                if (pid == self) {
                    continue;
                }
                byte[] env;
                try {
                    env = Files.readAllBytes(dir.resolve("environ"));
                } catch (IOException | SecurityException e) {
                    continue; // gone meanwhile, or not ours to read
                }
                if (containsEntry(env, wanted)) {
                    ProcessHandle.of(pid).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            // /proc unreadable: only the process tree is stopped
        }
        return out;
    }

    /** Whether a NUL-separated environment block holds the entry (which ends with NUL) at an entry's start. */
    private static boolean containsEntry(byte[] env, byte[] entry) {
        outer:
        for (int i = 0; i + entry.length <= env.length + 1; i++) {
            if (i > 0 && env[i - 1] != 0) {
                continue;
            }
            for (int k = 0; k < entry.length; k++) {
                int at = i + k;
                // the last entry of the block may lack its NUL
                byte b = at < env.length ? env[at] : 0;
                if (b != entry[k]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    @Override
    public void cancel(JobRef ref) {
        Job job = jobs.get(ref.id());
        if (job != null && job.forcedState == null) {
            stop(job, JobStatus.State.CANCELLED, clock.instant());
        }
    }

    @Override
    public JobStatus reattach(JobRef ref, JobSpec spec) {
        Optional<ProcessHandle> h;
        try {
            h = ProcessHandle.of(Long.parseLong(ref.id()));
        } catch (NumberFormatException e) {
            return new JobStatus(JobStatus.State.LOST, null, "job id " + ref.id() + " is not a process id", null);
        }
        if (h.isEmpty() || !h.get().isAlive() || (!ref.token().isEmpty() && !ref.token().equals(token(h.get())))) {
            return new JobStatus(JobStatus.State.LOST, null, "process " + ref.id() + " no longer runs", null);
        }
        Instant start = h.get().info().startInstant().orElse(clock.instant());
        Job job = new Job(h.get(), null, start, spec.timeLimit(), mark(spec));
        // the files now: the best guess for a run started by an earlier coordinator
        digests(job, spec);
        jobs.put(ref.id(), job);
        startSampling();
        h.get().onExit().thenRun(() -> ended(job));
        return JobStatus.running();
    }

    @Override
    public void awaitChange(Duration timeout) throws InterruptedException {
        long waitMillis = timeout.toMillis();
        Instant now = clock.instant();
        for (Job job : jobs.values()) {
            Instant next = job.killAt != null ? job.killAt : job.forcedState == null ? job.deadline : null;
            if (next != null) {
                waitMillis = Math.min(waitMillis, Math.max(1, Duration.between(now, next).toMillis() + 1));
            }
        }
        if (changes.tryAcquire(Math.max(0, waitMillis), TimeUnit.MILLISECONDS)) {
            changes.drainPermits();
        }
    }

    @Override
    public void close() {
        jobs.clear();
        sampler.shutdownNow();
    }
}
