package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line of a run's {@code progress.jsonl}: {@code {"step": S, "objective": V, ...}}; the other numbers of the
 * line are kept as metrics.
 *
 * @param step    a whole number, 0 or more
 * @param value   the objective at that step (lower is better), finite
 * @param metrics the line's other numbers, in their order
 */
public record ProgressPoint(long step, double value, Map<String, Double> metrics) {
    public static final String FILE_NAME = "progress.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ProgressPoint {
        metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
    }

    /**
     * Reads one line.
     *
     * @throws IllegalArgumentException saying what is wrong with it (not JSON, no step, no objective)
     */
    public static ProgressPoint parse(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not JSON");
        }
        if (n == null || !n.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        JsonNode step = n.get("step");
        if (step == null || !step.isNumber() || step.asDouble() < 0 || step.asDouble() != Math.rint(step.asDouble())
                || step.asDouble() > Long.MAX_VALUE) {
            throw new IllegalArgumentException("\"step\" must be a whole number >= 0, got " + step);
        }
        JsonNode objective = n.get("objective");
        if (objective == null || !objective.isNumber() || !Double.isFinite(objective.asDouble())) {
            throw new IllegalArgumentException("\"objective\" must be a finite number, got " + objective);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        n.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("step") && !f.getKey().equals("objective") && f.getValue().isNumber()
                    && Double.isFinite(f.getValue().asDouble())) {
                metrics.put(f.getKey(), f.getValue().asDouble());
            }
        });
        return new ProgressPoint(step.asLong(), objective.asDouble(), metrics);
    }
}
