package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.service.DetachedTarget;
import dev.hpsearch.app.service.UserFacingException;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * {@code hpsearch status --cluster}: finds a detached search on the cluster, copies what its summary needs (the
 * journal, the config copies, hp_search_data.txt and the search log) into a local mirror, asks Slurm about its
 * coordinator job, and lets {@link StatusCommand} print the mirror as it prints a local search.
 */
final class RemoteStatus {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    /** Prints the summary of a (mirrored) search folder under a display name; returns the exit status. */
    interface Summary {
        int print(Path searchDir, String name, String notEnded);
    }

    private final String cluster;
    private final Path clustersFile;
    private final Path mirror;
    private final Integer log;
    private final PrintWriter out;
    private final PrintWriter err;

    RemoteStatus(String cluster, Path clustersFile, Path mirror, Integer log, PrintWriter out, PrintWriter err) {
        this.log = log;
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
    int show(Path where, Summary summary) throws IOException, UserFacingException {
        ClusterProfile profile;
        try {
            profile = SearchExecutors.profiles(clustersFile).require(cluster);
        } catch (ClusterProfileException e) {
            err.println("error: --cluster: " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        DetachedLaunches.Launch launched = DetachedTarget.localLaunch(where);
        SshSession opened;
        try {
            opened = ClusterContact.open(profile, ProfileSource.flag().withRunHere(null),
                    SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), new TerminalPrompts(err));
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        }
        try (SshSession ssh = opened) {
            DetachedTarget target = DetachedTarget.find(ssh, where, launched, cluster);
            String searchFolder = target.searchFolder();
            String jobId = target.jobId();
            Path localProject = target.localProject();
            Path dir = target.mirror(cluster, mirror);
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
            if (log != null) {
                Path copied = SearchMirror.copyLog(ssh, searchFolder, dir, log);
                if (copied == null) {
                    out.println("Combination " + log + " has no log.txt on " + cluster + " (yet)");
                } else {
                    List<String> lines = Files.readAllLines(copied, StandardCharsets.UTF_8);
                    out.println("log.txt of combination " + log + " (copied to " + copied + "), last lines:");
                    lines.subList(Math.max(0, lines.size() - 40), lines.size()).forEach(l -> out.println("  " + l));
                }
            }
            out.flush();
            String notEnded = state != null && state.queued() ? "its coordinator job is in the queue"
                    : "its coordinator is not in the queue; continue it with: hpsearch launch --resume --cluster "
                    + cluster + " " + (localProject != null ? localProject : searchFolder);
            return summary.print(dir, cluster + ":" + searchFolder, notEnded);
        } catch (SshBridgeException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.FAILURE;
        }
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
