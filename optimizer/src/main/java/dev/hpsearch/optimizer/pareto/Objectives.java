package dev.hpsearch.optimizer.pareto;

import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Constraint;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Objective;
import java.util.List;
import java.util.Map;

/**
 * A search's objectives and constraints applied to one run's results: its objective values turned so that each is
 * minimized, and whether it is feasible.
 */
public final class Objectives {
    private final List<Objective> objectives;
    private final List<Constraint> constraints;

    /**
     * @param config         the search's objectives and constraints
     * @param higherIsBetter for a search without {@code objectives}: whether its one score is maximized
     */
    public Objectives(ObjectivesConfig config, boolean higherIsBetter) {
        this.objectives = config.multiObjective() ? config.objectives()
                : List.of(new Objective(ObjectivesConfig.SCORE, higherIsBetter));
        this.constraints = config.constraints();
    }

    /** The objectives, in order. */
    public List<Objective> objectives() {
        return objectives;
    }

    /** The constraints. */
    public List<Constraint> constraints() {
        return constraints;
    }

    /** A named value of a run: {@code objective} is its score, any other name one of its metrics. */
    public static Double value(String name, Double score, Map<String, Double> metrics) {
        Double v = ObjectivesConfig.SCORE.equals(name) ? score : metrics.get(name);
        return v == null || !Double.isFinite(v) ? null : v;
    }

    /** The run's objective values as written (not turned), or {@code null} when one is missing. */
    public double[] values(Double score, Map<String, Double> metrics) {
        double[] out = new double[objectives.size()];
        for (int i = 0; i < out.length; i++) {
            Double v = value(objectives.get(i).name(), score, metrics);
            if (v == null) {
                return null;
            }
            out[i] = v;
        }
        return out;
    }

    /** The run's objective values, each turned to be minimized (maximized ones negated); {@code null} if one is missing. */
    public double[] minimized(Double score, Map<String, Double> metrics) {
        double[] out = values(score, metrics);
        if (out == null) {
            return null;
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = objectives.get(i).maximize() ? -out[i] : out[i];
        }
        return out;
    }

    /** Whether every constraint holds; a run without a constrained value is infeasible. */
    public boolean feasible(Double score, Map<String, Double> metrics) {
        for (Constraint c : constraints) {
            if (violation(c, score, metrics) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * How far the run is outside one constraint, in the metric's units: 0 when it holds, infinite when the value is
     * missing.
     */
    public static double violation(Constraint c, Double score, Map<String, Double> metrics) {
        Double v = value(c.name(), score, metrics);
        if (v == null) {
            return Double.POSITIVE_INFINITY;
        }
        double over = c.max() == null ? 0 : Math.max(0, v - c.max());
        double under = c.min() == null ? 0 : Math.max(0, c.min() - v);
        return over + under;
    }
}
