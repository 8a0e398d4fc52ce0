package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalCodec;
import dev.hpsearch.optimizer.engine.JournalEvent;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.slurm.CoordinatorJob;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ShellQuote;
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

/**
 * {@code hpsearch stop --cluster}: stops a detached search's coordinator. It leaves a {@link StopRequest} in the
 * search folder, which the coordinator takes within a second and acts on, recording why in the journal; a
 * coordinator that is still queued, or that does not answer in time, is cancelled with scancel and the reason
 * appended to the journal from here (no coordinator writes it then).
 */
@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stops the coordinator of a detached search (one started by hpsearch launch) on the cluster "
                + "--cluster NAME names (required).",
                "Its analysis jobs go on (a later launch --resume or resume --cluster adopts them), or with "
                        + "--cancel-jobs are cancelled too and the search ends. The journal records why.",
                "SEARCH is the local project folder it was launched from (its latest launch), or a project or search "
                        + "folder on the cluster."})
final class StopCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEARCH", description = "The search (see above).")
    Path where;

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

    @Option(names = "--cancel-jobs", description = "Cancel the search's analysis jobs too; the search then ends.")
    boolean cancelJobs;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why, for the journal (default: who stopped it, from where).")
    String reason;

    @Option(names = "--wait", paramLabel = "SECONDS", defaultValue = "300",
            description = "How long to wait for the coordinator to stop before it is cancelled (default: ${DEFAULT-VALUE}).")
    long waitSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunTarget.Cluster cluster = clusters.requireCluster("stop needs --cluster NAME: the cluster the search runs on");
        String why = reason != null && !reason.isBlank() ? reason.strip()
                : "stopped by hpsearch stop" + (cancelJobs ? " --cancel-jobs" : "") + " (" + System.getProperty("user.name")
                + "@" + hostName() + ")";
        clusters.detached(err).stop(cluster, where, new StopRequest(cancelJobs, why),
                Duration.ofSeconds(Math.max(1, waitSeconds)), new TerminalReport(out, err));
        return ExitCodes.OK;
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "this machine";
        }
    }
}
