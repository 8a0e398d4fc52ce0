package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** Follows a growing log file (like {@code tail -f}) on a background thread and hands new text to the UI. */
public final class LogFollower implements AutoCloseable {
    private static final int MAX_INITIAL = 64 * 1024;
    private final TaskRunner tasks;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hpsearch-log-follower");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> current;
    private long generation;

    public LogFollower(TaskRunner tasks) {
        this.tasks = tasks;
    }

    /**
     * Starts following {@code file} (stops following the previous one). {@code reset} gets the text so far,
     * then {@code append} each new piece; both on the UI thread.
     */
    public synchronized void follow(Path file, Consumer<String> reset, Consumer<String> append) {
        stop();
        long gen = ++generation;
        long[] offset = {-1};
        current = timer.scheduleWithFixedDelay(() -> {
            try {
                if (!Files.exists(file)) {
                    if (offset[0] < 0) {
                        offset[0] = 0;
                        post(gen, () -> reset.accept("(no log yet: " + file + ")\n"));
                    }
                    return;
                }
                long size = Files.size(file);
                if (offset[0] < 0 || size < offset[0]) {
                    long from = Math.max(0, size - MAX_INITIAL);
                    String text = read(file, from, size);
                    offset[0] = size;
                    post(gen, () -> reset.accept(text));
                } else if (size > offset[0]) {
                    String text = read(file, offset[0], size);
                    offset[0] = size;
                    post(gen, () -> append.accept(text));
                }
            } catch (IOException e) {
                post(gen, () -> append.accept("\n(cannot read " + file + ": " + IoErrors.describe(e) + ")\n"));
            }
        }, 0, 400, TimeUnit.MILLISECONDS);
    }

    private void post(long gen, Runnable r) {
        tasks.onUi(() -> {
            if (gen == generation) {
                r.run();
            }
        });
    }

    private static String read(Path file, long from, long to) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            byte[] b = new byte[(int) Math.min(Integer.MAX_VALUE, to - from)];
            f.seek(from);
            f.readFully(b);
            return new String(b, StandardCharsets.UTF_8);
        }
    }

    public synchronized void stop() {
        generation++;
        if (current != null) {
            current.cancel(false);
            current = null;
        }
    }

    @Override
    public void close() {
        stop();
        timer.shutdownNow();
    }
}
