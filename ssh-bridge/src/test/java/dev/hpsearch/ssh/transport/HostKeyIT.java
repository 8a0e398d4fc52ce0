package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeyIT {

    TestEnv env;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        env = TestEnv.require();
    }

    /** The fingerprint as OpenSSH prints it, to check what the prompt shows. */
    private String expectedFingerprint() throws Exception {
        String out = TestEnv.run(List.of("ssh-keygen", "-l", "-E", "sha256", "-f", env.hostKeyPub.toString()),
                Duration.ofSeconds(20));
        return out.split(" ")[1];
    }

    private static final class Recorder implements SshPrompts {
        final HostKeyDecision answer;
        final List<UnknownHostKey> asked = new ArrayList<>();

        Recorder(HostKeyDecision answer) {
            this.answer = answer;
        }

        @Override
        public HostKeyDecision unknownHostKey(UnknownHostKey key) {
            asked.add(key);
            return answer;
        }
    }

    @Test
    void knownHostKeyConnectsWithoutAsking() throws Exception {
        Recorder prompts = new Recorder(HostKeyDecision.REJECT);
        try (SshSession s = SshSession.open(env.target(), TestEnv.fastSettings(), prompts)) {
            assertThat(s.exec("true", Duration.ofSeconds(10)).ok()).isTrue();
        }
        assertThat(prompts.asked).isEmpty();
    }

    @Test
    void unknownHostKeyIsShownWithItsFingerprintAndCanBeRejected() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Recorder prompts = new Recorder(HostKeyDecision.REJECT);
        assertThatThrownBy(() -> SshSession.open(env.target().withKnownHosts(knownHosts), TestEnv.fastSettings(), prompts))
                .isInstanceOfSatisfying(HostKeyException.class,
                        e -> assertThat(e.kind()).isEqualTo(HostKeyException.Kind.UNKNOWN_REJECTED))
                .hasMessageContaining("rejected");
        assertThat(prompts.asked).hasSize(1);
        UnknownHostKey shown = prompts.asked.get(0);
        assertThat(shown.fingerprint()).isEqualTo(expectedFingerprint()).startsWith("SHA256:");
        assertThat(shown.keyType()).isEqualTo("ssh-ed25519");
        assertThat(shown.port()).isEqualTo(env.port);
        assertThat(knownHosts).doesNotExist();
    }

    @Test
    void acceptOnceConnectsButDoesNotSave() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        Recorder prompts = new Recorder(HostKeyDecision.ACCEPT_ONCE);
        try (SshSession s = SshSession.open(env.target().withKnownHosts(knownHosts), TestEnv.fastSettings(), prompts)) {
            assertThat(s.exec("true", Duration.ofSeconds(10)).ok()).isTrue();
        }
        assertThat(prompts.asked).hasSize(1);
        assertThat(Files.exists(knownHosts) ? Files.readString(knownHosts) : "").isBlank();
    }

    @Test
    void acceptAndSaveRecordsTheKeyForNextTime() throws Exception {
        Path knownHosts = tmp.resolve("sub/known_hosts");
        Recorder first = new Recorder(HostKeyDecision.ACCEPT_AND_SAVE);
        try (SshSession s = SshSession.open(env.target().withKnownHosts(knownHosts), TestEnv.fastSettings(), first)) {
            assertThat(s.exec("true", Duration.ofSeconds(10)).ok()).isTrue();
        }
        String hostKey = Files.readString(env.hostKeyPub).split(" ")[1];
        assertThat(Files.readString(knownHosts)).contains(hostKey);
        Recorder second = new Recorder(HostKeyDecision.REJECT);
        try (SshSession s = SshSession.open(env.target().withKnownHosts(knownHosts), TestEnv.fastSettings(), second)) {
            assertThat(s.exec("true", Duration.ofSeconds(10)).ok()).isTrue();
        }
        assertThat(second.asked).isEmpty();
    }

    @Test
    void changedHostKeyIsRefusedWithAMessageSayingSo() throws Exception {
        Path otherKey = tmp.resolve("other_host_key");
        TestEnv.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", otherKey.toString()), Duration.ofSeconds(20));
        String[] pub = Files.readString(otherKey.resolveSibling("other_host_key.pub")).split(" ");
        Path knownHosts = tmp.resolve("known_hosts");
        Files.writeString(knownHosts, "[" + env.host + "]:" + env.port + " " + pub[0] + " " + pub[1] + "\n");
        Recorder prompts = new Recorder(HostKeyDecision.ACCEPT_AND_SAVE);
        assertThatThrownBy(() -> SshSession.open(env.target().withKnownHosts(knownHosts), TestEnv.fastSettings(), prompts))
                .isInstanceOfSatisfying(HostKeyException.class,
                        e -> assertThat(e.kind()).isEqualTo(HostKeyException.Kind.CHANGED))
                .hasMessageContaining("has changed").hasMessageContaining(expectedFingerprint());
        assertThat(prompts.asked).as("a changed key is never offered for acceptance").isEmpty();
        assertThat(Files.readString(knownHosts)).contains(pub[1]).doesNotContain(Files.readString(env.hostKeyPub).split(" ")[1]);
    }
}
