package dev.hpsearch.optimizer.engine;

import java.util.Map;

/**
 * What a run's {@code output.json} said.
 *
 * @param present true when the file exists
 * @param score   the score, or {@code null} when absent or unusable
 * @param metrics further numeric entries of an object output (name to value)
 * @param error   why the file could not be used, or {@code null}
 * @param note    something the user should know about a usable file (it was cut at the size cap, metrics were
 *                dropped), or {@code null}
 */
public record ScriptOutput(boolean present, Double score, Map<String, Double> metrics, String error, String note) {
    public ScriptOutput {
        metrics = Map.copyOf(metrics);
    }

    /** An output without a note. */
    public ScriptOutput(boolean present, Double score, Map<String, Double> metrics, String error) {
        this(present, score, metrics, error, null);
    }

    static ScriptOutput missing() {
        return new ScriptOutput(false, null, Map.of(), "no output.json");
    }

    static ScriptOutput bad(String error) {
        return new ScriptOutput(true, null, Map.of(), error);
    }

    public boolean hasScore() {
        return score != null;
    }
}
