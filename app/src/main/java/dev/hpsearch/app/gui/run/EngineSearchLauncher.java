package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.cluster.LocalOnlyClusterService;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.DetachedLaunch;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.Preflight;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs searches with the same engine as {@code hpsearch run}: on this machine, or on a cluster profile with the
 * engine here and a Slurm executor over SSH, built exactly as the command line builds it
 * ({@link SearchExecutors#open}) but asking SSH's questions through the GUI's prompts. Also submits detached
 * searches ({@link DetachedLaunch}) and follows them from a local mirror ({@link DetachedFollow}).
 */
public final class EngineSearchLauncher implements SearchLauncher {
    private final boolean remote;
    private final Path clustersFile;
    private final SshPrompts prompts;
    private final Path jar;
    private final Duration followInterval;

    /** How often a search followed on the cluster is copied again, unless {@link #withFollowInterval} says. */
    public static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(10);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);

    private EngineSearchLauncher(boolean remote, Path clustersFile, SshPrompts prompts, Path jar,
                                 Duration followInterval) {
        this.remote = remote;
        this.clustersFile = clustersFile;
        this.prompts = prompts;
        this.jar = jar;
        this.followInterval = followInterval;
    }

    /** This launcher, copying a search followed on the cluster every {@code interval}. */
    public EngineSearchLauncher withFollowInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("follow interval must be positive: " + interval);
        }
        return new EngineSearchLauncher(remote, clustersFile, prompts, jar, interval);
    }

    /** Searches on this machine only. */
    public static EngineSearchLauncher localOnly() {
        return new EngineSearchLauncher(false, null, SshPrompts.nonInteractive(), null, FOLLOW_INTERVAL);
    }

    /**
     * Searches here or on the clusters of {@code clustersFile}.
     *
     * @param prompts SSH's questions; called on the thread that connects, never the UI thread
     * @param jar     the self-contained hpsearch jar for detached launches, or {@code null} for the one this
     *                app runs from
     */
    public static EngineSearchLauncher withClusters(Path clustersFile, SshPrompts prompts, Path jar) {
        return new EngineSearchLauncher(true, clustersFile, prompts, jar, FOLLOW_INTERVAL);
    }

    @Override
    public RunningSearch start(Project project, String cluster, SearchEvents events) throws Exception {
        Configs configs = new ConfigLoader().load(project.searchConfig(), project.jobConfig(), project.modelConfig());
        String where = cluster != null ? cluster : configs.job().cluster();
        if (SearchExecutors.isLocal(where)) {
            List<ConfigProblem> missing = Preflight.local(configs);
            if (!missing.isEmpty()) {
                throw new IOException(missing.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n")));
            }
        } else {
            checkRemote();
        }
        Strategy strategy = Strategies.forConfig(configs.search(), configs.model().space(),
                configs.searchPath().toString());
        // connect before the search folder exists: a refused host key or password leaves nothing behind
        SearchExecutors.Opened opened = SearchExecutors.open(where, source(cluster, project), false, clustersFile,
                configs.projectFolder(), prompts);
        Path dir;
        try {
            dir = SearchFiles.create(configs, SearchExecutors.isLocal(where) ? "local" : where, false, -1);
            LaunchRecords.append(configs.projectFolder(), new LaunchRecords.Launch(
                    Long.toString(ProcessHandle.current().pid()), configs.projectFolder(), dir, SearchFolder.searchId(dir),
                    dir.resolve("log.txt"), project.searchConfig(), project.jobConfig(), project.modelConfig(),
                    "hpsearch gui" + (SearchExecutors.isLocal(where) ? "" : " (cluster " + where + ")"), ""));
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        return run(configs, strategy, dir, opened, events);
    }

    /** Where the cluster of a launch was named: the Run tab's choice, else the project's job_config.json. */
    private static ProfileSource source(String chosen, Project project) {
        return chosen != null ? ProfileSource.app()
                : ProfileSource.jobConfig(project.jobConfig()).withRunHere(ProfileSource.app().runHere());
    }

    @Override
    public RunningSearch resume(Path searchDir, SearchEvents events) throws Exception {
        Configs configs = SearchFiles.load(searchDir);
        String where = SearchFiles.cluster(searchDir);
        if (SearchFiles.coordinatorOnCluster(searchDir)) {
            throw new IOException(searchDir.getFileName() + " was run by a coordinator on the cluster (detached);"
                    + " resume it there with: hpsearch resume " + searchDir);
        }
        if (!SearchExecutors.isLocal(where)) {
            checkRemote();
        }
        SearchState state = SearchState.replay(Journal.read(searchDir));
        if (state.endReason() != null) {
            throw new IOException(searchDir.getFileName() + " has ended (" + state.endReason()
                    + "); use Open to look at it, or launch a new search");
        }
        Strategy strategy = Strategies.forConfig(configs.search(), configs.model().space(),
                configs.searchPath().toString());
        SearchExecutors.Opened opened = SearchExecutors.open(where, ProfileSource.searchFolder(searchDir), false,
                clustersFile, searchDir.toAbsolutePath().normalize().getParent(), prompts);
        state.trials().forEach(events::onTrial);
        return run(configs, strategy, searchDir, opened, events);
    }

    @Override
    public String launchDetached(Project project, String cluster) throws Exception {
        checkRemote();
        Configs configs = new ConfigLoader().load(project.searchConfig(), project.jobConfig(), project.modelConfig());
        String where = cluster != null ? cluster : configs.job().cluster();
        if (SearchExecutors.isLocal(where)) {
            throw new IOException("A detached search runs its coordinator on a cluster: choose a cluster profile");
        }
        ClusterProfile profile = SearchExecutors.profiles(clustersFile).require(where);
        String missing = DetachedLaunch.missingScript(configs, project.jobConfig());
        if (missing != null) {
            throw new IOException(missing);
        }
        Path jarFile;
        try {
            jarFile = DetachedLaunch.selfContainedJar(jar);
        } catch (IOException e) {
            throw new IOException(IoErrors.describe(e) + ". The desktop app names the jar with -Dhpsearch.jar=FILE", e);
        }
        DetachedLaunch.Submitted s = DetachedLaunch.submit(configs, project.searchConfig(), project.jobConfig(),
                project.modelConfig(), profile, jarFile, source(cluster, project),
                SearchExecutors.profilesFile(clustersFile), prompts);
        return "Submitted coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host() + "); search folder "
                + s.searchFolder() + ". It goes on without this window; follow it with: hpsearch status --cluster "
                + s.profile() + " " + project.folder();
    }

    @Override
    public RunningSearch followDetached(Project project, String cluster, SearchEvents events) throws Exception {
        checkRemote();
        DetachedLaunches.Launch launch = DetachedLaunches.latest(project.folder());
        if (launch == null) {
            throw new IOException(project.folder().resolve(LaunchRecords.FILE_NAME) + " records no detached launch:"
                    + " use Launch detached first");
        }
        String where = launch.cluster() != null ? launch.cluster() : cluster;
        if (where == null || SearchExecutors.isLocal(where)) {
            throw new IOException("The launch record of " + launch.searchName() + " does not name its cluster: choose"
                    + " the cluster profile it was launched on");
        }
        ClusterProfile profile = SearchExecutors.profiles(clustersFile).require(where);
        Path mirror = SearchMirror.folder(project.folder(), where, launch.searchName());
        DetachedFollow follow = new DetachedFollow(
                () -> ClusterContact.open(profile, ProfileSource.app().withRunHere(null),
                        SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), prompts),
                (shell, job) -> SlurmJobState.query(shell, profile, job, QUERY_TIMEOUT), launch, where, mirror, events);
        boolean over;
        ModelConfig model;
        try {
            // the first copy here, on the caller's thread: a refused connection is the caller's error
            over = follow.poll();
            model = modelOf(mirror, project);
        } catch (IOException | RuntimeException e) {
            follow.close();
            throw e;
        }
        events.onLog("Following " + where + ":" + launch.searchFolder() + " (coordinator job " + launch.jobId()
                + "), copied every " + followInterval.toSeconds() + " s to " + mirror);
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hpsearch-follow-" + where + "-" + launch.searchName());
            t.setDaemon(true);
            return t;
        });
        if (over) {
            follow.close();
            timer.shutdown();
        } else {
            long every = followInterval.toMillis();
            timer.scheduleWithFixedDelay(() -> {
                try {
                    if (follow.poll()) {
                        follow.close();
                        timer.shutdown();
                    }
                } catch (IOException | RuntimeException e) {
                    events.onLog("Cannot refresh from " + where + ": " + IoErrors.describe(e) + " (trying again in "
                            + followInterval.toSeconds() + " s)");
                }
            }, every, every, TimeUnit.MILLISECONDS);
        }
        return new RunningSearch() {
            @Override
            public Path searchDir() {
                return mirror;
            }

            @Override
            public ModelConfig model() {
                return model;
            }

            @Override
            public boolean followOnly() {
                return true;
            }

            @Override
            public boolean stoppable() {
                return true;
            }

            @Override
            public void watchLog(int combinationId) {
                follow.watchLog(combinationId);
                try {
                    // at once, not at the next poll: the user just selected it
                    timer.execute(() -> {
                        try {
                            follow.copyWatchedLog();
                        } catch (IOException | RuntimeException e) {
                            events.onLog("Cannot copy the log of combination " + combinationId + " from " + where + ": "
                                    + IoErrors.describe(e));
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // the search is over and the follow closed: the copy there is the last one
                }
            }

            @Override
            public void stop(String reason) {
                // on the polling thread, which owns the connection
                try {
                    timer.execute(() -> {
                        try {
                            follow.requestStop(new StopRequest(true, reason));
                            events.onLog("Asked coordinator job " + launch.jobId() + " on " + where + " to stop: " + reason);
                        } catch (IOException | RuntimeException e) {
                            events.onLog("Cannot ask coordinator job " + launch.jobId() + " on " + where + " to stop: "
                                    + IoErrors.describe(e));
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    events.onLog("The search on " + where + " is over: nothing to stop");
                }
            }

            @Override
            public void cancel(int combinationId) {
                throw new IllegalStateException("the coordinator on " + where + " runs this search");
            }

            @Override
            public void close() {
                // after the poll under way, if any: the connection belongs to the timer's thread
                try {
                    timer.execute(follow::close);
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    // already over and closed
                }
                timer.shutdown();
            }
        };
    }

    /**
     * The model config of a mirrored search; before the coordinator has started it (no journal yet), the
     * project's own, which the launch uploaded.
     */
    private static ModelConfig modelOf(Path mirror, Project project) throws Exception {
        if (java.nio.file.Files.isRegularFile(mirror.resolve(Journal.FILE_NAME))
                && java.nio.file.Files.isRegularFile(mirror.resolve(SearchFiles.SEARCH_CONFIG))) {
            return SearchFiles.load(mirror).model();
        }
        return new ConfigLoader().load(project.searchConfig(), project.jobConfig(), project.modelConfig()).model();
    }

    private void checkRemote() throws IOException {
        if (!remote) {
            throw new IOException(LocalOnlyClusterService.NOT_AVAILABLE);
        }
    }

    private static RunningSearch run(Configs configs, Strategy strategy, Path dir, SearchExecutors.Opened opened,
                                     SearchEvents events) {
        SearchExecutors.Opened executor = opened;
        SearchEngine engine = new SearchEngine(configs.search(), configs.job(), configs.model(), dir, executor.executor(),
                strategy, Clock.systemUTC(), events);
        Thread t = new Thread(() -> {
            try (executor) {
                SearchSummary s = engine.run();
                events.onEnd((s.complete() ? "Search complete: " : "Search stopped: ") + s.reason());
            } catch (IOException e) {
                events.onEnd("Search could not run: " + IoErrors.describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                events.onEnd("Search interrupted");
            } catch (RuntimeException e) {
                events.onEnd("Search failed: " + e);
            }
        }, "hpsearch-engine-" + dir.getFileName());
        t.setDaemon(true);
        t.start();
        ModelConfig model = configs.model();
        return new RunningSearch() {
            @Override
            public Path searchDir() {
                return dir;
            }

            @Override
            public ModelConfig model() {
                return model;
            }

            @Override
            public boolean followOnly() {
                return false;
            }

            @Override
            public void stop(String reason) {
                engine.requestStop(reason);
            }

            @Override
            public void cancel(int combinationId) {
                engine.cancel(combinationId);
            }

            @Override
            public void close() {
                engine.interrupt();
            }
        };
    }

    @Override
    public RunningSearch attach(Path searchDir, SearchEvents events) throws Exception {
        Configs configs = SearchFiles.load(searchDir);
        JournalFollower follower = new JournalFollower(searchDir, events);
        follower.poll();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hpsearch-follow-" + searchDir.getFileName());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (follower.poll()) {
                timer.shutdown();
            }
        }, 1, 1, TimeUnit.SECONDS);
        ModelConfig model = configs.model();
        return new RunningSearch() {
            @Override
            public Path searchDir() {
                return searchDir;
            }

            @Override
            public ModelConfig model() {
                return model;
            }

            @Override
            public boolean followOnly() {
                return true;
            }

            @Override
            public void stop(String reason) {
                throw new IllegalStateException("another coordinator runs this search");
            }

            @Override
            public void cancel(int combinationId) {
                throw new IllegalStateException("another coordinator runs this search");
            }

            @Override
            public void close() {
                timer.shutdownNow();
            }
        };
    }

    /** Re-reads a journal and reports what changed since the last read. */
    static final class JournalFollower {
        private final Path dir;
        private final SearchEvents events;
        private final Map<Integer, TrialRecord> seen = new HashMap<>();
        private final long startedAt = System.currentTimeMillis();
        private boolean ended;

        JournalFollower(Path dir, SearchEvents events) {
            this.dir = dir;
            this.events = events;
        }

        /** Returns true once the search has ended (nothing more to follow). */
        boolean poll() {
            if (ended) {
                return true;
            }
            SearchState state;
            try {
                state = SearchState.replay(Journal.read(dir));
            } catch (IOException | RuntimeException e) {
                events.onLog("cannot read the journal: " + IoErrors.describe(e));
                return false;
            }
            for (TrialRecord t : state.trials()) {
                if (!t.equals(seen.get(t.id()))) {
                    seen.put(t.id(), t);
                    events.onTrial(t);
                }
            }
            int done = state.count(TrialStatus.OK) + state.count(TrialStatus.NO_SCORE);
            long origin = state.startedAtMillis() > 0 ? state.startedAtMillis() : startedAt;
            events.onProgress(new Progress(done, state.count(TrialStatus.FAILED), state.count(TrialStatus.CANCELLED),
                    state.count(TrialStatus.RUNNING), state.count(TrialStatus.QUEUED), -1, state.best(),
                    Duration.ofMillis(Math.max(0, System.currentTimeMillis() - origin)), null));
            if (state.endReason() != null) {
                ended = true;
                events.onEnd("Search ended: " + state.endReason());
            }
            return ended;
        }
    }
}
