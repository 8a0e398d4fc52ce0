package dev.hpsearch.ssh.transport;

import dev.hpsearch.optimizer.text.IoErrors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import org.apache.sshd.client.SshClient;
import org.apache.sshd.client.auth.keyboard.UserInteraction;
import org.apache.sshd.client.channel.ChannelExec;
import org.apache.sshd.client.channel.ClientChannelEvent;
import org.apache.sshd.client.config.hosts.HostConfigEntry;
import org.apache.sshd.client.session.ClientSession;
import org.apache.sshd.common.NamedResource;
import org.apache.sshd.common.config.keys.FilePasswordProvider;
import org.apache.sshd.common.session.SessionContext;
import org.apache.sshd.core.CoreModuleProperties;
import org.apache.sshd.sftp.SftpModuleProperties;
import org.apache.sshd.sftp.client.SftpClient;
import org.apache.sshd.sftp.client.SftpClientFactory;
import org.apache.sshd.sftp.client.extensions.openssh.OpenSSHPosixRenameExtension;
import org.apache.sshd.sftp.common.SftpConstants;
import org.apache.sshd.sftp.common.SftpException;

/**
 * One SSH connection to a cluster's login node, used for many commands and SFTP transfers.
 *
 * <p>Every step has a timeout ({@link SshSettings}). Host keys are checked against known_hosts, unknown ones are
 * put to the user through {@link SshPrompts}. When the connection drops, the next operation reconnects with
 * exponential backoff for up to {@link SshSettings#reconnectWindow()}; operations that are safe to repeat (SFTP,
 * {@link #execIdempotent}) are then repeated, while {@link #exec} never re-sends a command that may have started.
 *
 * <p>Thread-safe: commands and transfers from several threads share the connection as separate channels.
 */
public final class SshSession implements ClusterShell, AutoCloseable {

    private final SshTarget target;
    private final SshSettings settings;
    private final SshClient client;
    private final PromptingHostKeyVerifier verifier;
    private final HostConfigEntry entry;
    private final SshPrompts prompts;
    private final SecureRandom random = new SecureRandom();
    /** Whether the remote user is known: given by the target or the SSH config, or answered when asked. */
    private volatile boolean userKnown;

    private ClientSession session;
    private SftpClient sftp;
    private ClientSession sftpOwner;
    private int reconnects;
    private boolean closed;
    private final java.util.concurrent.atomic.AtomicLong commands = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong sftpSteps = new java.util.concurrent.atomic.AtomicLong();

    private SshSession(SshTarget target, SshSettings settings, SshPrompts prompts) throws SshBridgeException {
        this.target = target;
        this.settings = settings;
        this.prompts = prompts;
        Path knownHosts = target.knownHosts() != null ? target.knownHosts()
                : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        this.verifier = new PromptingHostKeyVerifier(knownHosts, prompts);
        this.client = SshClient.setUpDefaultClient();
        HostResolver resolver = new HostResolver(target);
        client.setHostConfigEntryResolver(resolver);
        client.setServerKeyVerifier(verifier);
        client.setFilePasswordProvider(passphrases(prompts));
        client.setUserInteraction(new Interaction(prompts));
        if (target.useAgent()) {
            String sock = target.agentSocket() != null ? target.agentSocket().toString() : System.getenv("SSH_AUTH_SOCK");
            if (sock != null && !sock.isBlank() && Files.exists(Path.of(sock))) {
                client.setAgentFactory(new UnixSocketAgent.Factory(Path.of(sock)));
            }
        }
        CoreModuleProperties.HEARTBEAT_INTERVAL.set(client, settings.keepAlive());
        CoreModuleProperties.HEARTBEAT_REPLY_WAIT.set(client, settings.keepAlive());
        CoreModuleProperties.HEARTBEAT_NO_REPLY_MAX.set(client, settings.keepAliveMaxMissed());
        CoreModuleProperties.IO_CONNECT_TIMEOUT.set(client, settings.connectTimeout());
        CoreModuleProperties.AUTH_TIMEOUT.set(client, settings.authTimeout());
        CoreModuleProperties.CHANNEL_OPEN_TIMEOUT.set(client, settings.channelOpenTimeout());
        SftpModuleProperties.SFTP_CHANNEL_OPEN_TIMEOUT.set(client, settings.channelOpenTimeout());
        client.start();
        try {
            this.entry = resolver.resolveTarget();
            this.userKnown = resolver.userGiven();
        } catch (IOException e) {
            client.stop();
            throw new SshBridgeException("Cannot resolve SSH target " + target.label() + ": " + message(e), e);
        }
    }

    /**
     * Connects and authenticates, or fails: the server not reached ({@link ConnectionFailedException}), a rejected,
     * changed or revoked host key ({@link HostKeyException}), no user name ({@link MissingUserException}), refused
     * credentials ({@link AuthenticationException}). A user name that neither the target nor the SSH config gives
     * is asked for through {@link SshPrompts#userName} once the host key has been checked.
     */
    public static SshSession open(SshTarget target, SshSettings settings, SshPrompts prompts)
            throws SshBridgeException {
        SshSession s = new SshSession(target, settings, prompts);
        try {
            synchronized (s) {
                s.session = s.connectOnce();
            }
            return s;
        } catch (SshBridgeException | RuntimeException e) {
            s.close();
            throw e;
        }
    }

    /** {@code user@host:port} after resolution through the SSH config ({@code host:port} while no user is known). */
    @Override
    public String host() {
        return (userKnown ? entry.getUsername() + "@" : "") + entry.getHostName() + ":" + entry.getPort();
    }

    public SshSettings settings() {
        return settings;
    }

    /** How many times the connection was re-established after a drop. */
    public synchronized int reconnects() {
        return reconnects;
    }

    /** How many remote commands were started on this session (SFTP steps not counted), for figures and tests. */
    public long commandCount() {
        return commands.get();
    }

    /** How many SFTP steps (a transfer, a listing, a stat...) were taken on this session, for figures. */
    public long sftpCount() {
        return sftpSteps.get();
    }

    /** Whether the connection is up right now (the next operation reconnects if not). */
    public synchronized boolean isConnected() {
        return session != null && session.isOpen() && !session.isClosing();
    }

    // ---------------------------------------------------------------- commands

    /**
     * Runs a shell command line once. If the connection drops after the command was sent, this fails rather than
     * send it again, since it may have run (use for {@code sbatch}, {@code scancel}).
     *
     * @param command a shell command line; quote every argument with {@link ShellQuote}
     */
    @Override
    public CommandResult exec(String command, Duration timeout) throws SshBridgeException {
        return run(command, timeout, false);
    }

    /** Runs a command line of separate arguments, each quoted; see {@link #exec(String, Duration)}. */
    @Override
    public CommandResult exec(List<String> argv, Duration timeout) throws SshBridgeException {
        return run(ShellQuote.join(argv), timeout, false);
    }

    /** Runs a command that may safely run twice (a query): after a drop it reconnects and runs it again. */
    @Override
    public CommandResult execIdempotent(String command, Duration timeout) throws SshBridgeException {
        return run(command, timeout, true);
    }

    private CommandResult run(String command, Duration timeout, boolean repeatable) throws SshBridgeException {
        Instant giveUp = null;
        while (true) {
            ClientSession s = live();
            boolean sent = false;
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            try (ChannelExec ch = s.createExecChannel(command)) {
                ch.setOut(out);
                ch.setErr(err);
                sent = true;
                commands.incrementAndGet();
                ch.open().verify(settings.channelOpenTimeout());
                Set<ClientChannelEvent> events = ch.waitFor(EnumSet.of(ClientChannelEvent.CLOSED), timeout);
                if (events.contains(ClientChannelEvent.TIMEOUT)) {
                    throw new RemoteTimeoutException("Remote command on " + host() + " did not finish within "
                            + timeout.toSeconds() + " s: `" + CommandResult.abbreviate(command) + "`");
                }
                Integer status = ch.getExitStatus();
                String signal = ch.getExitSignal();
                if (status == null && signal == null) {
                    throw new IOException("the connection closed before the command reported its exit status");
                }
                return new CommandResult(host(), command, status != null ? status : -1, signal,
                        out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
            } catch (RemoteTimeoutException e) {
                throw e;
            } catch (IOException e) {
                boolean dropped = !isConnected();
                if (!dropped || (sent && !repeatable)) {
                    throw new SshBridgeException("Remote command on " + host() + " failed"
                            + (dropped ? " because the connection dropped (it may or may not have run)" : "")
                            + ": `" + CommandResult.abbreviate(command) + "`: " + message(e), e);
                }
                if (giveUp == null) {
                    giveUp = Instant.now().plus(settings.reconnectWindow());
                } else if (Instant.now().isAfter(giveUp)) {
                    throw new SshBridgeException("Remote command on " + host() + " kept failing as the connection"
                            + " dropped: `" + CommandResult.abbreviate(command) + "`: " + message(e), e);
                }
                // loop: live() reconnects, then the command runs again
            }
        }
    }

    // ---------------------------------------------------------------- SFTP

    /** Creates a remote folder and its parents; existing ones are fine. */
    @Override
    public void mkdirs(String dir) throws SshBridgeException {
        sftpDo("create folder " + dir, c -> {
            SftpClient.Attributes existing = statOrNull(c, dir);
            if (existing != null && existing.isDirectory()) {
                return null; // the common case costs one round trip
            }
            String path = dir.startsWith("/") ? "/" : "";
            for (String part : dir.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                path = path.isEmpty() || path.endsWith("/") ? path + part : path + "/" + part;
                SftpClient.Attributes a = statOrNull(c, path);
                if (a == null) {
                    try {
                        c.mkdir(path);
                    } catch (SftpException e) {
                        // another writer may have created it meanwhile
                        SftpClient.Attributes again = statOrNull(c, path);
                        if (again == null || !again.isDirectory()) {
                            throw e;
                        }
                    }
                } else if (!a.isDirectory()) {
                    throw new IOException(path + " exists and is not a folder");
                }
            }
            return null;
        });
    }

    /** Uploads a local file: written to a temporary name beside the target, then renamed over it. */
    @Override
    public void upload(Path local, String remote) throws SshBridgeException {
        byte[] content;
        try {
            content = Files.readAllBytes(local);
        } catch (IOException e) {
            throw new SshBridgeException("Cannot read " + local + " to upload it to " + host() + ":" + remote, e);
        }
        upload(content, remote);
    }

    /** Writes bytes to a remote file: to a temporary name beside the target, then renamed over it. */
    @Override
    public void upload(byte[] content, String remote) throws SshBridgeException {
        sftpDo("upload " + remote, c -> {
            String tmp = remote + ".part-" + HexFormat.of().formatHex(randomBytes(6));
            try {
                try (OutputStream os = c.write(tmp)) {
                    os.write(content);
                }
                rename(c, tmp, remote);
            } catch (IOException e) {
                try {
                    c.remove(tmp);
                } catch (IOException ignored) {
                    // the temporary file may not exist; the original error is what matters
                }
                throw e;
            }
            return null;
        });
    }

    /** Downloads a remote file, replacing {@code local} atomically (written beside it, then moved). */
    @Override
    public void download(String remote, Path local) throws SshBridgeException {
        download(remote, local, Long.MAX_VALUE, false);
    }

    @Override
    public long download(String remote, Path local, long maxBytes, boolean keepEnd) throws SshBridgeException {
        return sftpDo("download " + remote, c -> {
            long size = keepEnd ? c.stat(remote).getSize() : -1;
            // a local failure (disk full, read-only folder) while connected is reported at once, not retried
            try (InputStream in = c.read(remote)) {
                return BoundedCopy.copy(in, size, local, maxBytes, keepEnd);
            }
        });
    }

    /** The content of a remote file. */
    @Override
    public byte[] read(String remote) throws SshBridgeException {
        return sftpDo("download " + remote, c -> {
            try (InputStream in = c.read(remote)) {
                return in.readAllBytes();
            }
        });
    }

    /** The entries of a remote folder, without {@code .} and {@code ..}. */
    @Override
    public List<RemoteFile> list(String dir) throws SshBridgeException {
        return sftpDo("list " + dir, c -> {
            List<RemoteFile> files = new ArrayList<>();
            try {
                for (SftpClient.DirEntry e : c.readDir(dir)) {
                    if (e.getFilename().equals(".") || e.getFilename().equals("..")) {
                        continue;
                    }
                    SftpClient.Attributes a = e.getAttributes();
                    Instant modified = a.getModifyTime() != null ? a.getModifyTime().toInstant() : null;
                    files.add(new RemoteFile(e.getFilename(), a.isDirectory(), a.getSize(), modified));
                }
            } catch (UncheckedIOException e) {
                throw e.getCause(); // MINA's lazy listing reports errors unchecked
            }
            return files;
        });
    }

    /** Whether a remote file or folder exists. */
    @Override
    public boolean exists(String path) throws SshBridgeException {
        return sftpDo("look up " + path, c -> statOrNull(c, path) != null);
    }

    /** The absolute form of a remote path; a relative one is taken from the login folder (home). */
    @Override
    public String absolutePath(String path) throws SshBridgeException {
        return sftpDo("resolve " + path, c -> c.canonicalPath(path));
    }

    /** Removes a remote file if it exists. */
    @Override
    public void remove(String path) throws SshBridgeException {
        sftpDo("remove " + path, c -> {
            if (statOrNull(c, path) != null) {
                c.remove(path);
            }
            return null;
        });
    }

    private static SftpClient.Attributes statOrNull(SftpClient c, String path) throws IOException {
        try {
            return c.stat(path);
        } catch (SftpException e) {
            if (e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_FILE || e.getStatus() == SftpConstants.SSH_FX_NO_SUCH_PATH) {
                return null;
            }
            throw e;
        }
    }

    private static void rename(SftpClient c, String from, String to) throws IOException {
        OpenSSHPosixRenameExtension posix = c.getExtension(OpenSSHPosixRenameExtension.class);
        if (posix != null && posix.isSupported()) {
            posix.posixRename(from, to); // atomic replace
            return;
        }
        if (statOrNull(c, to) != null) {
            c.remove(to);
        }
        c.rename(from, to);
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        synchronized (random) {
            random.nextBytes(b);
        }
        return b;
    }

    @FunctionalInterface
    private interface SftpAction<T> {
        T apply(SftpClient client) throws IOException;
    }

    /** Runs an SFTP step; SFTP steps are safe to repeat, so after a drop it reconnects and repeats. */
    private <T> T sftpDo(String what, SftpAction<T> action) throws SshBridgeException {
        sftpSteps.incrementAndGet();
        Instant giveUp = null;
        while (true) {
            SftpClient c = liveSftp();
            try {
                return action.apply(c);
            } catch (IOException e) {
                if (isConnected() && c.isOpen()) {
                    throw new SshBridgeException("SFTP on " + host() + ": cannot " + what + ": " + message(e), e);
                }
                if (giveUp == null) {
                    giveUp = Instant.now().plus(settings.reconnectWindow());
                } else if (Instant.now().isAfter(giveUp)) {
                    throw new SshBridgeException("SFTP on " + host() + ": cannot " + what
                            + " as the connection keeps dropping: " + message(e), e);
                }
            }
        }
    }

    private synchronized SftpClient liveSftp() throws SshBridgeException {
        ClientSession s = live();
        if (sftp != null && sftp.isOpen() && sftpOwner == s) {
            return sftp;
        }
        closeQuietly(sftp);
        try {
            sftp = SftpClientFactory.instance().createSftpClient(s);
            sftpOwner = s;
            return sftp;
        } catch (IOException e) {
            throw new SshBridgeException("Cannot open an SFTP channel to " + host() + ": " + message(e), e);
        }
    }

    // ---------------------------------------------------------------- connection

    /** The open session, reconnecting with backoff when the last one dropped. */
    private synchronized ClientSession live() throws SshBridgeException {
        if (closed) {
            throw new SshBridgeException("SSH session to " + host() + " is closed");
        }
        if (session != null && session.isOpen() && !session.isClosing()) {
            return session;
        }
        Instant giveUp = Instant.now().plus(settings.reconnectWindow());
        Duration wait = settings.backoffInitial();
        while (true) {
            try {
                session = connectOnce();
                reconnects++;
                return session;
            } catch (HostKeyException | AuthenticationException | MissingUserException e) {
                throw e; // waiting will not change these
            } catch (SshBridgeException e) {
                if (Instant.now().plus(wait).isAfter(giveUp)) {
                    throw new SshBridgeException("Lost the connection to " + host() + " and could not reconnect"
                            + " within " + settings.reconnectWindow().toSeconds() + " s: " + message(e), e);
                }
                try {
                    Thread.sleep(wait.toMillis());
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw new SshBridgeException("Interrupted while reconnecting to " + host(), ie);
                }
                wait = wait.multipliedBy(2);
                if (wait.compareTo(settings.backoffMax()) > 0) {
                    wait = settings.backoffMax();
                }
            }
        }
    }

    private ClientSession connectOnce() throws SshBridgeException {
        if (session != null) {
            session.close(true);
        }
        String hostName = entry.getHostName();
        int port = entry.getPort();
        ClientSession s;
        try {
            s = client.connect(entry, null, null).verify(settings.connectTimeout()).getClientSession();
        } catch (IOException e) {
            throw ConnectionFailedException.ofConnect(hostName, port, e, settings.connectTimeout());
        }
        // key exchange, host key check included, before any credential: a refused key is never an auth failure
        Set<ClientSession.ClientSessionEvent> state = s.waitFor(
                EnumSet.of(ClientSession.ClientSessionEvent.WAIT_AUTH, ClientSession.ClientSessionEvent.CLOSED),
                settings.connectTimeout());
        if (!state.contains(ClientSession.ClientSessionEvent.WAIT_AUTH)
                || state.contains(ClientSession.ClientSessionEvent.CLOSED)) {
            s.close(true);
            HostKeyException refused = verifier.takeRefusal();
            if (refused != null) {
                throw refused;
            }
            if (state.contains(ClientSession.ClientSessionEvent.TIMEOUT)) {
                throw new ConnectionFailedException(ConnectionFailedException.Reason.NO_SSH_ANSWER, hostName, port,
                        "connected, but no SSH server answered within " + settings.connectTimeout().toSeconds()
                                + " s", null);
            }
            throw new ConnectionFailedException(ConnectionFailedException.Reason.CLOSED, hostName, port,
                    "the server closed the connection before login", null);
        }
        if (!userKnown) {
            String user = askUser(hostName, port);
            if (user == null) {
                s.close(true);
                throw new MissingUserException(hostName, port);
            }
            // kept for reconnects: asked once per session
            entry.setUsername(user);
            userKnown = true;
        }
        s.setUsername(entry.getUsername());
        try {
            s.auth().verify(settings.authTimeout());
            return s;
        } catch (IOException e) {
            boolean stillOpen = s.isOpen() && !s.isClosing();
            s.close(true);
            HostKeyException refused = verifier.takeRefusal();
            if (refused != null) {
                throw refused;
            }
            if (stillOpen) {
                throw new AuthenticationException(hostName, port, entry.getUsername(), offered(), e);
            }
            throw new ConnectionFailedException(ConnectionFailedException.Reason.CLOSED, hostName, port,
                    "the server closed the connection during login (" + ConnectionFailedException.plainCause(e) + ")",
                    e);
        }
    }

    private String askUser(String hostName, int port) {
        try {
            String u = prompts.userName(hostName, port);
            return u == null || u.isBlank() ? null : u.strip();
        } catch (RuntimeException e) {
            return null; // a prompt that fails is a prompt not answered
        }
    }

    /** What a login offers, in words, for the message when all of it was refused. */
    private List<String> offered() {
        List<String> tried = new ArrayList<>();
        for (String id : entry.getIdentities()) {
            tried.add("key " + id + (Files.isRegularFile(Path.of(id)) ? "" : " (no such file)"));
        }
        if (client.getAgentFactory() != null) {
            tried.add("ssh-agent");
        }
        return tried;
    }

    /** Closes the connection. Remote jobs are not affected. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            closeQuietly(sftp);
            if (session != null) {
                session.close(true);
            }
        }
        client.stop();
    }

    private static void closeQuietly(SftpClient c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // closing a dead channel
            }
        }
    }

    /**
     * A failure in words. MINA's messages start with the object that failed ({@code DefaultConnectFuture[...]:})
     * and name the exception class ({@code Failed (ConnectException):}); the network causes say it better.
     */
    static String message(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root instanceof java.net.ConnectException) {
            return "connection refused (is an SSH server listening on that port?)";
        }
        if (root instanceof java.net.UnknownHostException) {
            return "unknown host" + (root.getMessage() == null ? "" : " " + root.getMessage());
        }
        if (root instanceof java.net.NoRouteToHostException) {
            return "no route to the host";
        }
        if (e instanceof InterruptedIOException || root instanceof InterruptedIOException) {
            return "interrupted or timed out";
        }
        String m = e.getMessage();
        if (m == null || m.isBlank() || m.equals("null")) {
            return e.getCause() != null && e.getCause() != e ? message(e.getCause()) : "the connection failed";
        }
        m = MINA_FUTURE.matcher(m).replaceAll("");
        m = MINA_FAILED.matcher(m).replaceAll("");
        m = MINA_TIMEOUT.matcher(m).replaceAll("no answer within $1 ms");
        return m.isBlank() ? "the connection failed" : m;
    }

    private static final java.util.regex.Pattern MINA_FUTURE =
            java.util.regex.Pattern.compile("\\b\\w*Future\\[[^\\]]*\\]:\\s*");
    private static final java.util.regex.Pattern MINA_FAILED =
            java.util.regex.Pattern.compile("Failed \\(\\w+\\):\\s*");
    private static final java.util.regex.Pattern MINA_TIMEOUT =
            java.util.regex.Pattern.compile("Failed to get operation result within specified timeout:\\s*(\\d+)\\s*(msec)?");

    // ---------------------------------------------------------------- prompts

    private static FilePasswordProvider passphrases(SshPrompts prompts) {
        return new FilePasswordProvider() {
            @Override
            public String getPassword(SessionContext session, NamedResource resource, int retryIndex) {
                char[] p = prompts.passphrase(resource.getName(), retryIndex);
                if (p == null) {
                    return null;
                }
                // MINA takes a String; the char[] at least does not linger
                String s = new String(p);
                Arrays.fill(p, '\0');
                return s;
            }

            @Override
            public ResourceDecodeResult handleDecodeAttemptResult(SessionContext session, NamedResource resource,
                                                                  int retryIndex, String password, Exception err) {
                if (err == null) {
                    return ResourceDecodeResult.TERMINATE; // decoded
                }
                // a wrong passphrase: ask again, up to three times; no answer: skip this key
                return password != null && retryIndex < 2 ? ResourceDecodeResult.RETRY : ResourceDecodeResult.IGNORE;
            }
        };
    }

    private static final class Interaction implements UserInteraction {
        private final SshPrompts prompts;

        Interaction(SshPrompts prompts) {
            this.prompts = prompts;
        }

        @Override
        public String[] interactive(ClientSession session, String name, String instruction, String lang,
                                    String[] prompt, boolean[] echo) {
            List<SshPrompts.Prompt> list = new ArrayList<>();
            for (int i = 0; i < prompt.length; i++) {
                list.add(new SshPrompts.Prompt(prompt[i], echo != null && i < echo.length && echo[i]));
            }
            List<String> answers = prompts.keyboardInteractive(session.getUsername(), hostOf(session), name,
                    instruction, list);
            return answers == null ? null : answers.toArray(new String[0]);
        }

        @Override
        public String getUpdatedPassword(ClientSession session, String prompt, String lang) {
            return null; // password changes are not supported
        }

        @Override
        public String resolveAuthPasswordAttempt(ClientSession session) {
            Integer tries = session.getAttribute(PASSWORD_TRIES);
            int attempt = tries == null ? 0 : tries;
            if (attempt >= 3) {
                return null;
            }
            session.setAttribute(PASSWORD_TRIES, attempt + 1);
            char[] p = prompts.password(session.getUsername(), hostOf(session), attempt);
            if (p == null) {
                return null;
            }
            String s = new String(p);
            Arrays.fill(p, '\0');
            return s;
        }

        private static String hostOf(ClientSession session) {
            return String.valueOf(session.getConnectAddress());
        }

        private static final org.apache.sshd.common.AttributeRepository.AttributeKey<Integer> PASSWORD_TRIES =
                new org.apache.sshd.common.AttributeRepository.AttributeKey<>();
    }
}
