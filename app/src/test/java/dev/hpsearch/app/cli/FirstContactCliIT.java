package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpsearch run} against a cluster it cannot get into: one plain line, exit status 3, and nothing left in the
 * project (no hp_search_N, no launch record). The unreachable cases need only loopback and DNS; the host-key and
 * user cases use the real test sshd ({@code .ci/testenv.sh start}).
 */
class FirstContactCliIT {

    @TempDir
    Path tmp;
    Path project;
    Path clusters;

    @BeforeEach
    void project() throws Exception {
        project = tmp.resolve("proj");
        Files.createDirectories(project);
        clusters = tmp.resolve("clusters.json");
        Files.writeString(project.resolve("score.sh"), "echo '{\"objective\": 1}' > output.json\n");
        Files.writeString(project.resolve("job_config.json"), "{\"environment_path\": \"sh\", \"script_path\":"
                + " \"score.sh\", \"time\": 0.1, \"memory\": 1, \"cluster\": \"lab\"}");
        Files.writeString(project.resolve("model_config.json"),
                "{\"x\": {\"type\": \"discrete\", \"domain\": [1, 2], \"transformation\": \"linear\"}}");
        Files.writeString(project.resolve("search_config.json"),
                "{\"search_type\": \"grid\", \"num_grid_points_per_hyperparameter\": 2}");
    }

    private void profile(String host, int port, String user, Path key, Path knownHosts) throws Exception {
        Files.writeString(clusters, "{\"clusters\": [{\"name\": \"lab\", \"host\": \"" + host + "\", \"port\": " + port
                + (user == null ? "" : ", \"user\": \"" + user + "\"")
                + (key == null ? "" : ", \"identity_file\": \"" + key + "\"")
                + (knownHosts == null ? "" : ", \"known_hosts\": \"" + knownHosts + "\"") + "}]}");
    }

    private Cli run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("run", "-q", "--clusters-file", clusters.toString(),
                "-s", project.resolve("search_config.json").toString(),
                "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString()));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(new String[0]));
    }

    /** The one line printed; fails the test on a stack trace, a second line or a library's internal names. */
    private static String oneLine(Cli c) {
        assertThat(c.status).as(c.err + c.out).isEqualTo(ExitCodes.CONNECTION);
        assertThat(c.err.strip().lines()).as(c.err).hasSize(1);
        assertThat(c.err).doesNotContain("Exception").doesNotContain("Future").doesNotContain("null")
                .doesNotContain("org.apache").doesNotContain("\tat ");
        assertThat(c.out).doesNotContain("Search folder");
        return c.err.strip();
    }

    private void assertNothingLeftBehind() throws Exception {
        try (Stream<Path> files = Files.list(project)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("score.sh", "job_config.json", "model_config.json", "search_config.json");
        }
        assertThat(project.resolve(LaunchRecords.FILE_NAME)).doesNotExist();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void aClosedPortLeavesNoSearchFolderAndNoLaunchRecordHoweverOftenItIsTried() throws Exception {
        int port = freePort();
        profile("127.0.0.1", port, "me", null, null);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThat(oneLine(run())).isEqualTo("error: cannot reach 127.0.0.1:" + port + " (cluster profile lab,"
                    + " from job_config.json \"cluster\"): connection refused (nothing listens on port " + port + ")"
                    + " — are the host and \"port\" of profile lab right? (SSH's usual port is 22)."
                    + " To run on this machine instead: --cluster local");
            assertNothingLeftBehind();
        }
    }

    @Test
    void launchToAClosedPortRecordsNothingAndPointsAtRunningHere() throws Exception {
        Path jar;
        try (Stream<Path> jars = Files.list(Path.of("target"))) {
            // the shaded jar that `package` built before the integration tests
            jar = jars.filter(p -> p.getFileName().toString().matches("hpsearch-app-.*-all\\.jar")).findFirst()
                    .orElseThrow(() -> new AssertionError("no target/hpsearch-app-*-all.jar: run through mvn verify"));
        }
        int port = freePort();
        profile("127.0.0.1", port, "me", null, null);
        Cli c = Cli.run("launch", "--clusters-file", clusters.toString(), "--jar", jar.toString(),
                "-s", project.resolve("search_config.json").toString(),
                "-j", project.resolve("job_config.json").toString(),
                "-m", project.resolve("model_config.json").toString());
        assertThat(oneLine(c)).startsWith("error: cannot reach 127.0.0.1:" + port + " (cluster profile lab, from"
                + " job_config.json \"cluster\"): connection refused").endsWith(
                "To run on this machine instead: hpsearch run --cluster local");
        assertNothingLeftBehind();
    }

    @Test
    void anUnknownHostNameAsksAboutTheVpnAndNamesTheFlag() throws Exception {
        // the reserved .invalid domain never resolves (RFC 2606)
        profile("ushpc.hpsearch-test.invalid", 22, "me", null, null);
        assertThat(oneLine(run("--cluster", "lab"))).isEqualTo("error: cannot reach ushpc.hpsearch-test.invalid"
                + " (cluster profile lab, from --cluster): host name not found — are you on the VPN?"
                + " To run on this machine instead: --cluster local");
        assertNothingLeftBehind();
    }

    @Test
    void aChangedHostKeyIsAHostKeyProblemAndNothingIsCreated() throws Exception {
        TestCluster env = TestCluster.require();
        Path other = tmp.resolve("other_host_key");
        exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
        String[] pub = Files.readString(tmp.resolve("other_host_key.pub")).split(" ");
        String host = env.property("HPSEARCH_TEST_SSH_HOST");
        String port = env.property("HPSEARCH_TEST_SSH_PORT");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + host + "]:" + port + " " + pub[0] + " " + pub[1] + "\n");
        // no user in the profile either: the host key is checked, and reported, before the user matters
        profile(host, Integer.parseInt(port), null, Path.of(env.property("HPSEARCH_TEST_SSH_KEY")), knownHosts);

        String line = oneLine(run());
        assertThat(line).startsWith("error: host key of " + host + ":" + port + " has changed (cluster profile lab,"
                + " from job_config.json \"cluster\"): " + knownHosts + " records ssh-ed25519 ")
                .contains("ssh-keygen -R '[" + host + "]:" + port + "' -f " + knownHosts)
                .doesNotContain("login").doesNotContain("user");
        assertNothingLeftBehind();
    }

    @Test
    void aRevokedHostKeyIsAHostKeyProblem() throws Exception {
        TestCluster env = TestCluster.require();
        String host = env.property("HPSEARCH_TEST_SSH_HOST");
        String port = env.property("HPSEARCH_TEST_SSH_PORT");
        String[] served = Files.readString(Path.of(env.property("HPSEARCH_TEST_SSH_HOST_KEY_PUB"))).split(" ");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "@revoked [" + host + "]:" + port + " " + served[0] + " " + served[1] + "\n");
        profile(host, Integer.parseInt(port), env.property("HPSEARCH_TEST_SSH_USER"),
                Path.of(env.property("HPSEARCH_TEST_SSH_KEY")), knownHosts);

        assertThat(oneLine(run())).startsWith("error: host key of " + host + ":" + port + " is revoked (cluster profile"
                + " lab, from job_config.json \"cluster\"): " + knownHosts + " marks the server's ssh-ed25519 SHA256:")
                .doesNotContain("login");
        assertNothingLeftBehind();
    }

    @Test
    void anUnknownHostKeyWithoutATerminalIsRefusedInOneLineSayingHowToAcceptIt() throws Exception {
        TestCluster env = TestCluster.require();
        String host = env.property("HPSEARCH_TEST_SSH_HOST");
        String port = env.property("HPSEARCH_TEST_SSH_PORT");
        Path knownHosts = tmp.resolve("empty_known_hosts");
        profile(host, Integer.parseInt(port), env.property("HPSEARCH_TEST_SSH_USER"),
                Path.of(env.property("HPSEARCH_TEST_SSH_KEY")), knownHosts);

        assertThat(oneLine(run())).startsWith("error: host key of " + host + ":" + port + " is not known (cluster"
                + " profile lab, from job_config.json \"cluster\"): the server offers ssh-ed25519 SHA256:")
                .contains("which " + knownHosts + " does not list, and it was rejected")
                .endsWith("then accept it (run hpsearch in a terminal, or connect once with ssh)");
        assertThat(knownHosts).doesNotExist();
        assertNothingLeftBehind();
    }

    @Test
    void aProfileWithoutAUserNamesItInsteadOfLoggingInAsTheLocalAccount() throws Exception {
        TestCluster env = TestCluster.require();
        String host = env.property("HPSEARCH_TEST_SSH_HOST");
        profile(host, Integer.parseInt(env.property("HPSEARCH_TEST_SSH_PORT")), null,
                Path.of(env.property("HPSEARCH_TEST_SSH_KEY")), Path.of(env.property("HPSEARCH_TEST_SSH_KNOWN_HOSTS")));

        // the local account here may well be the test sshd's user: it would have logged in, wrongly, before
        assertThat(oneLine(run())).isEqualTo("error: no SSH user name for " + host + " (cluster profile lab, from"
                + " job_config.json \"cluster\"): the profile gives none, and hpsearch does not guess it from this"
                + " machine's account — add \"user\": \"YOUR_NAME\" to profile lab in " + clusters + " (or a User"
                + " line for " + host + " in ~/.ssh/config)");
        assertNothingLeftBehind();
    }

    @Test
    void aRefusedLoginNamesTheUserAndTheKeyTried() throws Exception {
        TestCluster env = TestCluster.require();
        String host = env.property("HPSEARCH_TEST_SSH_HOST");
        String port = env.property("HPSEARCH_TEST_SSH_PORT");
        Path stranger = tmp.resolve("id_stranger");
        exec("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString());
        profile(host, Integer.parseInt(port), env.property("HPSEARCH_TEST_SSH_USER"), stranger,
                Path.of(env.property("HPSEARCH_TEST_SSH_KNOWN_HOSTS")));

        assertThat(oneLine(run())).startsWith("error: login refused on " + host + ":" + port + " for user "
                + env.property("HPSEARCH_TEST_SSH_USER") + " (cluster profile lab, from job_config.json \"cluster\"):"
                + " tried key " + stranger);
        assertNothingLeftBehind();
    }

    private static void exec(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(Duration.ofSeconds(20).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
        assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
    }
}
