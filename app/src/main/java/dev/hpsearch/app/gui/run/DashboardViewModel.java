package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.DeclinedDialogs;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.Exports;
import dev.hpsearch.app.gui.common.Notifier;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.common.TimerScheduler;
import dev.hpsearch.app.gui.common.UiScheduler;
import dev.hpsearch.app.gui.common.UnsavedEdits;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.app.remote.DetachedLaunches;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.app.service.UserFacingException;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.engine.FailureClass;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.ProgressPoint;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import dev.hpsearch.optimizer.text.Utf8;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The run dashboard: launches, resumes or follows a search and shows its counters, clock, best result, log and
 * status. Engine events reach it in batches through an {@link EventBatcher}; the combinations themselves live in
 * the shared {@link ResultsModel}. Counters come from the engine's {@link Progress} alone (as {@code hpsearch
 * status} counts), the best from the results (as the history plot draws it), time from the injected scheduler.
 */
public final class DashboardViewModel {
    public static final List<String> STATUS_FILTERS = ResultsModel.STATUS_FILTERS;
    /** How often the clock moves while a search runs. */
    static final Duration TICK = Duration.ofSeconds(1);
    /** How long a passing note (a file saved) stays before the status line shows the search's state again. */
    static final Duration NOTE_LIFETIME = Duration.ofSeconds(10);
    /** Metric columns shown at first; further ones are chosen from the table's menu. */
    static final int METRICS_SHOWN = 4;
    private static final int LOG_LINES = 2000;

    private final Project project;
    private final TaskRunner tasks;
    private final SearchLauncher launcher;
    private final DialogService dialogs;
    private final UnsavedEdits edits;
    /** The timer thread made here when none was injected, stopped by {@link #dispose()}; else {@code null}. */
    private final TimerScheduler ownedScheduler;
    private final ResultsModel results = new ResultsModel();
    private final EventBatcher batcher;
    private final CurvesModel curves;
    private final javafx.beans.binding.BooleanBinding hasCurves;
    private final IntegerProperty done = new SimpleIntegerProperty();
    private final IntegerProperty failed = new SimpleIntegerProperty();
    private final IntegerProperty cancelled = new SimpleIntegerProperty();
    private final IntegerProperty pruned = new SimpleIntegerProperty();
    private final IntegerProperty running = new SimpleIntegerProperty();
    private final IntegerProperty queued = new SimpleIntegerProperty();
    private final StringProperty best = new SimpleStringProperty("–");
    private final StringProperty bestFull = new SimpleStringProperty("");
    private final StringProperty pending = new SimpleStringProperty("");
    private final StringProperty failureClasses = new SimpleStringProperty("");
    private final StringProperty latestLog = new SimpleStringProperty("");
    private final StringProperty searchName = new SimpleStringProperty("");
    private final BooleanProperty active = new SimpleBooleanProperty(false);
    private final BooleanProperty starting = new SimpleBooleanProperty(false);
    private final BooleanBinding busy = active.or(starting);
    private final PastSearches past;
    private final SearchClock clock;
    private final StatusLine status;
    private final BooleanProperty controllable = new SimpleBooleanProperty(false);
    private final BooleanProperty stoppable = new SimpleBooleanProperty(false);
    private final ObjectProperty<RunningSearch> search = new SimpleObjectProperty<>(null);
    /** The search folder or the results file on screen, for the report. */
    private final javafx.beans.property.ReadOnlyObjectWrapper<Path> shownSource =
            new javafx.beans.property.ReadOnlyObjectWrapper<>();
    private final ObservableList<String> searchLog = FXCollections.observableArrayList();
    private final ObservableList<RunTarget> targets = FXCollections.observableArrayList(RunTarget.LOCAL);
    private final ObjectProperty<RunTarget> target = new SimpleObjectProperty<>(null);
    private final ObjectProperty<Path> searchConfig = new SimpleObjectProperty<>(null);
    private final BooleanProperty submitting = new SimpleBooleanProperty(false);
    private final StringProperty coordinator = new SimpleStringProperty("");
    private final StringProperty detachedLaunch = new SimpleStringProperty(null);
    private final StringProperty combinationLog = new SimpleStringProperty("");
    private final StringProperty logTitle = new SimpleStringProperty("log.txt of the selected combination");
    private final Map<String, BooleanProperty> metricShown = new HashMap<>();
    private final Set<Integer> cancelling = new HashSet<>();
    private final Notifier notifier;

    /** Where "add as initial point" sends a row's values (the search form); nowhere until set. */
    private java.util.function.Predicate<Map<String, com.fasterxml.jackson.databind.JsonNode>> initialPoints = v -> false;

    private long generation;
    private EventBatcher.Session session;
    private LogFollower follower;

    /** A dashboard that applies engine events as soon as they arrive (tests). */
    public DashboardViewModel(Project project, TaskRunner tasks, SearchLauncher launcher) {
        this(project, tasks, launcher, Duration.ZERO);
    }

    /** @param minBatchInterval the least time between two batches of engine events applied on the UI thread */
    public DashboardViewModel(Project project, TaskRunner tasks, SearchLauncher launcher, Duration minBatchInterval) {
        this(project, tasks, launcher, minBatchInterval, Notifier.NONE);
    }

    /**
     * A dashboard that asks nobody: questions (cancel a combination? launch past unsaved edits?) are answered no,
     * and there are no form edits.
     *
     * @param notifier told when a search this window runs or follows ends (a desktop notification)
     */
    public DashboardViewModel(Project project, TaskRunner tasks, SearchLauncher launcher, Duration minBatchInterval,
                              Notifier notifier) {
        this(project, tasks, launcher, new DeclinedDialogs(notifier), UnsavedEdits.NONE, null, minBatchInterval);
    }

    /**
     * @param dialogs          asks before work would be dropped, and notifies when a search ends
     * @param edits            the project's unsaved form edits, asked about before a launch
     * @param scheduler        time and timers (batches, the clock, passing notes); {@code null} for a timer thread
     *                         of the dashboard's own
     * @param minBatchInterval the least time between two batches of engine events applied on the UI thread
     */
    public DashboardViewModel(Project project, TaskRunner tasks, SearchLauncher launcher, DialogService dialogs,
                              UnsavedEdits edits, UiScheduler scheduler, Duration minBatchInterval) {
        this.project = project;
        this.tasks = tasks;
        this.launcher = launcher;
        this.dialogs = dialogs;
        this.notifier = dialogs;
        this.edits = edits;
        TimerScheduler own = scheduler == null ? new TimerScheduler(tasks) : null;
        UiScheduler time = own == null ? scheduler : own;
        this.ownedScheduler = own;
        this.batcher = new EventBatcher(time, minBatchInterval, this::apply);
        this.curves = new CurvesModel(tasks, time, () -> new ArrayList<>(results.rows()));
        this.hasCurves = javafx.beans.binding.Bindings.createBooleanBinding(
                () -> !curves.curvesProperty().get().isEmpty(), curves.curvesProperty());
        this.past = new PastSearches(project, tasks, busy);
        this.clock = new SearchClock(time);
        this.status = new StatusLine(time, "No search yet: launch one, or open an earlier one.");
        results.bestProperty().addListener((o, a, b) -> showBest(b));
        results.metrics().addListener((javafx.collections.ListChangeListener<String>) c -> {
            for (int i = 0; i < results.metrics().size(); i++) {
                boolean shown = i < METRICS_SHOWN;
                metricShown.computeIfAbsent(results.metrics().get(i), k -> new SimpleBooleanProperty(shown));
            }
        });
    }

    /**
     * Where {@link #addAsInitialPoint} sends a row's values by hyperparameter name; it answers whether they were taken
     * (the search form's initial_points, which is then unsaved).
     */
    public void onAddInitialPoint(java.util.function.Predicate<Map<String, com.fasterxml.jackson.databind.JsonNode>> sink) {
        initialPoints = sink;
    }

    /**
     * Sends a row's hyperparameter values to the search form's initial_points and says so on the status line.
     *
     * @return whether the form took them
     */
    public boolean addAsInitialPoint(ResultRow row) {
        Map<String, com.fasterxml.jackson.databind.JsonNode> values = new java.util.LinkedHashMap<>();
        List<String> names = results.hyperparameters();
        for (int i = 0; i < names.size() && i < row.values().size(); i++) {
            values.put(names.get(i), row.values().get(i));
        }
        boolean taken = initialPoints.test(values);
        status.note(taken ? "Combination " + row.id() + " added to initial_points of the search settings (not saved yet)"
                : "initial_points of the search settings is not a list the row can be added to; fix it there first");
        return taken;
    }

    // ---- properties

    /** The learning curves of the search on screen (progress.jsonl points by combination id); empty when none. */
    public javafx.beans.property.ReadOnlyObjectProperty<Map<Integer, List<ProgressPoint>>> curvesProperty() {
        return curves.curvesProperty();
    }

    /** Whether any combination on screen reported a learning curve. */
    public javafx.beans.binding.BooleanBinding hasCurves() {
        return hasCurves;
    }

    /** The last step a combination reported in its progress.jsonl, or {@code null}. */
    public Double lastStep(ResultRow r) {
        ProgressPoint p = curves.last(r.id());
        return p == null ? null : (double) p.step();
    }

    /** The value a combination reported at its last step, or {@code null}. */
    public Double lastValue(ResultRow r) {
        ProgressPoint p = curves.last(r.id());
        return p == null ? null : p.value();
    }

    /** The combinations on screen the pruner stopped. */
    public Set<Integer> prunedIds() {
        Set<Integer> out = new HashSet<>();
        for (ResultRow r : results.rows()) {
            if (r.status().equals(TrialStatus.PRUNED.key())) {
                out.add(r.id());
            }
        }
        return out;
    }

    /** The results on screen, shared with the analysis views. */
    public ResultsModel results() {
        return results;
    }

    public ObservableList<ResultRow> rows() {
        return results.rows();
    }

    public FilteredList<ResultRow> filteredRows() {
        return results.filteredRows();
    }

    public ObservableList<String> hyperparameters() {
        return results.hyperparameters();
    }

    public ObservableList<Path> pastSearches() {
        return past.all();
    }

    /** The earlier search chosen to open or resume. */
    public ObjectProperty<Path> chosenSearchProperty() {
        return past.chosenProperty();
    }

    /** Whether Resume can work on the chosen search: it has not ended, it ran here, nothing else runs. */
    public BooleanProperty resumableProperty() {
        return past.resumableProperty();
    }

    /** Why Resume is off, or what it would do (a tooltip). */
    public StringProperty resumeHintProperty() {
        return past.hintProperty();
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

    /** Runs the pruner stopped (the dashboard shows the counter only when there are any). */
    public IntegerProperty prunedProperty() {
        return pruned;
    }

    public IntegerProperty runningProperty() {
        return running;
    }

    public IntegerProperty queuedProperty() {
        return queued;
    }

    /** Time since the coordinator started, moving every second while the search runs. */
    public StringProperty elapsedProperty() {
        return clock.elapsedProperty();
    }

    /** The engine's estimate of the time left, counting down; {@code –} when not known or the search stopped. */
    public StringProperty etaProperty() {
        return clock.leftProperty();
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

    /** The best loss in short form and its combination; the same row and number as the history's best so far. */
    public StringProperty bestProperty() {
        return best;
    }

    /** The best loss and its combination with every digit (a tooltip). */
    public StringProperty bestFullProperty() {
        return bestFull;
    }

    /** The status line: what the dashboard shows and does, or a passing note. */
    public StringProperty messageProperty() {
        return status.textProperty();
    }

    /** The search log's latest line ("Cannot refresh from cluster..."), empty when none yet. */
    public StringProperty latestLogProperty() {
        return latestLog;
    }

    public StringProperty searchNameProperty() {
        return searchName;
    }

    /** True while a search runs in this window or is being followed. */
    public BooleanProperty activeProperty() {
        return active;
    }

    /** True while a search runs, or one is being started, resumed or opened: nothing else can start. */
    public BooleanBinding busyProperty() {
        return busy;
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
        return results.dataVersionProperty();
    }

    public StringProperty filterTextProperty() {
        return results.filterTextProperty();
    }

    public StringProperty statusFilterProperty() {
        return results.statusFilterProperty();
    }

    /** Ids kept by the parallel-coordinates brushes, or {@code null} for no brush. */
    public ObjectProperty<Set<Integer>> brushedProperty() {
        return results.brushedProperty();
    }

    public ObjectProperty<SearchSpace> spaceProperty() {
        return results.spaceProperty();
    }

    /** The search folder (running, finished or followed) or the results file on screen; {@code null} before one. */
    public javafx.beans.property.ReadOnlyObjectProperty<Path> shownProperty() {
        return shownSource.getReadOnlyProperty();
    }

    public ObjectProperty<RunningSearch> searchProperty() {
        return search;
    }

    /** The search's log lines (the latest {@value #LOG_LINES}). */
    public ObservableList<String> searchLog() {
        return searchLog;
    }

    public Project project() {
        return project;
    }

    /** Where a search can run: this machine and the cluster profiles. */
    public ObservableList<RunTarget> targets() {
        return targets;
    }

    /** Where the next search runs: this machine, a cluster profile, or {@code null} for job_config's cluster. */
    public ObjectProperty<RunTarget> targetProperty() {
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
        return results.selectedProperty();
    }

    /** Where and how the selected combination ran, in lines for people. */
    public ReadOnlyStringProperty detailProperty() {
        return results.detailProperty();
    }

    /** The selected combination's log.txt as far as followed (its last 300 to 400 thousand characters). */
    public StringProperty combinationLogProperty() {
        return combinationLog;
    }

    /** Whose log {@link #combinationLogProperty} is. */
    public StringProperty logTitleProperty() {
        return logTitle;
    }

    /** Whether the table shows a metric's column (the first few are shown, the others chosen). */
    public BooleanProperty metricShownProperty(String metric) {
        return metricShown.computeIfAbsent(metric, k -> new SimpleBooleanProperty(false));
    }

    /** Selects a combination (the table's selection): shows its detail and follows its log. */
    public void select(ResultRow row) {
        ResultRow before = results.selectedProperty().get();
        results.select(row);
        if (row != null && (before == null || before.id() != row.id())) {
            followLog(row);
        }
    }

    /** The results so far as an analysis table. */
    public ResultTable resultTable() {
        return results.table();
    }

    /** Rows with every digit, tab-separated under a header: what Copy puts on the clipboard. */
    public String copyText(List<ResultRow> rows) {
        StringBuilder sb = new StringBuilder(results.fullTextHeader()).append('\n');
        rows.forEach(r -> sb.append(results.fullText(r)).append('\n'));
        return sb.toString();
    }

    // ---- actions

    public void refreshPastSearches() {
        past.refresh(status::say);
        refreshDetachedLaunch();
    }

    /** Reads which detached launch "Follow on cluster" would follow. */
    public void refreshDetachedLaunch() {
        tasks.run(() -> Optional.ofNullable(DetachedLaunches.latest(project.folder())),
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
        Optional<RunTarget> where = Optional.ofNullable(target.get()).filter(t -> !t.isLocal());
        begin("Connecting to the cluster to follow " + (detachedLaunch.get() == null ? "the detached search"
                : detachedLaunch.get()) + "…", events -> launcher.followDetached(project, where, events));
    }

    /** Starts a new search from the project's files, after asking about unsaved form edits. */
    public void launch() {
        if (!editsSettled("launch")) {
            return;
        }
        Optional<RunTarget> where = Optional.ofNullable(target.get());
        Project run = launched();
        begin(where.map(RunTarget::isLocal).orElse(true) ? "Starting a new search…"
                : "Connecting to " + where.get().name() + " and starting a new search…",
                events -> launcher.start(run, where, events));
    }

    /**
     * The search config a launch uses: the one the search form shows ({@link #searchConfigProperty}), else the
     * project's.
     */
    public ObjectProperty<Path> searchConfigProperty() {
        return searchConfig;
    }

    private Project launched() {
        Path file = searchConfig.get();
        return file == null ? project : project.withSearchConfig(file);
    }

    /**
     * Submits the search's coordinator as a Slurm job on the chosen cluster (detached mode): the search goes on
     * with this window closed.
     */
    public void launchDetached() {
        RunTarget where = target.get();
        if (where == null || where.isLocal()) {
            status.say("Launch detached runs the coordinator on a cluster: choose a cluster profile first");
            return;
        }
        if (!editsSettled("launch detached")) {
            return;
        }
        submitting.set(true);
        status.say("Submitting the coordinator to " + where.name() + "…");
        Project run = launched();
        tasks.run(() -> launcher.launchDetached(run, Optional.of(where)), m -> {
            submitting.set(false);
            status.say(m);
            refreshDetachedLaunch();
        }, e -> {
            submitting.set(false);
            status.say("Could not launch on " + where.name() + ": " + IoErrors.describe(e));
        });
    }

    /** Asks about unsaved form edits before a launch; whether to go on. */
    private boolean editsSettled(String what) {
        String why = UnsavedBeforeLaunch.settle(edits, dialogs, what);
        if (why != null) {
            status.say(why);
        }
        return why == null;
    }

    /** Resumes the chosen earlier search. */
    public void resume() {
        if (past.chosenProperty().get() != null) {
            resume(past.chosenProperty().get());
        }
    }

    /** Resumes an interrupted search; if it cannot resume, the dashboard stays as it was and says why. */
    public void resume(Path dir) {
        begin("Resuming " + dir.getFileName() + "…", events -> launcher.resume(dir, events));
    }

    /**
     * Runs more replicates of chosen combinations of a finished search (the Selection view's Replicate button) and
     * shows them here as they run; returns what happened, for the caller's status line. Refused while a search is on
     * the go in this window: starting another would interrupt it.
     */
    public String replicate(Path dir, List<Integer> ids, int runs) {
        if (busy.get()) {
            return "Replicates not started: a search is running or starting in this window; replicate once it has"
                    + " stopped";
        }
        begin("Replicating combination(s) " + ids + " of " + dir.getFileName() + " " + runs + " more time(s)…",
                events -> launcher.replicate(dir, ids, runs, events));
        return "Replicates of combination(s) " + ids + " are starting: the Run tab shows them as they run; analyse"
                + " again when they have finished";
    }

    public void attach(Path dir) {
        begin("Opening " + dir.getFileName() + "…", events -> launcher.attach(dir, events));
    }

    /**
     * Shows a results table read from a file ({@code hp_search_data.txt} of this tool or of the original one)
     * without a search behind it: the plots infer their axes from the values.
     */
    public void openResultsFile(Path file) {
        long id = ++generation;
        tasks.run(() -> ResultTable.parse(Utf8.read(file)), table -> {
            if (id != generation) {
                return;
            }
            leavePrevious();
            clear();
            results.show(table.hyperparameters(), null, table.rows());
            done.set((int) table.rows().stream().filter(ResultRow::hasLoss).count());
            failed.set((int) table.rows().stream().filter(ResultRow::isFailed).count());
            pruned.set((int) table.rows().stream().filter(r -> r.status().equals(TrialStatus.PRUNED.key())).count());
            recountClasses();
            searchName.set(file.getFileName().toString());
            shownSource.set(file);
            status.state("Showing " + file + " (" + table.rows().size() + " combinations, read-only)");
            curves.follow(file.toAbsolutePath().getParent(), false);
        }, e -> status.say("Cannot read " + file + ": " + IoErrors.describe(e)));
    }

    /** Stops the whole search. */
    public void stopSearch() {
        RunningSearch s = search.get();
        if (s != null && s.stoppable()) {
            s.stop("stopped from the dashboard");
            status.say(s.followOnly() ? "Asked the coordinator on the cluster to stop: its running combinations are"
                    + " being cancelled…" : "Stopping: running combinations are being cancelled…");
        }
    }

    /** Cancels one combination of the search this window runs, once the user confirms. */
    public void cancel(ResultRow row) {
        RunningSearch s = search.get();
        if (s == null || s.followOnly() || row == null) {
            return;
        }
        if (!dialogs.confirm("Cancel combination " + row.id() + "?", "Its run is stopped and it is recorded as"
                + " cancelled: it has no score and is not run again.")) {
            return;
        }
        s.cancel(row.id());
        cancelling.add(row.id());
        status.say("Cancelling combination " + row.id() + "…");
    }

    /** Writes the rows the table shows as CSV (every digit) in the background; a failure is shown. */
    public void exportCsv(Path file) {
        List<ResultRow> shown = new ArrayList<>(results.filteredRows());
        String text = results.table().toCsv(shown);
        tasks.run(() -> {
            Exports.writeText(text, file);
            return file;
        }, f -> status.note("Saved " + shown.size() + " combinations to " + f),
                ex -> status.say("CSV not saved to " + file + ": " + IoErrors.describe(ex)));
    }

    /** Where a combination's log is. */
    public Path logOf(ResultRow row) {
        RunningSearch s = search.get();
        if (s == null || row == null) {
            return null;
        }
        s.watchLog(row.id());
        return SearchFolder.combinationLog(s.searchDir(), row.id());
    }

    /** Stops watching (the window closes). A search run by this window is interrupted and can be resumed. */
    public void dispose() {
        leavePrevious();
        curves.clear();
        if (follower != null) {
            follower.close();
        }
        if (ownedScheduler != null) {
            ownedScheduler.close();
        }
    }

    /** The longest time one batch of engine events took to apply on the UI thread (for the benchmark). */
    public long longestBatchNanos() {
        return batcher.longestBatchNanos();
    }

    /** Forgets the longest batch time. */
    public void resetBatchTiming() {
        batcher.resetTiming();
    }

    private interface Start {
        RunningSearch start(SearchEvents events) throws UserFacingException;
    }

    /**
     * Starts, resumes or follows a search. What is on screen stays until the new search has started: a start that
     * fails leaves the dashboard as it was, with the reason in the status line.
     */
    private void begin(String what, Start start) {
        long id = ++generation;
        starting.set(true);
        status.say(what);
        EventBatcher.Session events = batcher.open();
        tasks.run(() -> start.start(events), s -> {
            if (id != generation) {
                events.close();
                s.close();
                return;
            }
            starting.set(false);
            leavePrevious();
            clear();
            session = events;
            search.set(s);
            results.show(s.model().space().hyperparameters().stream().map(Hyperparameter::name).toList(),
                    s.model().space(), List.of());
            searchName.set(s.searchDir().getFileName().toString());
            shownSource.set(s.searchDir());
            active.set(true);
            controllable.set(!s.followOnly());
            stoppable.set(s.stoppable());
            status.state((s.followOnly() ? "Following " : "Running ") + s.searchDir());
            clock.start();
            curves.follow(s.searchDir(), true);
            refreshPastSearches();
            events.ready();
        }, e -> {
            if (id == generation) {
                events.close();
                starting.set(false);
                status.say("Could not start: " + IoErrors.describe(e));
            }
        });
    }

    /** Stops watching the search on screen (a search this window runs is interrupted). */
    private void leavePrevious() {
        if (session != null) {
            session.close();
            session = null;
        }
        RunningSearch previous = search.get();
        if (previous != null) {
            previous.close();
        }
        search.set(null);
        active.set(false);
        controllable.set(false);
        stoppable.set(false);
        clock.stop();
    }

    /** Forgets the search on screen: rows, counters, clock and every status line. */
    private void clear() {
        cancelling.clear();
        coordinator.set("");
        pending.set("");
        results.clear();
        searchLog.clear();
        latestLog.set("");
        combinationLog.set("");
        logTitle.set("log.txt of the selected combination");
        if (follower != null) {
            follower.stop();
        }
        done.set(0);
        failed.set(0);
        cancelled.set(0);
        pruned.set(0);
        running.set(0);
        queued.set(0);
        clock.reset();
        curves.clear();
        failureClasses.set("");
    }

    /** UI thread: applies one batch of engine events. */
    private void apply(EventBatcher.Batch b) {
        for (TrialRecord t : b.trials()) {
            ResultRow r = t.row();
            results.put(r);
            if (!r.status().equals("running") && !r.status().equals("queued") && cancelling.remove(r.id())
                    && cancelling.isEmpty()) {
                status.backToState();
            }
        }
        if (!b.trials().isEmpty()) {
            recountClasses();
        }
        if (!b.log().isEmpty()) {
            searchLog.addAll(b.log());
            if (searchLog.size() > LOG_LINES) {
                searchLog.remove(0, searchLog.size() - LOG_LINES);
            }
            latestLog.set(b.log().get(b.log().size() - 1));
        }
        Progress p = b.progress();
        if (p != null) {
            done.set(p.done());
            failed.set(p.failed());
            cancelled.set(p.cancelled());
            pruned.set(p.pruned());
            running.set(p.running());
            queued.set(p.queued());
            pending.set(p.pendingText());
            clock.figures(p.elapsed(), p.remaining());
        }
        if (b.coordinator() != null) {
            coordinator.set(b.coordinator());
        }
        if (b.end() != null) {
            status.state(b.end()); // first: whoever sees the search inactive sees why it ended
            active.set(false);
            controllable.set(false);
            stoppable.set(false);
            clock.stop();
            curves.stop();
            pending.set("");
            cancelling.clear();
            notifier.notify("hpsearch: " + project.name() + " " + searchName.get(), b.end());
        }
        if (b.changesData()) {
            results.changed();
        }
    }

    private void showBest(ResultRow b) {
        if (b == null) {
            best.set("–");
            bestFull.set("");
            return;
        }
        List<String> shortValues = new ArrayList<>();
        List<String> fullValues = new ArrayList<>();
        List<String> names = results.hyperparameters();
        for (int i = 0; i < b.values().size() && i < names.size(); i++) {
            shortValues.add(names.get(i) + "=" + Numbers.display(b.values().get(i)));
            fullValues.add(names.get(i) + "=" + Numbers.full(b.values().get(i)));
        }
        best.set(Numbers.display(b.loss()) + "  (combination " + b.id()
                + (shortValues.isEmpty() ? "" : ": " + String.join(", ", shortValues)) + ")");
        bestFull.set(Numbers.full(b.loss()) + "  (combination " + b.id()
                + (fullValues.isEmpty() ? "" : ": " + String.join(", ", fullValues)) + ")");
    }

    private void followLog(ResultRow row) {
        Path file = logOf(row);
        if (file == null) {
            return;
        }
        logTitle.set("log.txt of combination " + row.id());
        if (follower == null) {
            follower = new LogFollower(tasks);
        }
        follower.follow(file, combinationLog::set, s -> {
            String text = combinationLog.get() + s;
            combinationLog.set(text.length() > 400_000 ? text.substring(text.length() - 300_000) : text);
        });
    }

    private void recountClasses() {
        // in the order of FailureClass (analysis failures first), a class unknown to this version last
        Map<String, Integer> counts = new TreeMap<>(Comparator
                .comparingInt((String k) -> FailureClass.ofKey(k) == null ? Integer.MAX_VALUE : FailureClass.ofKey(k).ordinal())
                .thenComparing(k -> k));
        for (ResultRow r : results.rows()) {
            if (!r.failureClass().isEmpty() && !r.hasLoss()) {
                counts.merge(r.failureClass(), 1, Integer::sum);
            }
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((c, n) -> parts.add(n + " " + c));
        failureClasses.set(String.join(", ", parts));
    }
}
