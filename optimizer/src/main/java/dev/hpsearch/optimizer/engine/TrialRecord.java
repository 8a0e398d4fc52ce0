package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.space.Combination;
import java.util.Map;

/**
 * An immutable view of one combination of a search, for listeners, the status table and the GUI.
 *
 * @param id                   combination id
 * @param combination          hyperparameter values
 * @param searchType           what produced it (grid, line, random, {kernel}_{acquisition}_{method})
 * @param ordinal              the producing strategy's ordinal, or -1
 * @param previousResultsCount results collected when it was suggested
 * @param jobId                executor job id, or {@code null} before submission
 * @param jobToken             executor identity token, or empty
 * @param status               where it is
 * @param loss                 the score, or {@code null}
 * @param metrics              extra numeric outputs
 * @param reason               why it failed, was cancelled or has no score; or {@code null}
 * @param exitCode             the script's exit code when known
 * @param runtimeSeconds       run time when finished, else {@code NaN}
 * @param submittedAtMillis    when it was submitted (epoch millis), or 0
 * @param attempts             how many times it was submitted (more than 1 after a re-queue)
 * @param failureClass         why it has no score (finished), or why it waits to run again (re-queued); or
 *                             {@code null}
 * @param provenance           where and how its last run ran, once finished; {@link Provenance#NONE} before
 * @param replicateOf          the combination this one replicates, or {@code null} for an ordinary combination
 * @param replicateValue       the replicate_key's value in a replicate's input.json, or {@code null}
 */
public record TrialRecord(
        int id,
        Combination combination,
        String searchType,
        long ordinal,
        int previousResultsCount,
        String jobId,
        String jobToken,
        TrialStatus status,
        Double loss,
        Map<String, Double> metrics,
        String reason,
        Integer exitCode,
        double runtimeSeconds,
        long submittedAtMillis,
        int attempts,
        FailureClass failureClass,
        Provenance provenance,
        Integer replicateOf,
        JsonNode replicateValue) {

    public TrialRecord {
        metrics = Map.copyOf(metrics);
        provenance = provenance == null ? Provenance.NONE : provenance;
    }

    /** An ordinary combination (not a replicate). */
    public TrialRecord(int id, Combination combination, String searchType, long ordinal, int previousResultsCount,
                       String jobId, String jobToken, TrialStatus status, Double loss, Map<String, Double> metrics,
                       String reason, Integer exitCode, double runtimeSeconds, long submittedAtMillis, int attempts,
                       FailureClass failureClass, Provenance provenance) {
        this(id, combination, searchType, ordinal, previousResultsCount, jobId, jobToken, status, loss, metrics, reason,
                exitCode, runtimeSeconds, submittedAtMillis, attempts, failureClass, provenance, null, null);
    }

    /** This record as a replicate of combination {@code of} whose replicate_key is {@code value}. */
    public TrialRecord withReplicate(Integer of, JsonNode value) {
        return new TrialRecord(id, combination, searchType, ordinal, previousResultsCount, jobId, jobToken, status, loss,
                metrics, reason, exitCode, runtimeSeconds, submittedAtMillis, attempts, failureClass, provenance, of,
                value);
    }

    /** Whether this combination replicates another (docs/decisions/0020). */
    public boolean isReplicate() {
        return replicateOf != null;
    }

    /** A record without a failure class or provenance (not finished, or journaled by an earlier version). */
    public TrialRecord(int id, Combination combination, String searchType, long ordinal, int previousResultsCount,
                       String jobId, String jobToken, TrialStatus status, Double loss, Map<String, Double> metrics,
                       String reason, Integer exitCode, double runtimeSeconds, long submittedAtMillis, int attempts) {
        this(id, combination, searchType, ordinal, previousResultsCount, jobId, jobToken, status, loss, metrics, reason,
                exitCode, runtimeSeconds, submittedAtMillis, attempts, null, Provenance.NONE);
    }

    /** A record without provenance. */
    public TrialRecord(int id, Combination combination, String searchType, long ordinal, int previousResultsCount,
                       String jobId, String jobToken, TrialStatus status, Double loss, Map<String, Double> metrics,
                       String reason, Integer exitCode, double runtimeSeconds, long submittedAtMillis, int attempts,
                       FailureClass failureClass) {
        this(id, combination, searchType, ordinal, previousResultsCount, jobId, jobToken, status, loss, metrics, reason,
                exitCode, runtimeSeconds, submittedAtMillis, attempts, failureClass, Provenance.NONE);
    }

    /** A record without a failure class. */
    public TrialRecord(int id, Combination combination, String searchType, long ordinal, int previousResultsCount,
                       String jobId, String jobToken, TrialStatus status, Double loss, Map<String, Double> metrics,
                       String reason, Integer exitCode, double runtimeSeconds, long submittedAtMillis, int attempts,
                       Provenance provenance) {
        this(id, combination, searchType, ordinal, previousResultsCount, jobId, jobToken, status, loss, metrics, reason,
                exitCode, runtimeSeconds, submittedAtMillis, attempts, null, provenance);
    }

    /** This trial as a row of the result table that plots and analyses read. */
    public ResultRow row() {
        return new ResultRow(id, status.key(), loss, combination.values(), jobId, runtimeSeconds, searchType, reason,
                failureClass == null || status == TrialStatus.OK ? "" : failureClass.key(), provenance, metrics, replicateOf);
    }

    public boolean isSubmitted() {
        return jobId != null;
    }
}
