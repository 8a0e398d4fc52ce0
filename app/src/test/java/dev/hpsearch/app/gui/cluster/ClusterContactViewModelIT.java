package dev.hpsearch.app.gui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.app.gui.run.EngineSearchLauncher;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.app.service.ConnectionPrompts;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.SearchService;
import dev.hpsearch.app.service.SshClusterService;
import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.ssh.transport.HostKeyDecision;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.UnknownHostKey;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * First contact from the desktop app, without a toolkit: the cluster form's Test connection and the Run tab's
 * launch show the command line's plain line (FirstContactCliIT), and a user name the profile lacks is asked for
 * through the view-model's prompt service. Real service, real sockets, and the real test sshd and Slurm where a
 * login is needed; the prompts are scripted answers standing in for the dialogs.
 */
class ClusterContactViewModelIT {
    private final DirectTaskRunner tasks = new DirectTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @TempDir
    Path tmp;

    /** Records the user-name question and answers it; host keys here are known already. */
    private static final class UserPrompt implements ConnectionPrompts {
        final List<String> asked = new ArrayList<>();
        final String answer;

        UserPrompt(String answer) {
            this.answer = answer;
        }

        @Override
        public HostKeyAnswer unknownHostKey(HostKey key) {
            asked.add("host key " + key.host());
            return HostKeyAnswer.REJECT;
        }

        @Override
        public String userName(String host, int port) {
            asked.add("user for " + host + ":" + port);
            return answer;
        }
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String refusedLine(int port) {
        return "cannot reach 127.0.0.1:" + port + " (cluster profile lab, chosen in the app): connection refused"
                + " (nothing listens on port " + port + ") — are the host and \"port\" of profile lab right? (SSH's"
                + " usual port is 22). To run on this machine instead: choose \"local\"";
    }

    @Test
    void testConnectionShowsThePlainLineForAClosedPort() throws Exception {
        int port = freePort();
        ClusterProfilesViewModel vm = new ClusterProfilesViewModel(new SshClusterService(tmp.resolve("clusters.json")),
                tasks, dialogs, new UserPrompt(null), "p");
        vm.newProfile();
        vm.nameProperty().set("lab");
        vm.hostProperty().set("127.0.0.1");
        vm.portProperty().set(Integer.toString(port));
        vm.userProperty().set("me");

        vm.testConnection();

        assertThat(vm.connectionProperty().get()).isEqualTo("✘ " + refusedLine(port));
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(dialogs.messages).isEmpty();
    }

    @Test
    void launchOnAClusterThatCannotBeReachedSaysTheSameAndLeavesNothingInTheProject() throws Exception {
        int port = freePort();
        Path clusters = tmp.resolve("clusters.json");
        Files.writeString(clusters, "{\"clusters\": [{\"name\": \"lab\", \"host\": \"127.0.0.1\", \"port\": " + port
                + ", \"user\": \"me\"}]}");
        Project project = new ProjectFactory().fromDemo(tmp.resolve("demo"));
        Set<String> before = names(project.folder());
        DashboardViewModel vm = new DashboardViewModel(project, tasks,
                new EngineSearchLauncher(SearchService.withClusters(clusters, new UserPrompt(null), null)));
        vm.targetProperty().set(RunTarget.parse("lab"));

        vm.launch();
        vm.launch();

        assertThat(vm.messageProperty().get()).isEqualTo("Could not start: " + refusedLine(port));
        assertThat(vm.activeProperty().get()).isFalse();
        assertThat(names(project.folder())).isEqualTo(before).noneMatch(n -> n.startsWith("hp_search_"));
        assertThat(project.folder().resolve(LaunchRecords.FILE_NAME)).doesNotExist();
    }

    private static Set<String> names(Path folder) throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
        }
    }

    private ClusterProfilesViewModel formWithoutUser(TestCluster env, ConnectionPrompts prompts) {
        ClusterProfilesViewModel vm = new ClusterProfilesViewModel(new SshClusterService(tmp.resolve("clusters.json")),
                tasks, dialogs, prompts, "p");
        vm.newProfile();
        vm.nameProperty().set("lab");
        vm.hostProperty().set(env.property("HPSEARCH_TEST_SSH_HOST"));
        vm.portProperty().set(env.property("HPSEARCH_TEST_SSH_PORT"));
        vm.identityFileProperty().set(env.property("HPSEARCH_TEST_SSH_KEY"));
        vm.knownHostsProperty().set(env.property("HPSEARCH_TEST_SSH_KNOWN_HOSTS"));
        return vm;
    }

    @Test
    void aUserNameTheProfileLacksIsAskedForAndTheAnswerLogsIn() throws Exception {
        TestCluster env = TestCluster.require();
        String host = env.property("HPSEARCH_TEST_SSH_HOST");
        String port = env.property("HPSEARCH_TEST_SSH_PORT");
        String user = env.property("HPSEARCH_TEST_SSH_USER");
        UserPrompt prompts = new UserPrompt(user);
        ClusterProfilesViewModel vm = formWithoutUser(env, prompts);

        vm.testConnection();

        assertThat(prompts.asked).containsExactly("user for " + host + ":" + port);
        assertThat(vm.connectionProperty().get()).startsWith("✔ Connected to " + user + "@" + host + ":" + port + ": ");
    }

    @Test
    void aUserNameNotGivenWhenAskedIsNamedInTheLine() throws Exception {
        TestCluster env = TestCluster.require();
        String host = env.property("HPSEARCH_TEST_SSH_HOST");
        UserPrompt prompts = new UserPrompt(null);
        ClusterProfilesViewModel vm = formWithoutUser(env, prompts);

        vm.testConnection();

        assertThat(prompts.asked).hasSize(1);
        assertThat(vm.connectionProperty().get()).isEqualTo("✘ no SSH user name for " + host + " (cluster profile"
                + " lab, chosen in the app): the profile gives none, and hpsearch does not guess it from this"
                + " machine's account — add \"user\": \"YOUR_NAME\" to profile lab in " + tmp.resolve("clusters.json")
                + " (or a User line for " + host + " in ~/.ssh/config)");
    }
}
