package dev.hpsearch.app.service;

import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchListener;
import dev.hpsearch.optimizer.strategy.Strategy;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

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
    /** On-demand replicates ({@link SearchService#prepareReplicates}): the k best, n more each; 0 for none. */
    private final int replicateTopK;
    private final int replicateCount;
    /** The combinations to replicate when the user chose them, else null (the {@code replicateTopK} best). */
    private final List<Integer> replicateIds;

    PreparedSearch(Configs configs, Strategy strategy, Path searchDir, SearchExecutors.Opened opened,
                   RunTarget target, boolean onCluster) {
        this(configs, strategy, searchDir, opened, target, onCluster, 0, 0, null);
    }

    private PreparedSearch(Configs configs, Strategy strategy, Path searchDir, SearchExecutors.Opened opened,
                   RunTarget target, boolean onCluster, int replicateTopK, int replicateCount,
                   List<Integer> replicateIds) {
        this.configs = configs;
        this.strategy = strategy;
        this.searchDir = searchDir;
        this.opened = opened;
        this.target = target;
        this.onCluster = onCluster;
        this.replicateTopK = replicateTopK;
        this.replicateCount = replicateCount;
        this.replicateIds = replicateIds;
    }

    /** This search, to run {@code n} more replicates of each of its {@code topK} best combinations and end. */
    PreparedSearch withReplicates(int topK, int n) {
        return new PreparedSearch(configs, strategy, searchDir, opened, target, onCluster, topK, n, null);
    }

    /** This search, to run {@code n} more replicates of each of the combinations {@code ids} and end. */
    PreparedSearch withReplicatesOf(List<Integer> ids, int n) {
        return new PreparedSearch(configs, strategy, searchDir, opened, target, onCluster, ids.size(), n,
                List.copyOf(ids));
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
        SearchEngine engine = new SearchEngine(configs.search(), configs.job(), configs.model(), searchDir,
                opened.executor(), strategy, Clock.systemUTC(), listener);
        if (replicateCount > 0 && replicateIds != null) {
            engine.requestReplicatesOf(replicateIds, replicateCount);
        } else if (replicateCount > 0) {
            engine.requestReplicates(replicateTopK, replicateCount);
        }
        return engine;
    }

    @Override
    public void close() {
        opened.close();
    }
}
