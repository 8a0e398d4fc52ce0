package dev.hpsearch.app.service;

import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchListener;
import dev.hpsearch.optimizer.strategy.Strategy;
import java.nio.file.Path;
import java.time.Clock;

/**
 * A search ready to run: its folder exists, its executor is open (connected, for a cluster), its strategy built.
 * Run it in the foreground with {@link #engine} (the command line) or in the background with
 * {@link SearchService#start} (the app). Closing it closes the executor and its connection.
 */
public final class PreparedSearch implements AutoCloseable {
    private final Configs configs;
    private final Strategy strategy;
    private final Path searchDir;
    private final SearchExecutors.Opened opened;
    private final RunTarget target;
    private final boolean onCluster;

    PreparedSearch(Configs configs, Strategy strategy, Path searchDir, SearchExecutors.Opened opened,
                   RunTarget target, boolean onCluster) {
        this.configs = configs;
        this.strategy = strategy;
        this.searchDir = searchDir;
        this.opened = opened;
        this.target = target;
        this.onCluster = onCluster;
    }

    public Configs configs() {
        return configs;
    }

    public Path searchDir() {
        return searchDir;
    }

    /** Where the analyses run. */
    public RunTarget target() {
        return target;
    }

    /** Whether this process runs on a node of its cluster and submits there directly (detached mode). */
    public boolean onCluster() {
        return onCluster;
    }

    /** The engine for this search, reporting to {@code listener}; it has not run yet. */
    public SearchEngine engine(SearchListener listener) {
        return new SearchEngine(configs.search(), configs.job(), configs.model(), searchDir, opened.executor(),
                strategy, Clock.systemUTC(), listener);
    }

    @Override
    public void close() {
        opened.close();
    }
}
