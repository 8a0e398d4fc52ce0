package dev.hpsearch.optimizer.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.JsonErrors;
import dev.hpsearch.optimizer.text.NotUtf8Exception;
import dev.hpsearch.optimizer.text.Utf8;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads JSON files with errors that point at the line and column, and shares one configured mapper. */
public final class JsonFiles {
    /** Strict: duplicate keys and anything after the top-level value are errors. Used for configs. */
    public static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private JsonFiles() {
    }

    /**
     * Reads a JSON document.
     *
     * @param file        the file to read
     * @param displayName how to name the file in messages
     * @throws ConfigException if it is missing, unreadable or not valid JSON (with line and column)
     */
    public static JsonNode read(Path file, String displayName) throws ConfigException {
        String text;
        try {
            text = Utf8.read(file);
        } catch (NoSuchFileException e) {
            throw new ConfigException(problem(displayName, "file not found"));
        } catch (NotUtf8Exception e) {
            throw new ConfigException(problem(displayName, e.getMessage()));
        } catch (IOException e) {
            throw new ConfigException(problem(displayName, "cannot read: " + IoErrors.describe(e)));
        }
        return parse(text, displayName);
    }

    /** Parses JSON text; syntax errors name the line and column. */
    public static JsonNode parse(String text, String displayName) throws ConfigException {
        if (text.isBlank()) {
            throw new ConfigException(problem(displayName, "the file is empty; expected a JSON object"));
        }
        try {
            return STRICT.readTree(text);
        } catch (JsonProcessingException e) {
            throw new ConfigException(problem(displayName, "invalid JSON " + JsonErrors.describe(e)));
        }
    }

    private static ConfigProblem problem(String file, String message) {
        return new ConfigProblem(ConfigProblem.Severity.ERROR, file, null, message);
    }
}
