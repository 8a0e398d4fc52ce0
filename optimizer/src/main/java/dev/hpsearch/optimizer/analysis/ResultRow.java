package dev.hpsearch.optimizer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.exec.Provenance;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One combination of a search as analysis sees it.
 *
 * @param id             combination id
 * @param status         ok, no_score, failed, cancelled, running, queued (lower case, as in the data table)
 * @param loss           the score, or {@code null}
 * @param values         one value per hyperparameter, in the table's order
 * @param jobId          executor job id, or empty
 * @param runtimeSeconds run time, or NaN when unknown
 * @param searchType     what produced it (grid, random, Matern52_EI_MLE, ...)
 * @param reason         why it failed or was cancelled, or empty
 * @param failureClass   one word for why it has no score ({@code timeout}, {@code out_of_memory}...), or empty
 * @param provenance     where and how it ran; {@link Provenance#NONE} when not known (the original tool's tables)
 * @param metrics        the script's further numeric outputs by name, in the order they were reported; empty when
 *                       it reported none
 * @param replicateOf    the combination this row replicates (the {@code replicate_of} column), or {@code null} for
 *                       an ordinary combination
 */
public record ResultRow(int id, String status, Double loss, List<JsonNode> values, String jobId,
                        double runtimeSeconds, String searchType, String reason, String failureClass,
                        Provenance provenance, Map<String, Double> metrics, Integer replicateOf) {
    public ResultRow {
        values = List.copyOf(values);
        metrics = metrics == null || metrics.isEmpty() ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
        failureClass = failureClass == null ? "" : failureClass;
        provenance = provenance == null ? Provenance.NONE : provenance;
        jobId = jobId == null ? "" : jobId;
        reason = reason == null ? "" : reason;
        searchType = searchType == null ? "" : searchType;
    }

    /** A row of an ordinary combination (not a replicate). */
    public ResultRow(int id, String status, Double loss, List<JsonNode> values, String jobId, double runtimeSeconds,
                     String searchType, String reason, String failureClass, Provenance provenance,
                     Map<String, Double> metrics) {
        this(id, status, loss, values, jobId, runtimeSeconds, searchType, reason, failureClass, provenance, metrics,
                null);
    }

    /** Whether this row replicates another combination. */
    public boolean isReplicate() {
        return replicateOf != null;
    }

    /** A row without metrics. */
    public ResultRow(int id, String status, Double loss, List<JsonNode> values, String jobId, double runtimeSeconds,
                     String searchType, String reason, String failureClass, Provenance provenance) {
        this(id, status, loss, values, jobId, runtimeSeconds, searchType, reason, failureClass, provenance, Map.of());
    }

    /**
     * The response an analysis asks about: the loss for {@code null} or "loss", else the named metric; {@code
     * null} when this row has no finite value of it.
     */
    public Double response(String metric) {
        Double v = metric == null || metric.equals("loss") ? loss : metrics.get(metric);
        return v != null && Double.isFinite(v) ? v : null;
    }

    /** A row without a failure class or provenance (tables of earlier versions have none). */
    public ResultRow(int id, String status, Double loss, List<JsonNode> values, String jobId, double runtimeSeconds,
                     String searchType, String reason) {
        this(id, status, loss, values, jobId, runtimeSeconds, searchType, reason, "", Provenance.NONE);
    }

    /** A row without provenance. */
    public ResultRow(int id, String status, Double loss, List<JsonNode> values, String jobId, double runtimeSeconds,
                     String searchType, String reason, String failureClass) {
        this(id, status, loss, values, jobId, runtimeSeconds, searchType, reason, failureClass, Provenance.NONE);
    }

    /** A row without a failure class. */
    public ResultRow(int id, String status, Double loss, List<JsonNode> values, String jobId, double runtimeSeconds,
                     String searchType, String reason, Provenance provenance) {
        this(id, status, loss, values, jobId, runtimeSeconds, searchType, reason, "", provenance);
    }

    /** Finished with a finite score. */
    public boolean hasLoss() {
        return loss != null && Double.isFinite(loss);
    }

    /** A metric's value, or NaN when this row has none of that name. */
    public double metric(String name) {
        Double v = metrics.get(name);
        return v == null ? Double.NaN : v;
    }

    public boolean isFailed() {
        return "failed".equals(status) || "cancelled".equals(status);
    }
}
