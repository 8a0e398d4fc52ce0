package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.Notifier;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.engine.FailureClass;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Utf8;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The run dashboard: launches, resumes or follows a search and turns its events into counters, a table of
 * combinations and the history. Engine events arrive on the engine's thread; they are coalesced (latest
 * record per combination, latest progress) and applied in one batch on the UI thread, so the UI thread
 * never waits for the engine and is never flooded.
 */
public final class DashboardViewModel {
    static final String NO_SELECTION = "Select a combination to see where and how it ran.";
    public static final List<String> STATUS_FILTERS = List.of("all", "ok", "failed", "cancelled", "running", "queued",
            "no_score");

    private final Project project;
    private final TaskRunner tasks;
    private final SearchLauncher launcher;
    private final ResultsModel results = new ResultsModel();
    private final ObservableList<ResultRow> rows = results.rows();
    private final FilteredList<ResultRow> filtered = new FilteredList<>(rows);
    private final ObservableList<String> hyperparameters = results.hyperparameters();
    private final ObservableList<Path> pastSearches = FXCollections.observableArrayList();
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty failed = new SimpleIntegerProperty();
    private final IntegerProperty cancelled = new SimpleIntegerProperty();
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final IntegerProperty queued = new SimpleIntegerProperty();
    private final StringProperty elapsed = new SimpleStringProperty("–");
    private final StringProperty eta = new SimpleStringProperty("–");
    private final StringProperty best = new SimpleStringProperty("–");
    private final StringProperty pending = new SimpleStringProperty("");
    private final StringProperty failureClasses = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty("No search yet: launch one, or open an earlier one.");
    private final StringProperty searchName = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final BooleanProperty controllable = new SimpleBooleanProperty(false);
    private final BooleanProperty stoppable = new SimpleBooleanProperty(false);
    private final Notifier notifier;
    private final IntegerProperty dataVersion = results.dataVersionProperty();
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty statusFilter = new SimpleStringProperty("all");
    private final ObjectProperty<Set<Integer>> brushed = results.brushedProperty();
    private final ObjectProperty<SearchSpace> space = results.spaceProperty();
    private final ObjectProperty<RunningSearch> search = new SimpleObjectProperty<>(null);
    private final ObservableList<String> searchLog = FXCollections.observableArrayList();
    private final ObservableList<String> targets = FXCollections.observableArrayList("local");
    private final StringProperty target = new SimpleStringProperty(null);
    private final BooleanProperty submitting = new SimpleBooleanProperty(false);
    private final StringProperty coordinator = new SimpleStringProperty("");
    private final StringProperty detachedLaunch = new SimpleStringProperty(null);
    private final ObjectProperty<ResultRow> selected = results.selectedProperty();
    private final StringProperty detail = new SimpleStringProperty(NO_SELECTION);

    // filled on the engine thread, drained on the UI thread
    private final Map<Integer, TrialRecord> pendingTrials = new LinkedHashMap<>();
    private final AtomicReference<Progress> pendingProgress = new AtomicReference<>();
    private final AtomicReference<String> pendingEnd = new AtomicReference<>();
    private final AtomicReference<String> pendingCoordinator = new AtomicReference<>();
    private final ConcurrentLinkedQueue<String> pendingLog = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private long session;
    private final long minBatchNanos;
    private volatile long lastDrainNanos;
    private volatile long longestBatchNanos;
    private java.util.concurrent.ScheduledExecutorService batchTimer;

    /** A dashboard that applies engine events as soon as they arrive (tests). */
    public DashboardViewModel(Project project, TaskRunner tasks, SearchLauncher launcher) {
        this(project, tasks, launcher, Duration.ZERO);
    }

    /**
     * @param minBatchInterval the least time between two batches applied on the UI thread: events arriving
     *                         sooner wait and are merged into the next batch
     */
    public DashboardViewModel(Project project, TaskRunner tasks, SearchLauncher launcher, Duration minBatchInterval) {
        this(project, tasks, launcher, minBatchInterval, Notifier.NONE);
    }

    /** @param notifier told when a search this window runs or follows ends (a desktop notification) */
    public DashboardViewModel(Project project, TaskRunner tasks, SearchLauncher launcher, Duration minBatchInterval,
                              Notifier notifier) {
        this.notifier = notifier;
        this.minBatchNanos = minBatchInterval.toNanos();
        this.project = project;
        this.tasks = tasks;
        this.launcher = launcher;
        filterText.addListener((o, a, b) -> refilter());
        statusFilter.addListener((o, a, b) -> refilter());
        brushed.addListener((o, a, b) -> refilter());
    }

    // ---- properties

    /** The results on screen, shared with the analysis views. */
    public ResultsModel results() {
        return results;
    }

    public ObservableList<ResultRow> rows() {
        return rows;
    }

    public FilteredList<ResultRow> filteredRows() {
        return filtered;
    }

    public ObservableList<String> hyperparameters() {
        return hyperparameters;
    }

    public ObservableList<Path> pastSearches() {
        return pastSearches;
    }

    public IntegerProperty doneProperty() {
        return done;
    }

    public IntegerProperty failedProperty() {
        return failed;
    }

    public IntegerProperty cancelledProperty() {
        return cancelled;
    }

    public IntegerProperty runningProperty() {
        return running;
    }

    public IntegerProperty queuedProperty() {
        return queued;
    }

    public StringProperty elapsedProperty() {
        return elapsed;
    }

    public StringProperty etaProperty() {
        return eta;
    }

    /** Why queued runs wait, with counts (Slurm's pending reasons), e.g. {@code 3 Priority}; empty when none. */
    public StringProperty pendingProperty() {
        return pending;
    }

    /**
     * The rows without a score counted by failure class ({@code 2 timeout, 1 out_of_memory}), or empty; rows
     * waiting to run again count under the class that ended their last run (preempted, node_failure...).
     */
    public StringProperty failureClassesProperty() {
        return failureClasses;
    }

    public StringProperty bestProperty() {
        return best;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty searchNameProperty() {
        return searchName;
    }

    /** True while a search runs in this window or is being followed. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** True when the search can be stopped and its combinations cancelled from here. */
    public BooleanProperty controllableProperty() {
        return controllable;
    }

    /** Whether Stop applies: a search this window runs, or a detached one it follows. */
    public BooleanProperty stoppableProperty() {
        return stoppable;
    }

    /** Bumped after each batch of changes, for plots to redraw. */
    public IntegerProperty dataVersionProperty() {
        return dataVersion;
    }

    public StringProperty filterTextProperty() {
        return filterText;
    }

    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    /** Ids kept by the parallel-coordinates brushes, or {@code null} for no brush. */
    public ObjectProperty<Set<Integer>> brushedProperty() {
        return brushed;
    }

    public ObjectProperty<SearchSpace> spaceProperty() {
        return space;
    }

    public ObjectProperty<RunningSearch> searchProperty() {
        return search;
    }

    public ObservableList<String> searchLog() {
        return searchLog;
    }

    public Project project() {
        return project;
    }

    /** Where a search can run: {@code local} and the cluster profiles. */
    public ObservableList<String> targets() {
        return targets;
    }

    /** Where the next search runs: {@code local}, a cluster profile, or {@code null} for job_config's cluster. */
    public StringProperty targetProperty() {
        return target;
    }

    /** True while a detached launch is being submitted. */
    public BooleanProperty submittingProperty() {
        return submitting;
    }

    /**
     * Slurm's state of the coordinator job of the search followed on the cluster, refreshed at every copy; empty
     * for searches run or opened here.
     */
    public StringProperty coordinatorProperty() {
        return coordinator;
    }

    /**
     * The project's latest detached launch ({@code hp_search_3: job 123 on cluster}), which "Follow on cluster"
     * follows, or {@code null} when launched_hp_searches.txt records none.
     */
    public StringProperty detachedLaunchProperty() {
        return detachedLaunch;
    }

    /** The combination selected in the table, or {@code null}; kept current as its row changes. */
    public ObjectProperty<ResultRow> selectedProperty() {
        return selected;
    }

    /**
     * Where and how the selected combination ran (its provenance: node, Slurm state, exit code, times, memory,
     * digests, version), in lines for people.
     */
    public StringProperty detailProperty() {
        return detail;
    }

    /** Selects a combination (the table's selection) and shows its detail. */
    public void select(ResultRow row) {
        selected.set(row);
        detail.set(row == null ? NO_SELECTION : detailOf(row));
    }

    /** The detail of a combination: a line per fact that is known, and a word for what is not. */
    static String detailOf(ResultRow r) {
        StringBuilder sb = new StringBuilder();
        sb.append("combination ").append(r.id()).append(": ").append(r.status());
        if (!r.jobId().isEmpty()) {
            sb.append(" (job ").append(r.jobId()).append(')');
        }
        sb.append('\n');
        dev.hpsearch.optimizer.exec.Provenance p = r.provenance();
        if (p.isEmpty()) {
            sb.append(r.status().equals("running") || r.status().equals("queued")
                    ? "Where and how it ran is recorded when it ends."
                    : "No record of where and how it ran (a table of the original tool, or an earlier hpsearch).");
            return sb.toString();
        }
        boolean local = "local".equals(p.usageFrom());
        line(sb, local ? "host" : "nodes", p.nodes());
        line(sb, local ? "state" : "Slurm state", p.state());
        line(sb, "exit code", p.exitCode());
        line(sb, "elapsed", p.elapsedSeconds() == null ? null : seconds(p.elapsedSeconds()));
        line(sb, "CPU time", p.cpuSeconds() == null ? null : seconds(p.cpuSeconds()));
        line(sb, local ? "peak memory" : "MaxRSS", p.maxRssBytes() == null ? null
                : String.format(Locale.ROOT, "%.1f MiB", p.maxRssBytes() / 1048576.0));
        line(sb, "figures from", p.usageFrom() == null ? null : source(p.usageFrom()));
        line(sb, "script sha256", p.scriptSha256());
        line(sb, "input.json sha256", p.inputSha256());
        line(sb, "hpsearch", p.version());
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(": ").append(value == null ? "not known" : value).append('\n');
    }

    private static String seconds(double s) {
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s)
                : format(Duration.ofMillis(Math.round(s * 1000))) + String.format(Locale.ROOT, " (%.0f s)", s);
    }

    private static String source(String from) {
        switch (from) {
            case "sacct":
                return "sacct (Slurm accounting)";
            case "scontrol":
                return "scontrol show job (accounting is off: no CPU time or MaxRSS)";
            case "jobcomp":
                return "the jobcomp file, sacct -c (accounting is off: no CPU time or MaxRSS)";
            case "local":
                return "this machine's /proc, sampled while it ran";
            default:
                return from;
        }
    }

    /** The results so far as an analysis table. */
    public ResultTable resultTable() {
        return results.table();
    }

    // ---- actions

    public void refreshPastSearches() {
        tasks.run(project::searches, pastSearches::setAll, e -> message.set("Cannot list searches: " + IoErrors.describe(e)));
        refreshDetachedLaunch();
    }

    /** Reads which detached launch "Follow on cluster" would follow. */
    public void refreshDetachedLaunch() {
        tasks.run(() -> java.util.Optional.ofNullable(DetachedLaunches.latest(project.folder())),
                l -> detachedLaunch.set(l.map(d -> d.searchName() + ": job " + d.jobId()
                        + (d.cluster() == null ? "" : " on " + d.cluster())).orElse(null)),
                e -> detachedLaunch.set(null));
    }

    /**
     * Follows the project's latest detached search from here: its journal and configs are copied from the
     * cluster into a local mirror every few seconds, the table, counters and plots are rebuilt from the mirror,
     * and the coordinator job's Slurm state is shown ({@link #coordinatorProperty}).
     */
    public void followDetached() {
        String where = target.get() == null || target.get().isBlank() || target.get().equalsIgnoreCase("local") ? null
                : target.get();
        begin("Connecting to the cluster to follow " + (detachedLaunch.get() == null ? "the detached search"
                : detachedLaunch.get()) + "…", events -> launcher.followDetached(project, where, events));
    }

    public void launch() {
        String where = target.get() == null || target.get().isBlank() ? null : target.get();
        begin(where == null || where.equalsIgnoreCase("local") ? "Starting a new search…"
                : "Connecting to " + where + " and starting a new search…", events -> launcher.start(project, where, events));
    }

    /**
     * Submits the search's coordinator as a Slurm job on the chosen cluster (detached mode): the search goes on
     * with this window closed.
     */
    public void launchDetached() {
        String where = target.get();
        if (where == null || where.isBlank() || where.equalsIgnoreCase("local")) {
            message.set("Launch detached runs the coordinator on a cluster: choose a cluster profile first");
            return;
        }
        submitting.set(true);
        message.set("Submitting the coordinator to " + where + "…");
        tasks.run(() -> launcher.launchDetached(project, where), m -> {
            submitting.set(false);
            message.set(m);
            refreshDetachedLaunch();
        }, e -> {
            submitting.set(false);
            message.set("Could not launch on " + where + ": " + IoErrors.describe(e));
        });
    }

    public void resume(Path dir) {
        begin("Resuming " + dir.getFileName() + "…", events -> launcher.resume(dir, events));
    }

    public void attach(Path dir) {
        begin("Opening " + dir.getFileName() + "…", events -> launcher.attach(dir, events));
    }

    /**
     * Shows a results table read from a file ({@code hp_search_data.txt} of this tool or of the original one)
     * without a search behind it: the plots infer their axes from the values.
     */
    public void openResultsFile(Path file) {
        RunningSearch previous = search.get();
        if (previous != null) {
            previous.close();
        }
        long id = ++session;
        tasks.run(() -> ResultTable.parse(Utf8.read(file)), table -> {
            if (id != session) {
                return;
            }
            clear();
            search.set(null);
            space.set(null);
            active.set(false);
            controllable.set(false);
            stoppable.set(false);
            results.show(table.hyperparameters(), null, table.rows());
            long ok = table.rows().stream().filter(ResultRow::hasLoss).count();
            done.set((int) ok);
            failed.set((int) table.rows().stream().filter(ResultRow::isFailed).count());
            recountClasses();
            table.rows().stream().filter(ResultRow::hasLoss).min((a, b) -> Double.compare(a.loss(), b.loss()))
                    .ifPresent(b -> best.set(Axis.format(b.loss()) + "  (combination " + b.id() + ")"));
            searchName.set(file.getFileName().toString());
            message.set("Showing " + file + " (" + table.rows().size() + " combinations, read-only)");
            dataVersion.set(dataVersion.get() + 1);
        }, e -> message.set("Cannot read " + file + ": " + IoErrors.describe(e)));
    }

    /** Stops the whole search. */
    public void stopSearch() {
        RunningSearch s = search.get();
        if (s != null && s.stoppable()) {
            s.stop("stopped from the dashboard");
            message.set(s.followOnly() ? "Asked the coordinator on the cluster to stop: its running combinations are"
                    + " being cancelled…" : "Stopping: running combinations are being cancelled…");
        }
    }

    public void cancel(ResultRow row) {
        RunningSearch s = search.get();
        if (s != null && !s.followOnly() && row != null) {
            s.cancel(row.id());
            message.set("Cancelling combination " + row.id() + "…");
        }
    }

    /** Where a combination's log is. */
    public Path logOf(ResultRow row) {
        RunningSearch s = search.get();
        if (s == null || row == null) {
            return null;
        }
        s.watchLog(row.id());
        return s.searchDir().resolve("hp_combination_" + row.id()).resolve("log.txt");
    }

    /** Stops watching (the window closes). A search run by this window is interrupted and can be resumed. */
    public void dispose() {
        RunningSearch s = search.get();
        if (s != null) {
            s.close();
        }
        synchronized (this) {
            if (batchTimer != null) {
                batchTimer.shutdownNow();
            }
        }
    }

    private interface Start {
        RunningSearch start(SearchEvents events) throws Exception;
    }

    private void begin(String what, Start start) {
        RunningSearch previous = search.get();
        if (previous != null) {
            previous.close();
        }
        long id = ++session;
        clear();
        message.set(what);
        active.set(true);
        controllable.set(false);
        stoppable.set(false);
        SearchEvents events = new Events(id);
        tasks.run(() -> start.start(events), s -> {
            if (id != session) {
                s.close();
                return;
            }
            search.set(s);
            space.set(s.model().space());
            hyperparameters.setAll(s.model().space().hyperparameters().stream().map(Hyperparameter::name).toList());
            searchName.set(s.searchDir().getFileName().toString());
            controllable.set(!s.followOnly());
            stoppable.set(s.stoppable());
            message.set((s.followOnly() ? "Following " : "Running ") + s.searchDir());
            refreshPastSearches();
            drain(id);
        }, e -> {
            if (id == session) {
                active.set(false);
                message.set("Could not start: " + IoErrors.describe(e));
            }
        });
    }

    private void clear() {
        synchronized (pendingTrials) {
            pendingTrials.clear();
        }
        pendingProgress.set(null);
        pendingEnd.set(null);
        pendingCoordinator.set(null);
        pendingLog.clear();
        coordinator.set("");
        pending.set("");
        results.clear();
        select(null);
        searchLog.clear();
        done.set(0);
        failed.set(0);
        cancelled.set(0);
        running.set(0);
        queued.set(0);
        elapsed.set("–");
        eta.set("–");
        best.set("–");
        failureClasses.set("");
    }

    /** Engine-thread side: record and schedule one drain. */
    private final class Events implements SearchEvents {
        private final long id;

        Events(long id) {
            this.id = id;
        }

        @Override
        public void onTrial(TrialRecord trial) {
            synchronized (pendingTrials) {
                pendingTrials.put(trial.id(), trial);
            }
            schedule(id);
        }

        @Override
        public void onProgress(Progress progress) {
            pendingProgress.set(progress);
            schedule(id);
        }

        @Override
        public void onLog(String line) {
            pendingLog.add(line);
            schedule(id);
        }

        @Override
        public void onEnd(String msg) {
            pendingEnd.set(msg);
            schedule(id);
        }

        @Override
        public void onCoordinator(String state) {
            pendingCoordinator.set(state);
            schedule(id);
        }
    }

    private void schedule(long id) {
        if (drainScheduled.compareAndSet(false, true)) {
            long wait = lastDrainNanos + minBatchNanos - System.nanoTime();
            if (minBatchNanos <= 0 || wait <= 0) {
                tasks.onUi(() -> drain(id));
            } else {
                timer().schedule(() -> tasks.onUi(() -> drain(id)), wait, java.util.concurrent.TimeUnit.NANOSECONDS);
            }
        }
    }

    private synchronized java.util.concurrent.ScheduledExecutorService timer() {
        if (batchTimer == null) {
            batchTimer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "hpsearch-dashboard-batch");
                t.setDaemon(true);
                return t;
            });
        }
        return batchTimer;
    }

    /** UI-thread side: apply everything that arrived since the last drain. */
    void drain(long id) {
        long t0 = System.nanoTime();
        try {
            drainBatch(id);
        } finally {
            longestBatchNanos = Math.max(longestBatchNanos, System.nanoTime() - t0);
        }
    }

    /** The longest time one batch of engine events took to apply on the UI thread (for the benchmark). */
    public long longestBatchNanos() {
        return longestBatchNanos;
    }

    /** Forgets the longest batch time. */
    public void resetBatchTiming() {
        longestBatchNanos = 0;
    }

    private void drainBatch(long id) {
        drainScheduled.set(false);
        lastDrainNanos = System.nanoTime();
        if (id != session || search.get() == null) {
            return;
        }
        List<TrialRecord> trials;
        synchronized (pendingTrials) {
            trials = new ArrayList<>(pendingTrials.values());
            pendingTrials.clear();
        }
        for (TrialRecord t : trials) {
            ResultRow r = t.row();
            boolean wasSelected = selected.get() != null && selected.get().id() == r.id();
            results.put(r);
            if (wasSelected) {
                select(r);
            }
        }
        if (!trials.isEmpty()) {
            recountClasses();
        }
        String line;
        int lines = 0;
        while ((line = pendingLog.poll()) != null) {
            searchLog.add(line);
            lines++;
        }
        if (searchLog.size() > 2000) {
            searchLog.remove(0, searchLog.size() - 2000);
        }
        Progress p = pendingProgress.getAndSet(null);
        if (p != null) {
            apply(p);
        }
        String job = pendingCoordinator.getAndSet(null);
        if (job != null) {
            coordinator.set(job);
        }
        String end = pendingEnd.getAndSet(null);
        if (end != null) {
            active.set(false);
            controllable.set(false);
            stoppable.set(false);
            message.set(end);
            notifier.notify("hpsearch: " + project.name() + " " + searchName.get(), end);
        }
        if (!trials.isEmpty() || p != null || lines > 0) {
            dataVersion.set(dataVersion.get() + 1);
        }
    }

    private void apply(Progress p) {
        done.set(p.done());
        failed.set(p.failed());
        cancelled.set(p.cancelled());
        running.set(p.running());
        queued.set(p.queued());
        elapsed.set(format(p.elapsed()));
        eta.set(p.remaining() == null ? "–" : format(p.remaining()));
        pending.set(p.pendingText());
        if (p.best() != null && p.best().loss() != null) {
            List<String> values = new ArrayList<>();
            for (int i = 0; i < p.best().combination().size() && i < hyperparameters.size(); i++) {
                values.add(hyperparameters.get(i) + "=" + ResultTable.text(p.best().combination().get(i)));
            }
            best.set(Axis.format(p.best().loss()) + "  (combination " + p.best().id() + ": " + String.join(", ", values) + ")");
        }
    }

    private void recountClasses() {
        // in the order of FailureClass (analysis failures first), a class unknown to this version last
        java.util.Map<String, Integer> counts = new java.util.TreeMap<>(java.util.Comparator
                .comparingInt((String k) -> FailureClass.ofKey(k) == null ? Integer.MAX_VALUE : FailureClass.ofKey(k).ordinal())
                .thenComparing(k -> k));
        for (ResultRow r : rows) {
            if (!r.failureClass().isEmpty() && !r.hasLoss()) {
                counts.merge(r.failureClass(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((c, n) -> parts.add(n + " " + c));
        failureClasses.set(String.join(", ", parts));
    }

    static String format(Duration d) {
        long s = Math.max(0, d.getSeconds());
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, (s / 60) % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        String status = statusFilter.get();
        Set<Integer> ids = brushed.get();
        Predicate<ResultRow> p = r -> (status == null || status.equals("all") || r.status().equals(status))
                && (ids == null || ids.contains(r.id()))
                && (text.isEmpty() || matches(r, text));
        filtered.setPredicate(p);
    }

    private static boolean matches(ResultRow r, String text) {
        if (Integer.toString(r.id()).equals(text) || r.status().contains(text) || r.searchType().toLowerCase(Locale.ROOT)
                .contains(text) || r.reason().toLowerCase(Locale.ROOT).contains(text) || r.jobId().contains(text)
                || r.failureClass().contains(text)) {
            return true;
        }
        return r.values().stream().anyMatch(v -> ResultTable.text(v).toLowerCase(Locale.ROOT).contains(text));
    }
}
