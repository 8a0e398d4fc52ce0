package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshSessionIT {

    static final List<String> HOSTILE = HostileNames.ALL;

    TestEnv env;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        env = TestEnv.require();
    }

    @Test
    void runsCommandsWithSeparateStdoutStderrAndStatus() throws Exception {
        try (SshSession s = env.open()) {
            CommandResult r = s.exec("echo out; echo err >&2; exit 3", Duration.ofSeconds(10));
            assertThat(r.stdout()).isEqualTo("out\n");
            assertThat(r.stderr()).isEqualTo("err\n");
            assertThat(r.exitStatus()).isEqualTo(3);
            assertThat(r.ok()).isFalse();
            assertThatThrownBy(r::requireSuccess).hasMessageContaining(s.host()).hasMessageContaining("exit 3");
        }
    }

    @Test
    void hostileArgumentsRoundTripThroughTheRemoteShell() throws Exception {
        try (SshSession s = env.open()) {
            for (String arg : HOSTILE) {
                CommandResult r = s.exec(List.of("printf", "%s", arg), Duration.ofSeconds(10)).requireSuccess();
                assertThat(r.stdout()).as("round trip of %s", arg).isEqualTo(arg);
            }
        }
    }

    @Test
    void sftpUploadsDownloadsAndListsInFoldersWithHostileNames() throws Exception {
        try (SshSession s = env.open()) {
            String base = env.remoteRoot + "/sftp-" + System.nanoTime();
            for (String name : HOSTILE) {
                String dir = base + "/" + name.replace("/", "_") + "/sub";
                s.mkdirs(dir);
                s.mkdirs(dir); // again: existing folders are fine
                byte[] content = ("content of " + name + "\n").getBytes(StandardCharsets.UTF_8);
                String file = dir + "/input.json";
                assertThat(s.exists(file)).isFalse();
                s.upload(content, file);
                assertThat(s.exists(file)).isTrue();
                // the remote shell sees the same file under the same (quoted) name
                CommandResult cat = s.exec(List.of("cat", file), Duration.ofSeconds(10)).requireSuccess();
                assertThat(cat.stdout()).isEqualTo(new String(content, StandardCharsets.UTF_8));
                Path local = tmp.resolve("dl-" + Math.abs(name.hashCode()));
                s.download(file, local);
                assertThat(Files.readAllBytes(local)).isEqualTo(content);
                assertThat(s.list(dir)).extracting(RemoteFile::name).containsExactly("input.json");
            }
            List<String> names = new ArrayList<>();
            s.list(base).forEach(f -> names.add(f.name()));
            assertThat(names).hasSize(HOSTILE.size());
        }
    }

    @Test
    void uploadReplacesAnExistingFile() throws Exception {
        try (SshSession s = env.open()) {
            String file = env.remoteRoot + "/replace-" + System.nanoTime() + ".txt";
            s.upload("one".getBytes(StandardCharsets.UTF_8), file);
            s.upload("two".getBytes(StandardCharsets.UTF_8), file);
            assertThat(new String(s.read(file), StandardCharsets.UTF_8)).isEqualTo("two");
            assertThat(s.list(env.remoteRoot)).extracting(RemoteFile::name).noneMatch(n -> n.contains(".part-"));
        }
    }

    @Test
    void commandTimeoutIsEnforced() throws Exception {
        try (SshSession s = env.open()) {
            Instant start = Instant.now();
            assertThatThrownBy(() -> s.exec("sleep 20", Duration.ofMillis(700)))
                    .isInstanceOf(RemoteTimeoutException.class).hasMessageContaining("sleep 20");
            assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(10));
            assertThat(s.exec("echo still usable", Duration.ofSeconds(10)).stdout()).isEqualTo("still usable\n");
        }
    }

    @Test
    void hostAliasFromAnSshConfigFile() throws Exception {
        Path config = tmp.resolve("config");
        Files.writeString(config, "Host testcluster\n  HostName " + env.host + "\n  Port " + env.port + "\n  User "
                + env.user + "\n  IdentityFile " + env.key + "\n");
        SshTarget target = SshTarget.of("testcluster").withSshConfig(config).withKnownHosts(env.knownHosts)
                .withAgent(false);
        try (SshSession s = SshSession.open(target, TestEnv.fastSettings(), SshPrompts.nonInteractive())) {
            assertThat(s.host()).isEqualTo(env.user + "@" + env.host + ":" + env.port);
            assertThat(s.exec("echo ok", Duration.ofSeconds(10)).stdout()).isEqualTo("ok\n");
        }
    }

    @Test
    void rsaAndEcdsaKeyFiles() throws Exception {
        for (Path key : List.of(env.rsaKey, env.ecdsaKey)) {
            SshTarget target = env.target().withIdentityFiles(List.of(key));
            try (SshSession s = SshSession.open(target, TestEnv.fastSettings(), SshPrompts.nonInteractive())) {
                assertThat(s.exec("echo ok", Duration.ofSeconds(10)).stdout()).as("login with %s", key).isEqualTo("ok\n");
            }
        }
    }

    @Test
    void encryptedKeyAsksForItsPassphraseThroughTheCallback() throws Exception {
        List<String> asked = new ArrayList<>();
        SshPrompts prompts = new SshPrompts() {
            @Override
            public HostKeyDecision unknownHostKey(UnknownHostKey key) {
                return HostKeyDecision.REJECT;
            }

            @Override
            public char[] passphrase(String keyFile, int attempt) {
                asked.add(keyFile);
                return attempt == 0 ? "wrong".toCharArray() : env.passphrase.toCharArray();
            }
        };
        SshTarget target = env.target().withIdentityFiles(List.of(env.encryptedKey));
        try (SshSession s = SshSession.open(target, TestEnv.fastSettings(), prompts)) {
            assertThat(s.exec("echo ok", Duration.ofSeconds(10)).stdout()).isEqualTo("ok\n");
        }
        assertThat(asked).hasSize(2).allMatch(k -> k.contains(env.encryptedKey.getFileName().toString()));
        // without an answer the key is skipped and nothing else can log in
        assertThatThrownBy(() -> SshSession.open(target, TestEnv.fastSettings(), SshPrompts.nonInteractive()))
                .isInstanceOf(SshBridgeException.class);
    }

    @Test
    void wrongKeyIsAnAuthenticationFailure() throws Exception {
        Path other = tmp.resolve("other_ed25519");
        TestEnv.run(List.of("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString()), Duration.ofSeconds(20));
        SshTarget target = env.target().withIdentityFiles(List.of(other));
        assertThatThrownBy(() -> SshSession.open(target, TestEnv.fastSettings(), SshPrompts.nonInteractive()))
                .isInstanceOf(AuthenticationException.class).hasMessageContaining(env.host);
    }

    @Test
    void keyFromAnSshAgent() throws Exception {
        Path sock = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString()).redirectErrorStream(true).start();
        try {
            TestEnv.await("ssh-agent socket", Duration.ofSeconds(10), () -> Files.exists(sock));
            ProcessBuilder add = new ProcessBuilder("ssh-add", env.key.toString()).redirectErrorStream(true);
            add.environment().put("SSH_AUTH_SOCK", sock.toString());
            Process p = add.start();
            assertThat(p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).as(new String(p.getInputStream().readAllBytes())).isZero();
            // no key file offered: only the agent can authenticate
            SshTarget target = new SshTarget(env.host, env.port, env.user, List.of(tmp.resolve("missing")),
                    env.knownHosts, null, true, sock);
            try (SshSession s = SshSession.open(target, TestEnv.fastSettings(), SshPrompts.nonInteractive())) {
                assertThat(s.exec("echo agent", Duration.ofSeconds(10)).stdout()).isEqualTo("agent\n");
            }
        } finally {
            agent.destroy();
            agent.waitFor(10, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    @Test
    void reconnectsAfterSshdRestart() throws Exception {
        try (SshSession s = env.open()) {
            assertThat(s.exec("echo before", Duration.ofSeconds(10)).stdout()).isEqualTo("before\n");
            try {
                env.control("sshd-stop");
                TestEnv.await("the client to notice the drop", Duration.ofSeconds(20), () -> !s.isConnected());
                // while sshd is down, an operation fails after the reconnect window, naming the host
                assertThatThrownBy(() -> s.execIdempotent("echo during", Duration.ofSeconds(5)))
                        .isInstanceOf(SshBridgeException.class).hasMessageContaining(s.host());
            } finally {
                env.control("sshd-start");
            }
            assertThat(s.execIdempotent("echo after", Duration.ofSeconds(10)).stdout()).isEqualTo("after\n");
            assertThat(s.reconnects()).isEqualTo(1);
        }
    }
}
