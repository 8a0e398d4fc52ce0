package dev.hpsearch.optimizer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * Which combinations are as good as the best, following the seed's advice: many settings usually perform
 * nearly as well as the best one, and among those the simplest model should be chosen.
 */
public final class Selection {
    private Selection() {
    }

    /**
     * Combinations whose loss is within a tolerance of the best loss: {@code loss <= best + tolerance} when
     * absolute, {@code loss <= best + tolerance * |best|} when relative.
     *
     * @param tolerance non-negative
     * @return ids, best first (ascending loss)
     */
    public static List<Integer> withinTolerance(List<ResultRow> rows, double tolerance, boolean relative) {
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be >= 0, got " + tolerance);
        }
        double best = Double.POSITIVE_INFINITY;
        for (ResultRow r : rows) {
            if (r.hasLoss()) {
                best = Math.min(best, r.loss());
            }
        }
        double limit = best + (relative ? tolerance * Math.abs(best) : tolerance);
        List<ResultRow> out = new ArrayList<>();
        for (ResultRow r : rows) {
            if (r.hasLoss() && r.loss() <= limit) {
                out.add(r);
            }
        }
        out.sort((a, b) -> Double.compare(a.loss(), b.loss()));
        return out.stream().map(ResultRow::id).toList();
    }

    /** Replicate runs of one hyperparameter combination. */
    public record Group(List<JsonNode> values, List<Integer> ids, double mean, double sd, int n) {
    }

    /** Groups scored rows by identical hyperparameter values, in order of first appearance. */
    public static List<Group> replicates(List<ResultRow> rows) {
        Map<List<JsonNode>, List<ResultRow>> groups = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (r.hasLoss()) {
                groups.computeIfAbsent(r.values(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Group> out = new ArrayList<>();
        for (Map.Entry<List<JsonNode>, List<ResultRow>> e : groups.entrySet()) {
            SummaryStatistics s = new SummaryStatistics();
            e.getValue().forEach(r -> s.addValue(r.loss()));
            out.add(new Group(e.getKey(), e.getValue().stream().map(ResultRow::id).toList(), s.getMean(),
                    s.getN() > 1 ? s.getStandardDeviation() : Double.NaN, (int) s.getN()));
        }
        return out;
    }

    /** True when some combination was run more than once. */
    public static boolean hasReplicates(List<ResultRow> rows) {
        return replicates(rows).stream().anyMatch(g -> g.n() > 1);
    }

    /**
     * Combinations (with at least two replicates) whose mean loss is not significantly worse than the best
     * mean: Welch's two-sample t-test against the best group, kept when {@code p >= alpha}. The best group is
     * always kept.
     *
     * @return ids of every replicate of the kept groups
     */
    public static List<Integer> notSignificantlyWorse(List<ResultRow> rows, double alpha) {
        List<Group> groups = replicates(rows).stream().filter(g -> g.n() > 1).toList();
        if (groups.isEmpty()) {
            return List.of();
        }
        Group best = groups.get(0);
        for (Group g : groups) {
            if (g.mean() < best.mean()) {
                best = g;
            }
        }
        Map<List<JsonNode>, double[]> samples = new LinkedHashMap<>();
        for (ResultRow r : rows) {
            if (r.hasLoss()) {
                samples.merge(r.values(), new double[] {r.loss()}, Selection::concat);
            }
        }
        TTest t = new TTest();
        List<Integer> ids = new ArrayList<>();
        double[] b = samples.get(best.values());
        for (Group g : groups) {
            double[] s = samples.get(g.values());
            boolean keep = g == best || allEqual(s, b) || t.tTest(b, s) >= alpha;
            if (keep) {
                ids.addAll(g.ids());
            }
        }
        return ids;
    }

    private static boolean allEqual(double[] a, double[] b) {
        double v = a[0];
        for (double x : a) {
            if (x != v) {
                return false;
            }
        }
        for (double x : b) {
            if (x != v) {
                return false;
            }
        }
        return true;
    }

    private static double[] concat(double[] a, double[] b) {
        double[] c = new double[a.length + b.length];
        System.arraycopy(a, 0, c, 0, a.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }
}
