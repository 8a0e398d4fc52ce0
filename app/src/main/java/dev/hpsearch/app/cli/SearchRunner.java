package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.app.service.PreparedSearch;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Builds an engine for a search folder, runs it in the foreground, and handles Ctrl-C. */
final class SearchRunner {
    private SearchRunner() {
    }

    /**
     * Runs a prepared search in the foreground and closes it.
     *
     * @return the exit status: complete (or stopped as its user asked), interrupted, or stopped by a fault
     */
    static int run(PreparedSearch prepared, PrintWriter out, PrintWriter err, boolean quiet)
            throws InterruptedException, IOException {
        boolean terminal = System.console() != null;
        ProgressPrinter printer = new ProgressPrinter(out, terminal, quiet);
        Path searchDir = prepared.searchDir();
        boolean onCluster = prepared.onCluster();
        if (!prepared.target().isLocal()) {
            out.println("Running on cluster " + prepared.target().name()
                    + (onCluster ? " (Slurm on this node)" : " (Slurm over SSH)"));
            out.flush();
        }
        try (prepared) {
            SearchEngine engine = prepared.engine(printer);
            Thread main = Thread.currentThread();
            Thread hook = new Thread(() -> {
                engine.interrupt();
                try {
                    main.join(10_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "hpsearch-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            AtomicBoolean asked = new AtomicBoolean();
            ScheduledExecutorService watcher = onCluster
                    ? watchStopRequests(searchDir, engine, asked, err) : null;
            SearchSummary summary;
            try {
                summary = engine.run();
            } finally {
                if (watcher != null) {
                    watcher.shutdownNow();
                }
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // already shutting down (Ctrl-C): the hook is running
            }
            printer.finish(summary.progress());
            report(out, summary);
            if (summary.fault()) {
                err.println("error: the search stopped: " + summary.reason());
                err.flush();
                return ExitCodes.FAILURE;
            }
            // a coordinator that stopped as its user asked did what it was told: its job ends COMPLETED
            return summary.complete() || asked.get() ? ExitCodes.OK : ExitCodes.INTERRUPTED;
        }
    }

    /**
     * A detached coordinator looks for {@code hpsearch stop}'s request once a second: the request is taken (so a
     * resume does not stop at once) and the engine stops as asked, recording why.
     */
    private static ScheduledExecutorService watchStopRequests(
            Path searchDir, SearchEngine engine, AtomicBoolean asked, PrintWriter err) {
        ScheduledExecutorService timer = java.util.concurrent.Executors
                .newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "hpsearch-stop-watch");
                    t.setDaemon(true);
                    return t;
                });
        timer.scheduleWithFixedDelay(() -> {
            try {
                StopRequest r = StopRequest.take(searchDir);
                if (r == null) {
                    return;
                }
                asked.set(true);
                if (r.cancelJobs()) {
                    engine.requestStop(r.reason());
                } else {
                    engine.interrupt(r.reason());
                }
            } catch (IOException | RuntimeException e) {
                err.println("warning: cannot read the stop request in " + searchDir + ": " + IoErrors.describe(e));
                err.flush();
            }
        }, 1, 1, TimeUnit.SECONDS);
        return timer;
    }

    private static void report(PrintWriter out, SearchSummary s) {
        Progress p = s.progress();
        out.println((s.complete() ? "Search complete: " : s.fault() ? "Search stopped: " : "Search interrupted: ")
                + s.reason());
        if (p.best() != null) {
            out.println(String.format(Locale.ROOT, "Best loss %.6g: combination %d (%s)", p.best().loss(), p.best().id(),
                    SearchFolder.inputJson(s.searchDir(), p.best().id())));
        }
        out.println("Results: " + s.searchDir().resolve(DataTable.FILE_NAME));
        out.println("Search log: " + s.searchDir().resolve(dev.hpsearch.optimizer.engine.SearchLog.FILE_NAME));
        if (!s.complete()) {
            out.println("Resume with: hpsearch resume " + s.searchDir());
        } else {
            out.println("Summary: hpsearch status " + s.searchDir());
        }
        out.flush();
    }
}
