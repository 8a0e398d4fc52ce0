package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code output.json} as the seed defines it: a number; a list, whose first value is the score; or an
 * object, whose {@code objective} is the score and whose other numeric entries are kept as metrics.
 * NaN and infinities are refused with a reason rather than recorded as scores.
 */
public final class OutputParser {
    /**
     * Accepts the NaN/Infinity tokens Python's json module writes, so that they can be named in the reason;
     * refuses anything after the value, which would otherwise be dropped silently.
     */
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Parses the file; never throws for bad content. */
    public ScriptOutput parse(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            return ScriptOutput.missing();
        } catch (IOException e) {
            return ScriptOutput.bad("cannot read output.json: " + e.getMessage());
        }
        return parse(text);
    }

    /** Parses the content of an output.json. */
    public ScriptOutput parse(String text) {
        if (text.isBlank()) {
            return ScriptOutput.bad("output.json is empty");
        }
        JsonNode root;
        try {
            root = LENIENT.readTree(text);
        } catch (JsonProcessingException e) {
            var loc = e.getLocation();
            String where = loc == null ? "" : " at line " + loc.getLineNr() + ", column " + loc.getColumnNr();
            return ScriptOutput.bad("output.json is not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (root == null || root.isMissingNode()) {
            return ScriptOutput.bad("output.json is empty");
        }
        if (root.isNumber()) {
            return score(root.asDouble(), Map.of(), "the value");
        }
        if (root.isArray()) {
            if (root.isEmpty()) {
                return ScriptOutput.bad("output.json is an empty list; expected the score as its first value");
            }
            JsonNode first = root.get(0);
            if (!first.isNumber()) {
                return ScriptOutput.bad("the first value of output.json is " + first + "; expected a number");
            }
            return score(first.asDouble(), Map.of(), "the first value");
        }
        if (root.isObject()) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!e.getKey().equals("objective") && e.getValue().isNumber()
                        && Double.isFinite(e.getValue().asDouble())) {
                    metrics.put(e.getKey(), e.getValue().asDouble());
                }
            }
            JsonNode objective = root.get("objective");
            if (objective == null || objective.isNull()) {
                return new ScriptOutput(true, null, metrics, "output.json has no \"objective\" entry");
            }
            if (!objective.isNumber()) {
                return new ScriptOutput(true, null, metrics,
                        "\"objective\" in output.json is " + objective + "; expected a number");
            }
            return score(objective.asDouble(), metrics, "\"objective\"");
        }
        return ScriptOutput.bad("output.json holds " + root + "; expected a number, a list or an object with \"objective\"");
    }

    private static ScriptOutput score(double value, Map<String, Double> metrics, String what) {
        if (Double.isNaN(value)) {
            return new ScriptOutput(true, null, metrics, what + " in output.json is NaN");
        }
        if (Double.isInfinite(value)) {
            return new ScriptOutput(true, null, metrics, what + " in output.json is " + (value > 0 ? "Infinity" : "-Infinity"));
        }
        return new ScriptOutput(true, value, metrics, null);
    }
}
