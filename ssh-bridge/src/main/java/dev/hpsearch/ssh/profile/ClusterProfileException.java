package dev.hpsearch.ssh.profile;

import java.nio.file.Path;

/** A cluster profiles file is wrong; the message names the file, the JSON path, the value and what is allowed. */
public class ClusterProfileException extends Exception {
    private final Path file;
    private final String jsonPath;

    public ClusterProfileException(Path file, String jsonPath, String message) {
        super((file != null ? file + ": " : "") + (jsonPath != null && !jsonPath.isEmpty() ? jsonPath + ": " : "")
                + message);
        this.file = file;
        this.jsonPath = jsonPath;
    }

    public Path file() {
        return file;
    }

    public String jsonPath() {
        return jsonPath;
    }
}
