package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchListener;
import dev.hpsearch.optimizer.engine.TrialRecord;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;

/**
 * The live progress line. On a terminal it redraws one line in place; otherwise (a log file, CI) it prints a
 * line when the counts change, at most one every few seconds.
 */
final class ProgressPrinter implements SearchListener {
    private static final long PLAIN_INTERVAL_MS = 3000;
    private final PrintWriter out;
    private final boolean terminal;
    private final boolean quiet;
    private long lastPrint;
    private String lastLine = "";
    private int width;

    ProgressPrinter(PrintWriter out, boolean terminal, boolean quiet) {
        this.out = out;
        this.terminal = terminal;
        this.quiet = quiet;
    }

    @Override
    public void onProgress(Progress p) {
        if (quiet) {
            return;
        }
        String line = format(p);
        long now = System.currentTimeMillis();
        if (terminal) {
            if (now - lastPrint < 100 && p.running() > 0) {
                return;
            }
            String padded = line + " ".repeat(Math.max(0, width - line.length()));
            out.print("\r" + padded);
            width = line.length();
        } else {
            if (line.equals(lastLine) || (now - lastPrint < PLAIN_INTERVAL_MS && p.running() > 0)) {
                return;
            }
            out.println(line);
        }
        out.flush();
        lastPrint = now;
        lastLine = line;
    }

    @Override
    public void onLog(String line) {
        if (quiet || !(line.contains("stopping") || line.contains("search ended") || line.contains("coordinator stopped")
                || line.contains("random_seed") || line.contains("search started") || line.contains("resuming"))) {
            return;
        }
        if (terminal && width > 0) {
            out.print("\r" + " ".repeat(width) + "\r");
            width = 0;
        }
        out.println(line.substring(Math.min(line.length(), 25)));
        out.flush();
    }

    @Override
    public void onTrial(TrialRecord trial) {
        // the progress line covers it
    }

    /** Ends the in-place line. */
    void finish(Progress p) {
        if (quiet) {
            return;
        }
        if (terminal) {
            out.println("\r" + format(p));
        } else if (!format(p).equals(lastLine)) {
            out.println(format(p));
        }
        out.flush();
    }

    static String format(Progress p) {
        StringBuilder sb = new StringBuilder();
        if (p.planned() > 0) {
            sb.append('[').append(p.finished()).append('/').append(p.planned()).append("] ");
        }
        sb.append("done ").append(p.done()).append("  failed ").append(p.failed());
        if (p.pruned() > 0) {
            sb.append("  pruned ").append(p.pruned());
        }
        if (p.cancelled() > 0) {
            sb.append("  cancelled ").append(p.cancelled());
        }
        sb.append("  running ").append(p.running()).append("  queued ").append(p.queued());
        if (!p.pending().isEmpty()) {
            sb.append(" (pending: ").append(p.pendingText()).append(')');
        }
        if (p.best() != null) {
            sb.append(" | best ").append(String.format(Locale.ROOT, "%.6g", p.best().loss()))
                    .append(" (#").append(p.best().id()).append(')');
        }
        sb.append(" | elapsed ").append(clock(p.elapsed()));
        if (p.remaining() != null) {
            sb.append(", ~").append(clock(p.remaining())).append(" left");
        }
        return sb.toString();
    }

    static String clock(Duration d) {
        return dev.hpsearch.optimizer.text.Durations.clock(d);
    }
}
