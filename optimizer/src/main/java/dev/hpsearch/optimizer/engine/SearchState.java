package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.space.Combination;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
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
    private final Map<Integer, TrialRecord> trials = new LinkedHashMap<>();
    private final Set<Combination> seen = new HashSet<>();
    private final Map<String, Integer> metricColumns = new HashMap<>();
    /** Per combination: submitted runs that a fault of the machine ended (they are not tries of the combination). */
    private final Map<Integer, Integer> faultedRuns = new HashMap<>();
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
                if (e.path("fault").asBoolean(false) && before != null && before.isSubmitted()) {
                    faultedRuns.merge(before.id(), 1, Integer::sum);
                }
                update(e.path("id").asInt(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                        t.previousResultsCount(), null, "", TrialStatus.QUEUED, null, Map.of(),
                        e.path("reason").asText(null), null, Double.NaN, 0, t.attempts()));
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
        update(e.path("id").asInt(), t -> new TrialRecord(t.id(), t.combination(), t.searchType(), t.ordinal(),
                t.previousResultsCount(), t.jobId(), t.jobToken(), TrialStatus.of(e.path("status").asText()),
                loss == null || loss.isNull() ? null : loss.asDouble(), metrics,
                e.hasNonNull("reason") ? e.get("reason").asText() : null,
                exit == null || exit.isNull() ? null : exit.asInt(),
                e.path("runtime_s").asDouble(Double.NaN), t.submittedAtMillis(), t.attempts()));
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
                t.submittedAtMillis(), t.attempts()));
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

    /** The event that records an outcome. */
    static ObjectNode finishEvent(long time, int id, TrialStatus status, Double loss, Map<String, Double> metrics,
                                  String reason, Integer exitCode, double runtimeSeconds) {
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
        if (exitCode != null) {
            e.put("exit_code", exitCode);
        }
        if (Double.isFinite(runtimeSeconds)) {
            e.put("runtime_s", runtimeSeconds);
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
