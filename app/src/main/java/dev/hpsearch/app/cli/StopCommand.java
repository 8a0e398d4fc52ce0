package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.remote.StopRequest;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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
        description = {"Stops the coordinator of a detached search (one started by hpsearch launch).",
                "Its analysis jobs go on (a later launch --resume or resume --cluster adopts them), or with "
                        + "--cancel-jobs are cancelled too and the search ends. The journal records why.",
                "SEARCH is the local project folder it was launched from (its latest launch), or a project or search "
                        + "folder on the cluster."})
final class StopCommand implements Callable<Integer> {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEARCH", description = "The search (see above).")
    Path where;

    @Option(names = "--cluster", required = true, paramLabel = "NAME", description = "The cluster the search runs on.")
    String cluster;

    @Option(names = "--clusters-file", paramLabel = "FILE",
            description = "Cluster profiles file (default: ~/.config/hpsearch/clusters.json).")
    Path clustersFile;

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
        ClusterProfile profile;
        try {
            profile = Executors.profiles(clustersFile).require(cluster);
        } catch (ClusterProfileException e) {
            err.println("error: --cluster: " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }
        String why = reason != null && !reason.isBlank() ? reason.strip()
                : "stopped by hpsearch stop" + (cancelJobs ? " --cancel-jobs" : "") + " (" + System.getProperty("user.name")
                + "@" + hostName() + ")";
        StopRequest request = new StopRequest(cancelJobs, why);
        DetachedLaunches.Launch launched = DetachedTarget.localLaunch(where);
        try (SshSession ssh = ClusterContact.open(profile, ProfileSource.flag().withRunHere(null),
                SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), new TerminalPrompts(err))) {
            DetachedTarget target = DetachedTarget.find(ssh, where, launched, cluster, err);
            if (target == null) {
                return ExitCodes.FAILURE;
            }
            int stopped = stop(ssh, profile, target, request, Duration.ofSeconds(Math.max(1, waitSeconds)), out, err);
            out.flush();
            return stopped;
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        } catch (SshBridgeException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.FAILURE;
        }
    }

    /**
     * Stops the coordinator of {@code target}: through the request when it runs, else with scancel. Also used by
     * {@code resume --cluster} before it takes a search over.
     */
    static int stop(SshSession ssh, ClusterProfile profile, DetachedTarget target, StopRequest request,
                    Duration wait, PrintWriter out, PrintWriter err) throws Exception {
        String cluster = profile.name();
        String jobId = target.jobId();
        SlurmJobState state = jobId == null ? null : SlurmJobState.query(ssh, profile, jobId, QUERY_TIMEOUT);
        boolean byCoordinator = false;
        if (state != null && state.queued() && "RUNNING".equals(state.state())) {
            ssh.upload(request.bytes(), target.searchFolder() + "/" + StopRequest.FILE_NAME);
            out.println("Asked coordinator job " + jobId + " on " + cluster + " to stop: " + request.reason());
            out.flush();
            long deadline = System.currentTimeMillis() + wait.toMillis();
            while ((state = SlurmJobState.query(ssh, profile, jobId, QUERY_TIMEOUT)).queued()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(1000);
            }
            byCoordinator = !state.queued();
        }
        if (state != null && state.queued()) {
            // queued, not started, or not answering: Slurm stops it, and the journal gets the reason from here
            CommandResult r = ssh.execIdempotent(CoordinatorJob.cancelCommand(profile, List.of(jobId)), QUERY_TIMEOUT);
            if (!r.ok()) {
                err.println("error: cannot cancel coordinator job " + jobId + " on " + cluster + " " + r.describe());
                return ExitCodes.FAILURE;
            }
            long deadline = System.currentTimeMillis() + 60_000;
            while ((state = SlurmJobState.query(ssh, profile, jobId, QUERY_TIMEOUT)).queued()
                    && System.currentTimeMillis() < deadline) {
                Thread.sleep(1000);
            }
            out.println("Cancelled coordinator job " + jobId + " on " + cluster + " (" + state.describe() + ")");
        } else if (!byCoordinator) {
            out.println(state == null ? "No coordinator job of " + target.searchFolder() + " is recorded on " + cluster
                    : "Coordinator job " + jobId + " on " + cluster + " is not running (" + state.describe() + ")");
        }
        ssh.remove(target.searchFolder() + "/" + StopRequest.FILE_NAME);
        if (!byCoordinator) {
            recordHere(ssh, profile, target, request, out, err);
        }
        Path mirror = target.mirror(cluster, null);
        SearchMirror.copy(ssh, target.searchFolder(), mirror);
        if (Files.isRegularFile(mirror.resolve(Journal.FILE_NAME))) {
            SearchState s = SearchState.replay(Journal.read(mirror));
            out.println(s.endReason() != null ? "Ended: " + s.endReason()
                    : s.stopReason() != null ? "Stopped: " + s.stopReason() + " (" + s.count(TrialStatus.RUNNING)
                    + " analysis job(s) left running)"
                    : "Not ended");
        }
        return ExitCodes.OK;
    }

    /**
     * Without a coordinator to write it: appends the stop to the journal (one line, appended by the shell in one
     * write), and with --cancel-jobs cancels the analysis jobs the journal knows as running.
     */
    private static void recordHere(SshSession ssh, ClusterProfile profile, DetachedTarget target, StopRequest request,
                                   PrintWriter out, PrintWriter err) throws Exception {
        String journal = target.searchFolder() + "/" + Journal.FILE_NAME;
        if (!ssh.exists(journal)) {
            return;
        }
        Path mirror = target.mirror(profile.name(), null);
        SearchMirror.copy(ssh, target.searchFolder(), mirror);
        SearchState state = SearchState.replay(Journal.read(mirror));
        if (state.endReason() != null) {
            return;
        }
        List<String> jobs = new ArrayList<>();
        for (TrialRecord t : state.trials()) {
            if (!t.status().isFinished() && t.isSubmitted()) {
                jobs.add(t.jobId());
            }
        }
        if (request.cancelJobs() && !jobs.isEmpty()) {
            CommandResult r = ssh.execIdempotent(CoordinatorJob.cancelCommand(profile, jobs), QUERY_TIMEOUT);
            out.println("Cancelled " + jobs.size() + " analysis job(s): " + String.join(" ", jobs)
                    + (r.ok() ? "" : " (scancel: " + r.describe() + ")"));
        }
        JournalEvent event = new JournalEvent.Stop(System.currentTimeMillis(),
                request.reason() + (request.cancelJobs() ? "; analysis jobs cancelled" : ""),
                request.cancelJobs() ? 0 : jobs.size(), "hpsearch stop");
        CommandResult r = ssh.exec(ShellQuote.join("bash", "-c", "printf '%s\\n' \"$1\" >> \"$2\"", "hpsearch-stop",
                JournalCodec.encode(event), journal), QUERY_TIMEOUT);
        if (!r.ok()) {
            err.println("warning: cannot record the stop in " + journal + " " + r.describe());
        }
    }

    static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "this machine";
        }
    }
}
