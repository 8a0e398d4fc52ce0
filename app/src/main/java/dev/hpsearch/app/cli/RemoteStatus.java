package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.ssh.ClusterProfile;
import dev.hpsearch.ssh.ClusterProfileException;
import dev.hpsearch.ssh.RemoteFile;
import dev.hpsearch.ssh.SlurmJobState;
import dev.hpsearch.ssh.SshBridgeException;
import dev.hpsearch.ssh.SshSession;
import dev.hpsearch.ssh.SshSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code hpsearch status --cluster}: finds a detached search on the cluster, copies what its summary needs (the
 * journal, the config copies, hp_search_data.txt and the search log) into a local mirror, asks Slurm about its
 * coordinator job, and lets {@link StatusCommand} print the mirror as it prints a local search.
 */
final class RemoteStatus {
    private static final Pattern SEARCH_DIR = Pattern.compile("hp_search_(\\d{1,9})");
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    /** Prints the summary of a (mirrored) search folder under a display name; returns the exit status. */
    interface Summary {
        int print(Path searchDir, String name, String notEnded);
    }

    private final String cluster;
    private final Path clustersFile;
    private final Path mirror;
    private final PrintWriter out;
    private final PrintWriter err;

    RemoteStatus(String cluster, Path clustersFile, Path mirror, PrintWriter out, PrintWriter err) {
        this.cluster = cluster;
        this.clustersFile = clustersFile;
        this.mirror = mirror;
        this.out = out;
        this.err = err;
    }

    /**
     * @param where a local project folder with a detached launch in its launched_hp_searches.txt (its latest
     *              launch is shown), or a project or search folder on the cluster
     */
    int show(Path where, Summary summary) throws IOException {
        ClusterProfile profile;
        try {
            profile = Executors.profiles(clustersFile).require(cluster);
        } catch (ClusterProfileException e) {
            err.println("error: --cluster: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        Path localProject = null;
        DetachedLaunches.Launch launched = null;
        Path records = where.resolve(LaunchRecords.FILE_NAME);
        if (Files.isDirectory(where) && Files.isRegularFile(records)) {
            // a local project folder, when it records a detached launch; else the path may name a cluster folder
            launched = latestDetached(Files.readString(records, StandardCharsets.UTF_8), null);
            localProject = launched == null ? null : where.toAbsolutePath().normalize();
        }
        SshSession opened;
        try {
            opened = ClusterContact.open(profile, ProfileSource.flag().withRunHere(null),
                    SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), new TerminalPrompts(err));
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        }
        try (SshSession ssh = opened) {
            String searchFolder;
            String jobId;
            if (launched != null) {
                searchFolder = launched.searchFolder();
                jobId = launched.jobId();
            } else {
                searchFolder = findSearch(ssh, where.toString().replace('\\', '/'));
                if (searchFolder == null) {
                    return ExitCodes.FAILURE;
                }
                jobId = coordinatorOnCluster(ssh, searchFolder);
            }
            String name = searchFolder.substring(searchFolder.lastIndexOf('/') + 1);
            Path dir = mirror != null ? mirror
                    : localProject != null ? SearchMirror.folder(localProject, cluster, name)
                    : Path.of(System.getProperty("java.io.tmpdir"), "hpsearch-mirror-" + System.getProperty("user.name"),
                    cluster, searchFolder.replaceFirst("^/+", ""));
            // Slurm first: a coordinator that has left the queue has written its last journal line before the copy
            SlurmJobState state = jobId == null ? null : SlurmJobState.query(ssh, profile, jobId, QUERY_TIMEOUT);
            Set<String> present = SearchMirror.copy(ssh, searchFolder, dir);
            out.println(state == null ? "Coordinator job on " + cluster + ": unknown (no launch record names it)"
                    : "Coordinator job " + jobId + " on " + cluster + ": " + state.describe());
            out.println("Mirror of " + searchFolder + ": " + dir);
            if (!present.contains(Journal.FILE_NAME)) {
                out.println("No journal yet in " + searchFolder + ": the coordinator has not started the search.");
                printLogTail(ssh, searchFolder + ".coordinator.log");
                out.flush();
                return state != null && state.queued() ? ExitCodes.OK : ExitCodes.FAILURE;
            }
            out.flush();
            String notEnded = state != null && state.queued() ? "its coordinator job is in the queue"
                    : "its coordinator is not in the queue; on the cluster: hpsearch resume " + searchFolder;
            return summary.print(dir, cluster + ":" + searchFolder, notEnded);
        } catch (SshBridgeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }

    /** The search folder that a folder on the cluster names: itself, or the latest search of a project folder. */
    private String findSearch(SshSession ssh, String path) throws SshBridgeException {
        String abs = ssh.absolutePath(path);
        if (!ssh.exists(abs)) {
            err.println("error: " + path + " is neither a local project folder that recorded a detached launch in"
                    + " launched_hp_searches.txt nor a folder on " + cluster + " (" + ssh.host() + ")");
            return null;
        }
        if (SEARCH_DIR.matcher(abs.substring(abs.lastIndexOf('/') + 1)).matches()) {
            return abs;
        }
        int latest = -1;
        for (RemoteFile f : ssh.list(abs)) {
            Matcher m = SEARCH_DIR.matcher(f.name());
            if (f.directory() && m.matches()) {
                latest = Math.max(latest, Integer.parseInt(m.group(1)));
            }
        }
        if (latest < 0) {
            err.println("error: " + abs + " on " + cluster + " holds no hp_search_{id} folder");
            return null;
        }
        return abs + "/hp_search_" + latest;
    }

    /** The coordinator's job id from the records on the cluster (the coordinator records its own), or null. */
    private static String coordinatorOnCluster(SshSession ssh, String searchFolder) throws SshBridgeException {
        String records = searchFolder.substring(0, searchFolder.lastIndexOf('/')) + "/" + LaunchRecords.FILE_NAME;
        if (!ssh.exists(records)) {
            return null;
        }
        DetachedLaunches.Launch l = latestDetached(new String(ssh.read(records), StandardCharsets.UTF_8), searchFolder);
        return l == null ? null : l.jobId();
    }

    /**
     * The latest row of a launched_hp_searches.txt that is a detached launch (a slurm_command), or, with
     * {@code searchFolder}, the latest row about that folder whose job id is a Slurm job id.
     */
    private static DetachedLaunches.Launch latestDetached(String records, String searchFolder) {
        List<DetachedLaunches.Launch> all = DetachedLaunches.parse(records, searchFolder);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }

    private void printLogTail(SshSession ssh, String log) throws SshBridgeException {
        if (!ssh.exists(log)) {
            return;
        }
        String[] lines = new String(ssh.read(log), StandardCharsets.UTF_8).split("\n");
        out.println("Last lines of " + log + ":");
        for (int i = Math.max(0, lines.length - 20); i < lines.length; i++) {
            out.println("  " + lines[i]);
        }
    }
}
