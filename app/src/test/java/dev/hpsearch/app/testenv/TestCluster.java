package dev.hpsearch.app.testenv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import dev.hpsearch.ssh.transport.SshTarget;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * The real sshd + single-node Slurm that {@code .ci/testenv.sh start} runs on loopback, as the app's integration
 * tests see it. Absent, a test is skipped with a message saying how to start it; under {@code CI=true} it fails.
 */
public final class TestCluster {
    public static final Path ENV = Path.of(System.getenv().getOrDefault("HPSEARCH_TESTENV_DIR", "/tmp/hpsearch-testenv"),
            "env.properties");
    private final Properties properties;

    private TestCluster(Properties properties) {
        this.properties = properties;
    }

    /** The running environment, or a skipped test (a failed one under CI=true). */
    public static TestCluster require() throws IOException {
        boolean present = Files.isRegularFile(ENV);
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but the test sshd/Slurm is not running (" + ENV + " missing): run .ci/testenv.sh start");
        }
        assumeTrue(present, "no test sshd/Slurm (" + ENV + " missing); start it with .ci/testenv.sh start");
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(ENV)) {
            p.load(in);
        }
        return new TestCluster(p);
    }

    public String property(String key) {
        return properties.getProperty(key);
    }

    /** A property of the environment, or {@code fallback} when it does not say. */
    public String property(String key, String fallback) {
        return properties.getProperty(key, fallback);
    }

    /** A folder on the cluster where tests may write. */
    public String remoteRoot() {
        return properties.getProperty("HPSEARCH_TEST_REMOTE_ROOT");
    }

    /**
     * A connection to the test cluster, for a test to look at or make files there: the cluster cannot see this
     * machine's files, nor this machine the cluster's ({@code .ci/testenv.sh}), so that is the only way.
     */
    public SshSession open() throws SshBridgeException {
        return SshSession.open(new SshTarget(property("HPSEARCH_TEST_SSH_HOST"),
                Integer.parseInt(property("HPSEARCH_TEST_SSH_PORT")), property("HPSEARCH_TEST_SSH_USER"),
                List.of(Path.of(property("HPSEARCH_TEST_SSH_KEY"))), Path.of(property("HPSEARCH_TEST_SSH_KNOWN_HOSTS")),
                null, false, null), SshSettings.defaults(), SshPrompts.nonInteractive());
    }

    /** The text of a file on the cluster, or null when it does not exist. */
    public String read(String remotePath) throws SshBridgeException {
        try (SshSession s = open()) {
            return s.exists(remotePath) ? new String(s.read(remotePath), StandardCharsets.UTF_8) : null;
        }
    }

    /** Writes a file on the cluster, creating its folder. */
    public void write(String remotePath, String content) throws SshBridgeException {
        try (SshSession s = open()) {
            s.mkdirs(remotePath.substring(0, remotePath.lastIndexOf('/')));
            s.upload(content.getBytes(StandardCharsets.UTF_8), remotePath);
        }
    }

    /** Runs a command on the cluster's login node and returns its standard output (it must succeed). */
    public String exec(List<String> argv) throws SshBridgeException {
        try (SshSession s = open()) {
            return s.exec(argv, Duration.ofSeconds(60)).requireSuccess().stdout();
        }
    }

    /** Writes a clusters.json with one profile, {@code testcluster}, whose projects live under {@code remoteRoot}. */
    public void writeClustersFile(Path file, String remoteRoot) throws IOException {
        writeClustersFile(file, remoteRoot, java.util.List.of());
    }

    /** As {@link #writeClustersFile(Path, String)}, with the profile's set-up lines. */
    public void writeClustersFile(Path file, String remoteRoot, java.util.List<String> setup) throws IOException {
        writeClustersFile(file, remoteRoot, setup, Path.of(property("HPSEARCH_TEST_SSH_KNOWN_HOSTS")));
    }

    /** As {@link #writeClustersFile(Path, String, List)}, with another known_hosts file (one without the key). */
    public void writeClustersFile(Path file, String remoteRoot, java.util.List<String> setup, Path knownHosts)
            throws IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode c = json.createObjectNode();
        c.put("name", "testcluster");
        c.put("host", property("HPSEARCH_TEST_SSH_HOST"));
        c.put("port", Integer.parseInt(property("HPSEARCH_TEST_SSH_PORT")));
        c.put("user", property("HPSEARCH_TEST_SSH_USER"));
        c.put("identity_file", property("HPSEARCH_TEST_SSH_KEY"));
        c.put("known_hosts", knownHosts.toString());
        c.put("cpu_partition", properties.getProperty("HPSEARCH_TEST_PARTITION", "debug"));
        c.put("remote_root", remoteRoot);
        if (!setup.isEmpty()) {
            setup.forEach(c.putArray("setup")::add);
        }
        com.fasterxml.jackson.databind.node.ObjectNode top = json.createObjectNode();
        top.putArray("clusters").add(c);
        Files.writeString(file, json.writeValueAsString(top));
    }
}
