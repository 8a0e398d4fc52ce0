package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.ssh.transport.ConnectionFailedException.Reason;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * How a failed TCP connect is named. The JDK exceptions are built here; FirstContactIT meets them for real (an
 * unknown name, a closed port); the rest (a route that drops packets, a timeout) cannot be produced on demand on a test machine.
 */
class ConnectionFailedExceptionTest {

    @Test
    void theJdksConnectFailuresAreNamedInPlainWordsWhateverWrapsThem() {
        // the SSH library wraps the JDK's exception in one whose message names its own future class
        var wrapped = new java.io.IOException("DefaultConnectFuture[me@h/<unresolved>:22]: Failed", new UnresolvedAddressException());
        assertThat(cf(wrapped).reason()).isEqualTo(Reason.HOST_NOT_FOUND);
        assertThat(cf(new UnknownHostException("h")).detail()).isEqualTo("host name not found");
        var refused = cf(new java.io.IOException("x", new ConnectException("Connection refused")));
        assertThat(refused.reason()).isEqualTo(Reason.REFUSED);
        assertThat(refused.getMessage()).isEqualTo("cannot reach h:2200: connection refused (nothing listens on port 2200)");
        assertThat(cf(new ConnectException("Connection timed out")).detail()).isEqualTo("no answer within 20 s");
        assertThat(cf(new java.io.IOException("Failed to get operation result within specified timeout: 20000 msec"))
                .reason()).isEqualTo(Reason.TIMED_OUT);
        assertThat(cf(new java.io.IOException("x", new ConnectException("Network is unreachable"))).reason())
                .isEqualTo(Reason.UNREACHABLE);
        var other = cf(new java.io.IOException("DefaultConnectFuture[x]", new IllegalStateException()));
        assertThat(other.reason()).isEqualTo(Reason.OTHER);
        assertThat(other.getMessage()).isEqualTo("cannot reach h:2200: illegal state");
    }

    private static ConnectionFailedException cf(Throwable t) {
        return ConnectionFailedException.ofConnect("h", 2200, t, Duration.ofSeconds(20));
    }

}
