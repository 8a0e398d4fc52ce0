package dev.hpsearch.app.remote;

import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.ssh.slurm.SlurmExecutor;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.RemoteFile;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A local copy of what a search folder on the cluster needs for its summary and dashboard: the journal, the
 * config copies, search.json, hp_search_data.txt and the search log (not the combination folders). The journal
 * stays the truth on the cluster; the mirror is refreshed by copying again.
 */
public final class SearchMirror {
    /** The files copied, the journal last so that it is never older than the rest. */
    public static final List<String> MIRRORED = List.of(SearchFiles.SEARCH_CONFIG, SearchFiles.JOB_CONFIG,
            SearchFiles.MODEL_CONFIG, SearchFiles.META, DataTable.FILE_NAME, "log.txt", Journal.FILE_NAME);

    private SearchMirror() {
    }

    /** Where a local project keeps the mirror of its search on a cluster: {@code .hpsearch/mirror/{cluster}/{name}}. */
    public static Path folder(Path localProject, String cluster, String searchName) {
        return localProject.resolve(RemoteProject.HIDDEN).resolve("mirror").resolve(cluster).resolve(searchName);
    }

    /**
     * Copies one combination's log.txt (its last 16 MiB, as the executor copies logs) into
     * {@code dir/hp_combination_{id}/log.txt}, when the cluster has one.
     *
     * @return the local copy, or {@code null} when there is no log on the cluster (yet)
     */
    public static Path copyLog(ClusterShell shell, String searchFolder, Path dir, int combinationId)
            throws SshBridgeException, IOException {
        String name = SearchFolder.combinationName(combinationId);
        String remote = searchFolder + "/" + name + "/log.txt";
        if (!shell.exists(remote)) {
            return null;
        }
        Path local = dir.resolve(name).resolve("log.txt");
        Files.createDirectories(local.getParent());
        shell.download(remote, local, SlurmExecutor.LOG_LIMIT, true);
        return local;
    }

    /**
     * Copies the mirrored files that exist in {@code searchFolder} on the cluster into {@code dir} (created if
     * needed), each replaced atomically.
     *
     * @return the names of the files in the search folder on the cluster (empty when it does not exist)
     */
    public static Set<String> copy(ClusterShell shell, String searchFolder, Path dir) throws SshBridgeException, IOException {
        Set<String> present = new HashSet<>();
        if (shell.exists(searchFolder)) {
            for (RemoteFile f : shell.list(searchFolder)) {
                present.add(f.name());
            }
        }
        Files.createDirectories(dir);
        for (String file : MIRRORED) {
            if (present.contains(file)) {
                shell.download(searchFolder + "/" + file, dir.resolve(file));
            }
        }
        return present;
    }
}
