package dev.hpsearch.optimizer.pareto;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The Pareto front of a search's feasible runs, with its hypervolume against a reference point (the worst feasible
 * value of each objective plus 10 % of its range, see {@link Hypervolume#referencePoint}).
 *
 * @param front       the runs on the front, by their first objective
 * @param reference   the reference point, in the objectives' own directions (not turned)
 * @param hypervolume the volume the front dominates up to the reference, in the turned (minimized) space
 * @param runs        the runs considered (finished with a result)
 * @param feasible    how many of them are feasible and have every objective
 */
public record FrontSummary(List<Member> front, double[] reference, Hypervolume.Estimate hypervolume, int runs,
                           int feasible) {

    /** A finished run: its id, score and metrics. */
    public record Run(int id, Double score, Map<String, Double> metrics) {
    }

    /** A run on the front with its objective values as written. */
    public record Member(int id, double[] values) {
    }

    /** The front of {@code runs} under {@code objectives}; the seeded generator serves a Monte Carlo estimate only. */
    public static FrontSummary of(Objectives objectives, List<Run> runs, long seed) {
        List<double[]> points = new ArrayList<>();
        List<Run> kept = new ArrayList<>();
        for (Run r : runs) {
            double[] p = objectives.minimized(r.score(), r.metrics());
            if (p != null && objectives.feasible(r.score(), r.metrics())) {
                points.add(p);
                kept.add(r);
            }
        }
        if (points.isEmpty()) {
            return new FrontSummary(List.of(), new double[0], new Hypervolume.Estimate(0, 0), runs.size(), 0);
        }
        double[] ref = Hypervolume.referencePoint(points);
        List<Integer> idx = ParetoFront.front(points);
        List<double[]> frontPoints = idx.stream().map(points::get).toList();
        Hypervolume.Estimate hv = Hypervolume.of(frontPoints, ref, new SplittableRandom(seed));
        List<Member> members = new ArrayList<>();
        for (int i : idx) {
            members.add(new Member(kept.get(i).id(), objectives.values(kept.get(i).score(), kept.get(i).metrics())));
        }
        members.sort((a, b) -> Double.compare(a.values()[0], b.values()[0]));
        double[] written = ref.clone();
        for (int i = 0; i < written.length; i++) {
            written[i] = objectives.objectives().get(i).maximize() ? -written[i] : written[i];
        }
        return new FrontSummary(List.copyOf(members), written, hv, runs.size(), points.size());
    }
}
