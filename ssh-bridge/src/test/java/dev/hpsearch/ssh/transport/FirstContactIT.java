package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first connection to a cluster fails in each way a user meets, against the real test sshd and real sockets;
 * each failure has its own type and a plain message without the SSH library's internals.
 */
class FirstContactIT {

    TestEnv env;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        env = TestEnv.require();
    }

    private static SshSettings quick() {
        return new SshSettings(Duration.ofSeconds(2), Duration.ofSeconds(10), Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(5), 3, Duration.ZERO, Duration.ofMillis(100),
                Duration.ofMillis(200));
    }

    /** A port on loopback where nothing listens: bound, then released. */
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void plain(AbstractThrowableAssert<?, ?> t) {
        t.message().doesNotContain("Future").doesNotContain("null").doesNotContain("Exception")
                .doesNotContain("org.apache").doesNotContain("\n");
    }

    @Test
    void nothingListeningIsConnectionRefused() throws Exception {
        int port = freePort();
        var t = assertThatThrownBy(() -> SshSession.open(env.target().withPort(port), quick(), SshPrompts.nonInteractive()))
                .isInstanceOfSatisfying(ConnectionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectionFailedException.Reason.REFUSED))
                .hasMessage("cannot reach " + env.host + ":" + port + ": connection refused (nothing listens on port "
                        + port + ")");
        plain(t);
    }

    @Test
    void aNameDnsDoesNotKnowIsHostNameNotFound() {
        // the reserved .invalid domain never resolves (RFC 2606)
        var u = assertThatThrownBy(() -> SshSession.open(new SshTarget("no-such-cluster.invalid", 22, "me", List.of(),
                env.knownHosts, null, false, null), quick(), SshPrompts.nonInteractive()))
                .isInstanceOfSatisfying(ConnectionFailedException.class,
                        e -> assertThat(e.reason()).isEqualTo(ConnectionFailedException.Reason.HOST_NOT_FOUND))
                .hasMessage("cannot reach no-such-cluster.invalid:22: host name not found");
        plain(u);
    }

    @Test
    void aPortThatAcceptsButNeverSpeaksSshTimesOut() throws Exception {
        // a real listening socket that accepts and stays silent, as a firewall appliance or a wrong service may
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            int port = silent.getLocalPort();
            long start = System.nanoTime();
            var t = assertThatThrownBy(() -> SshSession.open(env.target().withPort(port), quick(),
                    SshPrompts.nonInteractive()))
                    .isInstanceOfSatisfying(ConnectionFailedException.class,
                            e -> assertThat(e.reason()).isEqualTo(ConnectionFailedException.Reason.NO_SSH_ANSWER))
                    .hasMessage("cannot reach " + env.host + ":" + port
                            + ": connected, but no SSH server answered within 2 s");
            plain(t);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    private Path knownHostsWithOtherKey(String marker) throws Exception {
        Path otherKey = tmp.resolve("other_host_key");
        TestEnv.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()),
                Duration.ofSeconds(20));
        String[] pub = Files.readString(otherKey.resolveSibling("other_host_key.pub")).split(" ");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, marker + "[" + env.host + "]:" + env.port + " " + pub[0] + " " + pub[1] + "\n");
        return knownHosts;
    }

    /** Answers every question and records it, so a test can tell a user name was asked for, and when. */
    private final class Asking implements SshPrompts {
        final List<String> asked = new ArrayList<>();
        final String user;

        Asking(String user) {
            this.user = user;
        }

        @Override
        public HostKeyDecision unknownHostKey(UnknownHostKey key) {
            asked.add("host key");
            return HostKeyDecision.ACCEPT_ONCE;
        }

        @Override
        public String userName(String host, int port) {
            asked.add("user for " + host + ":" + port);
            return user;
        }
    }

    @Test
    void aChangedHostKeyIsAHostKeyProblemNotALoginFailureEvenWithoutAUser() throws Exception {
        Path knownHosts = knownHostsWithOtherKey("");
        Asking prompts = new Asking(env.user);
        var t = assertThatThrownBy(() -> SshSession.open(env.target().withKnownHosts(knownHosts).withUser(null),
                quick(), prompts))
                .isInstanceOfSatisfying(HostKeyException.class,
                        e -> assertThat(e.kind()).isEqualTo(HostKeyException.Kind.CHANGED))
                .isNotInstanceOf(AuthenticationException.class)
                .hasMessageStartingWith("host key of " + env.host + ":" + env.port + " has changed: " + knownHosts)
                .hasMessageContaining("ssh-keygen -R '[" + env.host + "]:" + env.port + "' -f " + knownHosts);
        plain(t);
        assertThat(prompts.asked).as("nothing is asked of a server whose key is wrong").isEmpty();
    }

    @Test
    void aRevokedHostKeyIsReportedAsRevoked() throws Exception {
        String[] served = Files.readString(env.hostKeyPub).split(" ");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "@revoked [" + env.host + "]:" + env.port + " " + served[0] + " " + served[1]
                + "\n" + "[" + env.host + "]:" + env.port + " " + served[0] + " " + served[1] + "\n");
        Asking prompts = new Asking(env.user);
        var t = assertThatThrownBy(() -> SshSession.open(env.target().withKnownHosts(knownHosts), quick(), prompts))
                .isInstanceOfSatisfying(HostKeyException.class,
                        e -> assertThat(e.kind()).isEqualTo(HostKeyException.Kind.REVOKED))
                .hasMessageStartingWith("host key of " + env.host + ":" + env.port + " is revoked: " + knownHosts
                        + " marks the server's ssh-ed25519 SHA256:");
        plain(t);
        assertThat(prompts.asked).isEmpty();
    }

    @Test
    void aMissingUserIsNamedWhenNobodyAnswersAndNotTakenFromTheLocalAccount() {
        var t = assertThatThrownBy(() -> SshSession.open(env.target().withUser(null), quick(),
                SshPrompts.nonInteractive()))
                .isInstanceOfSatisfying(MissingUserException.class, e -> {
                    assertThat(e.host()).isEqualTo(env.host);
                    assertThat(e.port()).isEqualTo(env.port);
                })
                .hasMessage("no SSH user name for " + env.host + ":" + env.port
                        + ": neither the cluster profile nor the SSH config gives one");
        plain(t);
    }

    @Test
    void aMissingUserIsAskedForAfterTheHostKeyAndTheAnswerLogsIn() throws Exception {
        Asking prompts = new Asking(env.user);
        try (SshSession s = SshSession.open(env.target().withUser(null), quick(), prompts)) {
            assertThat(s.exec("id -un", Duration.ofSeconds(10)).stdout().strip()).isEqualTo(env.user);
            assertThat(s.host()).isEqualTo(env.user + "@" + env.host + ":" + env.port);
        }
        assertThat(prompts.asked).containsExactly("user for " + env.host + ":" + env.port);
    }

    @Test
    void aUserFromTheSshConfigIsNotAskedFor() throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, "Host " + env.host + "\n  User " + env.user + "\n");
        Asking prompts = new Asking("someone-else");
        try (SshSession s = SshSession.open(env.target().withUser(null).withSshConfig(config), quick(), prompts)) {
            assertThat(s.exec("id -un", Duration.ofSeconds(10)).stdout().strip()).isEqualTo(env.user);
        }
        assertThat(prompts.asked).isEmpty();
    }

    @Test
    void aRefusedLoginNamesTheUserAndTheKeysTried() throws Exception {
        Path stranger = tmp.resolve("id_stranger");
        TestEnv.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", stranger.toString()),
                Duration.ofSeconds(20));
        Path missing = tmp.resolve("id_gone");
        var t = assertThatThrownBy(() -> SshSession.open(env.target().withIdentityFiles(List.of(stranger, missing)),
                quick(), SshPrompts.nonInteractive()))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.user()).isEqualTo(env.user);
                    assertThat(e.tried()).containsExactly("key " + stranger, "key " + missing + " (no such file)");
                })
                .hasMessage("login to " + env.host + ":" + env.port + " as user " + env.user + " was refused; tried key "
                        + stranger + ", key " + missing + " (no such file)");
        plain(t);
    }
}
