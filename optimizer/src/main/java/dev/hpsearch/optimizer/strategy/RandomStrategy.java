package dev.hpsearch.optimizer.strategy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.HyperparameterType;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Uniform draws: continuous hyperparameters uniformly in transformed space, discrete and categorical
 * uniformly over their listed values. Never repeats a combination; when the space is finite and nearly used
 * up, draws uniformly from the combinations that remain.
 */
public final class RandomStrategy implements Strategy {
    public static final String TYPE = "random";
    private static final int ATTEMPTS = 64;
    /** Above this many combinations a finite space is not enumerated. */
    private static final long ENUMERATION_LIMIT = 2_000_000;
    private final SearchSpace space;
    /** The space's count of distinct combinations, computed once (it enumerates a conditional space). */
    private final OptionalLong finite;

    public RandomStrategy(SearchSpace space) {
        this.space = space;
        this.finite = space.finiteSize();
    }

    @Override
    public List<Suggestion> suggest(SearchContext context, int count, RandomGenerator rng) {
        List<Suggestion> out = new ArrayList<>(count);
        Set<Combination> taken = new HashSet<>();
        while (out.size() < count) {
            if (finite.isPresent() && context.seen().size() + taken.size() >= finite.getAsLong()
                    && allTaken(context, taken)) {
                break;
            }
            Combination c = drawUnseen(context.seen(), taken, rng);
            if (c == null) {
                break;
            }
            taken.add(c);
            out.add(new Suggestion(c, TYPE, -1, ""));
        }
        return out;
    }

    private boolean allTaken(SearchContext context, Set<Combination> taken) {
        // seen may hold combinations from outside the domain (an edited config on resume); count exactly
        return remaining(context.seen(), taken).isEmpty();
    }

    private Combination drawUnseen(Set<Combination> seen, Set<Combination> taken, RandomGenerator rng) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Combination c = draw(rng);
            if (!seen.contains(c) && !taken.contains(c)) {
                return c;
            }
        }
        if (finite.isEmpty() || finite.getAsLong() > ENUMERATION_LIMIT) {
            return null;
        }
        List<Combination> left = remaining(seen, taken);
        return left.isEmpty() ? null : left.get(rng.nextInt(left.size()));
    }

    /** One uniform draw. */
    public Combination draw(RandomGenerator rng) {
        List<JsonNode> values = new ArrayList<>(space.dimension());
        for (Hyperparameter h : space.hyperparameters()) {
            if (h.type() == HyperparameterType.CONTINUOUS) {
                values.add(h.valueAt(rng.nextDouble()));
            } else {
                values.add(h.values().get(rng.nextInt(h.size())));
            }
        }
        return space.canonical(new Combination(values));
    }

    private List<Combination> remaining(Set<Combination> seen, Set<Combination> taken) {
        List<Combination> left = new ArrayList<>();
        for (Combination c : space.distinct(space.hyperparameters().stream().map(Hyperparameter::values).toList())) {
            if (!seen.contains(c) && !taken.contains(c)) {
                left.add(c);
            }
        }
        return left;
    }

    @Override
    public OptionalLong plannedCount() {
        return finite;
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
