package dev.hpsearch.app.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import dev.hpsearch.ssh.transport.AuthenticationException;
import dev.hpsearch.ssh.transport.ConnectionFailedException.Reason;
import dev.hpsearch.ssh.transport.ConnectionFailedException;
import dev.hpsearch.ssh.transport.HostKeyException;
import dev.hpsearch.ssh.transport.MissingUserException;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The line a user reads when the first connection to a cluster fails. The failures are built as values here; the
 * integration tests produce each of them for real against the test sshd (FirstContactIT, FirstContactCliIT).
 */
class ClusterContactTest {
    private static final ClusterProfile CMS = ClusterProfiles.CMS;
    private static final Path PROFILES = Path.of("/home/me/.config/hpsearch/clusters.json");
    private static final ProfileSource JOB = ProfileSource.jobConfig(Path.of("/work/project/job_config.json"));

    private static String line(SshBridgeException e, ProfileSource source) {
        return ClusterContact.describe(e, CMS, source, PROFILES);
    }

    @Test
    void anUnknownHostNameSaysSoAndHowToRunHereAsTheIssueAsks() {
        var e = new ConnectionFailedException(Reason.HOST_NOT_FOUND, "ushpc.gsk.com", 22, "host name not found", null);
        assertThat(line(e, JOB)).isEqualTo("cannot reach ushpc.gsk.com (cluster profile CMS, from job_config.json"
                + " \"cluster\"): host name not found — are you on the VPN? To run on this machine instead:"
                + " --cluster local");
    }

    @Test
    void eachSourceIsNamedWithItsOwnWayToRunHere() {
        var e = new ConnectionFailedException(Reason.HOST_NOT_FOUND, "ushpc.gsk.com", 22, "host name not found", null);
        assertThat(line(e, ProfileSource.commandLine("CMS", Path.of("job_config.json"))))
                .contains("(cluster profile CMS, from --cluster)").endsWith("instead: --cluster local");
        assertThat(line(e, ProfileSource.commandLine(null, Path.of("cfg/my_job.json"))))
                .contains("(cluster profile CMS, from my_job.json \"cluster\")");
        assertThat(line(e, ProfileSource.app()))
                .contains("(cluster profile CMS, chosen in the app)").endsWith("instead: choose \"local\"");
        assertThat(line(e, ProfileSource.searchFolder(Path.of("/p/hp_search_4"))))
                .contains("(cluster profile CMS, recorded in hp_search_4)").endsWith("are you on the VPN?");
    }

    @Test
    void refusedAndSilentPortsPointAtTheProfilesPort() {
        var e = new ConnectionFailedException(Reason.REFUSED, "ushpc.gsk.com", 2200,
                "connection refused (nothing listens on port 2200)", null);
        assertThat(line(e, JOB)).isEqualTo("cannot reach ushpc.gsk.com:2200 (cluster profile CMS, from job_config.json"
                + " \"cluster\"): connection refused (nothing listens on port 2200) — are the host and \"port\" of"
                + " profile CMS right? (SSH's usual port is 22). To run on this machine instead: --cluster local");
        var t = new ConnectionFailedException(Reason.TIMED_OUT, "ushpc.gsk.com", 22, "no answer within 20 s", null);
        assertThat(line(t, JOB)).contains("): no answer within 20 s — are you on the VPN, or does a firewall block"
                + " port 22?");
    }

    @Test
    void aChangedOrRevokedHostKeyIsAHostKeyProblem() {
        var changed = new HostKeyException(HostKeyException.Kind.CHANGED, "ushpc.gsk.com", 22, "has changed",
                "/home/me/.ssh/known_hosts records ssh-ed25519 SHA256:a but the server offered ssh-ed25519 SHA256:b");
        assertThat(line(changed, JOB)).isEqualTo("host key of ushpc.gsk.com has changed (cluster profile CMS, from"
                + " job_config.json \"cluster\"): /home/me/.ssh/known_hosts records ssh-ed25519 SHA256:a but the"
                + " server offered ssh-ed25519 SHA256:b");
        var revoked = new HostKeyException(HostKeyException.Kind.REVOKED, "h", 2222, "is revoked", "it is");
        assertThat(line(revoked, ProfileSource.flag())).isEqualTo("host key of h:2222 is revoked (cluster profile CMS,"
                + " from --cluster): it is").doesNotContain("login");
    }

    @Test
    void aRefusedLoginNamesTheUserTheKeysAndWhereToFixThem() {
        var e = new AuthenticationException("ushpc.gsk.com", 22, "me", List.of("key /home/me/.ssh/id_ed25519",
                "ssh-agent"), null);
        assertThat(line(e, JOB)).isEqualTo("login refused on ushpc.gsk.com for user me (cluster profile CMS, from"
                + " job_config.json \"cluster\"): tried key /home/me/.ssh/id_ed25519, ssh-agent — check \"user\" and"
                + " \"identity_file\" of profile CMS in /home/me/.config/hpsearch/clusters.json, and that the public"
                + " key is in ~/.ssh/authorized_keys of me on the cluster");
    }

    @Test
    void aMissingUserIsNamedWithTheFileToAddItTo() {
        assertThat(line(new MissingUserException("ushpc.gsk.com", 22), ProfileSource.flag())).isEqualTo(
                "no SSH user name for ushpc.gsk.com (cluster profile CMS, from --cluster): the profile gives none,"
                        + " and hpsearch does not guess it from this machine's account — add \"user\": \"YOUR_NAME\""
                        + " to profile CMS in /home/me/.config/hpsearch/clusters.json (or a User line for"
                        + " ushpc.gsk.com in ~/.ssh/config)");
    }

    @Test
    void anyOtherFailureStaysOnOneLine() {
        assertThat(line(new SshBridgeException("first\n  second"), JOB)).isEqualTo("cannot connect to ushpc.gsk.com"
                + " (cluster profile CMS, from job_config.json \"cluster\"): first second");
    }
}
