package dev.hpsearch.app.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.app.testenv.RecordedEvents;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.LocalShell;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Following a detached search from its mirror, without SSH or Slurm: the "cluster" is a local folder reached through
 * {@link LocalShell}, and Slurm's answers are scripted.
 */
class DetachedFollowTest {
    @TempDir
    Path tmp;
    Path remoteSearch;
    Path mirror;
    final AtomicReference<SlurmJobState> slurm = new AtomicReference<>();
    final RecordedEvents events = new RecordedEvents();

    @BeforeEach
    void cluster() throws IOException {
        remoteSearch = tmp.resolve("cluster/project/hp_search_0");
        Files.createDirectories(remoteSearch);
        mirror = tmp.resolve("laptop/project/.hpsearch/mirror/testcluster/hp_search_0");
    }

    private DetachedFollow follow(DetachedFollow.Connector connector) {
        DetachedLaunches.Launch launch = new DetachedLaunches.Launch("42", remoteSearch.toString(), "testcluster");
        return new DetachedFollow(connector, (shell, job) -> slurm.get(), launch, "testcluster", mirror, events);
    }

    private DetachedFollow follow() {
        return follow(() -> new LocalShell(tmp));
    }

    @Test
    void aQueuedCoordinatorIsFollowedFromItsFirstJournalLineToTheEnd() throws Exception {
        DetachedFollow f = follow();
        slurm.set(new SlurmJobState("42", true, "PENDING", null));

        assertThat(f.poll()).isFalse();
        assertThat(events.coordinator).containsExactly("Coordinator job 42 on testcluster: PENDING (in the queue)");
        assertThat(events.trials).isEmpty();

        Files.writeString(remoteSearch.resolve("search_config.json"), "{\"search_type\": \"grid\"}");
        journal("{\"event\":\"start\",\"time\":1000,\"seed\":1,\"search_type\":\"grid\",\"strategy\":\"grid\"}",
                "{\"event\":\"suggest\",\"time\":1001,\"id\":0,\"values\":[1],\"search_type\":\"grid\",\"ordinal\":0,\"previous_results_count\":0}",
                "{\"event\":\"suggest\",\"time\":1002,\"id\":1,\"values\":[2],\"search_type\":\"grid\",\"ordinal\":1,\"previous_results_count\":0}",
                "{\"event\":\"submit\",\"time\":1003,\"id\":0,\"job_id\":\"43_0\",\"token\":\"\"}",
                "{\"event\":\"finish\",\"time\":1500,\"id\":0,\"status\":\"ok\",\"loss\":0.5,\"metrics\":{},\"exit_code\":0,\"runtime_s\":0.5}");
        slurm.set(new SlurmJobState("42", true, "RUNNING", null));

        assertThat(f.poll()).isFalse();
        assertThat(mirror.resolve("journal.jsonl")).exists();
        assertThat(mirror.resolve("search_config.json")).exists();
        assertThat(events.trials.get(0).status()).isEqualTo(TrialStatus.OK);
        assertThat(events.trials.get(0).loss()).isEqualTo(0.5);
        assertThat(events.trials.get(1).status()).isEqualTo(TrialStatus.QUEUED);
        assertThat(events.coordinator).last().asString().endsWith("RUNNING (in the queue)");
        assertThat(events.ends).isEmpty();

        journal("{\"event\":\"submit\",\"time\":1600,\"id\":1,\"job_id\":\"43_1\",\"token\":\"\"}",
                "{\"event\":\"finish\",\"time\":2000,\"id\":1,\"status\":\"ok\",\"loss\":0.25,\"metrics\":{},\"exit_code\":0,\"runtime_s\":0.4}",
                "{\"event\":\"end\",\"time\":2001,\"reason\":\"every combination of the search space has been tried\"}");
        slurm.set(new SlurmJobState("42", false, "COMPLETED", "0:0"));

        assertThat(f.poll()).isTrue();
        assertThat(events.trials.get(1).loss()).isEqualTo(0.25);
        assertThat(events.ends).containsExactly("Search ended: every combination of the search space has been tried");
        assertThat(events.coordinator).last().asString().contains("COMPLETED");
        assertThat(f.poll()).as("nothing more to follow").isTrue();
        assertThat(events.ends).hasSize(1);
    }

    @Test
    void aCoordinatorThatLeftTheQueueBeforeStartingEndsTheFollowAndNamesItsLog() throws Exception {
        DetachedFollow f = follow();
        slurm.set(new SlurmJobState("42", false, "FAILED", "1:0"));

        assertThat(f.poll()).isTrue();
        assertThat(events.ends).singleElement().asString().contains("left the queue before the search started")
                .contains("FAILED").contains(remoteSearch + ".coordinator.log");
    }

    @Test
    void aCoordinatorGoneWithoutEndingTheSearchSaysHowToResumeIt() throws Exception {
        DetachedFollow f = follow();
        journal("{\"event\":\"start\",\"time\":1000,\"seed\":1,\"search_type\":\"grid\",\"strategy\":\"grid\"}");
        slurm.set(new SlurmJobState("42", false, "TIMEOUT", "0:1"));

        assertThat(f.poll()).isTrue();
        assertThat(events.ends).singleElement().asString().contains("TIMEOUT")
                .contains("hpsearch launch --resume --cluster testcluster " + remoteSearch);
    }

    @Test
    void theSelectedCombinationsLogIsCopiedOnDemandAndWithEachPoll() throws Exception {
        DetachedFollow f = follow();
        Files.createDirectories(remoteSearch.resolve("hp_combination_3"));
        Files.writeString(remoteSearch.resolve("hp_combination_3/log.txt"), "epoch 1\n");
        journal("{\"event\":\"start\",\"time\":1000,\"seed\":1,\"search_type\":\"grid\",\"strategy\":\"grid\"}");
        slurm.set(new SlurmJobState("42", true, "RUNNING", null));

        f.poll();
        assertThat(mirror.resolve("hp_combination_3/log.txt")).as("not selected: not copied").doesNotExist();
        f.watchLog(3);
        f.copyWatchedLog();
        assertThat(Files.readString(mirror.resolve("hp_combination_3/log.txt"))).isEqualTo("epoch 1\n");
        Files.writeString(remoteSearch.resolve("hp_combination_3/log.txt"), "epoch 2\n", StandardOpenOption.APPEND);
        f.poll();
        assertThat(Files.readString(mirror.resolve("hp_combination_3/log.txt"))).isEqualTo("epoch 1\nepoch 2\n");
    }

    @Test
    void stopLeavesARequestTheCoordinatorTakes() throws Exception {
        DetachedFollow f = follow();

        f.requestStop(new StopRequest(true, "stopped from the dashboard"));

        assertThat(StopRequest.take(remoteSearch)).isEqualTo(new StopRequest(true, "stopped from the dashboard"));
    }

    @Test
    void aFailedConnectionIsAnErrorAndTheNextPollConnectsAgain() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        DetachedFollow f = follow(() -> {
            if (attempts.incrementAndGet() == 1) {
                throw new SshBridgeException("connection refused by testcluster");
            }
            return new LocalShell(tmp);
        });
        slurm.set(new SlurmJobState("42", true, "PENDING", null));

        assertThatThrownBy(f::poll).hasMessageContaining("connection refused");
        assertThat(f.poll()).isFalse();
        assertThat(attempts).hasValue(2);
        assertThat(events.coordinator).hasSize(1);
    }

    private void journal(String... lines) throws IOException {
        Files.writeString(remoteSearch.resolve("journal.jsonl"), String.join("\n", lines) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
