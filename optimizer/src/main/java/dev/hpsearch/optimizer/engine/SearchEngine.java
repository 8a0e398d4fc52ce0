package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.JobConfig;
import dev.hpsearch.optimizer.config.JsonFiles;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.JobSpec;
import dev.hpsearch.optimizer.exec.JobStatus;
import dev.hpsearch.optimizer.exec.LocalFolderException;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.exec.ResourceLimits;
import dev.hpsearch.optimizer.exec.SubmitUncertainException;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.ReplicateKey;
import dev.hpsearch.optimizer.strategy.PendingTrial;
import dev.hpsearch.optimizer.strategy.SearchContext;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.strategy.Suggestion;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Runs one search: asks the strategy for combinations, writes each {@code input.json}, runs it through the
 * executor, collects outcomes, and records everything in the journal first, then in
 * {@code hp_search_data.txt} and the search log. A plain object on one thread; the command line and the GUI
 * both drive it. {@link #run()} starts a new search or resumes one whose journal already has events.
 */
public final class SearchEngine {
    /** The {@code search_type} of a combination of {@code initial_points}. */
    public static final String INITIAL_TYPE = "initial";
    private static final Duration TABLE_INTERVAL = Duration.ofMillis(500);
    private static final Duration IDLE_WAIT = Duration.ofSeconds(1);
    /** Faults of the machine in a row after which the search stops for the user to fix the cause. */
    private static final int MAX_FAULTS = 3;
    private static final int MAX_ATTEMPTS = 3;
    private static final int SIGINT_EXIT = 130;
    /** Largest batch handed to an executor at once (Slurm's default MaxArraySize is 1001). */
    private static final int BATCH_LIMIT = 1000;

    private final SearchConfig search;
    private final JobConfig job;
    private final ModelConfig model;
    private final Path searchDir;
    private final Path projectFolder;
    private final Executor executor;
    private final Strategy strategy;
    private final Clock clock;
    private final SearchListener listener;
    private final OutputParser outputs = new OutputParser();
    /** The learning curves and the pruner; {@code null} without a pruner (no progress.jsonl is read then). */
    private final ProgressWatch watch;
    /** Runs the pruner stopped, from the cancel until their end is collected. */
    private final Map<Integer, ProgressWatch.Decision> pruning = new HashMap<>();

    private final Map<Integer, JobRef> active = new LinkedHashMap<>();
    /** Where and how a run that ended ran, from its collection until its outcome is journaled. */
    private final Map<Integer, Provenance> runProvenance = new java.util.HashMap<>();
    private final String version = HpSearchVersion.current();
    /** Why each queued job waits, when the executor says (Slurm's pending reason). */
    private final Map<Integer, String> pendingReasons = new HashMap<>();
    /** Pending reasons already written to the search log, each once. */
    private final Set<String> loggedReasons = new HashSet<>();
    private final Deque<Integer> toSubmit = new ArrayDeque<>();
    /** Combinations whose folder and input.json are written but which are not submitted yet. */
    private final java.util.Set<Integer> staged = new java.util.HashSet<>();
    private boolean exhausted;
    private boolean cancelling;
    private SearchState state;
    private Journal journal;
    private SearchLog log;
    private long seed;
    private Instant started;
    private Instant lastTableWrite = Instant.EPOCH;
    private boolean tableDirty;
    /** Whether the last write of the data table failed (said once in the log, not at every retry). */
    private boolean tableFailing;
    /**
     * Combinations in a row that could not be prepared or started (input.json not written, the interpreter or
     * the cluster not reachable); a successful submission resets it.
     */
    private int startFaults;
    /** Polls in a row whose results could not be written into their local folders. */
    private int localFolderFaults;
    /** Runs in a row that a fault of the machine ended (a node failure, a folder no longer writable); a result resets it. */
    private int runFaults;
    /** The last fault of the machine, in words, for the message that says what to fix. */
    private String lastFault;
    /** Whether the last failed submission may have started its runs (they wait in toSubmit, not failed). */
    private boolean lastSubmitUncertain;
    /** Set when the search stops, for a fault of the machine, with work left that a resume finishes. */
    private boolean leftForResume;
    private final java.util.Queue<Integer> cancelRequests = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Analyses that failed since this coordinator started (or resumed), for max_failures. */
    private int failuresHere;
    /** The first of them, in words, shown when max_failures stops the search, and its combination. */
    private String firstFailure;
    private int firstFailureId;
    /** Set when max_failures is reached: the search stops, leaving what waits for resume. */
    private String failureStop;
    /** The limits of where runs go, asked once when a run is first retried with more memory or time. */
    private ResourceLimits limits;
    /** Replicates asked for on demand ({@link #requestReplicates}): how many of the best, how many more each. */
    private int demandTopK;
    private int demandCount;
    /** The combinations to replicate on demand when the user chose them ({@link #requestReplicatesOf}), else null. */
    private List<Integer> demandIds;
    /** Set when this run only replicates (on demand): no ordinary combination is suggested. */
    private boolean replicatesOnly;
    /** Set once this run has planned the replicates search_config.json asks for at the end of the search. */
    private boolean replicatesPlanned;
    /** How many replicates this run journaled, for the end reason. */
    private int replicatesJournaled;
    private volatile String stopReason;
    private volatile boolean interrupted;
    private volatile String interruptReason;

    /**
     * @param searchDir the {@code hp_search_{id}} folder (its parent is the project folder)
     * @param strategy  what proposes combinations
     * @param clock     time source for search_time and elapsed times
     * @param listener  progress receiver (may do nothing)
     */
    public SearchEngine(SearchConfig search, JobConfig job, ModelConfig model, Path searchDir, Executor executor,
                        Strategy strategy, Clock clock, SearchListener listener) {
        this.search = search;
        this.job = job;
        this.model = model;
        this.searchDir = searchDir.toAbsolutePath().normalize();
        this.projectFolder = this.searchDir.getParent();
        this.executor = executor;
        this.strategy = strategy;
        this.clock = clock;
        this.listener = listener;
        this.watch = search.pruner().pruner()
                .map(p -> new ProgressWatch(p, id -> SearchFolder.combinationDir(this.searchDir, id)
                        .resolve(ProgressPoint.FILE_NAME)))
                .orElse(null);
    }

    /**
     * Makes {@link #run()} replicate an existing search instead of continuing it ({@code hpsearch replicate}): the
     * {@code topK} best scored combinations are each run {@code count} more times with replicate_key values of
     * their own, then the run ends; no ordinary combination is suggested. Call before {@link #run()}; the search
     * folder must hold a search whose search_config.json has a replicate_key (docs/decisions/0020).
     */
    public void requestReplicates(int topK, int count) {
        if (topK < 1 || count < 1) {
            throw new IllegalArgumentException("top k and replicates must be >= 1, got " + topK + " and " + count);
        }
        if (search.replicates().key() == null) {
            throw new IllegalArgumentException("search_config.json has no replicate_key");
        }
        demandTopK = topK;
        demandCount = count;
    }

    /**
     * As {@link #requestReplicates}, for combinations the user chose (the GUI's Selection view, which may rank by a
     * metric rather than the loss) instead of the best by the loss.
     */
    public void requestReplicatesOf(List<Integer> ids, int count) {
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("no combination to replicate");
        }
        requestReplicates(ids.size(), count);
        demandIds = List.copyOf(ids);
    }

    /**
     * Stops the search: no more suggestions, running combinations are cancelled and recorded as such.
     * Safe to call from any thread.
     */
    public void requestStop(String reason) {
        stopReason = reason;
    }

    /**
     * Cancels one combination (running or queued); it is recorded as cancelled and the search goes on.
     * Safe to call from any thread.
     */
    public void cancel(int combinationId) {
        cancelRequests.add(combinationId);
    }

    /**
     * Leaves as soon as possible without cancelling anything (for Ctrl-C): running combinations are
     * adopted or re-run by {@code resume}. Safe to call from any thread.
     */
    public void interrupt() {
        interrupted = true;
    }

    /**
     * Like {@link #interrupt()}, and the journal records why (a {@code stop} event): a user who stopped the
     * coordinator and left its runs going, for {@code resume} to adopt. Safe to call from any thread.
     */
    public void interrupt(String reason) {
        interruptReason = reason;
        interrupted = true;
    }

    /**
     * Runs (or resumes) the search until it completes or is interrupted.
     *
     * @throws IOException also when another coordinator is running this search folder
     */
    public SearchSummary run() throws IOException, InterruptedException {
        CoordinatorLock acquired;
        try {
            acquired = CoordinatorLock.acquire(searchDir);
        } catch (CoordinatorLock.SearchBusyException e) {
            throw e;
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        try (CoordinatorLock lock = acquired) {
            return runLocked();
        }
    }

    /** A search folder that cannot be written at the start (read-only, full), in words that say what to fix. */
    private static IOException cannotWrite(IOException e) {
        String cause = IoErrors.describe(e);
        return new IOException("cannot write in the search folder: " + cause + "; " + whatToFix(cause)
                + ", then resume the search", e);
    }

    private SearchSummary runLocked() throws IOException, InterruptedException {
        List<JournalEvent> events = Journal.read(searchDir);
        state = SearchState.replay(events);
        started = clock.instant();
        Journal opened;
        SearchLog openedLog;
        try {
            opened = Journal.open(searchDir);
        } catch (IOException e) {
            throw cannotWrite(e);
        }
        try {
            openedLog = new SearchLog(searchDir, listener::onLog);
        } catch (IOException e) {
            opened.close();
            throw cannotWrite(e);
        }
        try (Journal j = opened; SearchLog l = openedLog) {
            journal = j;
            log = l;
            String reason;
            try {
                if (events.isEmpty()) {
                    if (demandCount > 0) {
                        throw new IllegalStateException("no search to replicate in " + searchDir);
                    }
                    begin();
                } else {
                    loadCurves();
                    reattach();
                }
                if (demandCount > 0) {
                    replicatesOnly = true;
                    journalReplicates(demandTopK, demandCount, true);
                }
                reason = loop();
                if (!interrupted && !leftForResume) {
                    append(new JournalEvent.End(now(), reason));
                } else if (interrupted && interruptReason != null) {
                    reason = interruptReason;
                    append(new JournalEvent.Stop(now(), reason, active.size(), null));
                }
            } catch (JournalFault e) {
                // nothing more can be recorded: running runs are left for resume to adopt, as after Ctrl-C
                leftForResume = true;
                reason = e.getMessage() + "; " + whatToFix(e.getMessage()) + ", then resume the search";
            }
            writeTable();
            Progress p = progress();
            boolean complete = !interrupted && !leftForResume;
            log(complete ? "search ended: " + reason + "; " + summary(p)
                    : "coordinator stopped: " + reason + "; resume with: hpsearch resume " + searchDir);
            listener.onProgress(p);
            return new SearchSummary(searchDir, complete, reason, p, leftForResume);
        }
    }

    private void begin() throws IOException {
        WarmStart warm = readWarmStart(); // before the start is journaled: a source that cannot be read starts nothing
        boolean drawn = search.randomSeed() == null;
        seed = drawn ? new SecureRandom().nextLong() & 0x7fffffffffffL : search.randomSeed();
        JournalEvent start = new JournalEvent.Start(now(), seed, search.searchType().key(), strategy.name());
        append(start);
        state.apply(start);
        log("search started in " + searchDir + " (search_type " + search.searchType().key() + ", strategy "
                + strategy.name() + ", max_suggestions " + search.maxSuggestions() + ", max_active_points "
                + search.maxActivePoints() + ", search_time " + search.searchTimeHours() + " h)");
        log("random_seed " + seed + (drawn ? " (drawn, as search_config.json gives none)" : " (from search_config.json)"));
        strategy.plannedCount().ifPresent(n -> log("the strategy plans " + n + " combinations"));
        if (watch != null) {
            log("pruner " + search.pruner().describe() + ": runs are stopped early by their "
                    + ProgressPoint.FILE_NAME);
        }
        warmStart(warm);
        initialPoints();
    }

    /** Most rows of warm_start_from left out that the log lists one by one; more are grouped by reason. */
    private static final int REJECTIONS_PER_ROW = 20;

    /**
     * Takes in the scored rows of {@code warm_start_from} that fit the space, each journaled as imported under the
     * next id before anything is suggested, so the strategy's first call sees them (docs/decisions/0024).
     */
    private void warmStart(WarmStart w) {
        if (w == null) {
            return;
        }
        for (WarmStart.Imported row : w.imported()) {
            JournalEvent e = new JournalEvent.Import(now(), state.nextId(), row.combination(), row.loss(), row.metrics(),
                    row.source());
            append(e);
            state.apply(e);
            tableDirty = true;
        }
        log("warm start: " + w.imported().size() + " row(s) taken in from "
                + search.starting().warmStartFrom().size() + " earlier search(es), " + w.rejected().size() + " left out");
        w.rejectionLines(REJECTIONS_PER_ROW).forEach(this::log);
    }

    /** The rows of warm_start_from, or {@code null} when the search config names none. */
    private WarmStart readWarmStart() throws IOException {
        List<Path> sources = search.starting().warmStartFrom();
        if (sources.isEmpty()) {
            return null;
        }
        try {
            return WarmStart.read(sources, model.space(), search.numGridPointsPerHyperparameter());
        } catch (IOException e) {
            throw new IOException("warm_start_from: " + IoErrors.describe(e)
                    + " (the earlier searches are read where this coordinator runs)", e);
        }
    }

    /** Journals {@code initial_points} as the first suggestions; they are submitted before any other. */
    private void initialPoints() {
        List<Combination> points = search.starting().initialCombinations(model.space(),
                search.numGridPointsPerHyperparameter(), (path, message) -> {
                    throw new IllegalStateException("the loader checks initial_points: " + path + ": " + message);
                });
        for (Combination c : points) {
            if (search.maxSuggestions() - state.ordinaryCount() <= 0) {
                break;
            }
            toSubmit.add(record(new Suggestion(c, INITIAL_TYPE, -1, "initial point from search_config.json")));
        }
    }

    /** On resume with a pruner: the curves of the runs so far, from their local progress.jsonl. */
    private void loadCurves() {
        if (watch == null) {
            return;
        }
        for (TrialRecord t : state.trials()) {
            if (t.attempts() > 0) {
                watch.load(t.id(), this::log);
            }
        }
    }

    /** After a restart: adopt running jobs, collect what finished meanwhile, re-queue the rest. */
    private void reattach() throws InterruptedException {
        seed = state.seed() == null ? 0 : state.seed();
        JournalEvent resume = new JournalEvent.Resume(now());
        append(resume);
        state.apply(resume);
        log("resuming: " + state.trials().size() + " combinations known, " + state.finishedCount() + " finished");
        for (TrialRecord t : new ArrayList<>(state.trials())) {
            JournalEvent.Prune prune = state.uncollectedPrune(t.id());
            if (prune != null && t.isSubmitted()) {
                reattachPruned(t, prune);
                continue;
            }
            if (t.status().isFinished()) {
                continue;
            }
            if (!t.isSubmitted()) {
                toSubmit.add(t.id());
                continue;
            }
            JobRef ref = new JobRef(t.id(), t.jobId(), t.jobToken());
            JobStatus status;
            try {
                status = executor.reattach(ref, spec(t.id()));
            } catch (ExecutorException e) {
                log("combination " + t.id() + ": cannot re-attach to job " + t.jobId() + ": " + e.getMessage());
                status = new JobStatus(JobStatus.State.LOST, null, e.getMessage(), null);
            }
            if (status.isTerminal()) {
                collect(t.id(), status);
            } else {
                active.put(t.id(), ref);
                log("combination " + t.id() + ": re-attached to running job " + t.jobId());
            }
        }
    }

    /**
     * A run the pruner stopped before the coordinator did, its end not collected: stopped again if it still runs
     * (the cancel may not have happened), then collected as pruned with the journaled step and value.
     */
    private void reattachPruned(TrialRecord t, JournalEvent.Prune prune) {
        ProgressWatch.Decision d = new ProgressWatch.Decision(t.id(), prune.reason(),
                new ProgressPoint(prune.step(), prune.value(), Map.of()));
        pruning.put(t.id(), d);
        JobRef ref = new JobRef(t.id(), t.jobId(), t.jobToken());
        JobStatus status;
        try {
            status = executor.reattach(ref, spec(t.id()));
        } catch (ExecutorException e) {
            status = new JobStatus(JobStatus.State.LOST, null, e.getMessage(), null);
        }
        if (!status.isTerminal()) {
            active.put(t.id(), ref);
            log("combination " + t.id() + ": pruned before the coordinator stopped; stopping job " + t.jobId());
            try {
                executor.cancel(ref);
            } catch (ExecutorException e) {
                log("combination " + t.id() + ": cancel failed: " + e.getMessage());
            }
            return;
        }
        Path dir = SearchFolder.combinationDir(searchDir, t.id());
        if (outputs.parse(dir.resolve("output.json")).hasScore()) {
            collect(t.id(), status); // it wrote its result before it was stopped: the result stands
        } else {
            pruning.remove(t.id());
            runProvenance.put(t.id(), status.provenance().withVersion(version));
            finishPruned(d, status, status.runtime() == null ? Double.NaN : status.runtime().toMillis() / 1000.0);
        }
    }

    private String loop() throws InterruptedException {
        Instant deadline = started.plusMillis(Math.round(search.searchTimeHours() * 3_600_000d));
        while (true) {
            if (interrupted) {
                return "interrupted";
            }
            if (stopReason == null && !clock.instant().isBefore(deadline)) {
                stopReason = "search_time of " + search.searchTimeHours() + " h reached";
            }
            if (failureStop != null && !cancelling) {
                // a broken analysis must not burn the allocation: stop what runs, leave what waits for resume
                cancelling = true;
                log("stopping: " + failureStop + "; cancelling " + active.size() + " running combination(s); "
                        + toSubmit.size() + " waiting combination(s) are left for resume");
                for (JobRef ref : active.values()) {
                    try {
                        executor.cancel(ref);
                    } catch (ExecutorException e) {
                        log("combination " + ref.combinationId() + ": cancel failed: " + e.getMessage());
                    }
                }
            }
            if (stopReason != null && !cancelling) {
                cancelling = true;
                log("stopping: " + stopReason + "; cancelling " + active.size() + " running combination(s)");
                for (JobRef ref : active.values()) {
                    try {
                        executor.cancel(ref);
                    } catch (ExecutorException e) {
                        log("combination " + ref.combinationId() + ": cancel failed: " + e.getMessage());
                    }
                }
                Integer waiting;
                while ((waiting = toSubmit.poll()) != null) {
                    finish(waiting, TrialStatus.CANCELLED, null, Map.of(), "cancelled before it started: " + stopReason,
                            FailureClass.CANCELLED, null, Double.NaN);
                }
            }
            cancelRequested();
            if (!cancelling) {
                fill();
            }
            if (active.isEmpty()) {
                if (cancelling && failureStop != null) {
                    leftForResume = true;
                    return failureStop + "; fix the analysis, then resume the search (the waiting combinations run"
                            + " then; failed ones are not run again)";
                }
                if (cancelling) {
                    return stopReason;
                }
                if (startFaults >= MAX_FAULTS && lastSubmitUncertain) {
                    leftForResume = true;
                    return toSubmit.size() + " combination(s) could not be submitted, or were submitted unseen, as the"
                            + " cluster could not be reached " + startFaults + " times in a row";
                }
                if (faulty()) {
                    leftForResume = true;
                    return MAX_FAULTS + " times in a row a combination could not be "
                            + (startFaults >= MAX_FAULTS ? "prepared or started" : "run to its end")
                            + " for a fault of the machine, not of the analysis (" + toSubmit.size()
                            + " combination(s) wait): " + lastFault + "; " + whatToFix(lastFault)
                            + ", then resume the search";
                }
                if (toSubmit.isEmpty() && replicatesOnly) {
                    return replicatesJournaled + " replicate(s) of " + (demandIds != null ? "combination(s) " + demandIds
                            : "the " + demandTopK + " best combination(s)") + " run";
                }
                if (toSubmit.isEmpty() && (exhausted || state.ordinaryCount() >= search.maxSuggestions())) {
                    if (!replicatesPlanned && search.replicates().atEnd()) {
                        // every ordinary combination has finished: the best ones run again (docs/decisions/0020)
                        replicatesPlanned = true;
                        if (journalReplicates(search.replicates().topK(), search.replicates().count(), false) > 0) {
                            continue;
                        }
                    }
                    String replicated = replicatesJournaled == 0 ? ""
                            : "; then " + replicatesJournaled + " replicate(s) of the best combinations";
                    return (exhausted ? "every combination of the search space has been tried"
                            : "max_suggestions (" + search.maxSuggestions() + ") reached") + replicated;
                }
            }
            boolean changed = pollOnce();
            if (localFolderFaults >= MAX_FAULTS) {
                // the runs still going and the results not copied are the journal's: resume collects them
                leftForResume = true;
                return "the results of ended runs could not be written to this machine " + MAX_FAULTS
                        + " times in a row: " + lastFault + "; " + whatToFix(lastFault) + ", then resume the search";
            }
            maybeWriteTable(false);
            if (!changed && !cancelling) {
                stageAhead();
            }
            if (!changed) {
                Duration untilDeadline = Duration.between(clock.instant(), deadline);
                Duration idle = watch == null || executor.progressInterval().compareTo(IDLE_WAIT) >= 0 ? IDLE_WAIT
                        : executor.progressInterval();
                Duration wait = untilDeadline.compareTo(idle) < 0 ? untilDeadline : idle;
                if (!wait.isNegative() && !wait.isZero()) {
                    executor.awaitChange(wait);
                }
            }
        }
    }

    private void cancelRequested() {
        Integer id;
        while ((id = cancelRequests.poll()) != null) {
            JobRef ref = active.get(id);
            if (ref != null) {
                try {
                    executor.cancel(ref);
                    log("combination " + id + ": cancel requested by the user");
                } catch (ExecutorException e) {
                    log("combination " + id + ": cancel failed: " + e.getMessage());
                }
            } else if (toSubmit.remove(id)) {
                finish(id, TrialStatus.CANCELLED, null, Map.of(), "cancelled by the user before it started",
                        FailureClass.CANCELLED, null, Double.NaN);
            }
        }
    }

    /** Submits re-queued combinations, then new suggestions, while there is room. Returns "exhausted". */
    private void fill() {
        if (executor.throttlesBatches() && !strategy.adaptive()) {
            exhausted = fillBatch(exhausted);
            return;
        }
        while (active.size() < search.maxActivePoints() && !toSubmit.isEmpty()
                && !faulty()) {
            submit(toSubmit.poll());
        }
        while (!exhausted && !replicatesOnly && active.size() < search.maxActivePoints() && !faulty()) {
            int left = search.maxSuggestions() - state.ordinaryCount();
            if (left <= 0) {
                break;
            }
            int n = Math.min(left, search.maxActivePoints() - active.size());
            List<Integer> ids = suggest(n);
            if (ids.isEmpty()) {
                // a strategy that learns from results may have nothing until pending runs finish
                exhausted = active.isEmpty();
                break;
            }
            for (int id : ids) {
                if (faulty()) {
                    toSubmit.add(id); // journaled already: resume submits it
                } else {
                    submit(id);
                }
            }
        }
    }

    /**
     * While runs go on, writes the folders and input.json of the next combinations of a strategy that does not
     * learn from results, so that a free slot costs only the start of a process. Staged combinations are
     * journaled as suggested; a resumed search submits them like any other suggested one.
     */
    private void stageAhead() {
        if (strategy.adaptive() || executor.throttlesBatches() || exhausted || replicatesOnly || faulty()) {
            return;
        }
        int room = Math.min(search.maxActivePoints(), search.maxSuggestions() - state.ordinaryCount()) - toSubmit.size();
        if (room <= 0) {
            return;
        }
        List<Integer> ids = suggest(room);
        if (ids.isEmpty()) {
            exhausted = true;
            return;
        }
        for (int id : ids) {
            if (writeInput(id)) {
                toSubmit.add(id);
            }
        }
    }

    /**
     * Batch mode, for strategies that do not learn from results on an executor that throttles batches itself:
     * everything left goes out at once (in batches of at most {@value #BATCH_LIMIT}), so the cluster keeps the
     * parallelism limit even while this coordinator sleeps.
     */
    private boolean fillBatch(boolean exhausted) {
        if (!toSubmit.isEmpty() && !faulty()) {
            List<Integer> again = new ArrayList<>(toSubmit);
            toSubmit.clear();
            submitBatch(again, true);
            if (!toSubmit.isEmpty()) {
                return exhausted; // no room on the cluster for more now
            }
        }
        int left = search.maxSuggestions() - state.ordinaryCount();
        if (exhausted || replicatesOnly || left <= 0 || faulty()) {
            return exhausted;
        }
        List<Integer> ids = suggest(Math.min(left, BATCH_LIMIT));
        if (ids.isEmpty()) {
            return true;
        }
        submitBatch(ids, true);
        return false;
    }

    /**
     * Journals replicates of the {@code k} best scored combinations and queues them: {@code n} more of each
     * ({@code more}), or as many as make {@code n} in all. Returns how many.
     */
    private int journalReplicates(int k, int n, boolean more) {
        java.util.Optional<ReplicateKey> key = replicateKey();
        if (key.isEmpty()) {
            log("replicates: replicate_key \"" + search.replicates().key() + "\" names no input of model_config.json;"
                    + " no replicates run");
            return 0;
        }
        List<TrialRecord> chosen = more && demandIds != null
                ? demandIds.stream().map(state::trial).filter(java.util.Objects::nonNull).toList()
                : ReplicatePlan.best(state.trials(), k, search.higherIsBetter());
        List<ReplicatePlan.Replicate> plan = ReplicatePlan.plan(state, chosen, n, more, key.get(), model.space());
        Set<Integer> originals = new java.util.TreeSet<>();
        for (ReplicatePlan.Replicate r : plan) {
            int id = state.nextId();
            JournalEvent e = new JournalEvent.Suggest(now(), id, r.combination(), ReplicatePlan.SEARCH_TYPE, -1,
                    state.finishedCount(), r.of(), r.value());
            append(e);
            state.apply(e);
            toSubmit.add(id);
            originals.add(r.of());
        }
        replicatesJournaled += plan.size();
        tableDirty = true;
        log(plan.isEmpty() ? "replicates: none to run (no scored combination, or each has its replicates)"
                : "replicates: " + plan.size() + " planned of combination(s) " + originals + ", each with its own "
                + key.get().name() + "; strategies never learn from them");
        return plan.size();
    }

    private java.util.Optional<ReplicateKey> replicateKey() {
        String name = search.replicates().key();
        return name == null ? java.util.Optional.empty() : ReplicateKey.find(model, name);
    }

    /** Journals a suggestion under the next combination id. */
    private int record(Suggestion s) {
        int id = state.nextId();
        JournalEvent e = new JournalEvent.Suggest(now(), id, s.combination(), s.searchType(), s.ordinal(),
                state.finishedCount());
        append(e);
        state.apply(e);
        if (!s.note().isEmpty()) {
            log("combination " + id + ": " + s.note());
        }
        return id;
    }

    /**
     * Asks the strategy for up to {@code n} combinations and journals each under the next id.
     *
     * <p>A strategy that does not learn from results is asked for one combination at a time, each with the
     * generator of its own id: how many are asked for at once depends on when runs end, and a generator shared
     * by a whole call would make the same seed give other combinations under other timings. An adaptive
     * strategy (bopt) is asked once for all {@code n}, as it fits its model once per call; its suggestions
     * depend on results and their timing anyway.
     */
    private List<Integer> suggest(int n) {
        List<Integer> ids = new ArrayList<>(n);
        if (strategy.adaptive()) {
            for (Suggestion s : strategy.suggest(context(), n, rngFor(state.trials().size()))) {
                ids.add(record(s));
            }
            return ids;
        }
        SearchContext context = context();
        List<PendingTrial> pending = new ArrayList<>(context.pending());
        // seen is a live view of the state; pending is extended here as each suggestion is journaled
        SearchContext growing = new SearchContext(context.space(), context.finished(), pending, context.seen());
        for (int k = 0; k < n; k++) {
            int id = state.nextId();
            List<Suggestion> one = strategy.suggest(growing, 1, rngFor(id));
            if (one.isEmpty()) {
                break;
            }
            Suggestion s = one.get(0);
            ids.add(record(s));
            pending.add(new PendingTrial(id, s.combination(), s.searchType(), s.ordinal()));
        }
        return ids;
    }

    /**
     * The generator for the suggestion call that starts at combination id {@code firstId}, so that a resumed
     * search draws what it would have.
     */
    private SplittableRandom rngFor(int firstId) {
        return new SplittableRandom(seed ^ (0x9E3779B97F4A7C15L * (firstId + 1L)));
    }

    private SearchContext context() {
        return state.strategyContext(model.space());
    }

    private JobSpec spec(int id) {
        Path dir = SearchFolder.combinationDir(searchDir, id);
        Path input = dir.resolve("input.json");
        JobConfig runJob = jobFor(id);
        return new JobSpec(id, dir, input, dir.resolve("log.txt"), CommandLine.of(runJob, projectFolder, input), runJob);
    }

    /**
     * The job config of a combination's next run: job_config.json's, with {@code memory} and {@code time}
     * multiplied by retry_factor once per earlier run that ran out of them, within the limits of where it runs.
     * Rebuilt from the journal, so a resumed search asks for what the search would have.
     */
    private JobConfig jobFor(int id) {
        int memoryRetries = state.reruns(id, FailureClass.OUT_OF_MEMORY);
        int timeRetries = state.reruns(id, FailureClass.TIMEOUT);
        if (memoryRetries == 0 && timeRetries == 0) {
            return job;
        }
        return job.withResources(scaledTime(timeRetries), scaledMemory(memoryRetries));
    }

    /** memory * retry_factor^n, rounded up to whole GB, at most the limit (but never less than asked). */
    private int scaledMemory(int n) {
        double grown = Math.ceil(job.memoryGb() * Math.pow(search.failures().retryFactor(), n) - 1e-9);
        Integer max = limits().maxMemoryGb();
        double capped = max == null ? grown : Math.max(job.memoryGb(), Math.min(grown, max));
        return (int) Math.min(Integer.MAX_VALUE, capped);
    }

    /** time * retry_factor^n hours, at most the limit (but never less than asked). */
    private double scaledTime(int n) {
        double grown = job.timeHours() * Math.pow(search.failures().retryFactor(), n);
        Double max = limits().maxTimeHours();
        return max == null ? grown : Math.max(job.timeHours(), Math.min(grown, max));
    }

    private ResourceLimits limits() {
        if (limits == null) {
            try {
                limits = executor.limits(job);
            } catch (ExecutorException e) {
                log("cannot read the limits of where runs go (retries ask for more without a cap): " + e.getMessage());
                limits = ResourceLimits.NONE;
            }
        }
        return limits;
    }

    private void submit(int id) {
        submitBatch(List.of(id), false);
    }

    /**
     * Writes each combination's input.json and submits them: one by one, or as one batch that the executor
     * throttles to max_active_points itself (a Slurm job array).
     */
    private void submitBatch(List<Integer> ids, boolean asBatch) {
        List<JobSpec> specs = new ArrayList<>();
        List<Integer> prepared = new ArrayList<>();
        for (int id : ids) {
            if (staged.contains(id) || writeInput(id)) {
                staged.remove(id);
                specs.add(spec(id));
                prepared.add(id);
            }
        }
        if (specs.isEmpty()) {
            return;
        }
        try {
            List<JobRef> refs = asBatch ? executor.submitAll(specs, search.maxActivePoints())
                    : List.of(executor.submit(specs.get(0)));
            executor.drainNotes().forEach(this::log);
            if (refs.size() < prepared.size()) {
                // the cluster's submit limit left no room for the rest: they wait, written, for a later batch
                for (int i = prepared.size() - 1; i >= refs.size(); i--) {
                    toSubmit.addFirst(prepared.get(i));
                    staged.add(prepared.get(i));
                }
            }
            for (int i = 0; i < refs.size(); i++) {
                try {
                    recordSubmission(refs.get(i));
                } catch (JournalFault f) {
                    // runs the journal does not know would run unobserved and be started again on resume
                    for (JobRef unrecorded : refs.subList(i, refs.size())) {
                        try {
                            executor.cancel(unrecorded);
                        } catch (ExecutorException e) {
                            log("combination " + unrecorded.combinationId() + ": cancel failed: " + e.getMessage());
                        }
                    }
                    throw f;
                }
            }
            if (asBatch && !refs.isEmpty()) {
                log(refs.size() + " combinations submitted as one batch, at most " + search.maxActivePoints()
                        + " running at once");
            }
        } catch (SubmitUncertainException e) {
            // the runs may be queued: submitting them again finds them (the executor promises so), failing them
            // would leave them running unobserved
            startFaults++;
            lastFault = e.getMessage();
            lastSubmitUncertain = true;
            for (int i = prepared.size() - 1; i >= 0; i--) {
                toSubmit.addFirst(prepared.get(i));
                staged.add(prepared.get(i));
            }
            log("combination(s) " + prepared + ": not known whether submitted; will submit again, which finds them"
                    + " if they were: " + e.getMessage());
        } catch (ExecutorException e) {
            executor.drainNotes().forEach(this::log);
            // the machine's fault (interpreter, log file, cluster), not the analysis's: run them again later
            startFaults++;
            lastSubmitUncertain = false;
            for (int id : prepared) {
                staged.remove(id);
                requeueForFault(id, "could not start: " + e.getMessage(), FailureClass.INFRASTRUCTURE);
            }
        }
        tableDirty = true;
    }

    /**
     * Creates the combination folder and its input.json. A failure is the machine's (a read-only folder, a full
     * disk), not the combination's: it is re-queued.
     */
    private boolean writeInput(int id) {
        JobSpec spec = spec(id);
        try {
            try {
                Files.createDirectory(spec.workDir());
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // a re-run: a stale result must not pass for this run's
                Files.deleteIfExists(spec.workDir().resolve("output.json"));
                if (watch != null) {
                    Files.deleteIfExists(spec.workDir().resolve(ProgressPoint.FILE_NAME));
                    watch.forget(id);
                }
            }
            TrialRecord t = state.trial(id);
            ObjectNode input = model.space().render(model.template(), t.combination());
            if (t.isReplicate()) {
                ReplicateKey key = replicateKey().orElseThrow(() -> new IOException("replicate_key \""
                        + search.replicates().key() + "\" names no input of model_config.json"));
                key.apply(input, t.replicateValue());
            }
            input.put("save_folder", spec.workDir().toString());
            Files.write(spec.inputJson(), JsonFiles.STRICT.writeValueAsBytes(input));
            staged.add(id);
            return true;
        } catch (IOException e) {
            startFaults++;
            lastSubmitUncertain = false;
            staged.remove(id);
            requeueForFault(id, "cannot write " + spec.inputJson() + ": " + IoErrors.describe(e),
                    FailureClass.INFRASTRUCTURE);
            return false;
        }
    }

    private void recordSubmission(JobRef ref) {
        int id = ref.combinationId();
        TrialRecord t = state.trial(id);
        JournalEvent e = new JournalEvent.Submit(now(), id, ref.id(), ref.token());
        append(e);
        state.apply(e);
        active.put(id, ref);
        startFaults = 0;
        if (t.attempts() > 0) {
            log("combination " + id + " submitted again as job " + ref.id() + " (attempt " + (t.attempts() + 1) + ")");
        }
        report(id);
    }

    /** One poll of every active job. Returns true if any finished. */
    private boolean pollOnce() throws InterruptedException {
        if (active.isEmpty()) {
            return false;
        }
        Map<JobRef, JobStatus> statuses;
        try {
            statuses = executor.poll(new ArrayList<>(active.values()));
            localFolderFaults = 0;
        } catch (LocalFolderException e) {
            // results wait where they ran; polling on cannot write them here
            localFolderFaults++;
            lastFault = e.getMessage();
            log("poll: " + e.getMessage() + (localFolderFaults < MAX_FAULTS ? " (will retry)" : ""));
            executor.awaitChange(IDLE_WAIT);
            return false;
        } catch (ExecutorException e) {
            log("poll failed (will retry): " + e.getMessage());
            executor.awaitChange(IDLE_WAIT);
            return false;
        }
        boolean changed = watchProgress(statuses);
        Map<Integer, JobStatus> ended = new LinkedHashMap<>();
        for (Map.Entry<JobRef, JobStatus> entry : statuses.entrySet()) {
            if (entry.getValue().isTerminal()) {
                active.remove(entry.getKey().combinationId());
                ended.put(entry.getKey().combinationId(), entry.getValue());
            }
        }
        // under max_failures, runs that failed may stop the search: collect them before starting more
        boolean mayStop = search.failures().maxFailures() > 0
                && ended.values().stream().anyMatch(st -> st.state() != JobStatus.State.COMPLETED);
        if (!ended.isEmpty() && !cancelling && !toSubmit.isEmpty() && !faulty()
                && !executor.throttlesBatches() && !mayStop) {
            // start the next runs first, then do the bookkeeping of the ended ones while those run
            while (active.size() < search.maxActivePoints() && !toSubmit.isEmpty()
                    && !faulty()) {
                submit(toSubmit.poll());
            }
        }
        for (Map.Entry<Integer, JobStatus> e : ended.entrySet()) {
            collect(e.getKey(), e.getValue());
            changed = true;
        }
        for (Map.Entry<JobRef, JobStatus> entry : statuses.entrySet()) {
            int id = entry.getKey().combinationId();
            JobStatus status = entry.getValue();
            // why a queued job waits (Slurm's pending reason), for the progress line and the dashboard
            String reason = status.state() == JobStatus.State.QUEUED ? status.reason() : null;
            String reasonBefore = reason == null ? pendingReasons.remove(id) : pendingReasons.put(id, reason);
            if (!java.util.Objects.equals(reason, reasonBefore)) {
                changed = true;
                if (reason != null && loggedReasons.add(reason)) {
                    log("combination " + id + ": job " + entry.getKey().id() + " pending: " + reason);
                }
            }
            if (!status.isTerminal()) {
                TrialStatus before = state.trial(id).status();
                state.markRunning(id, status.state() == JobStatus.State.RUNNING);
                if (before != state.trial(id).status()) {
                    report(id);
                    changed = true;
                }
            }
        }
        if (changed) {
            listener.onProgress(progress());
        }
        return changed;
    }

    /**
     * With a pruner: reads the new progress lines of the running runs and of those that just ended (one call of
     * the executor), stops the runs the pruner judges bad and remembers why, for {@link #collect}. Returns whether
     * a run was stopped.
     */
    private boolean watchProgress(Map<JobRef, JobStatus> statuses) {
        if (watch == null) {
            return false;
        }
        List<JobRef> refs = new ArrayList<>();
        Set<Integer> judge = new HashSet<>();
        for (Map.Entry<JobRef, JobStatus> e : statuses.entrySet()) {
            JobStatus.State st = e.getValue().state();
            if (st == JobStatus.State.RUNNING || e.getValue().isTerminal()) {
                refs.add(e.getKey());
            }
            if (st == JobStatus.State.RUNNING && !cancelling && !pruning.containsKey(e.getKey().combinationId())) {
                judge.add(e.getKey().combinationId());
            }
        }
        List<ProgressWatch.Decision> stop;
        try {
            stop = watch.read(executor, refs, judge, this::log);
        } catch (ExecutorException e) {
            log("cannot read the runs' " + ProgressPoint.FILE_NAME + " (will retry): " + e.getMessage());
            return false;
        }
        for (ProgressWatch.Decision d : stop) {
            // journaled before the cancel: a coordinator stopped before it collects the run still records it pruned
            JournalEvent prune = new JournalEvent.Prune(now(), d.id(), d.last().step(), d.last().value(), d.reason());
            append(prune);
            state.apply(prune);
            tableDirty = true;
            pruning.put(d.id(), d);
            log("combination " + d.id() + ": " + d.reason() + "; stopping it");
            try {
                executor.cancel(active.get(d.id()));
            } catch (ExecutorException e) {
                log("combination " + d.id() + ": cancel failed: " + e.getMessage());
            }
        }
        return !stop.isEmpty();
    }

    /** Records a run the pruner stopped: no score, its last step and value as metrics. */
    private void finishPruned(ProgressWatch.Decision d, JobStatus status, double runtime) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        ProgressPoint last = watch == null || watch.last(d.id()) == null ? d.last() : watch.last(d.id());
        metrics.put(SearchState.LAST_STEP, (double) last.step());
        metrics.put(SearchState.LAST_VALUE, last.value());
        last.metrics().forEach(metrics::putIfAbsent);
        finish(d.id(), TrialStatus.PRUNED, null, metrics, d.reason(), null, status.exitCode(), runtime);
    }

    /** Turns a terminal job status and the run's output.json into the combination's outcome. */
    private void collect(int id, JobStatus status) {
        Path dir = SearchFolder.combinationDir(searchDir, id);
        runProvenance.put(id, status.provenance().withVersion(version));
        double runtime = status.runtime() == null ? Double.NaN : status.runtime().toMillis() / 1000.0;
        ProgressWatch.Decision pruned = pruning.remove(id);
        if (pruned != null && status.state() == JobStatus.State.CANCELLED
                && !outputs.parse(dir.resolve("output.json")).hasScore()) {
            finishPruned(pruned, status, runtime);
            return;
        }
        switch (status.state()) {
            case COMPLETED: {
                ScriptOutput out = outputs.parse(dir.resolve("output.json"));
                if (out.hasScore()) {
                    if (out.note() != null) {
                        // a row never says ok beside a failure_reason: the remark goes to the search log
                        log("combination " + id + ": " + out.note());
                    }
                    finish(id, TrialStatus.OK, out.score(), out.metrics(), null, null, status.exitCode(), runtime);
                } else if (faultOfTheFolder(id, dir)) {
                    return;
                } else if (!out.present()) {
                    finish(id, TrialStatus.NO_SCORE, null, Map.of(), out.error(), FailureClass.NO_OUTPUT,
                            status.exitCode(), runtime);
                } else {
                    finish(id, TrialStatus.FAILED, null, out.metrics(), out.error(), FailureClass.BAD_OUTPUT,
                            status.exitCode(), runtime);
                }
                break;
            }
            case LOST: {
                ScriptOutput out = outputs.parse(dir.resolve("output.json"));
                if (out.hasScore()) {
                    String reason = out.note() == null ? status.reason()
                            : status.reason() == null ? out.note() : status.reason() + "; " + out.note();
                    // a lost job that left its score is a result; the note says why it was collected late
                    finish(id, TrialStatus.OK, out.score(), out.metrics(), reason, null, null, runtime);
                } else {
                    requeueOrFail(id, why(status), runtime, FailureClass.INFRASTRUCTURE);
                }
                break;
            }
            case CANCELLED: {
                // a run cancelled after it wrote its output.json has its result
                ScriptOutput out = outputs.parse(dir.resolve("output.json"));
                if (out.hasScore()) {
                    log("combination " + id + ": cancelled after it wrote its output.json; its result is kept");
                    finish(id, TrialStatus.OK, out.score(), out.metrics(), null, null, status.exitCode(), runtime);
                } else if (failureStop != null && stopReason == null) {
                    requeueStopped(id);
                } else {
                    finish(id, TrialStatus.CANCELLED, null, Map.of(),
                            stopReason != null ? "cancelled: " + stopReason : "cancelled by the user",
                            FailureClass.CANCELLED, status.exitCode(), runtime);
                }
                break;
            }
            case PREEMPTED:
                // expected on a preemptible partition: run again, and not a sign that the machine is broken, so it
                // does not count towards the faults in a row that stop the search
                if (!keptResult(id, dir, status, runtime)) {
                    requeueForFault(id, status.reason(), FailureClass.PREEMPTED);
                }
                break;
            case FAULT:
                if (!keptResult(id, dir, status, runtime)) {
                    runFaults++;
                    requeueForFault(id, status.reason(), FailureClass.NODE_FAILURE);
                }
                break;
            case FAILED:
                if (Integer.valueOf(SIGINT_EXIT).equals(status.exitCode())) {
                    // Ctrl-C reaches the whole terminal process group: an interruption, not a property of the combination
                    requeueOrFail(id, why(status) + " (interrupted)", runtime, FailureClass.INFRASTRUCTURE);
                } else if (!faultOfTheFolder(id, dir)) {
                    finish(id, TrialStatus.FAILED, null, Map.of(), why(status), FailureClass.SCRIPT_ERROR,
                            status.exitCode(), runtime);
                }
                break;
            case TIMEOUT:
                failOrRetry(id, status, runtime, FailureClass.TIMEOUT);
                break;
            case OUT_OF_MEMORY:
                failOrRetry(id, status, runtime, FailureClass.OUT_OF_MEMORY);
                break;
            default:
                finish(id, TrialStatus.FAILED, null, Map.of(), status.reason(), FailureClass.INFRASTRUCTURE,
                        status.exitCode(), runtime);
                break;
        }
    }

    /**
     * For a run the cluster ended (preempted, node failure): keeps its result if it wrote a complete output.json
     * first, so that no finished result is run again. Returns whether it did.
     */
    private boolean keptResult(int id, Path dir, JobStatus status, double runtime) {
        ScriptOutput out = outputs.parse(dir.resolve("output.json"));
        if (!out.hasScore()) {
            return false;
        }
        log("combination " + id + ": " + status.reason() + ", after it wrote its output.json; its result is kept");
        finish(id, TrialStatus.OK, out.score(), out.metrics(), null, null, status.exitCode(), runtime);
        return true;
    }

    /**
     * A run past its time limit or its memory: run again with more of it (retry_timeout, retry_out_of_memory),
     * or recorded as failed once the retries are used up or the limit of where it runs is reached.
     */
    private void failOrRetry(int id, JobStatus status, double runtime, FailureClass failureClass) {
        boolean memory = failureClass == FailureClass.OUT_OF_MEMORY;
        int done = state.reruns(id, failureClass);
        int allowed = memory ? search.failures().retryOutOfMemory() : search.failures().retryTimeout();
        String reason = why(status);
        if (done < allowed) {
            boolean grows = memory ? scaledMemory(done + 1) > scaledMemory(done) : scaledTime(done + 1) > scaledTime(done);
            if (grows) {
                requeueToRetry(id, reason + "; runs again with " + (memory ? "memory " + scaledMemory(done + 1) + " GB"
                        : "time " + hours(scaledTime(done + 1))) + " (retry " + (done + 1) + " of " + allowed + ")",
                        failureClass);
                return;
            }
            String where = limits().where().isEmpty() ? "" : " of " + limits().where();
            reason += "; not run again: " + (memory ? "memory " + scaledMemory(done) + " GB"
                    : "time " + hours(scaledTime(done))) + " is the limit" + where;
        } else if (done > 0) {
            reason += "; ran out " + (memory ? "of memory with " + scaledMemory(done) + " GB" : "of time with "
                    + hours(scaledTime(done))) + " after " + done + " retr" + (done == 1 ? "y" : "ies");
        }
        finish(id, TrialStatus.FAILED, null, Map.of(), reason, failureClass, status.exitCode(), runtime);
    }

    private static String hours(double h) {
        long seconds = Math.round(h * 3600);
        return seconds < 120 ? seconds + " s" : seconds < 7200 ? Math.round(seconds / 60.0) + " min"
                : String.format(java.util.Locale.ROOT, "%.4g h", h);
    }

    /** Queues a combination again to retry it with more memory or time: not a try of its own (see attempts). */
    private void requeueToRetry(int id, String reason, FailureClass failureClass) {
        runFaults = 0; // the analysis ran to a result of its own: the machine works
        JournalEvent e = new JournalEvent.Requeue(now(), id, reason, JournalEvent.Requeue.Cause.RETRY, failureClass);
        append(e);
        state.apply(e);
        toSubmit.add(id);
        tableDirty = true;
        log("combination " + id + ": " + reason);
        report(id);
    }

    /** A run that max_failures cancelled waits for resume, as it never ended on its own. */
    private void requeueStopped(int id) {
        JournalEvent e = new JournalEvent.Requeue(now(), id,
                "cancelled when max_failures stopped the search; runs on resume", JournalEvent.Requeue.Cause.RETRY, null);
        append(e);
        state.apply(e);
        toSubmit.add(id);
        tableDirty = true;
        report(id);
    }

    /**
     * For a run that ended without a result: whether its folder can no longer be written (read-only, full). The
     * script then most likely failed because it could not write its output, a fault of the machine: the
     * combination is re-queued rather than recorded as failed. Only the local folder is probed.
     */
    private boolean faultOfTheFolder(int id, Path dir) {
        Path probe = dir.resolve(".hpsearch_probe");
        try {
            // a few kilobytes: an empty file may still fit on a full disk
            Files.write(probe, new byte[8192]);
            Files.delete(probe);
            return false;
        } catch (IOException e) {
            runFaults++;
            requeueForFault(id, "the run ended without a result while its folder could not be written ("
                    + IoErrors.describe(e) + ")", FailureClass.INFRASTRUCTURE);
            return true;
        }
    }

    /**
     * Queues a combination again after a fault of the machine or of hpsearch. Such a fault is not a result and
     * does not count against the combination's attempts; persisting faults stop the search instead.
     */
    private void requeueForFault(int id, String reason, FailureClass failureClass) {
        runProvenance.remove(id);
        if (failureClass != FailureClass.PREEMPTED) {
            lastFault = reason;
        }
        JournalEvent e = new JournalEvent.Requeue(now(), id, reason, JournalEvent.Requeue.Cause.FAULT, failureClass);
        append(e);
        state.apply(e);
        toSubmit.add(id);
        tableDirty = true;
        log("combination " + id + ": re-queued, as " + (failureClass == FailureClass.PREEMPTED
                ? "a job of higher priority took its place" : "this machine failed it (not the analysis)") + ": " + reason);
        report(id);
    }

    /** Whether faults of the machine persist, so that the search must stop for the user to fix their cause. */
    private boolean faulty() {
        return startFaults >= MAX_FAULTS || runFaults >= MAX_FAULTS;
    }

    /** What the user can do about a fault, guessed from its message. */
    static String whatToFix(String fault) {
        String f = fault == null ? "" : fault.toLowerCase(java.util.Locale.ROOT);
        if (f.contains("read-only file system")) {
            return "make the search folder writable (it is on a read-only file system)";
        }
        if (f.contains("no space left") || f.contains("disk quota")) {
            return "free disk space where the search folder is";
        }
        if (f.contains("not an executable") || f.contains("permission denied")) {
            return "check that environment_path is an executable file and that the search folder is writable";
        }
        if (f.contains("cluster") || f.contains("slurm")) {
            return "check the cluster";
        }
        return "fix the cause given";
    }

    /** Why a job ended badly, in words, also when its executor gave no reason. */
    private static String why(JobStatus status) {
        if (status.reason() != null && !status.reason().isBlank()) {
            return status.reason();
        }
        String state = status.state().name().toLowerCase(java.util.Locale.ROOT);
        return status.exitCode() == null ? "the job ended (" + state + ")"
                : "the job ended (" + state + ") with exit code " + status.exitCode();
    }

    /** Runs a combination again (on resume, or now) unless it has been tried too often. */
    private void requeueOrFail(int id, String reason, double runtime, FailureClass failureClass) {
        TrialRecord t = state.trial(id);
        // runs the machine ended are not tries of the combination
        int tries = t.attempts() - state.faultedRuns(id);
        if (tries < MAX_ATTEMPTS) {
            runProvenance.remove(id);
            JournalEvent e = new JournalEvent.Requeue(now(), id, reason, JournalEvent.Requeue.Cause.FAILED_TRY,
                    failureClass);
            append(e);
            state.apply(e);
            toSubmit.add(id);
            log("combination " + id + ": re-queued (" + reason + ")");
        } else {
            finish(id, TrialStatus.FAILED, null, Map.of(), reason + "; gave up after " + tries + " attempts",
                    failureClass, null, runtime);
        }
    }

    private void finish(int id, TrialStatus status, Double loss, Map<String, Double> metrics, String reason,
                        FailureClass failureClass, Integer exitCode, double runtime) {
        if (status == TrialStatus.OK && reason != null) {
            // a row never says ok beside a failure reason; the remark goes to the search log
            log("combination " + id + ": " + reason);
            reason = null;
        }
        if (status != TrialStatus.CANCELLED) {
            runFaults = 0; // a result: the machine runs analyses again
        }
        if (status == TrialStatus.FAILED && failureClass != null && failureClass.isAnalysis()) {
            countFailure(id, reason);
        }
        // the run's own record; a combination finished without running (cancelled while queued) has none
        JournalEvent e = new JournalEvent.Finish(now(), id, status, loss, metrics, reason,
                status == TrialStatus.OK ? null : failureClass, exitCode, runtime, runProvenance.remove(id));
        append(e);
        state.apply(e);
        tableDirty = true;
        if (status == TrialStatus.FAILED || status == TrialStatus.CANCELLED || status == TrialStatus.PRUNED) {
            log("combination " + id + " " + status.key() + ": " + reason);
        } else {
            TrialRecord t = state.trial(id);
            log("combination " + id + " (" + t.searchType() + ", job " + t.jobId() + ") finished"
                    + (status == TrialStatus.OK ? ": loss " + loss + (reason == null ? "" : " (" + reason + ")")
                    : " without score (" + reason + ")"));
        }
        report(id);
    }

    /** Counts a failed analysis towards max_failures; reaching it stops the search (see {@link #loop()}). */
    private void countFailure(int id, String reason) {
        failuresHere++;
        if (firstFailure == null) {
            String last = lastLogLine(id);
            firstFailure = "combination " + id + ": " + reason + (last.isEmpty() ? "" : ", its log ends: " + last);
            firstFailureId = id;
        }
        long limit = search.failures().failureLimit(plannedCount());
        if (limit > 0 && failuresHere >= limit && failureStop == null) {
            failureStop = failuresHere + " analyses failed, max_failures is " + limit + " (" + failureLimitSource()
                    + "); the first: " + firstFailure + " (see "
                    + SearchFolder.combinationDir(searchDir, firstFailureId).resolve("log.txt") + ")";
        }
    }

    /** The last non-blank line of a combination's log.txt (read from its last 4 KB), at most 300 characters. */
    private String lastLogLine(int id) {
        Path logFile = SearchFolder.combinationDir(searchDir, id).resolve("log.txt");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(logFile.toFile(), "r")) {
            long from = Math.max(0, f.length() - 4096);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            String[] lines = new String(tail, java.nio.charset.StandardCharsets.UTF_8).split("\\R");
            for (int i = lines.length - 1; i >= 0; i--) {
                String line = lines[i].strip();
                if (!line.isEmpty()) {
                    return line.length() > 300 ? line.substring(0, 300) + "…" : line;
                }
            }
        } catch (IOException e) {
            // no log to quote: the reason alone is shown
        }
        return "";
    }

    private String failureLimitSource() {
        double m = search.failures().maxFailures();
        return m >= 1 ? "search_config.json max_failures " + (long) m
                : "search_config.json max_failures " + m + " of " + plannedCount() + " planned combinations";
    }

    /**
     * How many combinations the search plans: max_suggestions, or fewer when the strategy knows its count; and the
     * replicates it has or plans to run at its end.
     */
    private long plannedCount() {
        OptionalLong byStrategy = strategy.plannedCount();
        long ordinary = Math.min(search.maxSuggestions(),
                byStrategy.isPresent() ? byStrategy.getAsLong() : search.maxSuggestions());
        int replicates = state.trials().size() - state.ordinaryCount();
        long atEnd = replicatesOnly ? 0 : (long) search.replicates().count() * search.replicates().topK();
        return ordinary + Math.max(replicates, atEnd);
    }

    private void maybeWriteTable(boolean force) {
        Instant now = clock.instant();
        if (tableDirty && (force || Duration.between(lastTableWrite, now).compareTo(TABLE_INTERVAL) >= 0)) {
            writeTable();
        }
    }

    private void writeTable() {
        try {
            DataTable.write(state, model.space(), searchDir);
            lastTableWrite = clock.instant();
            tableDirty = false;
            tableFailing = false;
        } catch (IOException e) {
            if (!tableFailing) {
                log("cannot write " + DataTable.FILE_NAME + " (will retry): " + IoErrors.describe(e));
            }
            tableFailing = true;
        }
    }

    /** The current counts and estimate. */
    public Progress progress() {
        Map<String, Integer> waiting = new java.util.TreeMap<>();
        pendingReasons.values().forEach(r -> waiting.merge(r, 1, Integer::sum));
        Duration elapsed = Duration.between(started, clock.instant());
        Progress counted = Progress.count(state.trials(), plannedCount(), state.best(), elapsed, waiting);
        long planned = counted.planned();
        int finishedHere = counted.finished();
        if (finishedHere == 0 || planned <= finishedHere) {
            return counted;
        }
        double perResult = (double) elapsed.toMillis() / finishedHere;
        long left = Math.round(perResult * (planned - finishedHere));
        long budget = Math.max(0, Math.round(search.searchTimeHours() * 3_600_000d) - elapsed.toMillis());
        return counted.withRemaining(Duration.ofMillis(Math.min(left, budget)));
    }

    /** The state as recorded so far (read it on the engine's thread or after {@link #run()}). */
    public SearchState state() {
        return state;
    }

    private static String summary(Progress p) {
        String best = p.best() == null ? "no score yet"
                : "best loss " + p.best().loss() + " (combination " + p.best().id() + ")";
        return p.done() + " done, " + p.failed() + " failed, " + p.cancelled() + " cancelled"
                + (p.pruned() > 0 ? ", " + p.pruned() + " pruned" : "") + "; " + best;
    }

    /**
     * Tells the listener of a combination's new state and, at once, of the counts it changes: the dashboard's
     * counters come from {@link Progress} alone, so a row must never change without a new Progress.
     */
    private void report(int id) {
        listener.onTrial(state.trial(id));
        listener.onProgress(progress());
    }

    private void log(String message) {
        log.log(now(), message);
    }

    /** Journals one event; a journal that cannot be written stops the coordinator (see {@link JournalFault}). */
    private void append(JournalEvent event) {
        try {
            journal.append(event);
        } catch (java.io.UncheckedIOException e) {
            throw new JournalFault("cannot write the search journal " + searchDir.resolve(Journal.FILE_NAME) + ": "
                    + IoErrors.describe(e.getCause()));
        }
    }

    /**
     * The journal could not be written (a full disk, a read-only folder). Nothing more can be recorded, so the
     * coordinator stops at once and leaves what runs for {@code resume}, which adopts it.
     */
    private static final class JournalFault extends RuntimeException {
        JournalFault(String message) {
            super(message, null, false, false);
        }
    }

    private long now() {
        return clock.millis();
    }

    /** Combinations known to the journal but not yet finished (for tests and status displays). */
    List<Combination> pendingCombinations() {
        List<Combination> out = new ArrayList<>();
        for (TrialRecord t : state.trials()) {
            if (!t.status().isFinished()) {
                out.add(t.combination());
            }
        }
        return out;
    }
}
