package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.sshd.common.SshException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user reads when SSH fails: the host and the cause in words, none of the SSH library's own names. */
class SshMessagesTest {
    @TempDir
    Path dir;

    @Test
    void aClosedPortOnLoopbackIsAConnectionRefusedInWords() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // free once closed: nothing listens there
        }
        Path config = Files.writeString(dir.resolve("ssh_config"), "");
        SshTarget target = new SshTarget("127.0.0.1", port, "nobody", List.of(), dir.resolve("known_hosts"), config,
                false, null);

        SshBridgeException e = catchThrowableOfType(SshBridgeException.class, () -> SshSession.open(target,
                SshSettings.defaults().withReconnectWindow(Duration.ofSeconds(1)), SshPrompts.nonInteractive()));

        assertThat(e).isNotNull();
        assertThat(e).isInstanceOf(ConnectionFailedException.class);
        assertThat(e.getMessage()).isEqualTo("cannot reach 127.0.0.1:" + port + ": connection refused (nothing listens on port "
                + port + ")");
    }

    @Test
    void minaFutureAndExceptionNamesAreLeftOut() {
        String m = SshSession.message(new SshException(
                "DefaultAuthFuture[ssh-connection]: Failed to get operation result within specified timeout: 10000 msec"));

        assertThat(m).isEqualTo("no answer within 10000 ms");
    }

    @Test
    void anExceptionWithoutAMessageIsNotTheWordNull() {
        assertThat(SshSession.message(new java.io.IOException((String) null))).isEqualTo("the connection failed");
    }
}
