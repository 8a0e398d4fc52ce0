package dev.hpsearch.ssh.slurm;

import dev.hpsearch.optimizer.config.JobConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a Slurm cluster allows, read once per session: {@code scontrol show config} (MaxArraySize, MaxJobCount),
 * {@code scontrol -o show partition} (MaxTime, MaxMemPerNode, the default partition) and, where accounting exists,
 * the user's association limit (MaxSubmitJobs) and the QOS limits (MaxSubmitJobsPerUser, MaxWall), from
 * {@code sacctmgr}.
 *
 * @param maxArraySize   array task indices run from 0 to this minus one (Slurm's default is 1001)
 * @param maxJobCount    jobs slurmctld holds at once, all users together; each array task counts as one
 * @param maxSubmitJobs  jobs this user may have queued or running at once (array tasks count one each), or 0 when
 *                       no such limit is visible (no accounting, or none set)
 * @param partitions     limits per partition, by name
 * @param defaultPartition the partition a job without {@code --partition} goes to, or {@code null}
 * @param qos            limits per QOS, by name (empty without accounting)
 */
public record SiteLimits(int maxArraySize, int maxJobCount, int maxSubmitJobs, Map<String, Partition> partitions,
                         String defaultPartition, Map<String, Qos> qos) {

    /** Slurm's defaults, for a cluster whose configuration cannot be read. */
    public static final SiteLimits SLURM_DEFAULTS = new SiteLimits(1001, 10000, 0, Map.of(), null, Map.of());

    public SiteLimits {
        if (maxArraySize < 1 || maxJobCount < 1 || maxSubmitJobs < 0) {
            throw new IllegalArgumentException("limits must be positive: MaxArraySize " + maxArraySize
                    + ", MaxJobCount " + maxJobCount + ", MaxSubmitJobs " + maxSubmitJobs);
        }
        partitions = Map.copyOf(partitions);
        qos = qos == null ? Map.of() : Map.copyOf(qos);
    }

    /**
     * One QOS's limits, as {@code sacctmgr show qos} prints them.
     *
     * @param maxSubmitPerUser MaxSubmitJobsPerUser, or 0 when unset
     * @param maxWall          MaxWall (per job), or {@code null} when unset
     */
    public record Qos(String name, int maxSubmitPerUser, Duration maxWall) {
    }

    /**
     * One partition's limits.
     *
     * @param maxTime       MaxTime, or {@code null} when unlimited
     * @param maxMemPerNode MaxMemPerNode in MB, or 0 when unlimited
     */
    public record Partition(String name, Duration maxTime, long maxMemPerNode) {
    }

    /**
     * How many jobs this user may hold in the queue at once, array tasks counted one by one: the smallest of the
     * user's MaxSubmitJobs and the MaxSubmitJobsPerUser of the job's QOS (where visible), and never more than the
     * whole cluster's MaxJobCount.
     *
     * @param job the job config whose {@code qos} applies, or {@code null}
     */
    public int submitLimit(JobConfig job) {
        int perUser = perUserLimit(job);
        return perUser > 0 ? Math.min(perUser, maxJobCount) : maxJobCount;
    }

    /** True when the limit is this user's own (MaxSubmitJobs of the association or the QOS), not the whole cluster's. */
    public boolean submitLimitIsPerUser(JobConfig job) {
        int perUser = perUserLimit(job);
        return perUser > 0 && perUser <= maxJobCount;
    }

    /** The limit that binds, by its Slurm name, for messages. */
    public String submitLimitName(JobConfig job) {
        if (!submitLimitIsPerUser(job)) {
            return "MaxJobCount=" + maxJobCount;
        }
        Qos q = qosOf(job);
        return q != null && q.maxSubmitPerUser() > 0 && q.maxSubmitPerUser() == perUserLimit(job)
                ? "MaxSubmitJobsPerUser=" + q.maxSubmitPerUser() + " of QOS " + q.name()
                : "MaxSubmitJobs=" + maxSubmitJobs;
    }

    private int perUserLimit(JobConfig job) {
        Qos q = qosOf(job);
        int fromQos = q == null ? 0 : q.maxSubmitPerUser();
        if (maxSubmitJobs > 0 && fromQos > 0) {
            return Math.min(maxSubmitJobs, fromQos);
        }
        return Math.max(maxSubmitJobs, fromQos);
    }

    private Qos qosOf(JobConfig job) {
        return job == null || job.qos() == null ? null : qos.get(job.qos());
    }

    /**
     * Why a run of {@code job} lasting {@code time} cannot be submitted to {@code partition} (the job's own or the
     * profile's; {@code null} for the cluster's default): by job_config key ({@code time}, {@code memory}), words
     * that name the value and the partition's limit. Empty when it fits.
     */
    public Map<String, String> refusals(JobConfig job, String partition, Duration time) {
        Map<String, String> out = new LinkedHashMap<>();
        long minutes = SbatchScripts.minutes(time);
        Qos q = qosOf(job);
        if (q != null && q.maxWall() != null && minutes * 60 > q.maxWall().toSeconds()) {
            out.put("time", "got " + number(job.timeHours()) + " h (" + minutes + " min); QOS " + q.name()
                    + " allows at most MaxWall=" + clock(q.maxWall()) + " (" + number(q.maxWall().toSeconds() / 3600.0)
                    + " h)");
        }
        String name = partition != null ? partition : defaultPartition;
        Partition p = name == null ? null : partitions.get(name);
        if (p == null) {
            return out; // not visible to us: sbatch will say
        }
        if (p.maxTime() != null && minutes * 60 > p.maxTime().toSeconds()) {
            // the partition's limit first: it holds whatever the QOS
            out.put("time", "got " + number(job.timeHours()) + " h (" + minutes + " min); partition " + name
                    + " allows at most MaxTime=" + clock(p.maxTime()) + " ("
                    + number(p.maxTime().toSeconds() / 3600.0) + " h)");
        }
        long memMb = job.memoryGb() * 1024L;
        if (p.maxMemPerNode() > 0 && memMb > p.maxMemPerNode()) {
            out.put("memory", "got " + job.memoryGb() + " GB (" + memMb + " MB); partition " + name
                    + " allows at most MaxMemPerNode=" + p.maxMemPerNode() + " MB ("
                    + (p.maxMemPerNode() / 1024) + " GB, memory is in whole GB)");
        }
        return out;
    }

    /** {@link #refusals} in one line ({@code "time" got ...; "memory" got ...}), or {@code null} when it fits. */
    public String refusal(JobConfig job, String partition, Duration time) {
        Map<String, String> r = refusals(job, partition, time);
        if (r.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        r.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "; ").append('"').append(k).append("\" ").append(v));
        return sb.toString();
    }

    /** Parses {@code scontrol show config} ({@code Key = Value} lines), keeping what it does not find as Slurm's default. */
    static SiteLimits parse(String config, String partitionLines, String sacctmgrMaxSubmit) {
        return parse(config, partitionLines, sacctmgrMaxSubmit, null);
    }

    /**
     * @param sacctmgrQos {@code sacctmgr -n -P show qos format=Name,MaxSubmitPU,MaxWall}, or {@code null}
     */
    static SiteLimits parse(String config, String partitionLines, String sacctmgrMaxSubmit, String sacctmgrQos) {
        int arraySize = SLURM_DEFAULTS.maxArraySize;
        int jobCount = SLURM_DEFAULTS.maxJobCount;
        for (String line : config.split("\n")) {
            int eq = line.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip().split("\\s+")[0];
            if (key.equals("MaxArraySize")) {
                arraySize = positive(value, arraySize);
            } else if (key.equals("MaxJobCount")) {
                jobCount = positive(value, jobCount);
            }
        }
        Map<String, Partition> partitions = new LinkedHashMap<>();
        String defaultPartition = null;
        for (String line : partitionLines == null ? new String[0] : partitionLines.split("\n")) {
            Map<String, String> kv = SlurmExecutor.scontrolFields(line);
            String name = kv.get("PartitionName");
            if (name == null) {
                continue;
            }
            String maxTime = kv.getOrDefault("MaxTime", "UNLIMITED");
            Duration time = maxTime.equalsIgnoreCase("UNLIMITED") || maxTime.equalsIgnoreCase("INFINITE") ? null
                    : SlurmStates.parseDuration(maxTime);
            long mem = positive(kv.getOrDefault("MaxMemPerNode", "UNLIMITED"), 0);
            partitions.put(name, new Partition(name, time, mem));
            if ("YES".equalsIgnoreCase(kv.get("Default"))) {
                defaultPartition = name;
            }
        }
        int maxSubmit = 0;
        for (String line : sacctmgrMaxSubmit == null ? new String[0] : sacctmgrMaxSubmit.split("\n")) {
            // one line per association of the user; the smallest limit set is the one that binds
            int v = positive(line.strip(), 0);
            if (v > 0) {
                maxSubmit = maxSubmit == 0 ? v : Math.min(maxSubmit, v);
            }
        }
        Map<String, Qos> qos = new LinkedHashMap<>();
        for (String line : sacctmgrQos == null ? new String[0] : sacctmgrQos.split("\n")) {
            String[] f = line.strip().split("\\|", -1);
            if (f.length >= 3 && !f[0].isBlank()) {
                qos.put(f[0], new Qos(f[0], positive(f[1], 0), f[2].isBlank() ? null : SlurmStates.parseDuration(f[2])));
            }
        }
        return new SiteLimits(arraySize, jobCount, maxSubmit, partitions, defaultPartition, qos);
    }

    private static int positive(String s, int otherwise) {
        try {
            int v = Integer.parseInt(s.strip());
            return v > 0 ? v : otherwise;
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String number(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        return s.contains(".") ? s.replaceAll("0+$", "").replaceAll("\\.$", "") : s;
    }

    private static String clock(Duration d) {
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%s%02d:%02d:%02d", s >= 86400 ? s / 86400 + "-" : "", (s / 3600) % 24,
                (s / 60) % 60, s % 60);
    }
}
