package dev.hpsearch.optimizer.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The Cartesian product of every hyperparameter's grid values, enumerated like nested loops with the last
 * hyperparameter varying fastest. Resumes after the largest grid ordinal already suggested.
 *
 * <p>With conditional hyperparameters, a grid point where an inactive hyperparameter takes any but its first
 * grid value is skipped: it is the same combination as the one with the first value, which is kept (canonical,
 * the inactive values set to {@link SearchSpace#INACTIVE}).
 */
public final class GridStrategy implements Strategy {
    public static final String TYPE = "grid";
    /** Above this many grid points, a conditional grid's count of distinct combinations is not computed. */
    private static final long COUNT_LIMIT = 5_000_000;
    private final SearchSpace space;
    private final List<List<JsonNode>> axes;
    private final long size;
    private final long distinct;

    public GridStrategy(SearchSpace space, int pointsPerHyperparameter) {
        this.space = space;
        this.axes = space.grid(pointsPerHyperparameter);
        long s = 1;
        for (List<JsonNode> a : axes) {
            s = Math.multiplyExact(s, a.size());
        }
        this.size = s;
        long kept = s;
        if (space.conditional() && s <= COUNT_LIMIT) {
            kept = 0;
            for (long i = 0; i < s; i++) {
                kept += kept(i) ? 1 : 0;
            }
        }
        this.distinct = kept;
    }

    /** False for a grid point that repeats another with only inactive values changed. */
    private boolean kept(long ordinal) {
        if (!space.conditional()) {
            return true;
        }
        Combination raw = point(ordinal);
        for (int k = 0; k < axes.size(); k++) {
            if (!space.active(k, raw) && !raw.get(k).equals(axes.get(k).get(0))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng) {
        List<Suggestion> out = new ArrayList<>(count);
        for (long i = context.lastOrdinal(TYPE) + 1; i < size && out.size() < count; i++) {
            if (!kept(i)) {
                continue;
            }
            Combination c = at(i);
            if (!context.seen().contains(c)) {
                out.add(new Suggestion(c, TYPE, i, ""));
            }
        }
        return out;
    }

    /** The grid point with the given ordinal, canonical. */
    public Combination at(long ordinal) {
        return space.canonical(point(ordinal));
    }

    private Combination point(long ordinal) {
        JsonNode[] values = new JsonNode[axes.size()];
        long rest = ordinal;
        for (int k = axes.size() - 1; k >= 0; k--) {
            List<JsonNode> axis = axes.get(k);
            values[k] = axis.get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        return new Combination(List.of(values));
    }

    /** The number of grid ordinals: every point of the product, including those skipped as repeats. */
    public long ordinals() {
        return size;
    }

    @Override
    public OptionalLong plannedCount() {
        return OptionalLong.of(distinct);
    }

    @Override
    public boolean adaptive() {
        return false;
    }

    @Override
    public String name() {
        return TYPE;
    }
}
