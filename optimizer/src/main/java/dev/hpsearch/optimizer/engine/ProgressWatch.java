package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.exec.Executor;
import dev.hpsearch.optimizer.exec.ExecutorException;
import dev.hpsearch.optimizer.exec.JobRef;
import dev.hpsearch.optimizer.exec.ProgressTail;
import dev.hpsearch.optimizer.prune.Curves;
import dev.hpsearch.optimizer.prune.Pruner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.IntFunction;

/**
 * Follows the learning curves of the runs of a search with a pruner: reads the new lines of their
 * {@code progress.jsonl} (through the executor, all runs at once) and asks the pruner about each run that
 * reported. Only built when search_config.json names a pruner; without one nothing is read.
 */
final class ProgressWatch {
    /** Skipped lines of one run written to the search log; the rest are counted only. */
    private static final int LOGGED_SKIPS = 3;

    /** A run the pruner stopped: why, and its last point. */
    record Decision(int id, String reason, ProgressPoint last) {
    }

    private final Pruner pruner;
    private final IntFunction<Path> localFile;
    private final Curves curves = new Curves();
    private final Map<Integer, ProgressReader> readers = new HashMap<>();
    private final Map<Integer, ProgressPoint> last = new HashMap<>();
    private final Map<Integer, Integer> skips = new HashMap<>();

    /**
     * @param localFile the local {@code progress.jsonl} of a combination
     */
    ProgressWatch(Pruner pruner, IntFunction<Path> localFile) {
        this.pruner = pruner;
        this.localFile = localFile;
    }

    /** The pruner's name. */
    String prunerName() {
        return pruner.name();
    }

    /** The last point a combination reported, or {@code null}. */
    ProgressPoint last(int id) {
        return last.get(id);
    }

    /** Forgets a combination's curve, before it runs again (its file is written anew). */
    void forget(int id) {
        readers.remove(id);
        last.remove(id);
        skips.remove(id);
        curves.clear(id);
    }

    /**
     * Reads what a combination's local file holds (on resume: the runs of an earlier coordinator, whose curves the
     * pruner compares against). A cluster executor keeps the local file up to date as it reads.
     */
    void load(int id, Consumer<String> log) {
        List<ProgressReader.Skipped> skipped = new ArrayList<>();
        try {
            List<ProgressPoint> points = readers.computeIfAbsent(id, k -> new ProgressReader())
                    .readFrom(localFile.apply(id), skipped);
            record(id, points, skipped, log);
        } catch (ExecutorException e) {
            log.accept("combination " + id + ": " + e.getMessage() + "; its curve is left out");
        }
    }

    /**
     * Reads the new lines of the given runs in one call of the executor and judges those in {@code judge} that
     * reported new points.
     *
     * @return the runs to stop
     */
    List<Decision> read(Executor executor, Collection<JobRef> refs, Set<Integer> judge, Consumer<String> log)
            throws ExecutorException {
        if (refs.isEmpty()) {
            return List.of();
        }
        List<ProgressTail> tails = new ArrayList<>();
        for (JobRef ref : refs) {
            int id = ref.combinationId();
            ProgressReader r = readers.get(id);
            tails.add(new ProgressTail(ref, localFile.apply(id), r == null ? 0 : r.offset()));
        }
        Map<JobRef, byte[]> read = executor.readProgress(tails);
        List<Decision> out = new ArrayList<>();
        Map<Integer, Long> before = new LinkedHashMap<>();
        for (Map.Entry<JobRef, byte[]> e : read.entrySet()) {
            int id = e.getKey().combinationId();
            long previous = curves.lastStep(id);
            if (take(id, e.getValue(), log) && judge.contains(id)) {
                before.put(id, previous);
            }
        }
        before.forEach((id, previous) -> {
            Optional<String> why = pruner.judge(id, curves, previous);
            why.ifPresent(w -> out.add(new Decision(id, w, last.get(id))));
        });
        return out;
    }

    /** Feeds bytes to a run's reader; true when they completed at least one point. */
    private boolean take(int id, byte[] bytes, Consumer<String> log) {
        if (bytes.length == 0) {
            return false;
        }
        List<ProgressReader.Skipped> skipped = new ArrayList<>();
        List<ProgressPoint> points = readers.computeIfAbsent(id, k -> new ProgressReader()).accept(bytes, skipped);
        record(id, points, skipped, log);
        return !points.isEmpty();
    }

    private void record(int id, List<ProgressPoint> points, List<ProgressReader.Skipped> skipped, Consumer<String> log) {
        for (ProgressReader.Skipped s : skipped) {
            int n = skips.merge(id, 1, Integer::sum);
            if (n <= LOGGED_SKIPS) {
                log.accept("combination " + id + ": " + ProgressPoint.FILE_NAME + " line " + s.line() + " skipped: "
                        + s.why() + (n == LOGGED_SKIPS ? " (further skipped lines of this run are not logged)" : ""));
            }
        }
        for (ProgressPoint p : points) {
            curves.add(id, p.step(), p.value());
            last.put(id, p);
        }
    }
}
