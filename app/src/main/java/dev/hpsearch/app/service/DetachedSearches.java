package dev.hpsearch.app.service;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunch;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.HandOver;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalCodec;
import dev.hpsearch.optimizer.engine.JournalEvent;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.slurm.CoordinatorJob;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.CommandResult;
import dev.hpsearch.ssh.transport.ShellQuote;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The searches whose coordinator runs on a cluster (decision 0016): stop one, take one over to this machine,
 * submit its coordinator again, hand a search of this machine over to the cluster. Each call opens one SSH
 * session and closes it. From {@link SearchService#detached}.
 */
public final class DetachedSearches {
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);
    private final SearchService service;
    private final Path profilesFile;
    private final SshPrompts prompts;
    private final ProfileSource source;

    DetachedSearches(SearchService service, Path profilesFile, SshPrompts prompts, ProfileSource source) {
        this.service = service;
        this.profilesFile = profilesFile;
        this.prompts = prompts;
        this.source = source;
    }

    /** Work on one open session. */
    private interface OnCluster<T> {
        T run(SshSession ssh, ClusterProfile profile)
                throws IOException, ConfigException, UserFacingException, InterruptedException;
    }

    private <T> T onCluster(RunTarget.Cluster cluster, OnCluster<T> work) throws UserFacingException,
            InterruptedException {
        ClusterProfile profile = service.profile(cluster, "--cluster");
        try (SshSession ssh = ClusterContact.open(profile, source, profilesFile, SshSettings.defaults(), prompts)) {
            return work.run(ssh, profile);
        } catch (UserFacingException | InterruptedException e) {
            throw e;
        } catch (ClusterContactException e) {
            throw new UserFacingException(UserFacingException.Kind.CONNECTION, e.getMessage(), e);
        } catch (ConfigException e) {
            throw SearchService.configError(e);
        } catch (SshBridgeException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, IoErrors.describe(e), e);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
    }

    /**
     * Stops the coordinator of the detached search {@code where} names: through a stop request when it runs,
     * else with scancel (the journal then gets the reason from here).
     *
     * @param where a local project folder (its latest detached launch), or a project or search folder on the
     *              cluster
     */
    public void stop(RunTarget.Cluster cluster, Path where, StopRequest request, Duration wait, Report report)
            throws UserFacingException, InterruptedException {
        DetachedLaunches.Launch launched = localLaunch(where);
        onCluster(cluster, (ssh, profile) -> {
            stop(ssh, profile, DetachedTarget.find(ssh, where, launched, cluster.name()), request, wait, report);
            return null;
        });
    }

    /**
     * Stops the detached coordinator and copies its search into the local project it was launched from, to go on
     * here (its analysis jobs go on and are adopted).
     *
     * @return the local search folder
     */
    public Path takeOver(RunTarget.Cluster cluster, Path projectFolder, StopRequest request, Report report)
            throws UserFacingException, InterruptedException {
        DetachedLaunches.Launch launched = localLaunch(projectFolder);
        if (launched == null) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, projectFolder + " is not a local project"
                    + " folder that recorded a detached launch in " + LaunchRecords.FILE_NAME + " (resume --cluster takes"
                    + " a search over into the project it was launched from)");
        }
        return onCluster(cluster, (ssh, profile) -> {
            DetachedTarget target = DetachedTarget.find(ssh, projectFolder, launched, cluster.name());
            stop(ssh, profile, target, request, Duration.ofMinutes(5), report);
            Path dir = HandOver.toLaptop(ssh, profile, target.searchFolder(), target.localProject());
            report.say("Took " + cluster.name() + ":" + target.searchFolder() + " over into " + dir);
            return dir;
        });
    }

    /**
     * Submits the coordinator again for a detached search that was stopped or whose coordinator died.
     *
     * @param where a local project folder (its latest detached launch), or a project or search folder on the
     *              cluster
     */
    public DetachedLaunch.Submitted relaunch(RunTarget.Cluster cluster, Path where, Path jar)
            throws UserFacingException, InterruptedException {
        DetachedLaunches.Launch launched = localLaunch(where);
        String name = cluster.name();
        return onCluster(cluster, (ssh, profile) -> {
            DetachedTarget target = DetachedTarget.find(ssh, where, launched, name);
            if (target.jobId() != null) {
                SlurmJobState state = SlurmJobState.query(ssh, profile, target.jobId(), QUERY_TIMEOUT);
                if (state.queued()) {
                    throw failure("the coordinator job " + target.jobId() + " of " + target.searchFolder() + " on "
                            + name + " is still in the queue (" + state.describe() + "); stop it first: hpsearch stop"
                            + " --cluster " + name + " " + where);
                }
            }
            Path mirror = target.mirror(name, null);
            Set<String> present = SearchMirror.copy(ssh, target.searchFolder(), mirror);
            if (!present.contains(Journal.FILE_NAME) || !present.contains(SearchFiles.META)) {
                throw failure(target.searchFolder() + " on " + name + " holds no started search (no "
                        + Journal.FILE_NAME + " or " + SearchFiles.META + "); launch it anew instead");
            }
            Configs configs = SearchFiles.load(mirror);
            if (!SearchFiles.coordinatorOnCluster(mirror)) {
                throw failure(target.searchFolder() + " on " + name + " was not started by launch (its "
                        + SearchFiles.META + " says the coordinator ran elsewhere)");
            }
            return DetachedLaunch.resume(ssh, profile, configs, target.searchFolder(), jar, target.localProject());
        });
    }

    /** Hands a search folder of this machine over to the cluster: its coordinator goes on there. */
    public DetachedLaunch.Submitted handOver(RunTarget.Cluster cluster, Path searchDir, Path jar)
            throws UserFacingException, InterruptedException {
        return onCluster(cluster, (ssh, profile) -> HandOver.toCluster(ssh, profile, searchDir, jar));
    }

    private static DetachedLaunches.Launch localLaunch(Path where) throws UserFacingException {
        try {
            return DetachedTarget.localLaunch(where);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
    }

    private static UserFacingException failure(String message) {
        return new UserFacingException(UserFacingException.Kind.FAILURE, message);
    }

    /** Stops the coordinator of {@code target}: through the request when it runs, else with scancel. */
    private static void stop(SshSession ssh, ClusterProfile profile, DetachedTarget target, StopRequest request,
                             Duration wait, Report report)
            throws IOException, UserFacingException, InterruptedException {
        String cluster = profile.name();
        String jobId = target.jobId();
        SlurmJobState state = jobId == null ? null : SlurmJobState.query(ssh, profile, jobId, QUERY_TIMEOUT);
        boolean byCoordinator = false;
        if (state != null && state.queued() && "RUNNING".equals(state.state())) {
            ssh.upload(request.bytes(), target.searchFolder() + "/" + StopRequest.FILE_NAME);
            report.say("Asked coordinator job " + jobId + " on " + cluster + " to stop: " + request.reason());
            state = waitForEnd(ssh, profile, jobId, wait);
            byCoordinator = !state.queued();
        }
        if (state != null && state.queued()) {
            // queued, not started, or not answering: Slurm stops it, and the journal gets the reason from here
            CommandResult r = ssh.execIdempotent(CoordinatorJob.cancelCommand(profile, List.of(jobId)), QUERY_TIMEOUT);
            if (!r.ok()) {
                throw failure("cannot cancel coordinator job " + jobId + " on " + cluster + " " + r.describe());
            }
            state = waitForEnd(ssh, profile, jobId, Duration.ofMinutes(1));
            report.say("Cancelled coordinator job " + jobId + " on " + cluster + " (" + state.describe() + ")");
        } else if (!byCoordinator) {
            report.say(state == null ? "No coordinator job of " + target.searchFolder() + " is recorded on " + cluster
                    : "Coordinator job " + jobId + " on " + cluster + " is not running (" + state.describe() + ")");
        }
        ssh.remove(target.searchFolder() + "/" + StopRequest.FILE_NAME);
        if (!byCoordinator) {
            recordHere(ssh, profile, target, request, report);
        }
        Path mirror = target.mirror(cluster, null);
        SearchMirror.copy(ssh, target.searchFolder(), mirror);
        if (java.nio.file.Files.isRegularFile(mirror.resolve(Journal.FILE_NAME))) {
            SearchState s = SearchState.replay(Journal.read(mirror));
            report.say(s.endReason() != null ? "Ended: " + s.endReason()
                    : s.stopReason() != null ? "Stopped: " + s.stopReason() + " (" + s.count(TrialStatus.RUNNING)
                    + " analysis job(s) left running)"
                    : "Not ended");
        }
    }

    /** Asks Slurm once a second until the job has left the queue or {@code wait} is over; the last answer. */
    private static SlurmJobState waitForEnd(SshSession ssh, ClusterProfile profile, String jobId, Duration wait)
            throws SshBridgeException, InterruptedException {
        long deadline = System.currentTimeMillis() + wait.toMillis();
        SlurmJobState state;
        while ((state = SlurmJobState.query(ssh, profile, jobId, QUERY_TIMEOUT)).queued()
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
        }
        return state;
    }

    /**
     * Without a coordinator to write it: appends the stop to the journal (one line, appended by the shell in one
     * write), and with cancelJobs cancels the analysis jobs the journal knows as running.
     */
    private static void recordHere(SshSession ssh, ClusterProfile profile, DetachedTarget target, StopRequest request,
                                   Report report) throws IOException {
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
            report.say("Cancelled " + jobs.size() + " analysis job(s): " + String.join(" ", jobs)
                    + (r.ok() ? "" : " (scancel: " + r.describe() + ")"));
        }
        JournalEvent event = new JournalEvent.Stop(System.currentTimeMillis(),
                request.reason() + (request.cancelJobs() ? "; analysis jobs cancelled" : ""),
                request.cancelJobs() ? 0 : jobs.size(), "hpsearch stop");
        CommandResult r = ssh.exec(ShellQuote.join("bash", "-c", "printf '%s\\n' \"$1\" >> \"$2\"", "hpsearch-stop",
                JournalCodec.encode(event), journal), QUERY_TIMEOUT);
        if (!r.ok()) {
            report.warn("cannot record the stop in " + journal + " " + r.describe());
        }
    }
}
