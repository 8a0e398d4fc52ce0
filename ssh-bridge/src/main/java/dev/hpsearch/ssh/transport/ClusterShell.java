package dev.hpsearch.ssh.transport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Where Slurm commands run and where a search's files live on the cluster: either a submit host reached over SSH
 * ({@link SshSession}) or the machine this process runs on, when the coordinator itself runs on a cluster node
 * ({@link LocalShell}).
 *
 * <p>Paths on the cluster side are strings with {@code /}; local paths are {@link Path}s. When both sides are the
 * same machine, a transfer between identical paths does nothing.
 */
public interface ClusterShell {

    /** Who runs the commands ({@code user@host:port}, or the local host), for messages. */
    String host();

    /**
     * Runs a shell command line once; it is never sent twice, since it may have run (use for {@code sbatch},
     * {@code scancel}).
     *
     * @param command a shell command line; quote every argument with {@link ShellQuote}
     */
    CommandResult exec(String command, Duration timeout) throws SshBridgeException;

    /** Runs a command line of separate arguments, each quoted; see {@link #exec(String, Duration)}. */
    default CommandResult exec(List<String> argv, Duration timeout) throws SshBridgeException {
        return exec(ShellQuote.join(argv), timeout);
    }

    /** Runs a command that may safely run twice (a query); an implementation may repeat it after a failure. */
    CommandResult execIdempotent(String command, Duration timeout) throws SshBridgeException;

    /** Creates a folder and its parents; existing ones are fine. */
    void mkdirs(String dir) throws SshBridgeException;

    /** Copies a local file to the cluster side, replacing the target atomically. */
    void upload(Path local, String remote) throws SshBridgeException;

    /** Writes bytes to a file on the cluster side, replacing the target atomically. */
    void upload(byte[] content, String remote) throws SshBridgeException;

    /** Copies a file of the cluster side to a local file, replacing it atomically. */
    void download(String remote, Path local) throws SshBridgeException;

    /**
     * Copies at most {@code maxBytes} of a file of the cluster side to a local file, replacing it atomically, without
     * holding the file in memory.
     *
     * @param keepEnd keep the file's last bytes (a log) rather than its first
     * @return how many bytes of the remote file were left out (0 when it was copied whole)
     */
    long download(String remote, Path local, long maxBytes, boolean keepEnd) throws SshBridgeException;

    /** The content of a file on the cluster side. */
    byte[] read(String remote) throws SshBridgeException;

    /** The entries of a folder, without {@code .} and {@code ..}. */
    List<RemoteFile> list(String dir) throws SshBridgeException;

    /** Whether a file or folder exists. */
    boolean exists(String path) throws SshBridgeException;

    /** The absolute form of a path; a relative one is taken from the login folder (home) or working folder. */
    String absolutePath(String path) throws SshBridgeException;

    /** Removes a file if it exists. */
    void remove(String path) throws SshBridgeException;
}
