package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.ssh.slurm.SlurmExecutor.SlurmRecord;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What each Slurm source says about a finished job. The scontrol and jobcomp lines were captured from the test
 * cluster (Slurm 22.05, accounting storage off). sacct with accounting cannot run there: its lines follow sacct's
 * documented {@code -P} format for {@link SlurmExecutor#SACCT_FIELDS} with {@code --units=K}, a job's own line
 * followed by its steps' lines.
 */
class SlurmProvenanceTest {

    /** {@code scontrol -o show job 1060} on the test cluster: a plain job, ended. */
    private static final String SCONTROL_JOB = "JobId=1060 JobName=wrap UserId=root(0) GroupId=root(0) MCS_label=N/A"
            + " Priority=4294901429 Nice=0 Account=(null) QOS=(null) JobState=COMPLETED Reason=None Dependency=(null)"
            + " Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=0:0 RunTime=00:00:02 TimeLimit=UNLIMITED TimeMin=N/A"
            + " SubmitTime=2026-11-30T07:21:00 EligibleTime=2026-11-30T07:21:00 AccrueTime=2026-11-30T07:21:00"
            + " StartTime=2026-11-30T07:21:01 EndTime=2026-11-30T07:21:03 Deadline=N/A"
            + " PreemptEligibleTime=2026-11-30T07:21:01 PreemptTime=None SuspendTime=None SecsPreSuspend=0"
            + " LastSchedEval=2026-11-30T07:21:01 Scheduler=Main Partition=debug AllocNode:Sid=localhost:13324"
            + " ReqNodeList=(null) ExcNodeList=(null) NodeList=vm BatchHost=vm NumNodes=1 NumCPUs=1 NumTasks=1"
            + " CPUs/Task=1 ReqB:S:C:T=0:0:*:* TRES=cpu=1,mem=500M,node=1,billing=1 Socks/Node=*"
            + " NtasksPerN:B:S:C=0:0:*:* CoreSpec=* MinCPUsNode=1 MinMemoryCPU=500M MinTmpDiskNode=0 Features=(null)"
            + " DelayBoot=00:00:00 OverSubscribe=OK Contiguous=0 Licenses=(null) Network=(null) Command=(null)"
            + " WorkDir=/work/main StdErr=/work/main/slurm-1060.out StdIn=/dev/null StdOut=/work/main/slurm-1060.out"
            + " Power= ";
    /** {@code scontrol -o show job 1072}: task 0 of an array whose script exited 3 (its own job id is 1073). */
    private static final String SCONTROL_TASK = "JobId=1073 ArrayJobId=1072 ArrayTaskId=0 JobName=wrap UserId=root(0)"
            + " GroupId=root(0) MCS_label=N/A Priority=4294901423 Nice=0 Account=(null) QOS=(null) JobState=FAILED"
            + " Reason=NonZeroExitCode Dependency=(null) Requeue=1 Restarts=0 BatchFlag=1 Reboot=0 ExitCode=3:0"
            + " RunTime=00:00:01 TimeLimit=UNLIMITED TimeMin=N/A SubmitTime=2026-11-30T07:24:59"
            + " Partition=debug ReqNodeList=(null) ExcNodeList=(null) NodeList=vm BatchHost=vm NumNodes=1 NumCPUs=1"
            + " WorkDir=/work/main StdErr=/work/main/slurm-1072_0.out StdIn=/dev/null StdOut=/work/main/slurm-1072_0.out"
            + " Power= ";

    @Test
    void scontrolGivesStateExitCodeRunTimeAndNodesButNoCpuOrMemory() {
        Map<String, SlurmRecord> found = SlurmExecutor.parseScontrol(SCONTROL_JOB + "\n" + SCONTROL_TASK + "\n",
                Set.of("1060", "1072_0"));

        Provenance job = found.get("1060").provenance();
        assertThat(job.nodes()).isEqualTo("vm");
        assertThat(job.state()).isEqualTo("COMPLETED");
        assertThat(job.exitCode()).isEqualTo("0:0");
        assertThat(job.elapsedSeconds()).isEqualTo(2.0);
        assertThat(job.usageFrom()).isEqualTo("scontrol");
        assertThat(job.cpuSeconds()).isNull();
        assertThat(job.maxRssBytes()).isNull();

        // an array task is known by ArrayJobId_ArrayTaskId, not by its own JobId
        Provenance task = found.get("1072_0").provenance();
        assertThat(task.state()).isEqualTo("FAILED");
        assertThat(task.exitCode()).isEqualTo("3:0");
        assertThat(task.elapsedSeconds()).isEqualTo(1.0);
    }

    @Test
    void jobcompFileGivesStateExitCodeElapsedAndNodesButNoCpuOrMemory() {
        // sacct -c -n -P -o JobID,State,ExitCode,ElapsedRaw,NodeList on the test cluster (filetxt has no MaxRSS)
        String out = "1060|COMPLETED|0:0|2|vm\n1073|FAILED|3:0|1|vm\n1072|FAILED|3:0|1|vm\n";
        Map<String, SlurmRecord> found = new HashMap<>();
        // the jobcomp file knows the array task 1072_0 only by its own id 1073
        SlurmExecutor.parseSacct(out, Set.of("1060", "1073"), found, Map.of("1060", "1060", "1073", "1072_0"),
                "jobcomp");

        assertThat(found).containsOnlyKeys("1060", "1072_0");
        Provenance task = found.get("1072_0").provenance();
        assertThat(task.nodes()).isEqualTo("vm");
        assertThat(task.state()).isEqualTo("FAILED");
        assertThat(task.exitCode()).isEqualTo("3:0");
        assertThat(task.elapsedSeconds()).isEqualTo(1.0);
        assertThat(task.usageFrom()).isEqualTo("jobcomp");
        assertThat(task.cpuSeconds()).isNull();
        assertThat(task.maxRssBytes()).isNull();
    }

    @Test
    void sacctWithAccountingTakesTheJobsLineAndTheLargestMaxRssOfItsSteps() {
        String out = String.join("\n",
                "4242|COMPLETED|0:0|65|node017|01:02.345|",
                "4242.batch|COMPLETED|0:0|65|node017|01:02.300|104856K",
                "4242.extern|COMPLETED|0:0|65|node017|00:00.001|1024K",
                "4250_3|OUT_OF_MEMORY|0:125|12|node[001-002]||",
                "4250_3.batch|OUT_OF_MEMORY|0:125|12|node001|00:11.500|2048000K",
                "4250_3.0|COMPLETED|0:0|10|node002|1-00:00:02|16.50K",
                "4250_4|CANCELLED by 1000|0:15|3|node003|||",
                "9999|COMPLETED|0:0|1|node9|00:00.100|5K",
                "");
        Map<String, SlurmRecord> found = new HashMap<>();
        SlurmExecutor.parseSacct(out, Set.of("4242", "4250_3", "4250_4"), found, null, "sacct");

        assertThat(found).containsOnlyKeys("4242", "4250_3", "4250_4");
        Provenance a = found.get("4242").provenance();
        assertThat(a.nodes()).isEqualTo("node017");
        assertThat(a.state()).isEqualTo("COMPLETED");
        assertThat(a.exitCode()).isEqualTo("0:0");
        assertThat(a.elapsedSeconds()).isEqualTo(65.0);
        assertThat(a.cpuSeconds()).isEqualTo(62.345, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(a.maxRssBytes()).isEqualTo(104856L * 1024);
        assertThat(a.usageFrom()).isEqualTo("sacct");

        // the job's own line has no TotalCPU here: the steps' are added up; MaxRSS is the largest step's
        Provenance b = found.get("4250_3").provenance();
        assertThat(b.nodes()).isEqualTo("node[001-002]");
        assertThat(b.state()).isEqualTo("OUT_OF_MEMORY");
        assertThat(b.cpuSeconds()).isEqualTo(11.5 + 86402, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(b.maxRssBytes()).isEqualTo(2048000L * 1024);

        Provenance c = found.get("4250_4").provenance();
        assertThat(c.state()).isEqualTo("CANCELLED");
        assertThat(c.cpuSeconds()).isNull();
        assertThat(c.maxRssBytes()).isNull();
    }

    @Test
    void cpuTimesAndMemoryInSlurmsFormats() {
        assertThat(SlurmStates.parseCpuTime("00:01.234")).isEqualTo(1.234, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(SlurmStates.parseCpuTime("01:02:03")).isEqualTo(3723.0);
        assertThat(SlurmStates.parseCpuTime("2-00:00:01.5")).isEqualTo(172801.5);
        assertThat(SlurmStates.parseCpuTime("")).isNull();
        assertThat(SlurmStates.parseCpuTime("junk")).isNull();
        assertThat(SlurmStates.parseMemory("104856K")).isEqualTo(104856L * 1024);
        assertThat(SlurmStates.parseMemory("1.5G")).isEqualTo(3L * 512 * 1024 * 1024);
        assertThat(SlurmStates.parseMemory("512M")).isEqualTo(512L * 1024 * 1024);
        assertThat(SlurmStates.parseMemory("0")).isZero();
        assertThat(SlurmStates.parseMemory("")).isNull();
        assertThat(SlurmStates.parseMemory("n/a")).isNull();
    }

    @Test
    void aNodeListNotYetAssignedIsNoNode() {
        SlurmRecord r = new SlurmRecord("1", "CANCELLED", "0:0", null, "(null)", null, null, "scontrol");
        assertThat(r.provenance().nodes()).isNull();
    }
}
