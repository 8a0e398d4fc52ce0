package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.JsonErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The search's append-only event log ({@code journal.jsonl}), one JSON object per line. Every state change is
 * written here before it is acted on; everything else is rebuilt from it. Each event is handed to the
 * operating system in one write, so a killed coordinator loses nothing it had journaled; a torn last line
 * (a crash mid-write) is ignored on replay.
 */
public final class Journal implements AutoCloseable {
    public static final String FILE_NAME = "journal.jsonl";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final OutputStream out;

    private Journal(OutputStream out) {
        this.out = out;
    }

    /**
     * Opens the journal of a search folder for appending, mending an unterminated last line first: a torn
     * line is cut off, a complete event that lacks only its newline is kept, exactly as {@link #read} sees
     * them (the engine replays what {@code read} returns before it opens the journal).
     */
    public static Journal open(Path searchDir) throws IOException {
        Path file = searchDir.resolve(FILE_NAME);
        if (Files.exists(file) && Files.size(file) > 0) {
            byte[] all = Files.readAllBytes(file);
            if (all[all.length - 1] != '\n') {
                int cut = lastNewline(all) + 1;
                String tail = new String(all, cut, all.length - cut, StandardCharsets.UTF_8);
                if (isEvent(tail)) {
                    Files.write(file, new byte[] {'\n'}, StandardOpenOption.APPEND);
                } else {
                    try (var ch = java.nio.channels.FileChannel.open(file, StandardOpenOption.WRITE)) {
                        ch.truncate(cut);
                    }
                }
            }
        }
        return new Journal(Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND));
    }

    /** True when {@link #read} would keep this line as an event. */
    private static boolean isEvent(String line) {
        if (line.isBlank()) {
            return false;
        }
        try {
            MAPPER.readTree(line);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int lastNewline(byte[] all) {
        for (int i = all.length - 1; i >= 0; i--) {
            if (all[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    /** Appends one event. */
    public void append(JournalEvent event) {
        try {
            byte[] line = (JournalCodec.encode(event) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the search journal: " + IoErrors.describe(e), e);
        }
    }

    /**
     * Reads every complete event of a search folder's journal; events of a type this version does not know
     * (written by a newer one) are left out.
     *
     * @throws IOException if a line other than a torn last line is not valid JSON, or a known event holds a value
     *                     that cannot be read
     */
    public static List<JournalEvent> read(Path searchDir) throws IOException {
        Path file = searchDir.resolve(FILE_NAME);
        List<JournalEvent> events = new ArrayList<>();
        if (!Files.exists(file)) {
            return events;
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank()) {
                continue;
            }
            boolean last = i == lines.length - 1;
            JsonNode node;
            try {
                node = MAPPER.readTree(line);
            } catch (IOException e) {
                if (last) {
                    break;
                }
                throw new IOException(file + ": line " + (i + 1) + " is damaged: " + (e instanceof JsonProcessingException
                        ? JsonErrors.what((JsonProcessingException) e) : IoErrors.describe(e)), e);
            }
            try {
                JournalCodec.decode(node).ifPresent(events::add);
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": line " + (i + 1) + " is not a readable event: " + e.getMessage(), e);
            }
        }
        return events;
    }

    /** The events of one type in a search folder's journal, in order (see {@link #read(Path)}). */
    public static <T extends JournalEvent> List<T> read(Path searchDir, Class<T> type) throws IOException {
        return read(searchDir).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
