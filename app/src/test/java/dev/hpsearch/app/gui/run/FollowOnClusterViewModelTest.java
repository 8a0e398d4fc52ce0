package dev.hpsearch.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.app.service.UserFacingException;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Transformation;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "Follow on cluster" in the Run tab's view-model, without a toolkit: the launcher is scripted. */
class FollowOnClusterViewModelTest {
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @TempDir
    Path tmp;

    /** Follows the latest detached launch by handing out the events; records what it was asked. */
    private static final class FollowingLauncher implements SearchLauncher {
        final List<String> calls = new ArrayList<>();
        final List<SearchEvents> events = new ArrayList<>();
        final ModelConfig model;
        final Path mirror;
        boolean closed;

        FollowingLauncher(ModelConfig model, Path mirror) {
            this.model = model;
            this.mirror = mirror;
        }

        @Override
        public RunningSearch followDetached(Project project, Optional<RunTarget> target, SearchEvents ev) {
            calls.add("follow " + target.map(RunTarget::name).orElse(null));
            events.add(ev);
            return new RunningSearch(mirror, model, RunningSearch.Mode.FOLLOWS_DETACHED, new RunningSearch.Control() {
                @Override
                public void stop(String reason) {
                    calls.add("stop " + reason);
                }

                @Override
                public void cancel(int combinationId) {
                    throw new IllegalStateException("followed only");
                }

                @Override
                public void close() {
                    closed = true;
                }
            });
        }

        @Override
        public String launchDetached(Project project, Optional<RunTarget> target) throws UserFacingException {
            String cluster = target.orElseThrow().name();
            calls.add("detached " + cluster);
            try {
                LaunchRecords.append(project.folder(), launch("77", "/scratch/demo/hp_search_1", cluster));
            } catch (IOException e) {
                throw new UserFacingException(UserFacingException.Kind.FAILURE, e.getMessage(), e);
            }
            return "Submitted coordinator job 77 on " + cluster;
        }

        @Override
        public RunningSearch start(Project project, Optional<RunTarget> target, SearchEvents ev) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunningSearch resume(Path searchDir, SearchEvents ev) {
            throw new UnsupportedOperationException();
        }

        @Override
        public RunningSearch attach(Path searchDir, SearchEvents ev) {
            throw new UnsupportedOperationException();
        }
    }

    private static LaunchRecords.Launch launch(String job, String searchFolder, String cluster) {
        Path folder = Path.of(searchFolder);
        return new LaunchRecords.Launch(job, folder.getParent(), folder, 1, folder.resolve("log.txt"),
                folder.getParent().resolve("search_config.json"), folder.getParent().resolve("job_config.json"),
                folder.getParent().resolve("model_config.json"),
                "java -Xmx768m -jar /scratch/.hpsearch/hpsearch-0123.jar run --quiet --on-cluster --cluster " + cluster
                        + " --search_id 1",
                "sbatch --parsable -c 1 /scratch/demo/.hpsearch/hp_search_1/coordinator.sh");
    }

    @Test
    void followOnClusterFollowsTheLatestDetachedLaunchAndShowsItsCoordinatorJob() throws Exception {
        Project p = new ProjectFactory().fromDemo(tmp.resolve("demo"));
        SearchSpace space = new SearchSpace(List.of(Hyperparameter.continuous("x", 0.1, 10, Transformation.LOG)));
        FollowingLauncher launcher = new FollowingLauncher(new ModelConfig(JsonFiles.STRICT.createObjectNode(), space),
                p.folder().resolve(".hpsearch/mirror/lab/hp_search_1"));
        List<String> notified = new ArrayList<>();
        DashboardViewModel vm = new DashboardViewModel(p, tasks, launcher, Duration.ZERO,
                (title, text) -> notified.add(title + ": " + text));
        vm.refreshPastSearches();
        assertThat(vm.detachedLaunchProperty().get()).as("nothing launched detached yet").isNull();

        vm.targetProperty().set(RunTarget.parse("lab"));
        vm.launchDetached();
        assertThat(vm.detachedLaunchProperty().get()).isEqualTo("hp_search_1: job 77 on lab");

        vm.targetProperty().set(null);
        vm.followDetached();
        assertThat(launcher.calls).containsExactly("detached lab", "follow null");
        assertThat(vm.activeProperty().get()).isTrue();
        assertThat(vm.controllableProperty().get()).as("the cluster's coordinator runs it").isFalse();
        assertThat(vm.stoppableProperty().get()).as("but takes a stop request").isTrue();
        assertThat(vm.messageProperty().get()).startsWith("Following ").contains("hp_search_1");

        SearchEvents ev = launcher.events.get(0);
        ev.onCoordinator("Coordinator job 77 on lab: RUNNING (in the queue)");
        ev.onTrial(trial(0, 1.0, 0.5, TrialStatus.OK));
        ev.onTrial(trial(1, 2.0, null, TrialStatus.RUNNING));
        ev.onProgress(new Progress(1, 0, 0, 1, 0, -1, trial(0, 1.0, 0.5, TrialStatus.OK), Duration.ofSeconds(20), null));
        assertThat(vm.coordinatorProperty().get()).isEqualTo("Coordinator job 77 on lab: RUNNING (in the queue)");
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.doneProperty().get()).isEqualTo(1);
        assertThat(vm.bestProperty().get()).startsWith("0.5");

        vm.stopSearch();
        assertThat(launcher.calls).endsWith("stop stopped from the dashboard");
        assertThat(vm.messageProperty().get()).startsWith("Asked the coordinator on the cluster to stop");

        ev.onTrial(trial(1, 2.0, 0.25, TrialStatus.OK));
        ev.onCoordinator("Coordinator job 77 on lab: COMPLETED (no longer in the queue; exit code 0:0)");
        ev.onEnd("Search ended: every combination of the search space has been tried");
        assertThat(vm.rows().get(1).loss()).isEqualTo(0.25);
        assertThat(vm.coordinatorProperty().get()).contains("COMPLETED");
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(vm.stoppableProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Search ended: every combination of the search space has been tried");
        assertThat(notified).as("a desktop notification when the search ends").singleElement().asString()
                .contains("hp_search_1").endsWith(": Search ended: every combination of the search space has been tried");

        vm.dispose();
        assertThat(launcher.closed).isTrue();
    }

    @Test
    void aLaunchRecordNamesTheClusterInItsCommandAndLocalRunsAreNotDetached() {
        String records = String.join("\t", LaunchRecords.COLUMNS) + "\n"
                + "4242\t/p\t/p/hp_search_0\t0\t/p/hp_search_0/log.txt\ts\tj\tm\thpsearch gui\t\n"
                + "77\t/r/p\t/r/p/hp_search_1\t1\t/r/p/hp_search_1/log.txt\ts\tj\tm\t"
                + "java -jar x.jar run --on-cluster --cluster lab --search_id 1\tsbatch --parsable x.sh\n"
                + "78\t/r/p\t/r/p/hp_search_2\t2\t/r/p/hp_search_2/log.txt\ts\tj\tm\tjava -jar x.jar run\tsbatch y.sh\n";

        List<DetachedLaunches.Launch> launches = DetachedLaunches.parse(records, null);

        assertThat(launches).extracting(DetachedLaunches.Launch::jobId).containsExactly("77", "78");
        assertThat(launches.get(0).searchName()).isEqualTo("hp_search_1");
        assertThat(launches.get(0).cluster()).isEqualTo("lab");
        assertThat(launches.get(1).cluster()).isNull();
        assertThat(DetachedLaunches.parse(records, "/p/hp_search_0")).extracting(DetachedLaunches.Launch::jobId)
                .containsExactly("4242");
    }

    private static TrialRecord trial(int id, double x, Double loss, TrialStatus status) {
        return new TrialRecord(id, new Combination(List.<JsonNode>of(DoubleNode.valueOf(x))), "random", id, 0,
                "j" + id, "", status, loss, Map.of(), null, null, 1.5, 0, 1);
    }
}
