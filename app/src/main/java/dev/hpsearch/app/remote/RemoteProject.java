package dev.hpsearch.app.remote;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ProjectUpload;
import dev.hpsearch.ssh.transport.RemoteFile;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A project folder on a cluster, {@code {remote_root}/{project folder name}}, as {@code launch} and
 * {@code status --cluster} see it: where its files go, which search id comes next, where the jar lives.
 */
public final class RemoteProject {
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    /** The folder, beside a project's searches, where hpsearch keeps its own files on the cluster. */
    public static final String HIDDEN = ".hpsearch";

    private final ClusterShell shell;
    private final String root;
    private final String folder;

    private RemoteProject(ClusterShell shell, String root, String folder) {
        this.shell = shell;
        this.root = root;
        this.folder = folder;
    }

    /** The cluster's project folder for a local project folder (created; the remote root made absolute). */
    public static RemoteProject of(ClusterShell shell, ClusterProfile profile, Path localProject) throws SshBridgeException {
        shell.mkdirs(profile.remoteRoot());
        String root = shell.absolutePath(profile.remoteRoot());
        String folder = root + "/" + localProject.getFileName();
        shell.mkdirs(folder);
        return new RemoteProject(shell, root, folder);
    }

    /** A project folder already on the cluster (a search's parent), under the profile's remote root. */
    public static RemoteProject at(ClusterShell shell, ClusterProfile profile, String folder) throws SshBridgeException {
        shell.mkdirs(profile.remoteRoot());
        return new RemoteProject(shell, shell.absolutePath(profile.remoteRoot()), folder);
    }

    /** Where a local file of the project goes on the cluster, keeping its path relative to the project. */
    public String place(Path localProject, Path file) {
        Path rel = localProject.toAbsolutePath().normalize().relativize(file.toAbsolutePath().normalize());
        StringBuilder sb = new StringBuilder(folder);
        for (Path part : rel) {
            sb.append('/').append(part);
        }
        return sb.toString();
    }

    public static boolean inside(Path localProject, Path file) {
        return file.toAbsolutePath().normalize().startsWith(localProject.toAbsolutePath().normalize());
    }

    /** Uploads a file, creating its folder. */
    public void upload(Path local, String remote) throws SshBridgeException {
        shell.mkdirs(remote.substring(0, remote.lastIndexOf('/')));
        shell.upload(local, remote);
    }

    /**
     * Uploads the jar to {@code {remote_root}/.hpsearch/hpsearch-{hash}.jar} unless that file is already there:
     * the content hash names the version, so each version travels once and searches still running keep theirs.
     */
    public String uploadJar(Path jar) throws SshBridgeException, IOException {
        String remote = root + "/" + HIDDEN + "/hpsearch-" + ProjectUpload.sha256(jar).substring(0, 16) + ".jar";
        if (!shell.exists(remote)) {
            upload(jar, remote);
        }
        return remote;
    }

    /**
     * Creates the next {@code hp_search_{id}} folder on the cluster and returns its id. {@code mkdir} without
     * {@code -p} fails when the folder exists, so two launches never claim the same id.
     */
    public int claimSearchId() throws SshBridgeException {
        int id = 0;
        for (RemoteFile f : shell.list(folder)) {
            int taken = SearchFolder.searchId(f.name());
            if (taken >= 0) {
                id = Math.max(id, taken + 1);
            }
        }
        for (int tries = 0; tries < 1000; tries++, id++) {
            String dir = searchFolder(id);
            CommandResult r = shell.exec(ShellQuote.join("mkdir", "--", dir), COMMAND_TIMEOUT);
            if (r.ok()) {
                return id;
            }
            if (!shell.exists(dir)) {
                throw new SshBridgeException("Cannot create the search folder " + dir + " " + r.describe());
            }
        }
        throw new SshBridgeException("No free search id in " + folder + " on " + shell.host());
    }

    /** The cluster's remote root, made absolute. */
    public String root() {
        return root;
    }

    /** The project folder on the cluster: {@code {root}/{local project folder name}}. */
    public String folder() {
        return folder;
    }

    public String searchFolder(int id) {
        return folder + "/" + SearchFolder.name(id);
    }

    /** The profile as the coordinator on the cluster needs it: no local key or known_hosts paths. */
    public static byte[] profileFile(ClusterProfile p, String remoteRoot) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode c = json.createObjectNode();
        c.put("name", p.name());
        c.put("host", p.host());
        if (p.port() > 0) {
            c.put("port", p.port());
        }
        if (p.user() != null) {
            c.put("user", p.user());
        }
        if (p.cpuPartition() != null) {
            c.put("cpu_partition", p.cpuPartition());
        }
        if (p.gpuPartition() != null) {
            c.put("gpu_partition", p.gpuPartition());
        }
        ArrayNode setup = c.putArray("setup");
        p.setupLines().forEach(setup::add);
        c.put("remote_root", remoteRoot);
        if (p.mailUser() != null) {
            c.put("mail_user", p.mailUser());
        }
        ObjectNode top = json.createObjectNode();
        top.putArray("clusters").add(c);
        try {
            return json.writerWithDefaultPrettyPrinter().writeValueAsString(top).getBytes(StandardCharsets.UTF_8);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
