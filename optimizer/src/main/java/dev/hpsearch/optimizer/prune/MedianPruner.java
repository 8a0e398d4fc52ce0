package dev.hpsearch.optimizer.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Stops a combination whose best value up to its latest step S is worse than the median of the other
 * combinations' best values up to S, among those that reached S. Nothing is stopped before
 * {@code warmupSteps}, nor while fewer than {@value #MIN_OTHERS} other combinations reached S.
 *
 * @param warmupSteps steps a combination may always run (S below it is never judged)
 */
public record MedianPruner(long warmupSteps) implements Pruner {
    /** Other combinations at a step needed before a median is trusted. */
    public static final int MIN_OTHERS = 2;

    public MedianPruner {
        if (warmupSteps < 0) {
            throw new IllegalArgumentException("warmup steps must not be negative: " + warmupSteps);
        }
    }

    @Override
    public Optional<String> judge(int id, Curves curves, long previousStep) {
        long step = curves.lastStep(id);
        if (step < warmupSteps || step < 0) {
            return Optional.empty();
        }
        List<Double> others = new ArrayList<>();
        for (int other : curves.ids()) {
            double b = other == id ? Double.NaN : curves.bestUpTo(other, step);
            if (!Double.isNaN(b)) {
                others.add(b);
            }
        }
        if (others.size() < MIN_OTHERS) {
            return Optional.empty();
        }
        double median = median(others);
        double mine = curves.bestUpTo(id, step);
        if (mine > median) {
            return Optional.of(String.format(Locale.ROOT, "pruned at step %d (median): best value %s is worse than the"
                    + " median %s of %d other combinations at that step", step, mine, median, others.size()));
        }
        return Optional.empty();
    }

    /** The median; of an even count, the mean of the middle two. */
    static double median(List<Double> values) {
        List<Double> v = new ArrayList<>(values);
        v.sort(null);
        int n = v.size();
        return n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    }

    @Override
    public String name() {
        return "median";
    }
}
