package dev.hpsearch.ssh.transport;

import java.io.EOFException;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.util.List;
import org.apache.sshd.agent.SshAgent;
import org.apache.sshd.agent.SshAgentFactory;
import org.apache.sshd.agent.SshAgentServer;
import org.apache.sshd.agent.common.AbstractAgentProxy;
import org.apache.sshd.common.FactoryManager;
import org.apache.sshd.common.channel.ChannelFactory;
import org.apache.sshd.common.session.ConnectionService;
import org.apache.sshd.common.session.Session;
import org.apache.sshd.common.util.buffer.Buffer;
import org.apache.sshd.common.util.buffer.ByteArrayBuffer;

/**
 * An ssh-agent client over the agent's Unix domain socket ({@code SSH_AUTH_SOCK}), using the JDK's own Unix socket
 * support so that no native library is needed. MINA frames requests; this class only moves bytes. The agent
 * holds the private keys: nothing secret passes through here but signatures.
 */
final class UnixSocketAgent extends AbstractAgentProxy {

    private static final int MAX_REPLY = 256 * 1024;

    private final SocketChannel channel;

    UnixSocketAgent(Path socket) throws IOException {
        super(null);
        channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        channel.connect(UnixDomainSocketAddress.of(socket));
    }

    @Override
    protected synchronized Buffer request(Buffer buffer) throws IOException {
        ByteBuffer out = ByteBuffer.wrap(buffer.array(), buffer.rpos(), buffer.available());
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer len = ByteBuffer.allocate(4);
        readFully(len);
        int n = len.flip().getInt();
        if (n <= 0 || n > MAX_REPLY) {
            throw new IOException("ssh-agent sent a reply of invalid length " + n);
        }
        ByteBuffer body = ByteBuffer.allocate(n);
        readFully(body);
        return new ByteArrayBuffer(body.array());
    }

    private void readFully(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            if (channel.read(b) < 0) {
                throw new EOFException("ssh-agent closed the connection");
            }
        }
    }

    @Override
    public boolean isOpen() {
        return channel.isOpen();
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            channel.close();
        }
    }

    /** Makes one agent client per SSH session; no agent forwarding. */
    static final class Factory implements SshAgentFactory {
        private final Path socket;

        Factory(Path socket) {
            this.socket = socket;
        }

        @Override
        public List<ChannelFactory> getChannelForwardingFactories(FactoryManager manager) {
            return List.of();
        }

        @Override
        public SshAgent createClient(Session session, FactoryManager manager) throws IOException {
            return new UnixSocketAgent(socket);
        }

        @Override
        public SshAgentServer createServer(ConnectionService service) {
            return null;
        }
    }
}
