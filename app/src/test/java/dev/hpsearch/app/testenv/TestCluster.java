package dev.hpsearch.app.testenv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /** A folder on the cluster where tests may write. */
    public String remoteRoot() {
        return properties.getProperty("HPSEARCH_TEST_REMOTE_ROOT");
    }

    /** Writes a clusters.json with one profile, {@code testcluster}, whose projects live under {@code remoteRoot}. */
    public void writeClustersFile(Path file, String remoteRoot) throws IOException {
        Files.writeString(file, "{\"clusters\": [{\"name\": \"testcluster\", \"host\": \"" + property("HPSEARCH_TEST_SSH_HOST")
                + "\", \"port\": " + property("HPSEARCH_TEST_SSH_PORT") + ", \"user\": \"" + property("HPSEARCH_TEST_SSH_USER")
                + "\", \"identity_file\": \"" + property("HPSEARCH_TEST_SSH_KEY") + "\", \"known_hosts\": \""
                + property("HPSEARCH_TEST_SSH_KNOWN_HOSTS") + "\", \"cpu_partition\": \""
                + properties.getProperty("HPSEARCH_TEST_PARTITION", "debug") + "\", \"remote_root\": \"" + remoteRoot + "\"}]}");
    }
}
