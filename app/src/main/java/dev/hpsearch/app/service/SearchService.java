package dev.hpsearch.app.service;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.DetachedLaunch;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.remote.SearchMirror;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.Preflight;
import dev.hpsearch.optimizer.engine.ReplicatePlan;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.ReplicateKey;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.profile.ClusterProfiles;
import dev.hpsearch.ssh.slurm.SlurmJobState;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshPrompts;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Runs a search, the one owner of it for both faces: loads and checks the configs, runs the preflight, connects
 * to the cluster, creates the search folder, writes the launch record and starts or resumes the engine; launches
 * a detached coordinator and follows it; watches a search another coordinator runs. The command line drives the
 * engine of a {@link PreparedSearch} in the foreground; the app gets a {@link RunningSearch} whose engine runs on
 * a background thread. Every call that connects or touches files blocks: the app calls it off its UI thread.
 * A failure the user can fix is a {@link UserFacingException}.
 */
public final class SearchService {
    /** How often a search followed on the cluster is copied again, unless {@link #withFollowInterval} says. */
    public static final Duration FOLLOW_INTERVAL = Duration.ofSeconds(10);
    private static final Duration QUERY_TIMEOUT = Duration.ofSeconds(60);
    /** Why the local-only build refuses a cluster. */
    public static final String NOT_AVAILABLE = "This window runs searches on this machine only: cluster support "
            + "(SSH and Slurm) is switched off. Set cluster to \"local\".";

    private final boolean remote;
    private final Path clustersFile;
    private final SshPrompts prompts;
    private final Path jar;
    private final Duration followInterval;

    private SearchService(boolean remote, Path clustersFile, SshPrompts prompts, Path jar, Duration followInterval) {
        this.remote = remote;
        this.clustersFile = clustersFile;
        this.prompts = prompts;
        this.jar = jar;
        this.followInterval = followInterval;
    }

    /** Searches on this machine only. */
    public static SearchService localOnly() {
        return new SearchService(false, null, SshPrompts.nonInteractive(), null, FOLLOW_INTERVAL);
    }

    /**
     * Searches here or on the clusters of {@code clustersFile}.
     *
     * @param clustersFile the user's profiles file, or {@code null} for the default one
     * @param prompts      SSH's questions, asked on the thread that connects
     * @param jar          the self-contained hpsearch jar for detached launches, or {@code null} for the one this
     *                     process runs from
     */
    public static SearchService withClusters(Path clustersFile, SshPrompts prompts, Path jar) {
        return new SearchService(true, clustersFile, prompts, jar, FOLLOW_INTERVAL);
    }

    /** As {@link #withClusters(Path, SshPrompts, Path)}, asking the app's questions. */
    public static SearchService withClusters(Path clustersFile, ConnectionPrompts prompts, Path jar) {
        return withClusters(clustersFile, ConnectionPrompts.toSsh(prompts), jar);
    }

    /** This service, copying a search followed on the cluster every {@code interval}. */
    public SearchService withFollowInterval(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("follow interval must be positive: " + interval);
        }
        return new SearchService(remote, clustersFile, prompts, jar, interval);
    }

    /** This service with another profiles file ({@code null}: this one's). */
    public SearchService withClustersFile(Path file) {
        return file == null ? this : new SearchService(remote, file, prompts, jar, followInterval);
    }

    /**
     * How a new search is started and recorded in launched_hp_searches.txt.
     *
     * @param source        where the target was named, for the message when connecting fails
     * @param targetNamedBy how a message names that place when the profile does not exist ({@code --cluster},
     *                      {@code job_config.json: $.cluster})
     * @param onCluster     this process runs on a node of the target cluster (detached mode)
     * @param searchId      the search id to use, or -1 for the next free one
     * @param coordinatorId the coordinator's id for the launch record (a pid, or a Slurm job id)
     * @param command       the command for the launch record
     */
    public record NewSearch(ProfileSource source, String targetNamedBy, boolean onCluster, int searchId,
                            String coordinatorId, String command) {
    }

    /**
     * The calls on searches whose coordinator runs on a cluster.
     *
     * @param source how a failed connection names where the cluster was chosen
     */
    public DetachedSearches detached(ProfileSource source) {
        return new DetachedSearches(this, SearchExecutors.profilesFile(clustersFile), prompts, source);
    }

    /** The profiles (presets and the user's own). */
    public ClusterProfiles profiles() throws UserFacingException {
        try {
            return SearchExecutors.profiles(clustersFile);
        } catch (ClusterProfileException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
    }

    /**
     * The profile a cluster target names.
     *
     * @param namedBy how the message names where the name came from ({@code --cluster})
     */
    public ClusterProfile profile(RunTarget.Cluster target, String namedBy) throws UserFacingException {
        try {
            return SearchExecutors.profiles(clustersFile).require(target.name());
        } catch (ClusterProfileException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, namedBy + ": " + IoErrors.describe(e), e);
        }
    }

    /**
     * Checks a new search and creates its folder, ready to run on {@code target}. Connects before the folder
     * exists: a cluster that cannot be reached leaves no search folder and no launch record behind.
     *
     * @param events told of config warnings found on the cluster
     */
    public PreparedSearch prepare(Configs configs, RunTarget target, NewSearch how, SearchEvents events)
            throws UserFacingException {
        if (target.isLocal()) {
            List<ConfigProblem> missing = Preflight.local(configs);
            if (!missing.isEmpty()) {
                throw new UserFacingException(UserFacingException.Kind.CONFIG, lines(missing), missing, null);
            }
        } else {
            checkRemote();
            profile((RunTarget.Cluster) target, how.targetNamedBy());
        }
        Strategy strategy = strategy(configs);
        SearchExecutors.Opened opened = open(target, how.source(), how.onCluster(), configs.projectFolder());
        try {
            List<ConfigProblem> found = opened.preflight(configs);
            if (found.stream().anyMatch(ConfigProblem::isError)) {
                throw new UserFacingException(UserFacingException.Kind.CONFIG, lines(found), found, null);
            }
            found.forEach(events::onProblem);
            Path dir = SearchFiles.create(configs, target.name(), how.onCluster(), how.searchId());
            LaunchRecords.append(configs.projectFolder(), new LaunchRecords.Launch(how.coordinatorId(),
                    configs.projectFolder(), dir, SearchFolder.searchId(dir), dir.resolve("log.txt"),
                    configs.searchPath(), configs.jobPath(), configs.modelPath(), how.command(), ""));
            return new PreparedSearch(configs, strategy, dir, opened, target, how.onCluster());
        } catch (SshBridgeException e) {
            opened.close();
            throw new UserFacingException(UserFacingException.Kind.CONNECTION, "cannot check the configs on cluster "
                    + target.name() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            opened.close();
            throw new UserFacingException(UserFacingException.Kind.FAILURE, IoErrors.describe(e), e);
        } catch (UserFacingException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * How a search is resumed.
     *
     * @param fromThisMachineOnly refuse a search whose coordinator ran on the cluster (detached: the app resumes
     *                            searches it runs itself) and one that has ended
     * @param launchCommand       when not null and the coordinator runs on the cluster, the resume is recorded in
     *                            the project's launch records under this command and {@code coordinatorId}
     */
    public record Resume(boolean fromThisMachineOnly, String coordinatorId, String launchCommand) {
        /** The app's resume: a search this machine ran, not ended, not recorded again. */
        public static Resume app() {
            return new Resume(true, null, null);
        }
    }

    /**
     * Reopens an interrupted search where it ran before (its search.json says where), ready to run again.
     *
     * @param events told of every trial recorded so far, so a display starts from the journal
     */
    public PreparedSearch prepareResume(Path searchDir, Resume how, SearchEvents events) throws UserFacingException {
        Path dir = searchDir.toAbsolutePath().normalize();
        try {
            Configs configs = SearchFiles.load(dir);
            boolean onCluster = SearchFiles.coordinatorOnCluster(dir);
            RunTarget target = RunTarget.parse(SearchFiles.cluster(dir));
            SearchState state = SearchState.replay(Journal.read(dir));
            if (how.fromThisMachineOnly()) {
                if (onCluster) {
                    throw new UserFacingException(UserFacingException.Kind.FAILURE, dir.getFileName() + " was run by a"
                            + " coordinator on the cluster (detached); resume it there with: hpsearch resume " + dir);
                }
                if (!target.isLocal()) {
                    checkRemote();
                }
                if (state.endReason() != null) {
                    throw new UserFacingException(UserFacingException.Kind.FAILURE, dir.getFileName() + " has ended ("
                            + state.endReason() + "); use Open to look at it, or launch a new search");
                }
            }
            SearchService service = this;
            Path launched = DetachedLaunch.launchedProfiles(dir.getParent());
            if (clustersFile == null && onCluster && Files.isRegularFile(launched)) {
                service = withClustersFile(launched); // the profile `launch` left beside the project
            }
            Strategy strategy = strategy(configs);
            SearchExecutors.Opened opened = service.open(target, ProfileSource.searchFolder(dir), onCluster,
                    dir.getParent());
            if (how.launchCommand() != null && onCluster) {
                try {
                    // a coordinator job started by launch --resume records itself, so status and stop find it
                    LaunchRecords.append(dir.getParent(), new LaunchRecords.Launch(how.coordinatorId(), dir.getParent(),
                            dir, SearchFolder.searchId(dir), dir.resolve("log.txt"), dir.resolve(SearchFiles.SEARCH_CONFIG),
                            dir.resolve(SearchFiles.JOB_CONFIG), dir.resolve(SearchFiles.MODEL_CONFIG),
                            how.launchCommand(), ""));
                } catch (IOException | RuntimeException e) {
                    opened.close();
                    throw e;
                }
            }
            state.trials().forEach(events::onTrial);
            return new PreparedSearch(configs, strategy, dir, opened, target, onCluster);
        } catch (ConfigException e) {
            throw configError(e);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
    }

    /**
     * Prepares an on-demand replicate run ({@code hpsearch replicate}, the Selection view's button): each of the
     * {@code topK} best scored combinations of a search that is not running runs {@code n} more times, each
     * replicate with a replicate_key value of its own (docs/decisions/0020), on the search's own target (this
     * machine, or the cluster it ran on, reconnected as {@link #prepareResume} does), appended to the same
     * folder. Checked before anything connects: a bad count, a folder without a search, a search_config.json
     * without replicate_key or a hyperparameter key without enough values are {@link UserFacingException.Kind#CONFIG};
     * a search with unfinished combinations or without a scored result is {@link UserFacingException.Kind#FAILURE}.
     */
    public PreparedSearch prepareReplicates(Path searchDir, int topK, int n, SearchEvents events)
            throws UserFacingException {
        return prepareReplicates(searchDir, null, topK, n, events);
    }

    /**
     * As {@link #prepareReplicates(Path, int, int, SearchEvents)} for the combinations {@code ids} the user chose
     * (the Selection view ranks by the response it shows, which need not be the loss).
     */
    public PreparedSearch prepareReplicatesOf(Path searchDir, List<Integer> ids, int n, SearchEvents events)
            throws UserFacingException {
        if (ids.isEmpty()) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, "no combination chosen to replicate");
        }
        return prepareReplicates(searchDir, List.copyOf(ids), ids.size(), n, events);
    }

    private PreparedSearch prepareReplicates(Path searchDir, List<Integer> ids, int topK, int n, SearchEvents events)
            throws UserFacingException {
        Path dir = searchDir.toAbsolutePath().normalize();
        if (topK < 1 || n < 1) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, "the number of best combinations (--top) and"
                    + " of replicates of each (--n) must be whole numbers >= 1, got " + topK + " and " + n);
        }
        try {
            SearchState state = SearchState.replay(Journal.read(dir));
            if (state.trials().isEmpty() && state.seed() == null) {
                throw new UserFacingException(UserFacingException.Kind.CONFIG, dir + " holds no search of hpsearch (no "
                        + Journal.FILE_NAME + " with events); give an hp_search_{id} folder");
            }
            Configs configs = SearchFiles.load(dir);
            SearchConfig.Replicates r = configs.search().replicates();
            if (r.key() == null) {
                List<String> allowed = ReplicateKey.allowedNames(configs.model());
                throw new UserFacingException(UserFacingException.Kind.CONFIG, dir.resolve(SearchFiles.SEARCH_CONFIG)
                        + ": $.replicate_key: missing; replicates need the input of model_config.json whose value differs"
                        + " between them (a seed or a data-split id); add e.g. \"replicate_key\": \""
                        + (allowed.isEmpty() ? "seed" : allowed.get(0)) + "\" to that file (allowed: "
                        + (allowed.isEmpty() ? "none yet: add a constant such as \"seed\": 0 to "
                        + dir.resolve(SearchFiles.MODEL_CONFIG) : String.join(", ", allowed)) + ")");
            }
            if (SearchFiles.coordinatorOnCluster(dir) && !ConfigLoader.isRunnable("sbatch")) {
                // a detached search submits from the cluster itself: from here its folder is only a copy
                throw new UserFacingException(UserFacingException.Kind.FAILURE, dir.getFileName() + " was run by a"
                        + " coordinator on the cluster (detached); run hpsearch replicate there, or take the search"
                        + " over first with: hpsearch resume --cluster " + SearchFiles.cluster(dir) + " " + dir.getParent());
            }
            if (SearchFiles.coordinatorRunning(dir)) {
                throw new UserFacingException(UserFacingException.Kind.FAILURE, "a coordinator on this machine runs "
                        + dir.getFileName() + " now; replicate it once it has stopped");
            }
            long unfinished = state.trials().stream().filter(t -> !t.status().isFinished()).count();
            if (unfinished > 0) {
                throw new UserFacingException(UserFacingException.Kind.FAILURE, dir.getFileName() + " has " + unfinished
                        + " unfinished combination(s); finish them first with: hpsearch resume " + dir);
            }
            List<TrialRecord> best = ids == null
                    ? ReplicatePlan.best(state.trials(), topK, configs.search().higherIsBetter())
                    : chosenToReplicate(state, ids, dir);
            if (best.isEmpty()) {
                throw new UserFacingException(UserFacingException.Kind.FAILURE, dir.getFileName()
                        + " has no combination with a score to replicate");
            }
            ReplicateKey key = ReplicateKey.find(configs.model(), r.key()).orElseThrow();
            int max = key.maxReplicates(configs.model().space());
            for (TrialRecord t : best) {
                if (state.replicateCount(t.id()) + n > max) {
                    throw new UserFacingException(UserFacingException.Kind.CONFIG, "--n " + n + ": replicate_key \""
                            + r.key() + "\" is a hyperparameter with " + (max + 1) + " values and combination " + t.id()
                            + " has " + state.replicateCount(t.id()) + " replicate(s): at most "
                            + (max - state.replicateCount(t.id())) + " more get a value of their own");
                }
            }
        } catch (ConfigException e) {
            throw configError(e);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
        PreparedSearch resumed = prepareResume(dir, new Resume(false, null, null), events);
        return ids == null ? resumed.withReplicates(topK, n) : resumed.withReplicatesOf(ids, n);
    }

    /** The chosen combinations, each an ordinary one that finished with a score. */
    private static List<TrialRecord> chosenToReplicate(SearchState state, List<Integer> ids, Path dir)
            throws UserFacingException {
        List<TrialRecord> chosen = new ArrayList<>();
        for (int id : ids) {
            TrialRecord t = state.trial(id);
            if (t == null || t.isReplicate() || t.status() != TrialStatus.OK) {
                throw new UserFacingException(UserFacingException.Kind.CONFIG, "combination " + id + " of "
                        + dir.getFileName() + (t == null ? " does not exist" : t.isReplicate() ? " is itself a replicate"
                        + " (of combination " + t.replicateOf() + ")" : " has no score (" + t.status() + ")")
                        + "; replicate ordinary combinations that finished with a score");
            }
            chosen.add(t);
        }
        return chosen;
    }

    /** Runs {@link #prepareReplicatesOf} on a background thread: the Selection view's Replicate button. */
    public RunningSearch replicateOf(Path searchDir, List<Integer> ids, int n, SearchEvents events)
            throws UserFacingException {
        return start(prepareReplicatesOf(searchDir, ids, n, events), events);
    }

    /** Runs a prepared search on a background thread; it closes the search when the engine stops. */
    public RunningSearch start(PreparedSearch prepared, SearchEvents events) {
        return new RunningSearch(prepared.searchDir(), prepared.configs().model(), RunningSearch.Mode.RUNS,
                EngineRun.start(prepared, events));
    }

    /**
     * A new search from the project's configs, run here on a background thread on {@code target}, or where
     * job_config's {@code "cluster"} says when empty. The app's Run.
     */
    public RunningSearch run(ConfigFiles files, Optional<RunTarget> target, SearchEvents events)
            throws UserFacingException {
        Configs configs = files.load();
        RunTarget where = target.orElse(RunTarget.parse(configs.job().cluster()));
        PreparedSearch prepared = prepare(configs, where, new NewSearch(source(target, files),
                target.isPresent() ? "the chosen cluster" : files.job().getFileName() + ": $.cluster", false, -1,
                Long.toString(ProcessHandle.current().pid()),
                "hpsearch gui" + (where.isLocal() ? "" : " (cluster " + where.name() + ")")), events);
        return start(prepared, events);
    }

    /** Resumes an interrupted search this machine ran, on a background thread, where it ran before. */
    public RunningSearch resume(Path searchDir, SearchEvents events) throws UserFacingException {
        return start(prepareResume(searchDir, Resume.app(), events), events);
    }

    /** Follows a search another coordinator here runs (or a finished one) by reading its journal. */
    public RunningSearch attach(Path searchDir, SearchEvents events) throws UserFacingException {
        Configs configs;
        try {
            configs = SearchFiles.load(searchDir);
        } catch (ConfigException e) {
            throw configError(e);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
        return new RunningSearch(searchDir, configs.model(), RunningSearch.Mode.WATCHES,
                JournalWatch.start(searchDir, events));
    }

    /**
     * Submits the search's coordinator as a Slurm job on {@code target} (detached mode), or where job_config's
     * {@code "cluster"} says when empty; the search goes on without this process.
     */
    public DetachedLaunch.Submitted launchDetached(ConfigFiles files, Configs configs, Optional<RunTarget> target,
                                                   ProfileSource source, String targetNamedBy)
            throws UserFacingException {
        checkRemote();
        RunTarget where = target.orElse(RunTarget.parse(configs.job().cluster()));
        if (where.isLocal()) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG,
                    "A detached search runs its coordinator on a cluster: choose a cluster profile");
        }
        if (!configs.search().starting().warmStartFrom().isEmpty()) {
            // the coordinator would run on a node that cannot see this machine's earlier searches (decision 0024)
            throw new UserFacingException(UserFacingException.Kind.CONFIG, files.search() + ": $.warm_start_from: a"
                    + " detached coordinator runs on the cluster, which cannot read the earlier searches on this machine;"
                    + " run the search with hpsearch run (its coordinator here reads them), or leave warm_start_from out");
        }
        ClusterProfile profile = profile((RunTarget.Cluster) where, targetNamedBy);
        String missing = DetachedLaunch.missingScript(configs, files.job());
        if (missing != null) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, missing);
        }
        Path jarFile = selfContainedJar();
        try {
            return DetachedLaunch.submit(configs, files.search(), files.job(), files.model(), profile, jarFile, source,
                    SearchExecutors.profilesFile(clustersFile), prompts);
        } catch (ClusterContactException e) {
            throw new UserFacingException(UserFacingException.Kind.CONNECTION, e.getMessage(), e);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, IoErrors.describe(e), e);
        }
    }

    /** The app's Launch detached: returns what was submitted, in words. */
    public String launchDetached(ConfigFiles files, Optional<RunTarget> target) throws UserFacingException {
        try {
            DetachedLaunch.selfContainedJar(jar);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e)
                    + ". The desktop app names the jar with -Dhpsearch.jar=FILE", e);
        }
        DetachedLaunch.Submitted s = launchDetached(files, files.load(), target, source(target, files),
                target.isPresent() ? "the chosen cluster" : files.job().getFileName() + ": $.cluster");
        return "Submitted coordinator job " + s.jobId() + " on " + s.profile() + " (" + s.host() + "); search folder "
                + s.searchFolder() + ". It goes on without this window; follow it with: hpsearch status --cluster "
                + s.profile() + " " + files.job().toAbsolutePath().normalize().getParent();
    }

    /** The self-contained jar a coordinator on a cluster runs. */
    public Path selfContainedJar() throws UserFacingException {
        try {
            return DetachedLaunch.selfContainedJar(jar);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, IoErrors.describe(e), e);
        }
    }

    /**
     * Follows the project's latest detached search (recorded in its launched_hp_searches.txt): every few seconds
     * its journal and configs on the cluster are copied into a local mirror, whose changes are reported like an
     * attached search's, and the coordinator job's Slurm state with {@link SearchEvents#onCoordinator}. Connects
     * before returning, so a refused connection is an exception.
     *
     * @param target the cluster to use when the launch record does not name one
     */
    public RunningSearch follow(ConfigFiles files, Optional<RunTarget> target, SearchEvents events)
            throws UserFacingException {
        checkRemote();
        Path project = files.job().toAbsolutePath().normalize().getParent();
        DetachedLaunches.Launch launch;
        try {
            launch = DetachedLaunches.latest(project);
        } catch (IOException e) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, IoErrors.describe(e), e);
        }
        if (launch == null) {
            throw new UserFacingException(UserFacingException.Kind.FAILURE, project.resolve(LaunchRecords.FILE_NAME)
                    + " records no detached launch: use Launch detached first");
        }
        RunTarget where = launch.cluster() != null ? RunTarget.parse(launch.cluster()) : target.orElse(RunTarget.LOCAL);
        if (where.isLocal()) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, "The launch record of " + launch.searchName()
                    + " does not name its cluster: choose the cluster profile it was launched on");
        }
        ClusterProfile profile = profile((RunTarget.Cluster) where, "the launch record");
        String name = where.name();
        Path mirror = SearchMirror.folder(project, name, launch.searchName());
        DetachedFollow follow = new DetachedFollow(
                () -> ClusterContact.open(profile, ProfileSource.app().withRunHere(null),
                        SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(), prompts),
                (shell, job) -> SlurmJobState.query(shell, profile, job, QUERY_TIMEOUT), launch, name, mirror, events);
        boolean over;
        ModelConfig model;
        try {
            // the first copy here, on the caller's thread: a refused connection is the caller's error
            over = follow.poll();
            model = modelOf(mirror, files);
        } catch (ClusterContactException e) {
            follow.close();
            throw new UserFacingException(UserFacingException.Kind.CONNECTION, e.getMessage(), e);
        } catch (IOException e) {
            follow.close();
            throw new UserFacingException(UserFacingException.Kind.FAILURE, IoErrors.describe(e), e);
        } catch (UserFacingException | RuntimeException e) {
            follow.close();
            throw e;
        }
        events.onLog("Following " + name + ":" + launch.searchFolder() + " (coordinator job " + launch.jobId()
                + "), copied every " + followInterval.toSeconds() + " s to " + mirror);
        return new RunningSearch(mirror, model, RunningSearch.Mode.FOLLOWS_DETACHED,
                DetachedWatch.start(follow, over, followInterval, events, name, launch.jobId(), launch.searchName()));
    }

    /**
     * The model config of a mirrored search; before the coordinator has started it (no journal yet), the
     * project's own, which the launch uploaded.
     */
    private static ModelConfig modelOf(Path mirror, ConfigFiles files) throws IOException, UserFacingException {
        if (Files.isRegularFile(mirror.resolve(Journal.FILE_NAME))
                && Files.isRegularFile(mirror.resolve(SearchFiles.SEARCH_CONFIG))) {
            try {
                return SearchFiles.load(mirror).model();
            } catch (ConfigException e) {
                throw configError(e);
            }
        }
        return files.load().model();
    }

    /** Where the cluster of a launch was named: the caller's choice, else the project's job_config.json. */
    private static ProfileSource source(Optional<RunTarget> chosen, ConfigFiles files) {
        return chosen.isPresent() ? ProfileSource.app()
                : ProfileSource.jobConfig(files.job()).withRunHere(ProfileSource.app().runHere());
    }

    private SearchExecutors.Opened open(RunTarget target, ProfileSource source, boolean onCluster, Path project)
            throws UserFacingException {
        try {
            return target.isLocal() ? SearchExecutors.local()
                    : SearchExecutors.cluster(target.name(), source, onCluster, clustersFile, project, prompts);
        } catch (ClusterProfileException e) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, e.getMessage(), e);
        } catch (SshBridgeException e) {
            throw new UserFacingException(UserFacingException.Kind.CONNECTION, e.getMessage(), e);
        }
    }

    private static Strategy strategy(Configs configs) throws UserFacingException {
        try {
            return Strategies.forConfig(configs.search(), configs.model().space(), configs.searchPath().toString());
        } catch (ConfigException e) {
            throw configError(e);
        }
    }

    private void checkRemote() throws UserFacingException {
        if (!remote) {
            throw new UserFacingException(UserFacingException.Kind.CONFIG, NOT_AVAILABLE);
        }
    }

    /** A config file that is wrong, as a user-facing failure listing its problems. */
    static UserFacingException configError(ConfigException e) {
        long errors = e.problems().stream().filter(ConfigProblem::isError).count();
        return new UserFacingException(UserFacingException.Kind.CONFIG, lines(e.problems()) + "\n" + errors
                + (errors == 1 ? " error" : " errors") + " in the config files; nothing was started.", e.problems(), e);
    }

    private static String lines(List<ConfigProblem> problems) {
        return problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("\n"));
    }
}
