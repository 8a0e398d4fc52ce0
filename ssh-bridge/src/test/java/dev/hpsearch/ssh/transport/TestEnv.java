package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The sshd + Slurm started by {@code .ci/testenv.sh start}, as seen by the integration tests: read from the
 * environment ({@code eval "$(.ci/testenv.sh env)"}) or from the file the script writes. Absent, the tests skip;
 * under {@code CI=true} they fail instead.
 */
public final class TestEnv {

    public static final Path PROPERTIES = Path.of(System.getenv().getOrDefault("HPSEARCH_TESTENV_DIR", "/tmp/hpsearch-testenv"),
            "env.properties");

    public final String host;
    public final int port;
    public final String user;
    public final Path key;
    public final Path knownHosts;
    public final Path rsaKey;
    public final Path ecdsaKey;
    public final Path encryptedKey;
    public final String passphrase;
    public final Path hostKeyPub;
    public final String remoteRoot;
    public final String partition;
    public final Path script;

    private TestEnv(Properties p) {
        host = p.getProperty("HPSEARCH_TEST_SSH_HOST");
        port = Integer.parseInt(p.getProperty("HPSEARCH_TEST_SSH_PORT"));
        user = p.getProperty("HPSEARCH_TEST_SSH_USER");
        key = Path.of(p.getProperty("HPSEARCH_TEST_SSH_KEY"));
        knownHosts = Path.of(p.getProperty("HPSEARCH_TEST_SSH_KNOWN_HOSTS"));
        rsaKey = Path.of(p.getProperty("HPSEARCH_TEST_SSH_KEY_RSA", "missing"));
        ecdsaKey = Path.of(p.getProperty("HPSEARCH_TEST_SSH_KEY_ECDSA", "missing"));
        encryptedKey = Path.of(p.getProperty("HPSEARCH_TEST_SSH_KEY_ENCRYPTED", "missing"));
        passphrase = p.getProperty("HPSEARCH_TEST_SSH_KEY_PASSPHRASE", "");
        hostKeyPub = Path.of(p.getProperty("HPSEARCH_TEST_SSH_HOST_KEY_PUB"));
        remoteRoot = p.getProperty("HPSEARCH_TEST_REMOTE_ROOT");
        partition = p.getProperty("HPSEARCH_TEST_PARTITION", "debug");
        script = Path.of(p.getProperty("HPSEARCH_TEST_SCRIPT"));
    }

    /** The environment, or a skipped test (a failed one under CI=true) with a message saying how to start it. */
    public static TestEnv require() {
        Properties p = new Properties();
        String why = null;
        if (System.getenv("HPSEARCH_TEST_SSH_HOST") != null) {
            for (String k : List.of("HPSEARCH_TEST_SSH_HOST", "HPSEARCH_TEST_SSH_PORT", "HPSEARCH_TEST_SSH_USER",
                    "HPSEARCH_TEST_SSH_KEY", "HPSEARCH_TEST_SSH_KNOWN_HOSTS", "HPSEARCH_TEST_SSH_KEY_RSA",
                    "HPSEARCH_TEST_SSH_KEY_ECDSA", "HPSEARCH_TEST_SSH_KEY_ENCRYPTED", "HPSEARCH_TEST_SSH_KEY_PASSPHRASE", "HPSEARCH_TEST_SSH_HOST_KEY_PUB",
                    "HPSEARCH_TEST_REMOTE_ROOT", "HPSEARCH_TEST_PARTITION", "HPSEARCH_TEST_SCRIPT")) {
                if (System.getenv(k) != null) {
                    p.setProperty(k, System.getenv(k));
                }
            }
        } else if (Files.isRegularFile(PROPERTIES)) {
            try (InputStream in = Files.newInputStream(PROPERTIES)) {
                p.load(in);
            } catch (IOException e) {
                why = "cannot read " + PROPERTIES + ": " + e.getMessage();
            }
        } else {
            why = "no test sshd/Slurm: neither HPSEARCH_TEST_SSH_HOST is set nor " + PROPERTIES + " exists";
        }
        if (why == null && p.getProperty("HPSEARCH_TEST_SSH_HOST") == null) {
            why = "incomplete test environment description";
        }
        if (why != null) {
            String msg = why + ". Start it with `.ci/testenv.sh start` (needs root and apt).";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("CI=true but the integration test environment is missing: " + msg);
            }
            assumeTrue(false, msg);
        }
        return new TestEnv(p);
    }

    public SshTarget target() {
        return new SshTarget(host, port, user, List.of(key), knownHosts, null, false, null);
    }

    public static SshSettings fastSettings() {
        return SshSettings.defaults().withCommandTimeout(Duration.ofSeconds(30))
                .withReconnectWindow(Duration.ofSeconds(3)).withKeepAlive(Duration.ofSeconds(2), 3);
    }

    public SshSession open() throws SshBridgeException {
        return SshSession.open(target(), fastSettings(), SshPrompts.nonInteractive());
    }

    /** Runs {@code .ci/testenv.sh ARG} (sshd-stop, sshd-start) and waits for it. */
    public void control(String arg) throws IOException, InterruptedException {
        run(List.of("bash", script.toString(), arg), Duration.ofSeconds(60));
    }

    public static String run(List<String> command, Duration timeout) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException(command + " did not finish within " + timeout);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IOException(command + " failed with " + p.exitValue() + ": " + out);
        }
        return out;
    }

    /** Polls until the condition holds or the deadline passes. */
    public static void await(String what, Duration deadline, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(deadline);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                fail("timed out after " + deadline.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
