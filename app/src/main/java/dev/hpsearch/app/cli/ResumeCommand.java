package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.HandOver;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.time.Duration;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.transport.SshBridgeException;
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

    @Parameters(paramLabel = "SEARCH_DIR", description = "The hp_search_{id} folder (see --cluster).")
    Path searchDir;

    @Option(names = "--cluster", paramLabel = "NAME", description = {
            "Take over a detached search from this cluster: its coordinator is stopped (its analysis jobs go on), the "
                    + "search is copied into the local project and continues here, adopting those jobs. SEARCH_DIR "
                    + "is then the local project folder it was launched from (its latest launch)."})
    String cluster;

    @Option(names = {"--quiet", "-q"}, description = "No progress line.")
    boolean quiet;

    @Option(names = "--clusters-file", paramLabel = "FILE",
            description = "Cluster profiles file (default: ~/.config/hpsearch/clusters.json).")
    Path clustersFile;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (cluster != null) {
            Integer failed = takeOver(out, err);
            if (failed != null) {
                return failed;
            }
        }
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
        String slurmJob = System.getenv("SLURM_JOB_ID");
        if (onCluster && slurmJob != null && !slurmJob.isBlank()) {
            // a coordinator job started by launch --resume records itself, so status and stop find the latest one
            LaunchRecords.append(dir.getParent(), new LaunchRecords.Launch(slurmJob, dir.getParent(), dir,
                    SearchFolder.searchId(dir), dir.resolve("log.txt"), dir.resolve(SearchFiles.SEARCH_CONFIG),
                    dir.resolve(SearchFiles.JOB_CONFIG), dir.resolve(SearchFiles.MODEL_CONFIG), "hpsearch resume " + dir, ""));
        }
        return SearchRunner.run(configs, strategy, dir, cluster, onCluster, opened, out, err, quiet);
    }

    /**
     * Stops the detached coordinator and copies its search here; {@link #searchDir} then names the local copy.
     *
     * @return the exit status when that failed, else {@code null}
     */
    private Integer takeOver(PrintWriter out, PrintWriter err) throws Exception {
        ClusterProfile profile;
        try {
            profile = Executors.profiles(clustersFile).require(cluster);
        } catch (ClusterProfileException e) {
            err.println("error: --cluster: " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }
        DetachedLaunches.Launch launched = DetachedTarget.localLaunch(searchDir);
        if (launched == null) {
            err.println("error: " + searchDir + " is not a local project folder that recorded a detached launch in "
                    + LaunchRecords.FILE_NAME + " (resume --cluster takes a search over into the project it was"
                    + " launched from)");
            return ExitCodes.CONFIG;
        }
        try (SshSession ssh = ClusterContact.open(profile, ProfileSource.flag().withRunHere(null),
                SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), new TerminalPrompts(err))) {
            DetachedTarget target = DetachedTarget.find(ssh, searchDir, launched, cluster, err);
            if (target == null) {
                return ExitCodes.FAILURE;
            }
            StopRequest request = new StopRequest(false, "taken over by hpsearch resume --cluster on "
                    + System.getProperty("user.name") + "@" + StopCommand.hostName());
            int stopped = StopCommand.stop(ssh, profile, target, request, Duration.ofMinutes(5), out, err);
            if (stopped != ExitCodes.OK) {
                return stopped;
            }
            searchDir = HandOver.toLaptop(ssh, profile, target.searchFolder(), target.localProject());
            out.println("Took " + cluster + ":" + target.searchFolder() + " over into " + searchDir);
            out.flush();
            return null;
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        } catch (SshBridgeException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.FAILURE;
        }
    }
}
