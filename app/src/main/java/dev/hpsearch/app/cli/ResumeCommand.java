package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.app.service.PreparedSearch;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.SearchService;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpsearch resume}: continues a search after its coordinator was stopped or killed. */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = {"Continues a search whose coordinator was stopped, killed or interrupted.",
                "--cluster NAME takes over a detached search from this cluster: its coordinator is stopped (its analysis"
                        + " jobs go on), the search is copied into the local project and continues here, adopting those"
                        + " jobs. SEARCH_DIR is then the local project folder it was launched from (its latest launch).",
                "Finished results are kept; runs still going are adopted; runs that died are re-run; "
                        + "no combination id is reused. search_time counts again from the resume."})
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEARCH_DIR", description = "The hp_search_{id} folder (see --cluster).")
    Path searchDir;

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

    @Option(names = {"--quiet", "-q"}, description = "No progress line.")
    boolean quiet;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (clusters.cluster != null) {
            takeOver(out, err);
        }
        String slurmJob = System.getenv("SLURM_JOB_ID");
        Path dir = searchDir.toAbsolutePath().normalize();
        // a coordinator job started by launch --resume records itself, so status and stop find the latest one
        boolean job = slurmJob != null && !slurmJob.isBlank();
        PreparedSearch prepared = clusters.service(err).prepareResume(dir, new SearchService.Resume(false,
                slurmJob, job ? "hpsearch resume " + dir : null), RunCommand.problemsTo(err));
        return SearchRunner.run(prepared, out, err, quiet);
    }

    /** Stops the detached coordinator and copies its search here; {@link #searchDir} then names the local copy. */
    private void takeOver(PrintWriter out, PrintWriter err) throws Exception {
        RunTarget.Cluster cluster = clusters.requireCluster(
                "--cluster names this machine: resume --cluster takes a search over from a cluster");
        StopRequest request = new StopRequest(false, "taken over by hpsearch resume --cluster on "
                + System.getProperty("user.name") + "@" + StopCommand.hostName());
        searchDir = clusters.detached(err).takeOver(cluster, searchDir, request, new TerminalReport(out, err));
    }
}
