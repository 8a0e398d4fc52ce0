package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Combination;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON form of {@link JournalEvent}s, one object per line of {@code journal.jsonl}: the one place that
 * knows the keys. Every object starts with {@code event} (the type) and {@code time}; optional fields are left
 * out when empty. Reading is lenient the way journals of earlier versions need: missing fields take the
 * defaults those versions meant, and events of an unknown type (from a newer version) are skipped.
 */
public final class JournalCodec {
    private static final String FAILURE_CLASS = "failure_class";
    private static final String REPLICATE_OF = "replicate_of";
    private static final String REPLICATE_VALUE = "replicate_value";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JournalCodec() {
    }

    /** One event as a line of JSON, without the newline. */
    public static String encode(JournalEvent event) {
        try {
            return MAPPER.writeValueAsString(event.accept(WRITER));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a journal event is plain JSON: " + e.getMessage(), e);
        }
    }

    /**
     * One event from its JSON object; empty for an event type this version does not know.
     *
     * @throws IllegalArgumentException if a field of a known event holds a value that cannot be read
     */
    public static Optional<JournalEvent> decode(JsonNode e) {
        long time = e.path("time").asLong();
        switch (e.path("event").asText()) {
            case "start":
                return Optional.of(new JournalEvent.Start(time, e.path("seed").asLong(),
                        e.path("search_type").asText(null), e.path("strategy").asText(null)));
            case "resume":
                return Optional.of(new JournalEvent.Resume(time));
            case "suggest":
                List<JsonNode> values = new ArrayList<>();
                e.path("values").forEach(values::add);
                // replicate_of and replicate_value: absent in ordinary suggestions and in earlier versions' journals
                boolean replicate = e.hasNonNull(REPLICATE_OF) && e.has(REPLICATE_VALUE);
                return Optional.of(new JournalEvent.Suggest(time, e.path("id").asInt(), new Combination(values),
                        e.path("search_type").asText(), e.path("ordinal").asLong(-1),
                        e.path("previous_results_count").asInt(), replicate ? e.get(REPLICATE_OF).asInt() : null,
                        replicate ? e.get(REPLICATE_VALUE) : null));
            case "submit":
                return Optional.of(new JournalEvent.Submit(time, e.path("id").asInt(), e.path("job_id").asText(),
                        e.path("token").asText("")));
            case "requeue":
                JournalEvent.Requeue.Cause cause = e.path("fault").asBoolean(false) ? JournalEvent.Requeue.Cause.FAULT
                        : e.path("retry").asBoolean(false) ? JournalEvent.Requeue.Cause.RETRY
                        : JournalEvent.Requeue.Cause.FAILED_TRY;
                return Optional.of(new JournalEvent.Requeue(time, e.path("id").asInt(), e.path("reason").asText(null),
                        cause, FailureClass.ofKey(e.path(FAILURE_CLASS).asText(null))));
            case "finish":
                return Optional.of(finish(e, time));
            case "import":
                List<JsonNode> imported = new ArrayList<>();
                e.path("values").forEach(imported::add);
                Map<String, Double> importedMetrics = new LinkedHashMap<>();
                e.path("metrics").fields().forEachRemaining(m -> importedMetrics.put(m.getKey(), m.getValue().asDouble()));
                return Optional.of(new JournalEvent.Import(time, e.path("id").asInt(), new Combination(imported),
                        e.path("loss").asDouble(), importedMetrics, e.path("source").asText("")));
            case "end":
                return Optional.of(new JournalEvent.End(time, e.path("reason").asText("")));
            case "prune":
                return Optional.of(new JournalEvent.Prune(time, e.path("id").asInt(), e.path("step").asLong(),
                        e.path("value").asDouble(Double.NaN), e.path("reason").asText("")));
            case "stop":
                return Optional.of(new JournalEvent.Stop(time, e.path("reason").asText(""),
                        e.hasNonNull("left_running") ? e.get("left_running").asInt() : null,
                        e.path("by").asText(null)));
            default:
                return Optional.empty();
        }
    }

    private static JournalEvent.Finish finish(JsonNode e, long time) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        e.path("metrics").fields().forEachRemaining(m -> metrics.put(m.getKey(), m.getValue().asDouble()));
        JsonNode loss = e.get("loss");
        JsonNode exit = e.get("exit_code");
        return new JournalEvent.Finish(time, e.path("id").asInt(), TrialStatus.of(e.path("status").asText()),
                loss == null || loss.isNull() ? null : loss.asDouble(), metrics,
                e.hasNonNull("reason") ? e.get("reason").asText() : null,
                FailureClass.ofKey(e.path(FAILURE_CLASS).asText(null)),
                exit == null || exit.isNull() ? null : exit.asInt(),
                e.path("runtime_s").asDouble(Double.NaN), provenance(e.get("provenance")));
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

    private static ObjectNode object(String type, long time) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("event", type);
        n.put("time", time);
        return n;
    }

    /** Writes the fields in the order earlier versions wrote them, so journals stay byte for byte the same. */
    private static final JournalEvent.Visitor<ObjectNode> WRITER = new JournalEvent.Visitor<>() {
        @Override
        public ObjectNode start(JournalEvent.Start e) {
            ObjectNode n = object("start", e.time());
            n.put("seed", e.seed());
            if (e.searchType() != null) {
                n.put("search_type", e.searchType());
            }
            if (e.strategy() != null) {
                n.put("strategy", e.strategy());
            }
            return n;
        }

        @Override
        public ObjectNode resume(JournalEvent.Resume e) {
            return object("resume", e.time());
        }

        @Override
        public ObjectNode suggest(JournalEvent.Suggest e) {
            ObjectNode n = object("suggest", e.time());
            n.put("id", e.id());
            ArrayNode values = n.putArray("values");
            e.combination().values().forEach(values::add);
            n.put("search_type", e.searchType());
            n.put("ordinal", e.ordinal());
            n.put("previous_results_count", e.previousResultsCount());
            if (e.isReplicate()) {
                n.put(REPLICATE_OF, e.replicateOf());
                n.set(REPLICATE_VALUE, e.replicateValue());
            }
            return n;
        }

        @Override
        public ObjectNode submit(JournalEvent.Submit e) {
            ObjectNode n = object("submit", e.time());
            n.put("id", e.id());
            n.put("job_id", e.jobId());
            n.put("token", e.token());
            return n;
        }

        @Override
        public ObjectNode requeue(JournalEvent.Requeue e) {
            ObjectNode n = object("requeue", e.time());
            n.put("id", e.id());
            if (e.reason() != null) {
                n.put("reason", e.reason());
            }
            if (e.cause() == JournalEvent.Requeue.Cause.RETRY) {
                n.put("retry", true);
            } else if (e.cause() == JournalEvent.Requeue.Cause.FAULT) {
                n.put("fault", true);
            }
            if (e.failureClass() != null) {
                n.put(FAILURE_CLASS, e.failureClass().key());
            }
            return n;
        }

        @Override
        public ObjectNode finish(JournalEvent.Finish e) {
            ObjectNode n = object("finish", e.time());
            n.put("id", e.id());
            n.put("status", e.status().key());
            if (e.loss() != null) {
                n.put("loss", e.loss());
            }
            ObjectNode m = n.putObject("metrics");
            e.metrics().forEach(m::put);
            if (e.reason() != null) {
                n.put("reason", e.reason());
            }
            if (e.failureClass() != null) {
                n.put(FAILURE_CLASS, e.failureClass().key());
            }
            if (e.exitCode() != null) {
                n.put("exit_code", e.exitCode());
            }
            if (Double.isFinite(e.runtimeSeconds())) {
                n.put("runtime_s", e.runtimeSeconds());
            }
            if (!e.provenance().isEmpty()) {
                ObjectNode p = n.putObject("provenance");
                e.provenance().journalCells().forEach((k, v) -> {
                    if (!v.isEmpty()) {
                        p.put(k, v);
                    }
                });
            }
            return n;
        }

        @Override
        public ObjectNode importRow(JournalEvent.Import e) {
            ObjectNode n = object("import", e.time());
            n.put("id", e.id());
            ArrayNode values = n.putArray("values");
            e.combination().values().forEach(values::add);
            n.put("loss", e.loss());
            ObjectNode m = n.putObject("metrics");
            e.metrics().forEach(m::put);
            n.put("source", e.source());
            return n;
        }

        @Override
        public ObjectNode end(JournalEvent.End e) {
            ObjectNode n = object("end", e.time());
            n.put("reason", e.reason());
            return n;
        }

        @Override
        public ObjectNode prune(JournalEvent.Prune e) {
            ObjectNode n = object("prune", e.time());
            n.put("id", e.id());
            n.put("step", e.step());
            n.put("value", e.value());
            n.put("reason", e.reason());
            return n;
        }

        @Override
        public ObjectNode stop(JournalEvent.Stop e) {
            ObjectNode n = object("stop", e.time());
            n.put("reason", e.reason());
            if (e.leftRunning() != null) {
                n.put("left_running", e.leftRunning());
            }
            if (e.by() != null) {
                n.put("by", e.by());
            }
            return n;
        }
    };
}
