package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.function.Consumer;

/** The search folder's {@code log.txt}: what the engine did and why, one timestamped line each. */
public final class SearchLog implements AutoCloseable {
    public static final String FILE_NAME = "log.txt";
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(ZoneId.systemDefault());
    private final OutputStream out;
    private final Consumer<String> echo;

    public SearchLog(Path searchDir, Consumer<String> echo) throws IOException {
        this.out = Files.newOutputStream(searchDir.resolve(FILE_NAME), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.echo = echo;
    }

    /**
     * Writes one line stamped with the given time and hands it to the echo. A line that cannot be written (a
     * full disk) is still echoed: the journal, not this log, is the search's record, so the search goes on.
     */
    public void log(long timeMillis, String message) {
        String line = TIME.format(Instant.ofEpochMilli(timeMillis)) + "  " + message;
        try {
            out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            // dropped: the echo still shows it, and the journal holds what matters
        }
        if (echo != null) {
            echo.accept(line);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
