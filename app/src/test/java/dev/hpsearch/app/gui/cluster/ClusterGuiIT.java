package dev.hpsearch.app.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.AppServices;
import dev.hpsearch.app.gui.MainWindow;
import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.common.Exports;
import dev.hpsearch.app.gui.common.FxTaskRunner;
import dev.hpsearch.app.gui.job.LocalTestRunService;
import dev.hpsearch.app.gui.model.LoaderModelValidator;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.project.ProjectView;
import dev.hpsearch.app.gui.run.EngineSearchLauncher;
import dev.hpsearch.app.gui.start.RecentProjects;
import dev.hpsearch.app.service.ClusterService;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.SearchService;
import dev.hpsearch.app.service.SshClusterService;
import dev.hpsearch.app.testenv.ClusterProject;
import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app against a real sshd and single-node Slurm ({@code .ci/testenv.sh start}), headless: a profile
 * file written here with a fresh known_hosts, the connection test from the Clusters tab with the unknown host key
 * accepted in the real dialog, then a 2-combination grid run on the cluster from the Run tab; then the same grid
 * launched detached and followed from the Run tab until it ends. Skipped without that
 * environment on a contributor's machine; under {@code CI=true} a missing environment fails.
 */
@ExtendWith(ApplicationExtension.class)
// the first test accepts the unknown host key in the dialog; the later ones find it saved
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class ClusterGuiIT {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    static Path tmp;
    static TestCluster env;
    static Path clusters;
    static Path knownHosts;
    static Path project;

    private FxTaskRunner tasks;
    private MainWindow window;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @BeforeAll
    static void environment() throws Exception {
        env = TestCluster.require();
        knownHosts = tmp.resolve("fresh/known_hosts"); // does not exist yet: the host key is unknown
        clusters = tmp.resolve("clusters.json");
        env.writeClustersFile(clusters, env.remoteRoot() + "/gui-" + System.nanoTime(), List.of(), knownHosts);
        project = tmp.resolve("gui project");
        Files.createDirectories(project);
        Files.writeString(project.resolve("score.sh"), ClusterProject.READ_X + "\n" + ClusterProject.SCORE_X);
        Files.writeString(project.resolve("job_config.json"), ClusterProject.SH_JOB);
        Files.writeString(project.resolve("model_config.json"), ClusterProject.discreteX(1, 2));
        Files.writeString(project.resolve("search_config.json"),
                "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2, \"max_active_points\": 2}");
    }

    @Start
    void start(Stage stage) throws Exception {
        tasks = new FxTaskRunner(2);
        FxSshPrompts prompts = new FxSshPrompts(stage);
        AppServices services = new AppServices(tasks, dialogs, new RecentProjects(tmp.resolve("config")),
                new SshClusterService(clusters), new EngineSearchLauncher(SearchService.withClusters(clusters, prompts, ClusterProject.builtJar())
                        .withFollowInterval(java.time.Duration.ofSeconds(2))),
                new LoaderModelValidator(), new LocalTestRunService(), prompts);
        window = new MainWindow(services, stage);
        window.showProject(Project.open(project));
        stage.show();
    }

    @AfterEach
    void close() {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(() -> window.showStart());
            WaitForAsyncUtils.waitForFxEvents();
        }
        if (tasks != null) {
            tasks.close();
        }
    }

    @Test
    @org.junit.jupiter.api.Order(1)
    void connectsAcceptingTheHostKeyInTheDialogThenRunsAGridOnTheCluster(FxRobot robot) throws Exception {
        ProjectView view = window.projectView();
        select(robot, "tabClusters");
        ListView<ClusterService.ProfileEntry> list = robot.lookup("#clusterProfileList").queryListView();
        waitUntil(15, () -> list.getItems().stream().anyMatch(e -> e.profile().name().equals("testcluster")));
        robot.interact(() -> list.getSelectionModel().select(list.getItems().stream()
                .filter(e -> e.profile().name().equals("testcluster")).findFirst().orElseThrow()));
        assertThat(robot.lookup("#profile_host").queryAs(TextField.class).getText())
                .isEqualTo(env.property("HPSEARCH_TEST_SSH_HOST"));

        robot.interact(() -> robot.lookup("#testProfileConnectionButton").queryButton().fire());
        waitUntil(60, () -> robot.lookup("#hostKeyDialog").tryQuery().isPresent());
        DialogPane dialog = robot.lookup("#hostKeyDialog").query();
        assertThat(robot.from(dialog).lookup("#hostKeyFingerprint").queryAs(TextField.class).getText())
                .isEqualTo(fingerprint(Path.of(env.property("HPSEARCH_TEST_SSH_HOST_KEY_PUB"))));
        assertThat(robot.from(dialog).lookup("#hostKeyType").queryAs(TextField.class).getText()).isEqualTo("ssh-ed25519");
        shot(dialog, "09-host-key-dialog");
        robot.interact(() -> ((Button) robot.from(dialog).lookup("#acceptAndSaveButton").query()).fire());

        Label status = robot.lookup("#profileConnectionStatus").queryAs(Label.class);
        waitUntil(90, () -> status.getText().startsWith("✔"));
        assertThat(status.getText()).contains("slurm");
        assertThat(Files.readString(knownHosts)).contains("ssh-ed25519");
        shot(window.scene().getRoot(), "10-cluster-connection");

        select(robot, "tabRun");
        ComboBox<RunTarget> target = robot.lookup("#runTarget").queryComboBox();
        assertThat(target.getValue()).isEqualTo(RunTarget.parse("testcluster"));
        assertThat(target.getConverter().toString(target.getValue())).as("shown by name").isEqualTo("testcluster");
        robot.interact(() -> robot.lookup("#launchButton").queryButton().fire());
        waitUntil(240, () -> view.dashboard().rows().size() == 2
                && view.dashboard().rows().stream().allMatch(r -> "ok".equals(r.status()))
                && !view.dashboard().activeProperty().get());
        assertThat(view.dashboard().rows()).extracting(ResultRow::jobId).allSatisfy(id -> assertThat(id).isNotBlank());
        assertThat(robot.lookup("#runMessage").queryAs(Label.class).getText()).startsWith("Search complete");
        Path search = project.resolve("hp_search_0");
        assertThat(JsonFiles.read(search.resolve("search.json"), "search.json").get("cluster").asText())
                .isEqualTo("testcluster");
        assertThat(dialogs.messages).isEmpty();
        shot(window.scene().getRoot(), "11-cluster-run");

        // the remote folder chooser lists the remote root over SFTP, where the project now is
        select(robot, "tabClusters");
        String root = view.clusters().remoteRootProperty().get();
        Button browse = robot.lookup("#browseRemoteButton").queryButton();
        WaitForAsyncUtils.asyncFx(browse::fire); // the chooser waits in showAndWait: do not wait for it here
        waitUntil(60, () -> robot.lookup("#remoteFolderList").tryQuery().isPresent()
                && robot.lookup("#remoteFolderList").queryListView().getItems().contains("gui project"));
        assertThat(robot.lookup("#remotePath").queryAs(Label.class).getText()).isEqualTo(root);
        DialogPane chooser = robot.lookup("#remoteFolderDialog").query();
        shot(chooser, "12-remote-folder-chooser");
        robot.interact(() -> ((Button) chooser.lookupButton(javafx.scene.control.ButtonType.OK)).fire());
        waitUntil(15, () -> robot.lookup("#remoteFolderDialog").tryQuery().isEmpty());
        assertThat(view.clusters().remoteRootProperty().get()).isEqualTo(root);
        assertThat(view.clusters().statusProperty().get()).contains(root + "/gui project");
    }

    @Test
    @org.junit.jupiter.api.Order(2)
    void launchesDetachedThenFollowsTheSearchOnTheClusterUntilItEnds(FxRobot robot) throws Exception {
        assertThat(ClusterProject.builtJar()).as("target/hpsearch-app-*-all.jar: run the integration tests through mvn verify")
                .isNotNull();
        ProjectView view = window.projectView();
        select(robot, "tabRun");
        assertThat(robot.lookup("#runTarget").queryComboBox().getValue()).isEqualTo(RunTarget.parse("testcluster"));
        Button follow = robot.lookup("#followClusterButton").queryButton();
        assertThat(follow.isDisabled()).as("nothing launched detached yet").isTrue();
        Label message = robot.lookup("#runMessage").queryAs(Label.class);
        // the coordinator job asks Slurm for search_memory and search_time: keep them within the test node
        Files.writeString(project.resolve("search_config.json"), "{\"search_type\": \"grid\", "
                + "\"num_grid_points_per_hyperparameter\": 2, \"max_active_points\": 2, \"search_time\": 0.25, "
                + "\"search_memory\": 1}");

        robot.interact(() -> robot.lookup("#launchDetachedButton").queryButton().fire());
        acceptHostKeyIfAsked(robot, () -> message.getText().startsWith("Submitted coordinator job")
                || message.getText().startsWith("Could not launch"));
        assertThat(message.getText()).startsWith("Submitted coordinator job");
        waitUntil(15, () -> !follow.isDisabled());

        robot.interact(follow::fire);
        acceptHostKeyIfAsked(robot, () -> !view.dashboard().coordinatorProperty().get().isEmpty()
                || message.getText().startsWith("Could not start"));
        assertThat(message.getText()).doesNotStartWith("Could not start");
        Label coordinator = robot.lookup("#coordinatorState").queryAs(Label.class);
        waitUntil(240, () -> !view.dashboard().activeProperty().get());
        assertThat(message.getText()).startsWith("Search ended");
        waitUntil(15, () -> view.dashboard().rows().size() == 2
                && view.dashboard().rows().stream().allMatch(r -> "ok".equals(r.status())));
        assertThat(view.dashboard().activeProperty().get()).isFalse();
        assertThat(coordinator.isVisible()).isTrue();
        assertThat(coordinator.getText()).startsWith("Coordinator job ").contains(" on testcluster: ");
        assertThat(view.dashboard().searchNameProperty().get()).startsWith("hp_search_");
        assertThat(dialogs.messages).isEmpty();
        shot(window.scene().getRoot(), "13-follow-detached-on-cluster");
    }

    /** Waits for {@code done}; accepts the host key (and saves it) if this test is the first to connect. */
    private static void acceptHostKeyIfAsked(FxRobot robot, Callable<Boolean> done) throws Exception {
        waitUntil(120, () -> robot.lookup("#hostKeyDialog").tryQuery().isPresent() || done.call());
        if (robot.lookup("#hostKeyDialog").tryQuery().isPresent()) {
            DialogPane dialog = robot.lookup("#hostKeyDialog").query();
            robot.interact(() -> ((Button) robot.from(dialog).lookup("#acceptAndSaveButton").query()).fire());
            waitUntil(120, done);
        }
    }

    /** The shaded jar that `package` built before the integration tests run, or null (run from an IDE). */

    /** The key's fingerprint as {@code ssh-keygen -lf} prints it: SHA256 of the key blob, base64 without padding. */
    private static String fingerprint(Path pub) throws Exception {
        byte[] blob = Base64.getDecoder().decode(Files.readString(pub).trim().split("\\s+")[1]);
        return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256").digest(blob));
    }

    private static void select(FxRobot robot, String tabId) {
        TabPane tabs = robot.lookup("#projectTabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(
                tabs.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void shot(Node node, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        var image = WaitForAsyncUtils.asyncFx(() -> Exports.snapshot(node.getScene().getRoot())).get(10, TimeUnit.SECONDS);
        Exports.writePng(image, SHOTS.resolve(name + ".png"));
    }

    private static void waitUntil(int seconds, Callable<Boolean> condition) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> {
            try {
                return condition.call();
            } catch (Exception e) {
                return false;
            }
        });
        // the condition reads the dashboard off the FX thread: let the batch it saw half-applied finish
        WaitForAsyncUtils.waitForFxEvents();
    }
}
