package dev.hpsearch.optimizer.pareto;

import java.util.ArrayList;
import java.util.List;

/** Pareto dominance and non-dominated sorting of points whose every coordinate is minimized. */
public final class ParetoFront {
    private ParetoFront() {
    }

    /** Whether {@code a} is at least as good as {@code b} in every coordinate and better in one (minimizing). */
    public static boolean dominates(double[] a, double[] b) {
        boolean better = false;
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
            if (a[i] < b[i]) {
                better = true;
            }
        }
        return better;
    }

    /**
     * The non-dominated rank of each point: 0 for the front, 1 for the front once those are removed, and so on.
     * Equal points share a rank.
     */
    public static int[] ranks(List<double[]> points) {
        int n = points.size();
        int[] rank = new int[n];
        int[] dominatedBy = new int[n];
        List<List<Integer>> dominates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            dominates.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (dominates(points.get(i), points.get(j))) {
                    dominates.get(i).add(j);
                    dominatedBy[j]++;
                } else if (dominates(points.get(j), points.get(i))) {
                    dominates.get(j).add(i);
                    dominatedBy[i]++;
                }
            }
        }
        List<Integer> current = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (dominatedBy[i] == 0) {
                current.add(i);
            }
        }
        int r = 0;
        while (!current.isEmpty()) {
            List<Integer> next = new ArrayList<>();
            for (int i : current) {
                rank[i] = r;
                for (int j : dominates.get(i)) {
                    if (--dominatedBy[j] == 0) {
                        next.add(j);
                    }
                }
            }
            current = next;
            r++;
        }
        return rank;
    }

    /** The indices of the non-dominated points, in their order. */
    public static List<Integer> front(List<double[]> points) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            boolean dominated = false;
            for (int j = 0; j < points.size() && !dominated; j++) {
                dominated = j != i && dominates(points.get(j), points.get(i));
            }
            if (!dominated) {
                out.add(i);
            }
        }
        return out;
    }
}
