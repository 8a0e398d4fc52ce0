package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunch;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.HandOver;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.service.ConfigFiles;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

    @Option(names = "--jar", paramLabel = "FILE",
            description = "The self-contained hpsearch jar to run on the cluster (default: the jar this hpsearch runs from).")
    Path jar;

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
        Optional<RunTarget> chosen = clusters.target();
        if (chosen.orElse(RunTarget.parse(configs.job().cluster())).isLocal()) {
            err.println("error: launch runs the search on a cluster: give --cluster NAME or set \"cluster\" in "
                    + paths.job + " (for this machine use hpsearch run)");
            return ExitCodes.CONFIG;
        }
        DetachedLaunch.Submitted s = clusters.service(err, jar).launchDetached(
                new ConfigFiles(paths.search, paths.job, paths.model), configs, chosen,
                ProfileSource.commandLine(clusters.cluster, paths.job).withRunHere("hpsearch run --cluster local"),
                clusters.cluster != null ? "--cluster" : paths.job + ": $.cluster");
        out.println("Submitted coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host() + ")");
        printRuntime(out, s);
        out.println("Search folder on the cluster: " + s.searchFolder());
        out.println("Coordinator output: " + s.log());
        out.println("Recorded in: " + s.record());
        out.println("Watch it with: hpsearch status " + clusters.repeat(s.profile()) + " " + configs.projectFolder());
        out.flush();
        return ExitCodes.OK;
    }

    private static void printRuntime(PrintWriter out, DetachedLaunch.Submitted s) {
        if (s.runtime() != null) {
            out.println("The cluster's java is older than 17 or missing: the coordinator runs " + s.runtime()
                    + " (a Java runtime uploaded for it)");
        }
    }

    /** {@code launch --resume}: a new coordinator job for a search already on the cluster, or one handed over. */
    private int resume(PrintWriter out, PrintWriter err) throws Exception {
        RunTarget.Cluster cluster = clusters.requireCluster("--resume needs --cluster NAME: the cluster the search is on");
        Path jarFile = clusters.service(err, jar).selfContainedJar();
        Path local = mode.resume;
        if (Files.isRegularFile(local.resolve(Journal.FILE_NAME)) && Files.isRegularFile(local.resolve(SearchFiles.META))) {
            // a search folder of this machine: the search goes on on the cluster
            DetachedLaunch.Submitted s = clusters.detached(err).handOver(cluster, local, jarFile);
            out.println("Handed " + local.toAbsolutePath().normalize() + " over to the cluster: submitted"
                    + " coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host() + ") to resume "
                    + s.searchFolder());
            printRuntime(out, s);
            out.println("Coordinator output: " + s.log());
            out.println("Watch it with: hpsearch status " + clusters.repeat(s.profile()) + " "
                    + local.toAbsolutePath().normalize().getParent());
            out.flush();
            return ExitCodes.OK;
        }
        DetachedLaunch.Submitted s = clusters.detached(err).relaunch(cluster, local, jarFile);
        out.println("Submitted coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host()
                + ") to resume " + s.searchFolder());
        printRuntime(out, s);
        out.println("Coordinator output: " + s.log());
        if (s.record() != null) {
            out.println("Recorded in: " + s.record());
        }
        out.println("Watch it with: hpsearch status " + clusters.repeat(s.profile()) + " " + local);
        out.flush();
        return ExitCodes.OK;
    }
}
