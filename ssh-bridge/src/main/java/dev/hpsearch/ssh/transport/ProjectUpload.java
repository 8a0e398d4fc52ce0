package dev.hpsearch.ssh.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Copies the user's files named by job_config {@code upload} into the cluster's project folder, keeping their
 * paths relative to the project, by content: one remote {@code sha256sum} tells which files the cluster already has
 * as they are here, and only the others are sent.
 */
public final class ProjectUpload {
    /** Files per {@code sha256sum} command, to stay far below any command-line limit. */
    private static final int HASH_BATCH = 200;

    private ProjectUpload() {
    }

    /** What an upload did. */
    public record Result(int sent, int unchanged, long bytesSent) {
        public String describe() {
            return sent + " file(s) sent (" + bytesSent + " bytes), " + unchanged + " already on the cluster";
        }
    }

    /**
     * Uploads every file under the given entries (files or folders, relative to {@code localProject}).
     *
     * @param remoteProject the project folder on the cluster (absolute)
     * @throws SshBridgeException on a failed transfer or remote command
     * @throws IOException        when a local file cannot be read
     */
    public static Result sync(ClusterShell shell, Path localProject, String remoteProject, List<String> entries,
                              Duration timeout) throws SshBridgeException, IOException {
        Path project = localProject.toAbsolutePath().normalize();
        Map<String, Path> files = new LinkedHashMap<>();
        for (String entry : entries) {
            Path start = project.resolve(entry).normalize();
            if (!start.startsWith(project)) {
                throw new IllegalArgumentException(entry + " is outside the project folder " + project);
            }
            if (Files.isDirectory(start)) {
                try (Stream<Path> walk = Files.walk(start)) {
                    for (Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                        files.put(relative(project, f), f);
                    }
                }
            } else if (Files.isRegularFile(start)) {
                files.put(relative(project, start), start);
            } else {
                throw new IOException("no such file or folder: " + start);
            }
        }
        Map<String, String> remoteHashes = remoteHashes(shell, remoteProject, new ArrayList<>(files.keySet()), timeout);
        int sent = 0;
        int unchanged = 0;
        long bytes = 0;
        TreeSet<String> made = new TreeSet<>();
        for (Map.Entry<String, Path> f : files.entrySet()) {
            if (sha256(f.getValue()).equals(remoteHashes.get(f.getKey()))) {
                unchanged++;
                continue;
            }
            String remote = remoteProject + "/" + f.getKey();
            String dir = remote.substring(0, remote.lastIndexOf('/'));
            if (made.add(dir)) {
                shell.mkdirs(dir);
            }
            shell.upload(f.getValue(), remote);
            sent++;
            bytes += Files.size(f.getValue());
        }
        return new Result(sent, unchanged, bytes);
    }

    /** The cluster's SHA-256 of those of the files it has (missing ones are left out). */
    private static Map<String, String> remoteHashes(ClusterShell shell, String remoteProject, List<String> files,
                                                    Duration timeout) throws SshBridgeException {
        Map<String, String> hashes = new HashMap<>();
        for (int from = 0; from < files.size(); from += HASH_BATCH) {
            List<String> batch = files.subList(from, Math.min(files.size(), from + HASH_BATCH));
            List<String> argv = new ArrayList<>(List.of("sha256sum", "--"));
            argv.addAll(batch);
            // missing files make sha256sum complain and exit 1; the lines of the others are still right
            CommandResult r = shell.exec("cd " + ShellQuote.quote(remoteProject) + " 2>/dev/null && "
                    + ShellQuote.join(argv) + " 2>/dev/null; true", timeout);
            for (String line : r.stdout().split("\n")) {
                // "<64 hex>  <name>"; names with a newline or backslash are escaped by sha256sum: never matched,
                // so they are simply sent again
                if (line.length() > 66 && line.charAt(64) == ' ') {
                    hashes.put(line.substring(66), line.substring(0, 64));
                }
            }
        }
        return hashes;
    }

    private static String relative(Path project, Path file) {
        StringBuilder sb = new StringBuilder();
        for (Path part : project.relativize(file)) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(part);
        }
        return sb.toString();
    }

    /** The SHA-256 of a file, in lower-case hex. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
