package dev.hpsearch.optimizer.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The optimization history: the loss of every scored combination in combination order, and the best loss
 * seen up to each of them.
 *
 * @param ids      combination ids with a finite loss, ascending
 * @param losses   their losses
 * @param bestSoFar running minimum of {@code losses}
 */
public record History(int[] ids, double[] losses, double[] bestSoFar) {

    public static History of(List<ResultRow> rows) {
        List<ResultRow> scored = new ArrayList<>();
        for (ResultRow r : rows) {
            if (r.hasLoss()) {
                scored.add(r);
            }
        }
        scored.sort(Comparator.comparingInt(ResultRow::id));
        int[] ids = new int[scored.size()];
        double[] losses = new double[scored.size()];
        double[] best = new double[scored.size()];
        double min = Double.POSITIVE_INFINITY;
        for (int i = 0; i < ids.length; i++) {
            ids[i] = scored.get(i).id();
            losses[i] = scored.get(i).loss();
            min = Math.min(min, losses[i]);
            best[i] = min;
        }
        return new History(ids, losses, best);
    }

    public int size() {
        return ids.length;
    }
}
