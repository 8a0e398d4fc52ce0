package dev.hpsearch.ssh.transport;

import dev.hpsearch.optimizer.text.AtomicFiles;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The cluster seen from one of its own nodes: commands run through {@code bash -c} on this machine and the
 * cluster's files are this machine's files. Used when the coordinator itself runs as a Slurm job (detached mode),
 * so that it submits with the node's own {@code sbatch} and needs no SSH.
 *
 * <p>Relative paths are taken from the user's home folder, as over SSH. A transfer between a path and itself does
 * nothing, so the Slurm executor's uploads and downloads cost nothing when both sides are this machine.
 */
public final class LocalShell implements ClusterShell {

    private final Path home;
    private final String host;

    /** A shell whose relative paths start at the user's home folder. */
    public LocalShell() {
        this(Path.of(System.getProperty("user.home")));
    }

    /** @param home where relative paths and commands start */
    public LocalShell(Path home) {
        this.home = home.toAbsolutePath().normalize();
        this.host = System.getProperty("user.name") + "@" + hostName() + " (local)";
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }

    @Override
    public String host() {
        return host;
    }

    // ---------------------------------------------------------------- commands

    @Override
    public CommandResult exec(String command, Duration timeout) throws SshBridgeException {
        Path out = null;
        Path err = null;
        Process p = null;
        try {
            // files, not pipes: a command that writes much to both streams cannot block on a full pipe
            out = Files.createTempFile("hpsearch-cmd", ".out");
            err = Files.createTempFile("hpsearch-cmd", ".err");
            p = new ProcessBuilder("bash", "-c", command).directory(home.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(nullDevice()))
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(p);
                throw new RemoteTimeoutException("Command on " + host + " did not finish within "
                        + timeout.toMillis() / 1000.0 + " s: `" + CommandResult.abbreviate(command) + "`");
            }
            return new CommandResult(host, command, p.exitValue(), null,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (RemoteTimeoutException e) {
            throw e;
        } catch (InterruptedException e) {
            kill(p);
            Thread.currentThread().interrupt();
            throw new SshBridgeException("Interrupted while running on " + host + ": `"
                    + CommandResult.abbreviate(command) + "`", e);
        } catch (IOException e) {
            throw new SshBridgeException("Cannot run on " + host + ": `" + CommandResult.abbreviate(command) + "`: "
                    + IoErrors.describe(e), e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** A local command is never lost in transit, so a query is run just like any command. */
    @Override
    public CommandResult execIdempotent(String command, Duration timeout) throws SshBridgeException {
        return exec(command, timeout);
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static void kill(Process p) {
        if (p != null) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a temporary file left in the temp folder is harmless
            }
        }
    }

    // ---------------------------------------------------------------- files

    private Path path(String p) {
        return home.resolve(p).normalize();
    }

    @Override
    public void mkdirs(String dir) throws SshBridgeException {
        try {
            Files.createDirectories(path(dir));
        } catch (FileAlreadyExistsException e) {
            throw new SshBridgeException("Cannot create folder " + dir + " on " + host + ": a file of that name exists", e);
        } catch (IOException e) {
            throw new SshBridgeException("Cannot create folder " + dir + " on " + host + ": " + IoErrors.describe(e), e);
        }
    }

    @Override
    public void upload(Path local, String remote) throws SshBridgeException {
        copy(local.toAbsolutePath().normalize(), path(remote));
    }

    @Override
    public void upload(byte[] content, String remote) throws SshBridgeException {
        Path target = path(remote);
        try {
            writeAtomically(target, content);
        } catch (IOException e) {
            throw new SshBridgeException("Cannot write " + target + " on " + host + ": " + IoErrors.describe(e), e);
        }
    }

    @Override
    public void download(String remote, Path local) throws SshBridgeException {
        copy(path(remote), local.toAbsolutePath().normalize());
    }

    @Override
    public long download(String remote, Path local, long maxBytes, boolean keepEnd) throws SshBridgeException {
        Path from = path(remote);
        Path to = local.toAbsolutePath().normalize();
        try {
            if (from.equals(to) || Files.exists(to) && Files.isSameFile(from, to)) {
                return 0; // on the cluster itself: the file is already where it is read
            }
            try (InputStream in = Files.newInputStream(from)) {
                return BoundedCopy.copy(in, Files.size(from), to, maxBytes, keepEnd);
            }
        } catch (IOException e) {
            throw new SshBridgeException("Cannot copy " + from + " to " + to + " on " + host + ": " + e.getMessage(), e);
        }
    }

    /** Copies atomically (beside the target, then moved); a file copied onto itself stays as it is. */
    private void copy(Path from, Path to) throws SshBridgeException {
        if (from.equals(to)) {
            return;
        }
        try {
            if (Files.exists(to) && Files.isSameFile(from, to)) {
                return;
            }
            // streamed, not held in memory: an output.json may be as large as a script makes it
            Files.createDirectories(to.getParent());
            Path tmp = Files.createTempFile(to.getParent(), "." + to.getFileName(), ".part");
            try {
                Files.copy(from, tmp, StandardCopyOption.REPLACE_EXISTING);
                moveAtomically(tmp, to);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new SshBridgeException("Cannot copy " + from + " to " + to + " on " + host + ": "
                    + IoErrors.describe(e), e);
        }
    }

    private static void moveAtomically(Path from, Path to) throws IOException {
        AtomicFiles.replace(from, to);
    }

    private static void writeAtomically(Path target, byte[] content) throws IOException {
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Files.write(tmp, content);
            moveAtomically(tmp, target);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    @Override
    public byte[] read(String remote) throws SshBridgeException {
        try {
            return Files.readAllBytes(path(remote));
        } catch (IOException e) {
            throw new SshBridgeException("Cannot read " + remote + " on " + host + ": " + IoErrors.describe(e), e);
        }
    }

    @Override
    public List<RemoteFile> list(String dir) throws SshBridgeException {
        List<RemoteFile> files = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(path(dir))) {
            for (Path e : entries) {
                BasicFileAttributes a = Files.readAttributes(e, BasicFileAttributes.class);
                files.add(new RemoteFile(e.getFileName().toString(), a.isDirectory(), a.size(),
                        a.lastModifiedTime().toInstant()));
            }
        } catch (IOException e) {
            throw new SshBridgeException("Cannot list " + dir + " on " + host + ": " + IoErrors.describe(e), e);
        }
        return files;
    }

    @Override
    public boolean exists(String path) {
        return Files.exists(path(path));
    }

    @Override
    public String absolutePath(String path) {
        return path(path).toString();
    }

    @Override
    public void remove(String path) throws SshBridgeException {
        try {
            Files.deleteIfExists(path(path));
        } catch (IOException e) {
            throw new SshBridgeException("Cannot remove " + path + " on " + host + ": " + IoErrors.describe(e), e);
        }
    }
}
