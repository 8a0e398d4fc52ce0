package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.service.DetachedSearches;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.SearchService;
import dev.hpsearch.app.service.UserFacingException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --cluster} and {@code --clusters-file}, the same in every command that reaches a cluster. */
final class ClusterOptions {
    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster profile (see the command's description); \"local\" for this machine.")
    String cluster;

    @Option(names = "--clusters-file", paramLabel = "FILE",
            description = "Cluster profiles file (default: ~/.config/hpsearch/clusters.json).")
    Path clustersFile;

    /** The target {@code --cluster} names, parsed once; empty when it was not given. */
    Optional<RunTarget> target() {
        return cluster == null ? Optional.empty() : Optional.of(RunTarget.parse(cluster));
    }

    /** The cluster {@code --cluster} names; a user error when it was not given or names this machine. */
    RunTarget.Cluster requireCluster(String why) throws UserFacingException {
        RunTarget t = RunTarget.parse(cluster);
        if (t instanceof RunTarget.Cluster c) {
            return c;
        }
        throw new UserFacingException(UserFacingException.Kind.CONFIG, why);
    }

    /** The run service, asking SSH's questions on the terminal. */
    SearchService service(PrintWriter err) {
        return SearchService.withClusters(clustersFile, new TerminalPrompts(err), null);
    }

    /** The service with the jar a detached coordinator runs ({@code null}: the one this runs from). */
    SearchService service(PrintWriter err, Path jar) {
        return SearchService.withClusters(clustersFile, new TerminalPrompts(err), jar);
    }

    /** The calls on detached searches, on the cluster {@code --cluster} names. */
    DetachedSearches detached(PrintWriter err) {
        return service(err).detached(ProfileSource.flag().withRunHere(null));
    }

    /** As {@link #detached(PrintWriter)}, with the jar a coordinator runs. */
    DetachedSearches detached(PrintWriter err, Path jar) {
        return service(err, jar).detached(ProfileSource.flag().withRunHere(null));
    }

    /** The options again, for a command line the user is told to run next. */
    String repeat(String profile) {
        return "--cluster " + profile + (clustersFile != null ? " --clusters-file " + clustersFile : "");
    }
}
