package dev.hpsearch.app.service;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The one background thread each watched search polls on. */
final class Timers {
    private Timers() {
    }

    /** A single daemon thread named {@code name} (it never keeps the app or the command line alive). */
    static ScheduledExecutorService daemon(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }
}
