package dev.hpsearch.app.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.testenv.TestCluster;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.HostKeyDecision;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.UnknownHostKey;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop app's cluster service against the real test sshd and Slurm ({@code .ci/testenv.sh start}), without a
 * toolkit: the prompts here are scripted answers standing in for the dialogs (ClusterGuiIT drives the real ones).
 * Skipped without that environment on a contributor's machine; under {@code CI=true} a missing environment fails.
 */
class SshClusterServiceIT {

    @TempDir
    Path tmp;
    TestCluster env;

    @BeforeEach
    void environment() throws Exception {
        env = TestCluster.require();
    }

    private ProfileDraft profile(String key, Path knownHosts, String remoteRoot) {
        return ProfileDraft.of(new ClusterProfile("testcluster", env.property("HPSEARCH_TEST_SSH_HOST"),
                Integer.parseInt(env.property("HPSEARCH_TEST_SSH_PORT")), env.property("HPSEARCH_TEST_SSH_USER"),
                Path.of(key), knownHosts, env.property("HPSEARCH_TEST_PARTITION", "debug"), null, List.of(), remoteRoot));
    }

    @Test
    void aChangedHostKeyIsRefusedWithoutAskingAndSaysSo() throws Exception {
        Path knownHosts = tmp.resolve("known_hosts");
        // another ed25519 key recorded for the server: what a man in the middle would look like
        String wrong = Files.readString(Path.of(env.property("HPSEARCH_TEST_SSH_KEY") + ".pub")).trim().split("\\s+")[1];
        Files.writeString(knownHosts, "[" + env.property("HPSEARCH_TEST_SSH_HOST") + "]:"
                + env.property("HPSEARCH_TEST_SSH_PORT") + " ssh-ed25519 " + wrong + "\n");
        List<ConnectionPrompts.HostKey> asked = new ArrayList<>();
        ConnectionPrompts acceptEverything = key -> {
            asked.add(key);
            return ConnectionPrompts.HostKeyAnswer.ACCEPT_AND_SAVE;
        };

        ClusterService.ConnectionCheck r = new SshClusterService(tmp.resolve("clusters.json"))
                .test(profile(env.property("HPSEARCH_TEST_SSH_KEY"), knownHosts, null), acceptEverything);

        assertThat(r.ok()).isFalse();
        assertThat(r.hostKeyChanged()).isTrue();
        assertThat(r.message()).startsWith("host key of " + env.property("HPSEARCH_TEST_SSH_HOST") + ":"
                + env.property("HPSEARCH_TEST_SSH_PORT") + " has changed (cluster profile testcluster, chosen in the app)")
                .contains(knownHosts.toString()).doesNotContain("login");
        assertThat(asked).isEmpty();
        assertThat(Files.readString(knownHosts)).contains(wrong).hasLineCount(1);
    }

    @Test
    void anEncryptedKeyAsksForItsPassphraseAndTheTestReportsSlurm() {
        Path knownHosts = Path.of(env.property("HPSEARCH_TEST_SSH_KNOWN_HOSTS"));
        List<String> passphrasesAsked = new ArrayList<>();
        ConnectionPrompts prompts = new ConnectionPrompts() {
            @Override
            public HostKeyAnswer unknownHostKey(HostKey key) {
                return HostKeyAnswer.REJECT;
            }

            @Override
            public char[] passphrase(String keyFile, int attempt) {
                passphrasesAsked.add(keyFile + "#" + attempt);
                return (attempt == 0 ? "wrong" : env.property("HPSEARCH_TEST_SSH_KEY_PASSPHRASE")).toCharArray();
            }
        };

        ClusterService.ConnectionCheck r = new SshClusterService(tmp.resolve("clusters.json"))
                .test(profile(env.property("HPSEARCH_TEST_SSH_KEY_ENCRYPTED"), knownHosts, null), prompts);

        assertThat(r.ok()).as(r.details()).isTrue();
        assertThat(r.message()).contains("slurm").contains("partition");
        assertThat(r.details()).contains("$ sinfo").contains(env.property("HPSEARCH_TEST_PARTITION", "debug"));
        assertThat(passphrasesAsked).hasSizeGreaterThanOrEqualTo(2)
                .first().asString().endsWith("#0");
    }

    @Test
    void browsingStartsAtTheRemoteRootAndListsOnlyFolders() throws Exception {
        Path root = Path.of(env.property("HPSEARCH_TEST_REMOTE_ROOT"), "browse-" + System.nanoTime());
        // made on the cluster, over SSH: this machine cannot see the cluster's files
        TestCluster cluster = TestCluster.require();
        cluster.write(root.resolve("beta/.keep").toString(), "");
        cluster.write(root.resolve("Alpha/.keep").toString(), "");
        cluster.write(root.resolve("file.txt").toString(), "not a folder");
        ProfileDraft p = profile(env.property("HPSEARCH_TEST_SSH_KEY"),
                Path.of(env.property("HPSEARCH_TEST_SSH_KNOWN_HOSTS")), root.toString());

        try (ClusterService.RemoteFolders remote = new SshClusterService(tmp.resolve("c.json")).browse(p,
                ConnectionPrompts.nonInteractive())) {
            assertThat(remote.start()).isEqualTo(root.toString());
            assertThat(remote.folders(remote.start())).containsExactly("Alpha", "beta");
            assertThat(remote.folders(root.getParent().toString())).contains(root.getFileName().toString());
        }
    }
}
