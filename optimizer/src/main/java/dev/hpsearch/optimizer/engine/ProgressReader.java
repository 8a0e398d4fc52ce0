package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.ProgressTail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the bytes one run appended to its {@code progress.jsonl} into points, a complete line at a time: a last
 * line without its newline waits for the rest, a line that cannot be read is skipped and described.
 */
final class ProgressReader {
    /** A line that was skipped, and why. */
    record Skipped(long line, String why) {
    }

    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private long offset;
    private long lines;

    /** Bytes received so far (the offset of the next read). */
    long offset() {
        return offset;
    }

    /**
     * Takes the next bytes of the file.
     *
     * @param skipped receives the lines that could not be read (modified)
     * @return the points of the lines completed by these bytes, in order
     */
    List<ProgressPoint> accept(byte[] bytes, List<Skipped> skipped) {
        offset += bytes.length;
        List<ProgressPoint> points = new ArrayList<>();
        int from = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                partial.write(bytes, from, i - from);
                line(partial.toString(StandardCharsets.UTF_8), points, skipped);
                partial.reset();
                from = i + 1;
            }
        }
        partial.write(bytes, from, bytes.length - from);
        return points;
    }

    /**
     * Reads what a local file holds past this reader's offset, up to its end as it is now.
     *
     * @param skipped receives the lines that could not be read (modified)
     * @return the points of the lines completed, in order
     */
    List<ProgressPoint> readFrom(java.nio.file.Path file, List<Skipped> skipped) throws ExecutorException {
        List<ProgressPoint> points = new ArrayList<>();
        byte[] next = Executor.readLocalTail(file, offset);
        while (next.length > 0) {
            points.addAll(accept(next, skipped));
            next = next.length < ProgressTail.MAX_BYTES ? new byte[0] : Executor.readLocalTail(file, offset);
        }
        return points;
    }

    private void line(String text, List<ProgressPoint> points, List<Skipped> skipped) {
        lines++;
        String t = text.strip();
        if (t.isEmpty()) {
            return;
        }
        try {
            points.add(ProgressPoint.parse(t));
        } catch (IllegalArgumentException e) {
            skipped.add(new Skipped(lines, e.getMessage()));
        }
    }
}
