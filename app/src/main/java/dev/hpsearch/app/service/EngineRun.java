package dev.hpsearch.app.service;

import dev.hpsearch.optimizer.engine.SearchEngine;
import dev.hpsearch.optimizer.engine.SearchSummary;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;

/** A search this process runs with its engine on a background thread. */
final class EngineRun implements RunningSearch.Control {
    private final SearchEngine engine;

    private EngineRun(SearchEngine engine) {
        this.engine = engine;
    }

    /** Runs the prepared search on a daemon thread, which closes its executor and reports the end. */
    static EngineRun start(PreparedSearch prepared, SearchEvents events) {
        SearchEngine engine = prepared.engine(events);
        Thread t = new Thread(() -> {
            try (prepared) {
                SearchSummary s = engine.run();
                events.onEnd((s.complete() ? "Search complete: " : "Search stopped: ") + s.reason());
            } catch (IOException e) {
                events.onEnd("Search could not run: " + IoErrors.describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                events.onEnd("Search interrupted");
            } catch (RuntimeException e) {
                events.onEnd("Search failed: " + e);
            }
        }, "hpsearch-engine-" + prepared.searchDir().getFileName());
        t.setDaemon(true);
        t.start();
        return new EngineRun(engine);
    }

    @Override
    public void stop(String reason) {
        engine.requestStop(reason);
    }

    @Override
    public void cancel(int combinationId) {
        engine.cancel(combinationId);
    }

    @Override
    public void close() {
        engine.interrupt();
    }
}
