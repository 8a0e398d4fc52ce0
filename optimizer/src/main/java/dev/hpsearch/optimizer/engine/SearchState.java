package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Combination;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The state of a search as the journal tells it: every combination and its outcome. The engine changes it
 * only by applying the events it journals, so a replayed journal gives the same state.
 */
public final class SearchState {
    /** The journal key (and table column) of a failure class. */
    public static final String FAILURE_CLASS = "failure_class";
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
    private Long seed;
    private long startedAtMillis;
    private String endReason;
    private String stopReason;
    private int nextId;

    /** Rebuilds a state from journal events. */
    public static SearchState replay(List<JsonNode> events) {
        SearchState s = new SearchState();
        for (JsonNode e : events) {
            s.apply(e);
        }
        return s;
    }

    /** Applies one event. Unknown events are ignored, so that older coordinators read newer journals. */
    public void apply(JsonNode e) {
        String type = e.path("event").asText();
        switch (type) {
            case "start":
                seed = e.path("seed").asLong();
                startedAtMillis = e.path("time").asLong();
                break;
            case "suggest":
                suggest(e);
                break;
            case "submit":
                update(e.path("id").asInt(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                        t.previousResultsCount(), e.path("job_id").asText(), e.path("token").asText(""),
                        TrialStatus.RUNNING, null, Map.of(), null, null, Double.NaN, e.path("time").asLong(),
                        t.attempts() + 1));
                break;
            case "finish":
                finish(e);
                break;
            case "requeue":
                TrialRecord before = trials.get(e.path("id").asInt());
                boolean notATry = e.path("fault").asBoolean(false) || e.path("retry").asBoolean(false);
                if (notATry && before != null && before.isSubmitted()) {
                    faultedRuns.merge(before.id(), 1, Integer::sum);
                }
                FailureClass rerunClass = FailureClass.ofKey(e.path(FAILURE_CLASS).asText(null));
                if (rerunClass != null && before != null && before.isSubmitted()) {
                    reruns.computeIfAbsent(before.id(), k -> new EnumMap<>(FailureClass.class))
                            .merge(rerunClass, 1, Integer::sum);
                }
                update(e.path("id").asInt(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                        t.previousResultsCount(), null, "", TrialStatus.QUEUED, null, Map.of(),
                        e.path("reason").asText(null), null, Double.NaN, 0, t.attempts(), rerunClass));
                break;
            case "end":
                endReason = e.path("reason").asText("");
                break;
            case "stop":
                stopReason = e.path("reason").asText("");
                break;
            case "resume":
                endReason = null;
                stopReason = null;
                break;
            default:
                break;
        }
    }

    private void suggest(JsonNode e) {
        int id = e.path("id").asInt();
        List<JsonNode> values = new ArrayList<>();
        e.path("values").forEach(values::add);
        Combination c = new Combination(values);
        trials.put(id, new TrialRecord(id, c, e.path("search_type").asText(), e.path("ordinal").asLong(-1),
                e.path("previous_results_count").asInt(), null, "", TrialStatus.QUEUED, null, Map.of(), null, null,
                Double.NaN, 0, 0));
        seen.add(c);
        nextId = Math.max(nextId, id + 1);
    }

    private void finish(JsonNode e) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> it = e.path("metrics").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> m = it.next();
            metrics.put(m.getKey(), m.getValue().asDouble());
            metricColumns.putIfAbsent(m.getKey(), metricColumns.size());
        }
        JsonNode loss = e.get("loss");
        JsonNode exit = e.get("exit_code");
        Provenance provenance = provenance(e.get("provenance"));
        update(e.path("id").asInt(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                t.previousResultsCount(), t.jobId(), t.jobToken(), TrialStatus.of(e.path("status").asText()),
                loss == null || loss.isNull() ? null : loss.asDouble(), metrics,
                e.hasNonNull("reason") ? e.get("reason").asText() : null,
                exit == null || exit.isNull() ? null : exit.asInt(),
                e.path("runtime_s").asDouble(Double.NaN), t.submittedAtMillis(), t.attempts(),
                FailureClass.ofKey(e.path(FAILURE_CLASS).asText(null)), provenance));
    }

    /** The {@code provenance} object of a finish event (absent in journals of earlier versions). */
    private static Provenance provenance(JsonNode p) {
        if (p == null || !p.isObject()) {
            return Provenance.NONE;
        }
        Map<String, String> cells = new HashMap<>();
        p.fields().forEachRemaining(f -> cells.put(f.getKey(), f.getValue().isNull() ? "" : f.getValue().asText()));
        return Provenance.fromCells(cells);
    }

    private void update(int id, java.util.function.UnaryOperator<TrialRecord> change) {
        TrialRecord t = trials.get(id);
        if (t != null) {
            trials.put(id, change.apply(t));
        }
    }

    /** Changes a trial's in-memory status (queued/running as reported by the executor); not journaled. */
    void markRunning(int id, boolean running) {
        update(id, t -> t.status().isFinished() ? t : new TrialRecord(t.id(), t.combination(), t.searchType(),
                t.ordinal(), t.previousResultsCount(), t.jobId(), t.jobToken(),
                running ? TrialStatus.RUNNING : TrialStatus.QUEUED, null, Map.of(), t.reason(), null, Double.NaN,
                t.submittedAtMillis(), t.attempts(), t.failureClass()));
    }

    /** The event that records a suggestion. */
    static ObjectNode suggestEvent(long time, int id, Combination c, String searchType, long ordinal, int previousResults) {
        ObjectNode e = Journal.event("suggest", time);
        e.put("id", id);
        ArrayNode values = e.putArray("values");
        c.values().forEach(values::add);
        e.put("search_type", searchType);
        e.put("ordinal", ordinal);
        e.put("previous_results_count", previousResults);
        return e;
    }

    /** The event that records an outcome without a failure class. */
    static ObjectNode finishEvent(long time, int id, TrialStatus status, Double loss, Map<String, Double> metrics,
                                  String reason, Integer exitCode, double runtimeSeconds) {
        return finishEvent(time, id, status, loss, metrics, reason, null, exitCode, runtimeSeconds, Provenance.NONE);
    }

    /** The event that records an outcome with its failure class. */
    static ObjectNode finishEvent(long time, int id, TrialStatus status, Double loss, Map<String, Double> metrics,
                                  String reason, FailureClass failureClass, Integer exitCode, double runtimeSeconds) {
        return finishEvent(time, id, status, loss, metrics, reason, failureClass, exitCode, runtimeSeconds,
                Provenance.NONE);
    }

    /** The event that records an outcome and where and how the run ran, without a failure class. */
    static ObjectNode finishEvent(long time, int id, TrialStatus status, Double loss, Map<String, Double> metrics,
                                  String reason, Integer exitCode, double runtimeSeconds, Provenance provenance) {
        return finishEvent(time, id, status, loss, metrics, reason, null, exitCode, runtimeSeconds, provenance);
    }

    /** The event that records an outcome, its failure class and where and how the run ran (non-empty fields). */
    static ObjectNode finishEvent(long time, int id, TrialStatus status, Double loss, Map<String, Double> metrics,
                                  String reason, FailureClass failureClass, Integer exitCode, double runtimeSeconds,
                                  Provenance provenance) {
        ObjectNode e = Journal.event("finish", time);
        e.put("id", id);
        e.put("status", status.key());
        if (loss != null) {
            e.put("loss", loss);
        }
        ObjectNode m = e.putObject("metrics");
        metrics.forEach(m::put);
        if (reason != null) {
            e.put("reason", reason);
        }
        if (failureClass != null) {
            e.put(FAILURE_CLASS, failureClass.key());
        }
        if (exitCode != null) {
            e.put("exit_code", exitCode);
        }
        if (Double.isFinite(runtimeSeconds)) {
            e.put("runtime_s", runtimeSeconds);
        }
        if (provenance != null && !provenance.isEmpty()) {
            ObjectNode p = e.putObject("provenance");
            provenance.journalCells().forEach((k, v) -> {
                if (!v.isEmpty()) {
                    p.put(k, v);
                }
            });
        }
        return e;
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

    static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }
}
