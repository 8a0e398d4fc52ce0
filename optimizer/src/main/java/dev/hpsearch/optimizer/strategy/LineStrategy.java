package dev.hpsearch.optimizer.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.OptionalLong;
import java.util.random.RandomGenerator;

/**
 * The seed's line search: a base combination takes the middle grid value of each hyperparameter (the lower
 * middle for an even count); then one hyperparameter at a time takes each of its other grid values while
 * the rest stay at the base. The base appears once: {@code 1 + sum(k_i - 1)} combinations.
 *
 * <p>With conditional hyperparameters, a hyperparameter that does not exist at the base is varied with its
 * parents set to the first of their grid values that make it exist; every combination is canonical and none
 * appears twice (varying a hyperparameter that does not exist would only repeat the base).
 */
public final class LineStrategy implements Strategy {
    public static final String TYPE = "line";
    private final List<Combination> plan = new ArrayList<>();

    public LineStrategy(SearchSpace space, int pointsPerHyperparameter) {
        List<List<JsonNode>> axes = space.grid(pointsPerHyperparameter);
        List<JsonNode> base = new ArrayList<>();
        for (List<JsonNode> axis : axes) {
            base.add(axis.get((axis.size() - 1) / 2));
        }
        Set<Combination> distinct = new LinkedHashSet<>();
        distinct.add(space.canonical(new Combination(base)));
        for (int i = 0; i < axes.size(); i++) {
            List<JsonNode> axis = axes.get(i);
            int middle = (axis.size() - 1) / 2;
            List<JsonNode> start = new ArrayList<>(base);
            space.activate(i, start, axes::get);
            for (int k = 0; k < axis.size(); k++) {
                if (k != middle || !start.equals(base)) {
                    List<JsonNode> values = new ArrayList<>(start);
                    values.set(i, axis.get(k));
                    distinct.add(space.canonical(new Combination(values)));
                }
            }
        }
        plan.addAll(distinct);
    }

    @Override
    public List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng) {
        List<Suggestion> out = new ArrayList<>(count);
        for (int i = (int) context.lastOrdinal(TYPE) + 1; i < plan.size() && out.size() < count; i++) {
            if (!context.seen().contains(plan.get(i))) {
                out.add(new Suggestion(plan.get(i), TYPE, i, ""));
            }
        }
        return out;
    }

    /** Every combination of the line search, base first. */
    public List<Combination> plan() {
        return List.copyOf(plan);
    }

    @Override
    public OptionalLong plannedCount() {
        return OptionalLong.of(plan.size());
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
