package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.exec.ExecutorException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The learning curves of a search folder for display: each combination's points, read from its local
 * {@code progress.jsonl} a new part at a time (lines that cannot be read are left out; the engine's log names
 * them). A finished combination's file is read once more after it finished, then no more. Thread-safe.
 */
public final class ProgressCurves {
    private final Path searchDir;
    private final Map<Integer, ProgressReader> readers = new HashMap<>();
    private final Map<Integer, List<ProgressPoint>> points = new TreeMap<>();
    private final Set<Integer> complete = new HashSet<>();

    public ProgressCurves(Path searchDir) {
        this.searchDir = searchDir;
    }

    /**
     * Reads what is new in the files of these combinations.
     *
     * @param finished for each combination, whether it has finished (its file is then read for the last time)
     * @return every curve read so far, by combination id (an unmodifiable copy)
     */
    public synchronized Map<Integer, List<ProgressPoint>> read(Map<Integer, Boolean> finished) {
        for (Map.Entry<Integer, Boolean> e : finished.entrySet()) {
            int id = e.getKey();
            if (complete.contains(id)) {
                continue;
            }
            Path file = SearchFolder.combinationDir(searchDir, id).resolve(ProgressPoint.FILE_NAME);
            try {
                List<ProgressPoint> fresh = readers.computeIfAbsent(id, k -> new ProgressReader())
                        .readFrom(file, new ArrayList<>());
                if (!fresh.isEmpty()) {
                    points.computeIfAbsent(id, k -> new ArrayList<>()).addAll(fresh);
                }
            } catch (ExecutorException ex) {
                continue; // unreadable now: tried again at the next read
            }
            if (e.getValue()) {
                complete.add(id);
            }
        }
        Map<Integer, List<ProgressPoint>> copy = new LinkedHashMap<>();
        points.forEach((id, p) -> copy.put(id, List.copyOf(p)));
        return Collections.unmodifiableMap(copy);
    }
}
