package dev.hpsearch.app.gui.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Converting between what the user types in a field and JSON values. */
public final class JsonText {
    private JsonText() {
    }

    /** Integers become integer nodes, other numbers doubles, anything else stays text (for the loader to refuse). */
    public static JsonNode number(String text) {
        String t = text.trim();
        if (t.matches("[+-]?\\d{1,18}")) {
            long n = Long.parseLong(t);
            return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isFinite(d) && !t.endsWith("d") && !t.endsWith("f") && !t.endsWith("D") && !t.endsWith("F")) {
                return DoubleNode.valueOf(d);
            }
        } catch (NumberFormatException e) {
            // not a number: the loader reports it
        }
        return TextNode.valueOf(t);
    }

    public static JsonNode bool(String text) {
        String t = text.trim();
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(t));
        }
        return TextNode.valueOf(t);
    }

    /** A value typed in a list or constant field: valid JSON as JSON (numbers, true, "quoted"), else text. */
    public static JsonNode value(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return TextNode.valueOf("");
        }
        try {
            JsonNode n = JsonFiles.STRICT.readTree(t);
            if (n != null && !n.isMissingNode()) {
                return n;
            }
        } catch (JsonProcessingException e) {
            // plain text
        }
        return TextNode.valueOf(t);
    }

    /** Splits a comma-separated list, respecting double quotes and brackets. */
    public static List<String> splitList(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' && (i == 0 || text.charAt(i - 1) != '\\')) {
                quoted = !quoted;
            } else if (!quoted && (c == '[' || c == '{')) {
                depth++;
            } else if (!quoted && (c == ']' || c == '}')) {
                depth--;
            }
            if (c == ',' && !quoted && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank() || !out.isEmpty()) {
            out.add(cur.toString().trim());
        }
        return out;
    }

    /** A list typed as "a, b, c" as a JSON array of values. */
    public static ArrayNode list(String text) {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        for (String item : splitList(text)) {
            a.add(value(item));
        }
        return a;
    }

    /** A JSON value as the user would type it in a field: text without quotes, lists as "a, b". */
    public static String display(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (v.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode x : v) {
                parts.add(x.isTextual() && !needsQuotes(x.asText()) ? x.asText() : x.toString());
            }
            return String.join(", ", parts);
        }
        return v.toString();
    }

    private static boolean needsQuotes(String s) {
        if (s.contains(",") || s.isBlank()) {
            return true;
        }
        JsonNode parsed = value(s);
        return !parsed.isTextual();
    }

    public static String pretty(JsonNode n) {
        try {
            return JsonFiles.STRICT.writerWithDefaultPrettyPrinter().writeValueAsString(n) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a config file in the seed's format (pretty JSON), through a temporary file. */
    public static void write(JsonNode n, Path file) throws IOException {
        Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
        Files.writeString(tmp, pretty(n), StandardCharsets.UTF_8);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
