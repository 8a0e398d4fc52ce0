package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.ssh.ClusterProfileException;
import dev.hpsearch.ssh.SshBridgeException;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpsearch resume}: continues a search after its coordinator was stopped or killed. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continues a search whose coordinator was stopped, killed or interrupted.",
                "Finished results are kept; runs still going are adopted; runs that died are re-run; "
                        + "no combination id is reused. search_time counts again from the resume."})
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEARCH_DIR", description = "The hp_search_{id} folder.")
    Path searchDir;

    @Option(names = {"--quiet", "-q"}, description = "No progress line.")
    boolean quiet;

    @Option(names = "--clusters-file", paramLabel = "FILE",
            description = "Cluster profiles file (default: ~/.config/hpsearch/clusters.json).")
    Path clustersFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Configs configs;
        try {
            configs = SearchFiles.load(searchDir);
        } catch (ConfigException e) {
            return Console.configError(err, e);
        } catch (java.io.IOException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }
        Path dir = searchDir.toAbsolutePath().normalize();
        boolean onCluster = SearchFiles.coordinatorOnCluster(dir);
        Path profiles = clustersFile;
        if (profiles == null && onCluster && Files.isRegularFile(LaunchCommand.launchedProfiles(dir.getParent()))) {
            profiles = LaunchCommand.launchedProfiles(dir.getParent()); // the profile `launch` left beside the project
        }
        Strategy strategy = SearchRunner.strategy(configs, err);
        if (strategy == null) {
            return ExitCodes.CONFIG;
        }
        String cluster = SearchFiles.cluster(dir);
        SearchExecutors.Opened opened;
        try {
            opened = SearchRunner.connect(cluster, ProfileSource.searchFolder(dir), onCluster, profiles,
                    dir.getParent(), err);
        } catch (ClusterProfileException | SshBridgeException e) {
            return SearchRunner.connectFailed(e, err);
        }
        return SearchRunner.run(configs, strategy, dir, cluster, onCluster, opened, out, err, quiet);
    }
}
