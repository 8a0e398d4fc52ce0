package dev.hpsearch.app.service;

import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.ClusterShell;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

/**
 * Follows a search whose coordinator runs on the cluster (a detached launch), one {@link #poll} at a time: asks
 * Slurm about the coordinator job, copies the search folder's journal and configs into a local mirror
 * ({@link SearchMirror}, as {@code hpsearch status --cluster} does), and reports what changed in the journal
 * through a {@link JournalFollower} on the mirror, as when attaching to a local search. One
 * connection is kept between polls and opened again after a failure. Not thread-safe: one timer thread polls.
 */
final class DetachedFollow implements AutoCloseable {
    /** Opens a connection to the cluster (SSH in the app; a local shell in tests). */
    interface Connector {
        ClusterShell connect() throws IOException;
    }

    /** Asks Slurm about a job. */
    interface StateQuery {
        SlurmJobState query(ClusterShell shell, String jobId) throws SshBridgeException;
    }

    private final Connector connector;
    private final StateQuery states;
    private final DetachedLaunches.Launch launch;
    private final String cluster;
    private final Path mirror;
    private final SearchEvents events;
    private ClusterShell shell;
    /** The combination whose log.txt is copied with each poll, or -1; set by the UI's thread. */
    private volatile int watchedLog = -1;
    private JournalFollower follower;
    private boolean finished;

    DetachedFollow(Connector connector, StateQuery states, DetachedLaunches.Launch launch, String cluster, Path mirror,
                   SearchEvents events) {
        this.connector = connector;
        this.states = states;
        this.launch = launch;
        this.cluster = cluster;
        this.mirror = mirror;
        this.events = events;
    }

    Path mirror() {
        return mirror;
    }

    /**
     * One round: Slurm's state of the coordinator (reported with {@link SearchEvents#onCoordinator}), then a fresh
     * copy of the search's files and the journal's news. Returns true when there is nothing more to follow: the
     * journal says the search ended, or the coordinator left the queue without ending it (reported with
     * {@link SearchEvents#onEnd}).
     *
     * @throws IOException when the cluster cannot be reached or a file not copied; the next poll connects again
     */
    boolean poll() throws IOException {
        if (finished) {
            return true;
        }
        if (shell == null) {
            shell = connector.connect();
        }
        SlurmJobState state;
        Set<String> present;
        try {
            // state first: a coordinator that has left the queue has written its last journal line already
            state = states.query(shell, launch.jobId());
            present = SearchMirror.copy(shell, launch.searchFolder(), mirror);
        } catch (SshBridgeException e) {
            disconnect();
            throw e;
        }
        events.onCoordinator("Coordinator job " + launch.jobId() + " on " + cluster + ": " + state.describe());
        if (!present.contains(Journal.FILE_NAME)) {
            if (state.queued()) {
                return false;
            }
            return finish("The coordinator job " + launch.jobId() + " left the queue before the search started ("
                    + state.describe() + "); its output is in " + launch.searchFolder() + ".coordinator.log on "
                    + cluster);
        }
        copyWatchedLog();
        if (follower == null) {
            follower = new JournalFollower(mirror, events);
        }
        if (follower.poll()) {
            finished = true;
            return true;
        }
        if (!state.queued()) {
            return finish("The coordinator job " + launch.jobId() + " is no longer in the queue (" + state.describe()
                    + ") and the search has not ended; continue it with: hpsearch launch --resume --cluster " + cluster
                    + " " + launch.searchFolder());
        }
        return false;
    }

    /** Copies this combination's log.txt with each poll from now on (the one selected in the dashboard). */
    void watchLog(int combinationId) {
        watchedLog = combinationId;
    }

    /**
     * Copies the watched combination's log.txt into the mirror (its last 16 MiB), if it has one yet.
     *
     * @throws IOException when the cluster cannot be reached or the file not copied
     */
    void copyWatchedLog() throws IOException {
        int id = watchedLog;
        if (id < 0) {
            return;
        }
        if (shell == null) {
            shell = connector.connect();
        }
        try {
            SearchMirror.copyLog(shell, launch.searchFolder(), mirror, id);
        } catch (SshBridgeException e) {
            disconnect();
            throw e;
        }
    }

    /**
     * Leaves a stop request in the search folder on the cluster; the coordinator takes it within a second and
     * records why it stopped. Called on the polling thread (the connection is that thread's).
     *
     * @throws IOException when the cluster cannot be reached or the request not written
     */
    void requestStop(StopRequest request) throws IOException {
        if (shell == null) {
            shell = connector.connect();
        }
        try {
            shell.upload(request.bytes(), launch.searchFolder() + "/" + StopRequest.FILE_NAME);
        } catch (SshBridgeException e) {
            disconnect();
            throw e;
        }
    }

    private boolean finish(String message) {
        finished = true;
        events.onEnd(message);
        return true;
    }

    private void disconnect() {
        ClusterShell s = shell;
        shell = null;
        if (s instanceof AutoCloseable) {
            try {
                ((AutoCloseable) s).close();
            } catch (Exception e) {
                // the connection is being dropped anyway
            }
        }
    }

    @Override
    public void close() {
        disconnect();
    }
}
