package dev.hpsearch.ssh.slurm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.optimizer.exec.JobStatus.State;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.optimizer.exec.ResourceLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SlurmStatesTest {

    @Test
    void queueStatesAreNotTerminal() {
        assertThat(SlurmStates.toStatus("PENDING", null, null).state()).isEqualTo(State.QUEUED);
        assertThat(SlurmStates.toStatus("REQUEUED", null, null).state()).isEqualTo(State.QUEUED);
        assertThat(SlurmStates.toStatus("RUNNING", null, null).state()).isEqualTo(State.RUNNING);
        assertThat(SlurmStates.toStatus("COMPLETING", null, null).state()).isEqualTo(State.RUNNING);
        assertThat(SlurmStates.isActive("SUSPENDED")).isTrue();
    }

    @Test
    void finalStatesCarryTheSlurmStateAndExitCode() {
        JobStatus ok = SlurmStates.toStatus("COMPLETED", "0:0", Duration.ofSeconds(5));
        assertThat(ok.state()).isEqualTo(State.COMPLETED);
        assertThat(ok.exitCode()).isZero();
        assertThat(ok.runtime()).isEqualTo(Duration.ofSeconds(5));

        JobStatus failed = SlurmStates.toStatus("FAILED", "3:0", null);
        assertThat(failed.state()).isEqualTo(State.FAILED);
        assertThat(failed.exitCode()).isEqualTo(3);
        assertThat(failed.reason()).contains("FAILED").contains("3:0");

        JobStatus killed = SlurmStates.toStatus("FAILED", "0:9", null);
        assertThat(killed.reason()).contains("signal 9");

        assertThat(SlurmStates.toStatus("TIMEOUT", "0:15", null).state()).isEqualTo(State.TIMEOUT);
        JobStatus oom = SlurmStates.toStatus("OUT_OF_MEMORY", "0:125", null);
        assertThat(oom.state()).isEqualTo(State.OUT_OF_MEMORY);
        assertThat(oom.reason()).contains("OUT_OF_MEMORY").contains("memory");
        assertThat(SlurmStates.toStatus("CANCELLED by 1000", "0:0", null).state()).isEqualTo(State.CANCELLED);
        assertThat(SlurmStates.toStatus("CANCELLED+", "0:0", null).state()).isEqualTo(State.CANCELLED);
        // the cluster's faults are not results of the analysis
        assertThat(SlurmStates.toStatus("NODE_FAIL", "0:0", null).reason()).contains("NODE_FAIL");
        assertThat(SlurmStates.toStatus("NODE_FAIL", "0:0", null).state()).isEqualTo(State.FAULT);
        assertThat(SlurmStates.toStatus("BOOT_FAIL", null, null).state()).isEqualTo(State.FAULT);
        // an expected event on a preemptible partition, told apart from a fault of the machine
        assertThat(SlurmStates.toStatus("PREEMPTED", "0:0", null).state()).isEqualTo(State.PREEMPTED);
        assertThat(SlurmStates.toStatus("SPECIAL_EXIT", "0:0", null).state()).isEqualTo(State.FAILED);
        JobStatus odd = SlurmStates.toStatus("WEIRD_NEW_STATE", null, null);
        assertThat(odd.state()).isEqualTo(State.FAILED);
        assertThat(odd.reason()).contains("unknown").contains("WEIRD_NEW_STATE");
    }

    @Test
    void aJobKilledForItsMemoryByPollingIsOutOfMemoryByWhatSlurmWroteInItsLog() {
        // OverMemoryKill (jobacct_gather): state FAILED, signal 9; only slurmstepd's lines in the log say why
        JobStatus killed = SlurmStates.toStatus("FAILED", "0:9", null);
        String log = "loading data\n"
                + "slurmstepd-vm: error: StepId=1215.batch exceeded memory limit (1588162560 > 1073741824), being killed\n"
                + "slurmstepd-vm: error: Exceeded job memory limit\n";

        JobStatus oom = SlurmStates.withLog(killed, log);

        assertThat(oom.state()).isEqualTo(State.OUT_OF_MEMORY);
        assertThat(oom.reason()).contains("signal 9").contains("exceeded memory limit (1588162560 > 1073741824)");
        // a script that prints such words itself is not taken for Slurm, nor is any other ending changed
        assertThat(SlurmStates.withLog(killed, "Exceeded job memory limit\n").state()).isEqualTo(State.FAILED);
        JobStatus timeout = SlurmStates.toStatus("TIMEOUT", "0:15", null);
        assertThat(SlurmStates.withLog(timeout, log)).isSameAs(timeout);
    }

    @Test
    void slurmDurations() {
        assertThat(SlurmStates.parseDuration("00:01:10")).isEqualTo(Duration.ofSeconds(70));
        assertThat(SlurmStates.parseDuration("1-02:00:00")).isEqualTo(Duration.ofHours(26));
        assertThat(SlurmStates.parseDuration("05:07")).isEqualTo(Duration.ofSeconds(307));
        assertThat(SlurmStates.parseDuration("42")).isEqualTo(Duration.ofSeconds(42));
        assertThat(SlurmStates.parseDuration("Unknown")).isNull();
        assertThat(SlurmStates.parseDuration("")).isNull();
    }

    @Test
    void scontrolLinesSplitIntoFields() {
        var kv = SlurmExecutor.scontrolFields("JobId=12 ArrayJobId=10 ArrayTaskId=2 JobState=TIMEOUT Reason=TimeLimit"
                + " ExitCode=0:15 RunTime=00:01:12");
        assertThat(kv).containsEntry("JobId", "12").containsEntry("ArrayTaskId", "2")
                .containsEntry("JobState", "TIMEOUT").containsEntry("ExitCode", "0:15");
    }
}
