package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.strategy.FinishedTrial;
import dev.hpsearch.optimizer.strategy.Outcome;
import dev.hpsearch.optimizer.strategy.PendingTrial;
import dev.hpsearch.optimizer.strategy.SearchContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of a search as the journal tells it: every combination and its outcome. The engine changes it
 * only by applying the events it journals, so a replayed journal gives the same state.
 */
public final class SearchState {
    /** The {@code search_type} of a row taken in through {@code warm_start_from}. */
    public static final String IMPORTED_TYPE = "imported";
    /** The metric of a pruned run that holds the last step it reported. */
    public static final String LAST_STEP = "last_step";
    /** The metric of a pruned run that holds the value it reported at its last step. */
    public static final String LAST_VALUE = "last_value";
    private final Map<Integer, TrialRecord> trials = new LinkedHashMap<>();
    private final Set<Combination> seen = new HashSet<>();
    private final Map<String, Integer> metricColumns = new HashMap<>();
    /**
     * Per combination: submitted runs that were not tries of the combination (a fault of the machine ended them,
     * or they are re-run with more memory or time, or a stop for failures cancelled them).
     */
    private final Map<Integer, Integer> faultedRuns = new HashMap<>();
    /** Per combination: runs re-queued for each failure class (preempted, node_failure, timeout...). */
    private final Map<Integer, Map<FailureClass, Integer>> reruns = new HashMap<>();
    /** Pruner decisions whose run's end was not collected yet (a Finish follows), by combination id. */
    private final Map<Integer, JournalEvent.Prune> uncollectedPrunes = new LinkedHashMap<>();
    private Long seed;
    private long startedAtMillis;
    private String endReason;
    private String stopReason;
    private int nextId;

    /** Rebuilds a state from journal events. */
    public static SearchState replay(List<JournalEvent> events) {
        SearchState s = new SearchState();
        for (JournalEvent e : events) {
            s.apply(e);
        }
        return s;
    }

    /** Applies one event. */
    public void apply(JournalEvent e) {
        e.accept(applier);
    }

    /** How each event changes the state. */
    private final JournalEvent.Visitor<Void> applier = new JournalEvent.Visitor<>() {
        @Override
        public Void start(JournalEvent.Start e) {
            seed = e.seed();
            startedAtMillis = e.time();
            return null;
        }

        @Override
        public Void resume(JournalEvent.Resume e) {
            endReason = null;
            stopReason = null;
            return null;
        }

        @Override
        public Void suggest(JournalEvent.Suggest e) {
            int id = e.id();
            TrialRecord t = new TrialRecord(id, e.combination(), e.searchType(), e.ordinal(), e.previousResultsCount(),
                    null, "", TrialStatus.QUEUED, null, Map.of(), null, null, Double.NaN, 0, 0);
            if (e.isReplicate()) {
                trials.put(id, t.withReplicate(e.replicateOf(), e.replicateValue()));
            } else {
                // a replicate is no point of the strategy's: it never learns of it, not even as seen
                trials.put(id, t);
                seen.add(e.combination());
            }
            nextId = Math.max(nextId, id + 1);
            return null;
        }

        @Override
        public Void submit(JournalEvent.Submit e) {
            update(e.id(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                    t.previousResultsCount(), e.jobId(), e.token(), TrialStatus.RUNNING, null, Map.of(), null, null,
                    Double.NaN, e.time(), t.attempts() + 1));
            return null;
        }

        @Override
        public Void requeue(JournalEvent.Requeue e) {
            TrialRecord before = trials.get(e.id());
            if (!e.cause().countsAsTry() && before != null && before.isSubmitted()) {
                faultedRuns.merge(before.id(), 1, Integer::sum);
            }
            FailureClass rerunClass = e.failureClass();
            if (rerunClass != null && before != null && before.isSubmitted()) {
                reruns.computeIfAbsent(before.id(), k -> new EnumMap<>(FailureClass.class))
                        .merge(rerunClass, 1, Integer::sum);
            }
            update(e.id(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                    t.previousResultsCount(), null, "", TrialStatus.QUEUED, null, Map.of(), e.reason(), null,
                    Double.NaN, 0, t.attempts(), rerunClass));
            return null;
        }

        @Override
        public Void finish(JournalEvent.Finish e) {
            uncollectedPrunes.remove(e.id());
            e.metrics().keySet().forEach(k -> metricColumns.putIfAbsent(k, metricColumns.size()));
            update(e.id(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                    t.previousResultsCount(), t.jobId(), t.jobToken(), e.status(), e.loss(), e.metrics(), e.reason(),
                    e.exitCode(), e.runtimeSeconds(), t.submittedAtMillis(), t.attempts(), e.failureClass(),
                    e.provenance()));
            return null;
        }

        @Override
        public Void importRow(JournalEvent.Import e) {
            int id = e.id();
            e.metrics().keySet().forEach(k -> metricColumns.putIfAbsent(k, metricColumns.size()));
            trials.put(id, new TrialRecord(id, e.combination(), IMPORTED_TYPE, -1, 0, null, "", TrialStatus.IMPORTED,
                    e.loss(), e.metrics(), e.source(), null, Double.NaN, 0, 0));
            seen.add(e.combination());
            nextId = Math.max(nextId, id + 1);
            return null;
        }

        @Override
        public Void end(JournalEvent.End e) {
            endReason = e.reason();
            return null;
        }

        @Override
        public Void prune(JournalEvent.Prune e) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put(LAST_STEP, (double) e.step());
            metrics.put(LAST_VALUE, e.value());
            metrics.keySet().forEach(k -> metricColumns.putIfAbsent(k, metricColumns.size()));
            // the run is pruned from the decision on; its Finish, when collected, adds its exit code and runtime
            update(e.id(), t -> t.status().isFinished() ? t : new TrialRecord(t.id(), t.combination(),
                    t.searchType(), t.ordinal(), t.previousResultsCount(), t.jobId(), t.jobToken(), TrialStatus.PRUNED,
                    null, metrics, e.reason(), null, Double.NaN, t.submittedAtMillis(), t.attempts(),
                    t.failureClass(), t.provenance()));
            if (trials.containsKey(e.id())) {
                uncollectedPrunes.put(e.id(), e);
            }
            return null;
        }

        @Override
        public Void stop(JournalEvent.Stop e) {
            stopReason = e.reason();
            return null;
        }
    };

    private void update(int id, java.util.function.UnaryOperator<TrialRecord> change) {
        TrialRecord t = trials.get(id);
        if (t != null) {
            TrialRecord next = change.apply(t);
            // every change keeps what the combination replicates
            trials.put(id, t.isReplicate() ? next.withReplicate(t.replicateOf(), t.replicateValue()) : next);
        }
    }

    /**
     * The pruner's decision for a combination whose run's end has not been collected yet, or {@code null}: on
     * resume its job is cancelled (if still going) and the run recorded as pruned.
     */
    public JournalEvent.Prune uncollectedPrune(int id) {
        return uncollectedPrunes.get(id);
    }

    /** Changes a trial's in-memory status (queued/running as reported by the executor); not journaled. */
    void markRunning(int id, boolean running) {
        update(id, t -> t.status().isFinished() ? t : new TrialRecord(t.id(), t.combination(), t.searchType(),
                t.ordinal(), t.previousResultsCount(), t.jobId(), t.jobToken(),
                running ? TrialStatus.RUNNING : TrialStatus.QUEUED, null, Map.of(), t.reason(), null, Double.NaN,
                t.submittedAtMillis(), t.attempts(), t.failureClass()));
    }

    /**
     * What a strategy may know of this search: the ordinary combinations that finished with an outcome (ok,
     * failed, no score, pruned: its last value), the pending ones, and every ordinary combination suggested; never a
     * replicate. Cancelled combinations are only seen: they say
     * nothing about the objective, neither a score nor a failure.
     */
    public SearchContext strategyContext(SearchSpace space) {
        List<FinishedTrial> finished = new ArrayList<>();
        List<PendingTrial> pending = new ArrayList<>();
        for (TrialRecord t : trials.values()) {
            if (t.isReplicate()) {
                continue; // replicates measure noise; they are no new points to explore (docs/decisions/0020)
            }
            switch (t.status()) {
                case OK:
                case IMPORTED:
                    finished.add(finished(t, new Outcome.Scored(t.loss())));
                    break;
                case FAILED:
                    finished.add(finished(t, Outcome.Unscored.FAILED));
                    break;
                case NO_SCORE:
                    finished.add(finished(t, Outcome.Unscored.NO_SCORE));
                    break;
                case PRUNED:
                    // its last value: pessimistic, as a loss falls with the steps (docs/decisions/0021)
                    Double last = t.metrics().get(LAST_VALUE);
                    finished.add(finished(t, last == null ? Outcome.Unscored.FAILED : new Outcome.Scored(last)));
                    break;
                case QUEUED:
                case RUNNING:
                    pending.add(new PendingTrial(t.id(), t.combination(), t.searchType(), t.ordinal()));
                    break;
                case CANCELLED:
                default:
                    break;
            }
        }
        return new SearchContext(space, finished, pending, seen());
    }

    private static FinishedTrial finished(TrialRecord t, Outcome outcome) {
        return new FinishedTrial(t.id(), t.combination(), t.searchType(), t.ordinal(), outcome, t.metrics());
    }

    /** The result table of this state: one row per combination, in combination order. */
    public ResultTable resultTable(SearchSpace space) {
        List<String> names = space.hyperparameters().stream().map(Hyperparameter::name).toList();
        List<ResultRow> rows = new ArrayList<>();
        for (TrialRecord t : trials.values()) {
            rows.add(t.row());
        }
        return new ResultTable(names, rows);
    }

    public Collection<TrialRecord> trials() {
        return Collections.unmodifiableCollection(trials.values());
    }

    public TrialRecord trial(int id) {
        return trials.get(id);
    }

    /** Every combination suggested so far (a live, read-only view). */
    public Set<Combination> seen() {
        return Collections.unmodifiableSet(seen);
    }

    /** Extra metric names, in the order they first appeared. */
    public List<String> metricNames() {
        List<String> names = new ArrayList<>(Collections.nCopies(metricColumns.size(), ""));
        metricColumns.forEach((k, v) -> names.set(v, k));
        return names;
    }

    /**
     * How many of a combination's submissions ended by a fault of the machine rather than by a try of the
     * combination; {@link TrialRecord#attempts()} counts them too.
     */
    public int faultedRuns(int id) {
        return faultedRuns.getOrDefault(id, 0);
    }

    /** How many runs of a combination were re-queued for a failure class. */
    public int reruns(int id, FailureClass failureClass) {
        return reruns.getOrDefault(id, Map.of()).getOrDefault(failureClass, 0);
    }

    /** Finished combinations per failure class, in the order of {@link FailureClass}; absent classes left out. */
    public Map<FailureClass, Integer> finishedClassCounts() {
        Map<FailureClass, Integer> counts = new EnumMap<>(FailureClass.class);
        for (TrialRecord t : trials.values()) {
            if (t.status().isFinished() && t.status() != TrialStatus.OK && t.failureClass() != null) {
                counts.merge(t.failureClass(), 1, Integer::sum);
            }
        }
        return counts;
    }

    /**
     * Runs re-queued per failure class (a run preempted and run again counts once for {@code preempted}), in the
     * order of {@link FailureClass}; absent classes left out.
     */
    public Map<FailureClass, Integer> rerunClassCounts() {
        Map<FailureClass, Integer> counts = new EnumMap<>(FailureClass.class);
        reruns.values().forEach(m -> m.forEach((c, n) -> counts.merge(c, n, Integer::sum)));
        return counts;
    }

    /** Counts as {@code 2 timeout, 1 out_of_memory}, or empty for none. */
    public static String describe(Map<FailureClass, Integer> counts) {
        StringBuilder sb = new StringBuilder();
        counts.forEach((c, n) -> sb.append(sb.length() == 0 ? "" : ", ").append(n).append(' ').append(c.key()));
        return sb.toString();
    }

    /**
     * How many ordinary combinations the search has: what max_suggestions counts. Neither replicates nor the rows
     * imported through {@code warm_start_from} (docs/decisions/0024) are.
     */
    public int ordinaryCount() {
        int n = 0;
        for (TrialRecord t : trials.values()) {
            if (!t.isReplicate() && t.status() != TrialStatus.IMPORTED) {
                n++;
            }
        }
        return n;
    }

    /** How many replicates of combination {@code id} the search has, in any state. */
    public int replicateCount(int id) {
        int n = 0;
        for (TrialRecord t : trials.values()) {
            if (t.isReplicate() && t.replicateOf() == id) {
                n++;
            }
        }
        return n;
    }

    public int nextId() {
        return nextId;
    }

    public Long seed() {
        return seed;
    }

    public long startedAtMillis() {
        return startedAtMillis;
    }

    /** Why the search ended, or {@code null} while it has not. */
    public String endReason() {
        return endReason;
    }

    /**
     * Why the user stopped the coordinator without ending the search (a {@code stop} event since the last
     * resume), or {@code null}.
     */
    public String stopReason() {
        return stopReason;
    }

    public int count(TrialStatus status) {
        int n = 0;
        for (TrialRecord t : trials.values()) {
            if (t.status() == status) {
                n++;
            }
        }
        return n;
    }


    /** Results collected so far: finished combinations (with or without a score). */
    public int finishedCount() {
        int n = 0;
        for (TrialRecord t : trials.values()) {
            if (t.status().isFinished()) {
                n++;
            }
        }
        return n;
    }

    /** The finished combination with the lowest loss, or {@code null}. */
    public TrialRecord best() {
        TrialRecord best = null;
        for (TrialRecord t : trials.values()) {
            if (t.status() == TrialStatus.OK && (best == null || t.loss() < best.loss())) {
                best = t;
            }
        }
        return best;
    }
}
