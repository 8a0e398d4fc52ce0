package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.exec.JobStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SiteLimitsTest {

    /** What the test cluster's Slurm 22.05 prints (abridged to the lines read, plus neighbours). */
    static final String CONFIG = String.join("\n",
            "Configuration data as of 2026-11-30T07:20:01",
            "AccountingStorageType   = accounting_storage/none",
            "MaxArraySize            = 64",
            "MaxDBDMsgs              = 20008",
            "MaxJobCount             = 10000",
            "MinJobAge               = 300 sec");
    static final String PARTITIONS = String.join("\n",
            "PartitionName=debug AllowGroups=ALL Default=YES MaxNodes=UNLIMITED MaxTime=UNLIMITED MinNodes=0"
                    + " State=UP TotalCPUs=4 DefMemPerNode=UNLIMITED MaxMemPerNode=UNLIMITED",
            "PartitionName=short AllowGroups=ALL Default=NO MaxNodes=UNLIMITED MaxTime=00:05:00 MinNodes=0"
                    + " State=UP TotalCPUs=4 DefMemPerNode=UNLIMITED MaxMemPerNode=2000",
            "PartitionName=long Default=NO MaxTime=2-00:00:00 MaxMemPerNode=UNLIMITED");

    @Test
    void readsArrayAndJobCountLimitsAndPartitions() {
        SiteLimits l = SiteLimits.parse(CONFIG, PARTITIONS, null);
        assertThat(l.maxArraySize()).isEqualTo(64);
        assertThat(l.maxJobCount()).isEqualTo(10000);
        assertThat(l.maxSubmitJobs()).isZero();
        assertThat(l.defaultPartition()).isEqualTo("debug");
        assertThat(l.partitions().get("short").maxTime()).isEqualTo(Duration.ofMinutes(5));
        assertThat(l.partitions().get("short").maxMemPerNode()).isEqualTo(2000);
        assertThat(l.partitions().get("debug").maxTime()).isNull();
        assertThat(l.partitions().get("long").maxTime()).isEqualTo(Duration.ofDays(2));
        assertThat(l.submitLimit(null)).isEqualTo(10000);
        assertThat(l.submitLimitName(null)).isEqualTo("MaxJobCount=10000");
    }

    @Test
    void unreadableConfigKeepsSlurmsDefaults() {
        SiteLimits l = SiteLimits.parse("", "", null);
        assertThat(l.maxArraySize()).isEqualTo(1001);
        assertThat(l.maxJobCount()).isEqualTo(10000);
        assertThat(l.partitions()).isEmpty();
    }

    @Test
    void usersMaxSubmitJobsFromSacctmgrBindsBelowTheClustersCount() {
        // sacctmgr -n -P show assoc where user=me format=MaxSubmit: one line per association, empty when unset
        SiteLimits l = SiteLimits.parse(CONFIG, PARTITIONS, "\n50\n200\n");
        assertThat(l.maxSubmitJobs()).isEqualTo(50);
        assertThat(l.submitLimit(null)).isEqualTo(50);
        assertThat(l.submitLimitIsPerUser(null)).isTrue();
        assertThat(l.submitLimitName(null)).isEqualTo("MaxSubmitJobs=50");
    }

    @Test
    void theJobsQosLimitsApply() {
        // sacctmgr -n -P show qos format=Name,MaxSubmitPU,MaxWall
        SiteLimits l = SiteLimits.parse(CONFIG, PARTITIONS, "\n", "normal||\nshort_q|20|00:30:00\nbig|500|\n");
        JobConfig inShortQ = new JobConfig("sh", "s", "c", 1, 1, "CPU", 1, null, null, "short_q", null, List.of());
        assertThat(l.submitLimit(inShortQ)).isEqualTo(20);
        assertThat(l.submitLimitName(inShortQ)).isEqualTo("MaxSubmitJobsPerUser=20 of QOS short_q");
        assertThat(l.submitLimit(null)).isEqualTo(10000);
        assertThat(l.refusals(inShortQ, null, Duration.ofHours(1))).containsOnlyKeys("time");
        assertThat(l.refusals(inShortQ, null, Duration.ofHours(1)).get("time"))
                .isEqualTo("got 1 h (60 min); QOS short_q allows at most MaxWall=00:30:00 (0.5 h)");
        JobConfig inNormal = new JobConfig("sh", "s", "c", 1, 1, "CPU", 1, null, null, "normal", null, List.of());
        assertThat(l.refusals(inNormal, null, Duration.ofHours(1))).isEmpty();
        // the association's own limit binds when it is the smaller
        SiteLimits both = SiteLimits.parse(CONFIG, PARTITIONS, "10", "short_q|20|");
        assertThat(both.submitLimit(inShortQ)).isEqualTo(10);
        assertThat(both.submitLimitName(inShortQ)).isEqualTo("MaxSubmitJobs=10");
    }

    @Test
    void timeAndMemoryBeyondThePartitionAreRefusedNamingTheLimit() {
        SiteLimits l = SiteLimits.parse(CONFIG, PARTITIONS, null);
        JobConfig job = new JobConfig("sh", "s.sh", "c", 0.1, 2, "CPU", 1, "short", null, null, null, List.of());
        Map<String, String> r = l.refusals(job, "short", Duration.ofMinutes(6));
        assertThat(r).containsOnlyKeys("time", "memory");
        assertThat(r.get("time")).isEqualTo("got 0.1 h (6 min); partition short allows at most MaxTime=00:05:00 (0.0833 h)");
        assertThat(r.get("memory")).isEqualTo("got 2 GB (2048 MB); partition short allows at most MaxMemPerNode=2000 MB"
                + " (1 GB, memory is in whole GB)");
        assertThat(l.refusal(job, "short", Duration.ofMinutes(6))).startsWith("\"time\" got 0.1 h").contains("; \"memory\" got 2 GB");
    }

    @Test
    void runsWithinTheLimitsOrOnUnknownPartitionsPass() {
        SiteLimits l = SiteLimits.parse(CONFIG, PARTITIONS, null);
        JobConfig job = new JobConfig("sh", "s.sh", "c", 0.05, 1, "CPU", 1, "short", null, null, null, List.of());
        assertThat(l.refusals(job, "short", Duration.ofMinutes(3))).isEmpty();
        assertThat(l.refusals(job, "short", Duration.ofMinutes(5))).isEmpty();
        assertThat(l.refusals(job, "elsewhere", Duration.ofDays(9))).isEmpty();
        // no partition named: the default one's limits (debug: none)
        assertThat(l.refusals(JobConfig.of("sh", "s", "c", 100, 64, "CPU", 1), null, Duration.ofHours(100))).isEmpty();
    }

    @Test
    void arraysAboveMaxArraySizeAreSplit() {
        List<SbatchScripts.ArrayChunk> plan = SbatchScripts.planArrays(200, 100, 64);
        assertThat(plan).extracting(SbatchScripts.ArrayChunk::size).containsExactly(64, 64, 64, 8);
        assertThat(plan).extracting(SbatchScripts.ArrayChunk::from).containsExactly(0, 64, 128, 192);
        // two arrays at a time, 50 each, the third after the first, the fourth after the second
        assertThat(plan).extracting(SbatchScripts.ArrayChunk::throttle).containsOnly(50);
        assertThat(plan).extracting(SbatchScripts.ArrayChunk::after).containsExactly(-1, -1, 0, 1);
        assertThat(SbatchScripts.planArrays(64, 100, 64)).containsExactly(new SbatchScripts.ArrayChunk(0, 64, 100, -1));
        assertThat(SbatchScripts.planArrays(130, 10, 64)).extracting(SbatchScripts.ArrayChunk::after)
                .containsExactly(-1, 0, 1);
    }

    /**
     * Plays the plan as Slurm would (tasks of random length; an array starts when the one it waits for has ended; at
     * most its throttle of its tasks at once): every combination runs, and never more than maxActive together.
     */
    @Test
    void splitArraysKeepMaxActiveAcrossThemAndRunEveryCombination() {
        SplittableRandom rng = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            int n = 1 + rng.nextInt(400);
            int maxActive = 1 + rng.nextInt(150);
            int maxArray = 1 + rng.nextInt(80);
            List<SbatchScripts.ArrayChunk> plan = SbatchScripts.planArrays(n, maxActive, maxArray);
            assertThat(plan.stream().mapToInt(SbatchScripts.ArrayChunk::size).sum()).isEqualTo(n);
            assertThat(plan).allMatch(c -> c.size() <= maxArray);
            int peak = simulate(plan, rng);
            assertThat(peak).as("n=%d maxActive=%d MaxArraySize=%d", n, maxActive, maxArray).isLessThanOrEqualTo(maxActive);
        }
    }

    /** Returns the most tasks running at once; fails if some task never runs. */
    private static int simulate(List<SbatchScripts.ArrayChunk> plan, SplittableRandom rng) {
        int k = plan.size();
        int[] next = new int[k];
        int[] runningIn = new int[k];
        boolean[] ended = new boolean[k];
        List<double[]> running = new ArrayList<>(); // {end time, array}
        double now = 0;
        int peak = 0;
        int done = 0;
        int total = plan.stream().mapToInt(SbatchScripts.ArrayChunk::size).sum();
        while (done < total) {
            for (int j = 0; j < k; j++) {
                SbatchScripts.ArrayChunk c = plan.get(j);
                boolean eligible = c.after() < 0 || ended[c.after()];
                while (eligible && next[j] < c.size() && runningIn[j] < c.throttle()) {
                    next[j]++;
                    runningIn[j]++;
                    running.add(new double[] {now + 0.1 + rng.nextDouble(), j});
                }
            }
            peak = Math.max(peak, running.size());
            assertThat(running).as("nothing runnable: a dependency that never ends").isNotEmpty();
            double[] first = running.stream().min((a, b) -> Double.compare(a[0], b[0])).orElseThrow();
            running.remove(first);
            now = first[0];
            int j = (int) first[1];
            runningIn[j]--;
            done++;
            ended[j] = next[j] == plan.get(j).size() && runningIn[j] == 0;
        }
        return peak;
    }

    @Test
    void pendingReasonsSayWhetherTheyClearByThemselves() {
        assertThat(SlurmStates.queuedStatus("PENDING", "Priority", "7").reason()).isEqualTo("Priority");
        assertThat(SlurmStates.queuedStatus("PENDING", "Resources", "7").reason()).isEqualTo("Resources");
        assertThat(SlurmStates.queuedStatus("PENDING", "Dependency", "7").reason()).isEqualTo("Dependency");
        assertThat(SlurmStates.queuedStatus("PENDING", "JobHeldUser", "7_3").reason())
                .isEqualTo("JobHeldUser (will not clear by itself: scontrol release 7_3)");
        assertThat(SlurmStates.queuedStatus("PENDING", "QOSMaxSubmitJobPerUserLimit", "7").reason())
                .isEqualTo("QOSMaxSubmitJobPerUserLimit (will not clear by itself)");
        assertThat(SlurmStates.queuedStatus("PENDING", "PartitionTimeLimit", "7").reason()).endsWith("(will not clear by itself)");
        assertThat(SlurmStates.queuedStatus("PENDING", "InvalidAccount", "7").reason()).endsWith("(will not clear by itself)");
        assertThat(SlurmStates.queuedStatus("PENDING", "None", "7").reason()).isNull();
        // a running job has no pending reason, whatever squeue prints
        JobStatus running = SlurmStates.queuedStatus("RUNNING", "None", "7");
        assertThat(running.state()).isEqualTo(JobStatus.State.RUNNING);
        assertThat(running.reason()).isNull();
    }
}
