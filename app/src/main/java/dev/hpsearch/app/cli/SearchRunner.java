package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.remote.StopRequest;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** Builds an engine for a search folder, runs it in the foreground, and handles Ctrl-C. */
final class SearchRunner {
    private SearchRunner() {
    }

    /** The search strategy the configs ask for, or {@code null} after printing why it cannot be built. */
    static Strategy strategy(Configs configs, PrintWriter err) {
        try {
            return Strategies.forConfig(configs.search(), configs.model().space(), configs.searchPath().toString());
        } catch (ConfigException e) {
            Console.configError(err, e);
            return null;
        }
    }

    /**
     * Opens the executor the search runs on; over SSH this is the first contact with the cluster. Call it before
     * creating anything a failed connection would leave behind.
     *
     * @param source where {@code cluster} was named, for the message when connecting fails
     */
    static SearchExecutors.Opened connect(String cluster, ProfileSource source, boolean onCluster, Path clustersFile,
                                          Path projectFolder, PrintWriter err)
            throws ClusterProfileException, SshBridgeException {
        return Executors.open(cluster, source, onCluster, clustersFile, projectFolder, err);
    }

    /** Prints a failure of {@link #connect} as one line and returns the exit status for it. */
    static int connectFailed(Exception e, PrintWriter err) {
        err.println("error: " + e.getMessage());
        err.flush();
        return e instanceof ClusterProfileException ? ExitCodes.CONFIG : ExitCodes.CONNECTION;
    }

    /**
     * Runs the search in {@code searchDir} on an opened executor, which it closes.
     *
     * @param onCluster whether this process runs on a node of {@code cluster} (detached mode): Slurm commands
     *                  and files are then local
     */
    static int run(Configs configs, Strategy strategy, Path searchDir, String cluster, boolean onCluster,
                   SearchExecutors.Opened opened, PrintWriter out, PrintWriter err, boolean quiet)
            throws IOException, InterruptedException {
        boolean terminal = System.console() != null;
        ProgressPrinter printer = new ProgressPrinter(out, terminal, quiet);
        if (!Executors.isLocal(cluster)) {
            out.println("Running on cluster " + cluster + (onCluster ? " (Slurm on this node)" : " (Slurm over SSH)"));
            out.flush();
        }
        try (opened) {
            SearchEngine engine = new SearchEngine(configs.search(), configs.job(), configs.model(), searchDir,
                    opened.executor(), strategy, Clock.systemUTC(), printer);
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
                    s.searchDir().resolve("hp_combination_" + p.best().id()).resolve("input.json")));
        }
        out.println("Results: " + s.searchDir().resolve(DataTable.FILE_NAME));
        out.println("Search log: " + s.searchDir().resolve("log.txt"));
        if (!s.complete()) {
            out.println("Resume with: hpsearch resume " + s.searchDir());
        } else {
            out.println("Summary: hpsearch status " + s.searchDir());
        }
        out.flush();
    }
}
