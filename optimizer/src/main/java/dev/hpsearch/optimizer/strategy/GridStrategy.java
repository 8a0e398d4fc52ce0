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
 */
public final class GridStrategy implements Strategy {
    public static final String TYPE = "grid";
    private final List<List<JsonNode>> axes;
    private final long size;

    public GridStrategy(SearchSpace space, int pointsPerHyperparameter) {
        this.axes = space.grid(pointsPerHyperparameter);
        long s = 1;
        for (List<JsonNode> a : axes) {
            s = Math.multiplyExact(s, a.size());
        }
        this.size = s;
    }

    @Override
    public List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng) {
        List<Suggestion> out = new ArrayList<>(count);
        for (long i = context.lastOrdinal(TYPE) + 1; i < size && out.size() < count; i++) {
            Combination c = at(i);
            if (!context.seen().contains(c)) {
                out.add(new Suggestion(c, TYPE, i, ""));
            }
        }
        return out;
    }

    /** The grid point with the given ordinal. */
    public Combination at(long ordinal) {
        JsonNode[] values = new JsonNode[axes.size()];
        long rest = ordinal;
        for (int k = axes.size() - 1; k >= 0; k--) {
            List<JsonNode> axis = axes.get(k);
            values[k] = axis.get((int) (rest % axis.size()));
            rest /= axis.size();
        }
        return new Combination(List.of(values));
    }

    @Override
    public OptionalLong plannedCount() {
        return OptionalLong.of(size);
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
