package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.Progress;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;

/** Builds an engine for a search folder, runs it in the foreground, and handles Ctrl-C. */
final class SearchRunner {
    private SearchRunner() {
    }

    /**
     * @param onCluster whether this process runs on a node of {@code cluster} (detached mode): Slurm commands
     *                  and files are then local
     */
    static int run(Configs configs, Path searchDir, String cluster, boolean onCluster, Path clustersFile,
                   PrintWriter out, PrintWriter err, boolean quiet) throws IOException, InterruptedException {
        Strategy strategy;
        try {
            strategy = Strategies.forConfig(configs.search(), configs.model().space(), configs.searchPath().toString());
        } catch (ConfigException e) {
            return Console.configError(new PrintWriter(System.err, true), e);
        }
        boolean terminal = System.console() != null;
        ProgressPrinter printer = new ProgressPrinter(out, terminal, quiet);
        dev.hpsearch.app.remote.SearchExecutors.Opened opened;
        try {
            opened = Executors.open(cluster, onCluster, clustersFile, searchDir.getParent(), err);
        } catch (dev.hpsearch.ssh.ClusterProfileException | dev.hpsearch.ssh.SshBridgeException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILURE;
        }
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
            SearchSummary summary = engine.run();
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
            return summary.complete() ? ExitCodes.OK : ExitCodes.INTERRUPTED;
        }
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
