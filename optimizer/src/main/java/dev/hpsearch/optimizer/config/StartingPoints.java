package dev.hpsearch.optimizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.ValueMatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a search starts from besides its strategy (docs/decisions/0024): {@code warm_start_from}, earlier searches
 * whose scored rows that fit the space are taken in as results, and {@code initial_points}, settings run first.
 *
 * @param warmStartFrom the earlier search folders or data files, resolved against the search config's folder
 * @param initialPoints one object per point, hyperparameter name to value, as written in the config
 */
public record StartingPoints(List<Path> warmStartFrom, List<ObjectNode> initialPoints) {
    /** Neither key given: the search starts as it always did. */
    public static final StartingPoints NONE = new StartingPoints(List.of(), List.of());

    public StartingPoints {
        warmStartFrom = List.copyOf(warmStartFrom);
        initialPoints = initialPoints.stream().map(ObjectNode::deepCopy).toList();
    }

    public boolean isEmpty() {
        return warmStartFrom.isEmpty() && initialPoints.isEmpty();
    }

    /** A problem with one value of an initial point. */
    public interface ProblemSink {
        /**
         * @param jsonPath such as {@code $.initial_points[1].lr}
         * @param message  what is wrong and what is allowed
         */
        void problem(String jsonPath, String message);
    }

    /**
     * The initial points as combinations of {@code space}, each value matched by {@link ValueMatch} (a continuous
     * value on the grid of {@code gridPoints} points becomes that grid value). Every point must give every
     * hyperparameter and no other name; each problem goes to {@code problems}, and a point with one is left out.
     */
    public List<Combination> initialCombinations(SearchSpace space, int gridPoints, ProblemSink problems) {
        List<List<JsonNode>> grid = space.grid(Math.max(1, gridPoints));
        Set<String> names = space.hyperparameters().stream().map(Hyperparameter::name)
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        List<Combination> out = new ArrayList<>();
        for (int p = 0; p < initialPoints.size(); p++) {
            ObjectNode point = initialPoints.get(p);
            String at = "$." + ConfigSchema.INITIAL_POINTS.key() + "[" + p + "]";
            boolean ok = true;
            List<JsonNode> values = new ArrayList<>();
            for (int i = 0; i < space.dimension(); i++) {
                Hyperparameter h = space.get(i);
                JsonNode v = point.get(h.name());
                if (v == null || v.isNull()) {
                    problems.problem(at, "no value for hyperparameter \"" + h.name() + "\"; an initial point gives a value"
                            + " for every hyperparameter: " + String.join(", ", names));
                    ok = false;
                    continue;
                }
                ValueMatch.Result r = ValueMatch.of(h, v, grid.get(i));
                if (!r.fits()) {
                    problems.problem(at + "." + h.name(), r.problem());
                    ok = false;
                } else {
                    values.add(r.value());
                }
            }
            Iterator<Map.Entry<String, JsonNode>> fields = point.fields();
            while (fields.hasNext()) {
                String key = fields.next().getKey();
                if (!names.contains(key)) {
                    String hint = Levenshtein.closest(key, names).map(k -> "; did you mean \"" + k + "\"?").orElse("");
                    problems.problem(at + "." + key, "not a hyperparameter of model_config.json (they are: "
                            + String.join(", ", names) + ")" + hint);
                    ok = false;
                }
            }
            if (ok) {
                out.add(new Combination(values));
            }
        }
        return out;
    }
}
