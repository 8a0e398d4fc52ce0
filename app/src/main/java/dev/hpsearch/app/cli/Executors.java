package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.PrintWriter;
import java.nio.file.Path;

/** The command line's view of {@link SearchExecutors}: SSH asks its questions on the terminal. */
final class Executors {
    private Executors() {
    }

    static boolean isLocal(String cluster) {
        return SearchExecutors.isLocal(cluster);
    }

    /** The user's cluster profiles (the seed's presets plus their own file). */
    static ClusterProfiles profiles(Path clustersFile) throws ClusterProfileException {
        return SearchExecutors.profiles(clustersFile);
    }

    /** Opens the executor for {@code cluster}; see {@link SearchExecutors#open}. */
    static SearchExecutors.Opened open(String cluster, ProfileSource source, boolean onCluster, Path clustersFile,
                                       Path projectFolder, PrintWriter err)
            throws ClusterProfileException, SshBridgeException {
        return SearchExecutors.open(cluster, source, onCluster, clustersFile, projectFolder, new TerminalPrompts(err));
    }
}
