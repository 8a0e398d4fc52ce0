package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.JsonErrors;
import dev.hpsearch.optimizer.text.NotUtf8Exception;
import dev.hpsearch.optimizer.text.Utf8;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code output.json} as the seed defines it: a number; a list, whose first value is the score; or an
 * object, whose {@code objective} is the score and whose other numeric entries are kept as metrics.
 * NaN and infinities are refused with a reason rather than recorded as scores.
 *
 * <p>The file is read as a stream of tokens, never as a tree, and at most {@link #MAX_BYTES} of it: a script
 * that writes its predictions into output.json costs the coordinator a fixed few kilobytes of memory, however
 * large the file. A score found within the cap is kept (with a note that the rest was not read); a score that
 * lies beyond it is a failure that says so. At most {@link #MAX_METRICS} metrics are kept, since each becomes a
 * column of hp_search_data.txt and a field of every journal line of the search.
 */
public final class OutputParser {
    /** How much of an output.json is read: 16 MiB. */
    public static final long MAX_BYTES = 16L * 1024 * 1024;
    /** How many numeric entries of an object output are kept as metrics. */
    public static final int MAX_METRICS = 100;

    /**
     * Accepts the NaN/Infinity tokens Python's json module writes, so that they can be named in the reason.
     * A text value is read into memory only when it is the score's place; 1 MiB is plenty to name it.
     */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .streamReadConstraints(StreamReadConstraints.builder().maxStringLength(1 << 20).build())
            .build();

    private final long maxBytes;

    /** A parser that reads at most {@link #MAX_BYTES} of a file. */
    public OutputParser() {
        this(MAX_BYTES);
    }

    /** A parser with another cap (tests use a small one). */
    OutputParser(long maxBytes) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    /**
     * Beside an output.json that an executor copied only in part (from a cluster), a note whose first line is the
     * whole file's size in bytes, so that what is said about the file is about the file, not the copy.
     */
    public static Path cutNote(Path outputJson) {
        return outputJson.resolveSibling(outputJson.getFileName() + ".cut");
    }

    /** Writes the {@link #cutNote} of an output.json copied in part. */
    public static void writeCutNote(Path outputJson, long fullSize) throws IOException {
        Files.writeString(cutNote(outputJson), fullSize + "\nThe output.json where this run ran is " + fullSize
                + " bytes; this folder holds its first " + Files.size(outputJson) + " bytes, more than hpsearch reads.\n");
    }

    private static long fullSize(Path file) throws IOException {
        Path note = cutNote(file);
        if (Files.isRegularFile(note)) {
            try {
                String first = Files.readAllLines(note).get(0).strip();
                return Math.max(Files.size(file), Long.parseLong(first));
            } catch (RuntimeException | IOException e) {
                return Files.size(file); // a note that cannot be read says nothing
            }
        }
        return Files.size(file);
    }

    /** Parses the file; never throws for bad content. */
    public ScriptOutput parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            ScriptOutput out = parse(in, fullSize(file));
            if (out.error() != null && out.error().contains("not UTF-8 text")) {
                // the JSON library names the byte where it noticed, not the first bad one: find that one
                try (InputStream again = Files.newInputStream(file)) {
                    NotUtf8Exception e = Utf8.firstError(again, maxBytes);
                    return e == null ? out : ScriptOutput.bad("output.json is " + e.getMessage());
                }
            }
            return out;
        } catch (NoSuchFileException e) {
            return ScriptOutput.missing();
        } catch (IOException e) {
            return ScriptOutput.bad("cannot read output.json: " + IoErrors.describe(e));
        }
    }

    /** Parses the content of an output.json. */
    public ScriptOutput parse(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        try {
            return parse(new ByteArrayInputStream(bytes), bytes.length);
        } catch (IOException e) {
            throw new IllegalStateException("reading from memory cannot fail", e);
        }
    }

    private ScriptOutput parse(InputStream raw, long size) throws IOException {
        Capped in = new Capped(raw, maxBytes);
        Reading r = new Reading();
        try (JsonParser p = FACTORY.createParser(in)) {
            try {
                JsonToken first = p.nextToken();
                if (first == null) {
                    return in.reachedCap ? ScriptOutput.bad("output.json is " + mib(size) + " of blank space")
                            : ScriptOutput.bad("output.json is empty");
                }
                r.root = first;
                readRoot(p, first, r);
                JsonToken after = p.nextToken();
                if (after != null) {
                    return ScriptOutput.bad("output.json is not valid JSON at line " + p.currentTokenLocation().getLineNr()
                            + ", column " + p.currentTokenLocation().getColumnNr()
                            + ": there is more after the end of the JSON value (a second value?)");
                }
            } catch (JsonProcessingException e) {
                if (!in.reachedCap) {
                    return ScriptOutput.bad("output.json is not valid JSON " + JsonErrors.describe(e));
                }
                // the cap cut the file: what was read before it still counts
            }
        }
        return in.reachedCap ? truncated(r, size) : r.result();
    }

    private static void readRoot(JsonParser p, JsonToken first, Reading r) throws IOException {
        switch (first) {
            case START_ARRAY:
                JsonToken t = next(p);
                if (t == JsonToken.END_ARRAY) {
                    r.error = "output.json is an empty list; expected the score as its first value";
                    return;
                }
                if (t.isNumeric()) {
                    r.score(p.getDoubleValue(), "the first value");
                } else {
                    r.error = "the first value of output.json is " + describe(p, t) + "; expected a number";
                }
                p.skipChildren();
                while (next(p) != JsonToken.END_ARRAY) {
                    p.skipChildren();
                }
                return;
            case START_OBJECT:
                readObject(p, r);
                return;
            default:
                if (first.isNumeric()) {
                    r.score(p.getDoubleValue(), "the value");
                } else {
                    r.error = "output.json holds " + describe(p, first)
                            + "; expected a number, a list or an object with \"objective\"";
                }
        }
    }

    private static void readObject(JsonParser p, Reading r) throws IOException {
        while (next(p) != JsonToken.END_OBJECT) {
            String name = p.currentName();
            JsonToken v = next(p);
            if (name.equals("objective")) {
                r.objectiveSeen = true;
                r.error = null;
                r.score = null;
                if (v.isNumeric()) {
                    r.score(p.getDoubleValue(), "\"objective\"");
                } else if (v == JsonToken.VALUE_NULL) {
                    r.error = "\"objective\" in output.json is empty (None); expected a number";
                } else {
                    r.error = "\"objective\" in output.json is " + describe(p, v) + "; expected a number";
                }
            } else if (v.isNumeric()) {
                double d = p.getDoubleValue();
                if (Double.isFinite(d)) {
                    if (r.metrics.size() < MAX_METRICS || r.metrics.containsKey(name)) {
                        r.metrics.put(name, d);
                    } else {
                        r.droppedMetrics++;
                    }
                }
            }
            p.skipChildren();
        }
        if (!r.objectiveSeen) {
            r.error = "output.json has no \"objective\" entry";
        }
    }

    /** The next token inside a list or an object, where the end of the input is an error. */
    private static JsonToken next(JsonParser p) throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw new JsonParseException(p, "Unexpected end-of-input");
        }
        return t;
    }

    /** A value as the user wrote it, shortened, or its kind when it is a list or an object. */
    private static String describe(JsonParser p, JsonToken t) throws IOException {
        switch (t) {
            case START_ARRAY:
                return "a list";
            case START_OBJECT:
                return "an object";
            case VALUE_NULL:
                return "empty (None)";
            case VALUE_STRING:
                String s = p.getText();
                String shown = s.length() > 40 ? s.substring(0, 40) + "..." : s;
                return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(shown)) + "\"";
            default:
                return p.getText();
        }
    }

    /** The outcome when the cap cut the file. */
    private ScriptOutput truncated(Reading r, long size) {
        String read = "output.json is " + mib(size) + "; only its first " + mib(maxBytes) + " were read";
        if (r.score != null) {
            return new ScriptOutput(true, r.score, r.metrics, null, read + r.droppedNote());
        }
        if (r.error != null && (r.root != JsonToken.START_OBJECT || r.objectiveSeen)) {
            return new ScriptOutput(true, null, r.metrics, r.error + " (" + read + ")", null);
        }
        String where = r.root == JsonToken.START_OBJECT ? "no \"objective\" entry" : "no score";
        return new ScriptOutput(true, null, r.metrics, read + ", and they hold " + where
                + "; write the score first, or keep large data out of output.json", null);
    }

    private static String mib(long bytes) {
        if (bytes < 1024 * 1024) {
            return bytes + " bytes";
        }
        return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024.0)).replace(".0 MiB", " MiB");
    }

    /** What has been read so far. */
    private static final class Reading {
        JsonToken root;
        Double score;
        String error;
        boolean objectiveSeen;
        final Map<String, Double> metrics = new LinkedHashMap<>();
        int droppedMetrics;

        void score(double value, String what) {
            if (Double.isNaN(value)) {
                error = what + " in output.json is NaN";
            } else if (Double.isInfinite(value)) {
                error = what + " in output.json is " + (value > 0 ? "Infinity" : "-Infinity");
            } else {
                score = value;
            }
        }

        String droppedNote() {
            return droppedMetrics == 0 ? ""
                    : "; kept the first " + MAX_METRICS + " numeric entries as metrics, " + droppedMetrics + " more dropped";
        }

        ScriptOutput result() {
            String note = droppedNote();
            return new ScriptOutput(true, score, metrics, score == null ? error : null,
                    note.isEmpty() ? null : note.substring(2));
        }
    }

    /** Ends the stream after a number of bytes, and remembers whether it did. */
    private static final class Capped extends FilterInputStream {
        private long left;
        boolean reachedCap;

        Capped(InputStream in, long cap) {
            super(in);
            this.left = cap;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                reachedCap = reachedCap || super.read() >= 0;
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                // end here only if there is more: a file of exactly the cap is read whole
                reachedCap = reachedCap || super.read() >= 0;
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }
}
