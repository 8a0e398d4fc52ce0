package dev.hpsearch.optimizer.prune;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * The learning curves of a search: for each combination, the objective it reported at each step (lower is
 * better). A step reported twice keeps its last value. Not thread-safe; the engine owns one.
 */
public final class Curves {
    private final Map<Integer, NavigableMap<Long, Double>> curves = new HashMap<>();

    /** Records that combination {@code id} reported {@code value} at {@code step}. */
    public void add(int id, long step, double value) {
        if (step < 0 || !Double.isFinite(value)) {
            throw new IllegalArgumentException("a point needs a step >= 0 and a finite value: " + step + ", " + value);
        }
        curves.computeIfAbsent(id, k -> new TreeMap<>()).put(step, value);
    }

    /** Forgets a combination's points (it runs again from the start). */
    public void clear(int id) {
        curves.remove(id);
    }

    /** The combinations that reported at least one point. */
    public Set<Integer> ids() {
        return Collections.unmodifiableSet(curves.keySet());
    }

    /** One combination's points by step (read-only, empty when it reported none). */
    public NavigableMap<Long, Double> curve(int id) {
        NavigableMap<Long, Double> c = curves.get(id);
        return c == null ? Collections.emptyNavigableMap() : Collections.unmodifiableNavigableMap(c);
    }

    /** The last step a combination reported, or -1 when none. */
    public long lastStep(int id) {
        NavigableMap<Long, Double> c = curves.get(id);
        return c == null || c.isEmpty() ? -1 : c.lastKey();
    }

    /**
     * The lowest value a combination reported at steps up to {@code step}, or NaN when it has not reached
     * {@code step} (its last step is below it) or reported nothing at or before it.
     */
    public double bestUpTo(int id, long step) {
        NavigableMap<Long, Double> c = curves.get(id);
        if (c == null || c.isEmpty() || c.lastKey() < step) {
            return Double.NaN;
        }
        double best = Double.NaN;
        for (double v : c.headMap(step, true).values()) {
            best = Double.isNaN(best) ? v : Math.min(best, v);
        }
        return best;
    }
}
