package dev.hpsearch.optimizer.prune;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Asynchronous successive halving: rungs at steps {@code r_k = minStep * reductionFactor^k}. When a combination
 * first reports a step at or past a rung, its rung value is its best value up to that step; it goes on only if
 * that value is among the best {@code ceil(n / reductionFactor)} of the n combinations that reached the rung so
 * far (itself included). While fewer than {@code reductionFactor} reached the rung it goes on: there is nothing to
 * halve yet. A combination is judged once per rung, when it crosses it, and never waits for others.
 *
 * <p>The share is rounded up, in the run's favour: in ASHA proper a run that is not promoted now waits at its
 * rung and may be promoted later, as more runs reach the rung and its top share grows; a stop rule cannot wait,
 * so while the rung holds few runs it gives the one at the edge the benefit of the doubt (4 runs at eta 3: the
 * best 2 go on, not 1). As the rung fills the two roundings meet.
 *
 * @param minStep         the first rung's step, at least 1
 * @param reductionFactor eta, at least 2: the rungs grow and the survivors shrink by this factor
 */
public record AshaPruner(long minStep, int reductionFactor) implements Pruner {

    public AshaPruner {
        if (minStep < 1 || reductionFactor < 2) {
            throw new IllegalArgumentException("ASHA needs min step >= 1 and reduction factor >= 2: " + minStep + ", "
                    + reductionFactor);
        }
    }

    @Override
    public Optional<String> judge(int id, Curves curves, long previousStep) {
        long step = curves.lastStep(id);
        long rung = -1;
        for (long r = minStep; r <= step; r = Math.multiplyExact(r, reductionFactor)) {
            if (r > previousStep) {
                rung = r;
            }
            if (r > Long.MAX_VALUE / reductionFactor) {
                break;
            }
        }
        if (rung < 0) {
            return Optional.empty();
        }
        double mine = rungValue(curves, id, rung);
        List<Double> values = new ArrayList<>();
        for (int other : curves.ids()) {
            double v = rungValue(curves, other, rung);
            if (!Double.isNaN(v)) {
                values.add(v);
            }
        }
        int n = values.size();
        if (n < reductionFactor) {
            return Optional.empty();
        }
        int keep = (n + reductionFactor - 1) / reductionFactor;
        long better = values.stream().filter(v -> v < mine).count();
        if (better + 1 > keep) {
            return Optional.of(String.format(Locale.ROOT, "pruned at rung step %d (asha): value %s ranks %d of %d"
                    + " combinations at that rung, only the best %d go on", rung, mine, better + 1, n, keep));
        }
        return Optional.empty();
    }

    /**
     * A combination's value at a rung: its best value up to its first step at or past the rung, or NaN when it has
     * not reached the rung.
     */
    static double rungValue(Curves curves, int id, long rung) {
        Map.Entry<Long, Double> first = curves.curve(id).ceilingEntry(rung);
        return first == null ? Double.NaN : curves.bestUpTo(id, first.getKey());
    }

    @Override
    public String name() {
        return "asha";
    }
}
