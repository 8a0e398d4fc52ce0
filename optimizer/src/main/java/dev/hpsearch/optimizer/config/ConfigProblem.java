package dev.hpsearch.optimizer.config;

import java.util.Objects;

/**
 * One problem found in a config file: where it is (file and JSON path) and what is wrong.
 *
 * @param severity error (the search cannot run) or warning (it runs, but the user should look)
 * @param file     the config file, as the user named it
 * @param jsonPath a JSON path such as {@code $.bopt_config.kernel[1]}, or {@code null} for file-level problems
 * @param message  what is wrong and what is allowed
 */
public record ConfigProblem(Severity severity, String file, String jsonPath, String message) {

    /** How bad a problem is. */
    public enum Severity { ERROR, WARNING }

    public ConfigProblem {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        String where = jsonPath == null ? file : file + ": " + jsonPath;
        return (isError() ? "error: " : "warning: ") + where + ": " + message;
    }
}
