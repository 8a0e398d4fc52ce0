package dev.hpsearch.app.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A user's request that a detached coordinator stop, left by {@code hpsearch stop} as a file in the search folder
 * on the cluster. The coordinator owns the journal, so it is the one that records why it stopped; it looks for
 * this file while it runs (see docs/decisions/0016-a-detached-search-the-user-controls.md).
 *
 * @param cancelJobs whether the analysis jobs are cancelled too (the search then ends); else they go on and a
 *                   resume adopts them
 * @param reason     why, as the journal will say it
 */
public record StopRequest(boolean cancelJobs, String reason) {
    /** The file's name in the search folder. */
    public static final String FILE_NAME = ".hpsearch_stop";

    public StopRequest {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a stop request needs a reason");
        }
    }

    /** The file's content. */
    public byte[] bytes() {
        ObjectNode n = new ObjectMapper().createObjectNode();
        n.put("cancel_jobs", cancelJobs);
        n.put("reason", reason);
        return (n.toString() + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Takes the request from a search folder: reads and removes the file. {@code null} when there is none, or when
     * it cannot be read as a request (then it is removed too, with the same effect as a plain stop).
     */
    public static StopRequest take(Path searchDir) throws IOException {
        Path file = searchDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        Files.deleteIfExists(file);
        try {
            JsonNode n = new ObjectMapper().readTree(text);
            String reason = n.path("reason").asText("");
            return new StopRequest(n.path("cancel_jobs").asBoolean(false),
                    reason.isBlank() ? "stopped by hpsearch stop" : reason);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return new StopRequest(false, "stopped by hpsearch stop");
        }
    }
}
