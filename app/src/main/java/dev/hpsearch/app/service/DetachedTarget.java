package dev.hpsearch.app.service;

import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.ssh.transport.RemoteFile;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The detached search a command line names: a local project folder (its latest detached launch), or a project or
 * search folder on the cluster (its coordinator then comes from the cluster's launched_hp_searches.txt). Used by
 * {@code status}, {@code stop}, {@code resume --cluster} and {@code launch --resume}.
 *
 * @param searchFolder the search folder on the cluster
 * @param jobId        the latest coordinator job of it, or {@code null} when no record names one
 * @param localProject the local project folder that launched it, or {@code null}
 */
public record DetachedTarget(String searchFolder, String jobId, Path localProject) {
    /** The search folder's name, {@code hp_search_{id}}. */
    public String name() {
        return searchFolder.substring(searchFolder.lastIndexOf('/') + 1);
    }

    /**
     * Where the search is mirrored here: {@code override}, else under the local project folder, else under the
     * temporary folder.
     */
    public Path mirror(String cluster, Path override) {
        return override != null ? override
                : localProject != null ? dev.hpsearch.app.remote.SearchMirror.folder(localProject, cluster, name())
                : Path.of(System.getProperty("java.io.tmpdir"), "hpsearch-mirror-" + System.getProperty("user.name"),
                cluster, searchFolder.replaceFirst("^/+", ""));
    }

    /** The local launch record that {@code where} names, when it is a local project folder with one; else null. */
    public static DetachedLaunches.Launch localLaunch(Path where) throws IOException {
        Path records = where.resolve(LaunchRecords.FILE_NAME);
        if (Files.isDirectory(where) && Files.isRegularFile(records)) {
            return latest(Files.readString(records, StandardCharsets.UTF_8), null);
        }
        return null;
    }

    /**
     * Finds the search {@code where} names.
     *
     * @param launched {@link #localLaunch} of {@code where}
     * @throws UserFacingException when {@code where} names none
     */
    public static DetachedTarget find(SshSession ssh, Path where, DetachedLaunches.Launch launched, String cluster)
            throws SshBridgeException, UserFacingException {
        if (launched != null) {
            // the coordinator may have been launched again from elsewhere (it records itself on the cluster), or
            // launched from here and not started yet: the later of the two, as Slurm's job ids grow
            String job = coordinatorOnCluster(ssh, launched.searchFolder());
            String latest = job == null || Long.parseLong(launched.jobId()) > Long.parseLong(job) ? launched.jobId() : job;
            return new DetachedTarget(launched.searchFolder(), latest, where.toAbsolutePath().normalize());
        }
        String path = where.toString().replace('\\', '/');
        String abs = ssh.absolutePath(path);
        if (!ssh.exists(abs)) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, path + " is neither a local project folder"
                    + " that recorded a detached launch in launched_hp_searches.txt nor a folder on " + cluster + " ("
                    + ssh.host() + ")");
        }
        String folder = abs;
        if (SearchFolder.searchId(abs.substring(abs.lastIndexOf('/') + 1)) < 0) {
            int latest = -1;
            for (RemoteFile f : ssh.list(abs)) {
                if (f.directory()) {
                    latest = Math.max(latest, SearchFolder.searchId(f.name()));
                }
            }
            if (latest < 0) {
                throw new UserFacingException(UserFacingException.Kind.FAILURE, abs + " on " + cluster
                        + " holds no hp_search_{id} folder");
            }
            folder = abs + "/" + SearchFolder.name(latest);
        }
        return new DetachedTarget(folder, coordinatorOnCluster(ssh, folder), null);
    }

    /** The latest coordinator's job id from the records on the cluster (each coordinator records its own), or null. */
    static String coordinatorOnCluster(SshSession ssh, String searchFolder) throws SshBridgeException {
        String records = searchFolder.substring(0, searchFolder.lastIndexOf('/')) + "/" + LaunchRecords.FILE_NAME;
        if (!ssh.exists(records)) {
            return null;
        }
        DetachedLaunches.Launch l = latest(new String(ssh.read(records), StandardCharsets.UTF_8), searchFolder);
        return l == null ? null : l.jobId();
    }

    /**
     * The latest row of a launched_hp_searches.txt that is a detached launch (a slurm_command), or, with
     * {@code searchFolder}, the latest row about that folder whose job id is a Slurm job id.
     */
    private static DetachedLaunches.Launch latest(String records, String searchFolder) {
        List<DetachedLaunches.Launch> all = DetachedLaunches.parse(records, searchFolder);
        return all.isEmpty() ? null : all.get(all.size() - 1);
    }
}
