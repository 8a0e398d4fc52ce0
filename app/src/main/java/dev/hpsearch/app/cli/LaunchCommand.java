package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.HandOver;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.time.Duration;
import java.util.Set;
import dev.hpsearch.app.remote.DetachedLaunch;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hpsearch launch}: the seed's {@code launch_hp_search.py}. The coordinator itself becomes a Slurm job, so
 * the search goes on with the laptop closed; see docs/decisions/0004-detached-coordinator-on-the-cluster.md.
 */
@Command(name = "launch", mixinStandardHelpOptions = true,
        description = {"Submits the search's coordinator as a Slurm job on a cluster (detached mode) and returns.",
                "Uploads this hpsearch (a self-contained jar, once per version), the three configs and the script to "
                        + "{remote_root}/{project folder name}/ on the cluster; the job gets search_time, search_memory "
                        + "and runs search_environment_path (a Java 17+; default: java).",
                "Records the job in the project's launched_hp_searches.txt. Watch it with: hpsearch status --cluster NAME PROJECT_FOLDER",
                "With --resume SEARCH: submits the coordinator again for a stopped detached search (or hands a search "
                        + "started here, given as its hp_search_N folder, over to the cluster)."})
final class LaunchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Either a new search from three configs, or {@code --resume} of a search on the cluster. */
    static final class Mode {
        @ArgGroup(exclusive = false)
        ConfigPaths paths;

        @Option(names = "--resume", paramLabel = "SEARCH", description = {
                "Submit the coordinator again for a detached search that was stopped or whose coordinator died: "
                        + "SEARCH is the local project folder it was launched from (its latest launch), or a project "
                        + "or search folder on the cluster. Nothing finished runs again; runs still going are adopted."})
        Path resume;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode = new Mode();

    ConfigPaths paths;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "The cluster profile to launch on (default: job_config's \"cluster\").")
    String cluster;

    @Option(names = "--clusters-file", paramLabel = "FILE",
            description = "Cluster profiles file (default: ~/.config/hpsearch/clusters.json).")
    Path clustersFile;

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The self-contained hpsearch jar to run on the cluster (default: the jar this hpsearch runs from).")
    Path jar;

    /** The profile file {@code launch} leaves in a project folder on the cluster, for the coordinator and resume. */
    static Path launchedProfiles(Path projectFolder) {
        return DetachedLaunch.launchedProfiles(projectFolder);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (mode.resume != null) {
            return resume(out, err);
        }
        paths = mode.paths;
        Configs configs = paths.loadReporting(err);
        if (configs == null) {
            return ExitCodes.CONFIG;
        }
        String where = cluster != null ? cluster : configs.job().cluster();
        if (Executors.isLocal(where)) {
            err.println("error: launch runs the search on a cluster: give --cluster NAME or set \"cluster\" in "
                    + paths.job + " (for this machine use hpsearch run)");
            return ExitCodes.CONFIG;
        }
        ClusterProfile profile;
        try {
            profile = Executors.profiles(clustersFile).require(where);
        } catch (ClusterProfileException e) {
            err.println("error: " + (cluster != null ? "--cluster" : paths.job + ": $.cluster") + ": " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }
        Path project = configs.projectFolder();
        String missing = DetachedLaunch.missingScript(configs, paths.job);
        if (missing != null) {
            err.println("error: " + missing);
            return ExitCodes.CONFIG;
        }
        Path jarFile;
        try {
            jarFile = DetachedLaunch.selfContainedJar(jar);
        } catch (IOException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }

        try {
            DetachedLaunch.Submitted s = DetachedLaunch.submit(configs, paths.search, paths.job, paths.model, profile,
                    jarFile, ProfileSource.commandLine(cluster, paths.job).withRunHere("hpsearch run --cluster local"),
                    SearchExecutors.profilesFile(clustersFile), new TerminalPrompts(err));
            out.println("Submitted coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host() + ")");
            printRuntime(out, s);
            out.println("Search folder on the cluster: " + s.searchFolder());
            out.println("Coordinator output: " + s.log());
            out.println("Recorded in: " + s.record());
            out.println("Watch it with: hpsearch status --cluster " + s.profile()
                    + (clustersFile != null ? " --clusters-file " + clustersFile : "") + " " + project);
            out.flush();
            return ExitCodes.OK;
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        } catch (SshBridgeException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.FAILURE;
        }
    }

    private static void printRuntime(PrintWriter out, DetachedLaunch.Submitted s) {
        if (s.runtime() != null) {
            out.println("The cluster's java is older than 17 or missing: the coordinator runs " + s.runtime()
                    + " (a Java runtime uploaded for it)");
        }
    }

    /** {@code launch --resume}: a new coordinator job for a search already on the cluster. */
    private int resume(PrintWriter out, PrintWriter err) throws Exception {
        if (cluster == null) {
            err.println("error: --resume needs --cluster NAME: the cluster the search is on");
            return ExitCodes.CONFIG;
        }
        ClusterProfile profile;
        try {
            profile = Executors.profiles(clustersFile).require(cluster);
        } catch (ClusterProfileException e) {
            err.println("error: --cluster: " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }
        Path jarFile;
        try {
            jarFile = DetachedLaunch.selfContainedJar(jar);
        } catch (IOException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }
        Path local = mode.resume;
        if (Files.isRegularFile(local.resolve(Journal.FILE_NAME)) && Files.isRegularFile(local.resolve(SearchFiles.META))) {
            return handOver(profile, jarFile, out, err);
        }
        DetachedLaunches.Launch launched = DetachedTarget.localLaunch(mode.resume);
        try (SshSession ssh = ClusterContact.open(profile, ProfileSource.flag().withRunHere(null),
                SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), new TerminalPrompts(err))) {
            DetachedTarget target = DetachedTarget.find(ssh, mode.resume, launched, cluster, err);
            if (target == null) {
                return ExitCodes.FAILURE;
            }
            if (target.jobId() != null) {
                SlurmJobState state = SlurmJobState.query(ssh, profile, target.jobId(), Duration.ofSeconds(60));
                if (state.queued()) {
                    err.println("error: the coordinator job " + target.jobId() + " of " + target.searchFolder() + " on "
                            + cluster + " is still in the queue (" + state.describe() + "); stop it first: hpsearch stop"
                            + " --cluster " + cluster + " " + mode.resume);
                    return ExitCodes.FAILURE;
                }
            }
            Path mirror = target.mirror(cluster, null);
            Set<String> present = SearchMirror.copy(ssh, target.searchFolder(), mirror);
            if (!present.contains(Journal.FILE_NAME) || !present.contains(SearchFiles.META)) {
                err.println("error: " + target.searchFolder() + " on " + cluster + " holds no started search (no "
                        + Journal.FILE_NAME + " or " + SearchFiles.META + "); launch it anew instead");
                return ExitCodes.FAILURE;
            }
            Configs configs;
            try {
                configs = SearchFiles.load(mirror);
            } catch (ConfigException e) {
                return Console.configError(err, e);
            }
            if (!SearchFiles.coordinatorOnCluster(mirror)) {
                err.println("error: " + target.searchFolder() + " on " + cluster + " was not started by launch (its "
                        + SearchFiles.META + " says the coordinator ran elsewhere)");
                return ExitCodes.FAILURE;
            }
            DetachedLaunch.Submitted s = DetachedLaunch.resume(ssh, profile, configs, target.searchFolder(), jarFile,
                    target.localProject());
            out.println("Submitted coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host()
                    + ") to resume " + s.searchFolder());
            printRuntime(out, s);
            out.println("Coordinator output: " + s.log());
            if (s.record() != null) {
                out.println("Recorded in: " + s.record());
            }
            out.println("Watch it with: hpsearch status --cluster " + s.profile()
                    + (clustersFile != null ? " --clusters-file " + clustersFile : "") + " " + mode.resume);
            out.flush();
            return ExitCodes.OK;
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        } catch (SshBridgeException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.FAILURE;
        }
    }

    /** {@code launch --resume} of a search folder on this machine: the search goes on on the cluster. */
    private int handOver(ClusterProfile profile, Path jarFile, PrintWriter out, PrintWriter err) throws Exception {
        try (SshSession ssh = ClusterContact.open(profile, ProfileSource.flag().withRunHere(null),
                SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), new TerminalPrompts(err))) {
            DetachedLaunch.Submitted s = HandOver.toCluster(ssh, profile, mode.resume, jarFile);
            out.println("Handed " + mode.resume.toAbsolutePath().normalize() + " over to the cluster: submitted"
                    + " coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host() + ") to resume "
                    + s.searchFolder());
            printRuntime(out, s);
            out.println("Coordinator output: " + s.log());
            out.println("Watch it with: hpsearch status --cluster " + s.profile()
                    + (clustersFile != null ? " --clusters-file " + clustersFile : "") + " "
                    + mode.resume.toAbsolutePath().normalize().getParent());
            out.flush();
            return ExitCodes.OK;
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        } catch (ConfigException e) {
            return Console.configError(err, e);
        } catch (IOException e) {
            err.println("error: " + IoErrors.describe(e));
            return e instanceof SshBridgeException ? ExitCodes.FAILURE : ExitCodes.CONFIG;
        }
    }
}
