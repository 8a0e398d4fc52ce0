package dev.hpsearch.optimizer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;

/**
 * The results an analysis of one response reads: each row with a finite value of the response (the loss or a
 * metric) and a value for every hyperparameter, as positions in [0, 1] on the hyperparameters' axes, and the
 * inputs with their levels. Rows without a value are counted, not guessed.
 *
 * @param metric  the response: "loss" or a metric's name
 * @param inputs  one per hyperparameter, in the table's order
 * @param axes    the hyperparameters' axes, which map positions back to values
 * @param ids     the combination of each used row
 * @param x       positions of each used row
 * @param y       the response of each used row
 * @param skipped rows left out: no finite value of the response, or a hyperparameter value off its axis
 * @param replicateOf for each used row, the combination it replicates ({@code replicate_of}), or -1 for an ordinary
 *                    row
 */
public record ResponseData(String metric, List<GlobalSensitivity.Input> inputs, List<Axis> axes, int[] ids, double[][] x, double[] y,
                           int skipped, int[] replicateOf) {
    public ResponseData {
        if (replicateOf == null) {
            replicateOf = new int[ids.length];
            java.util.Arrays.fill(replicateOf, -1);
        }
    }

    /** Data without replicates. */
    public ResponseData(String metric, List<GlobalSensitivity.Input> inputs, List<Axis> axes, int[] ids, double[][] x,
                        double[] y, int skipped) {
        this(metric, inputs, axes, ids, x, y, skipped, null);
    }

    /**
     * @param space the model config's space, or {@code null} to infer axes from the values (a table of the
     *              original tool without its configs)
     * @throws IllegalArgumentException when the metric is neither "loss" nor a metric of any row
     */
    public static ResponseData of(ResultTable table, SearchSpace space, String metric) {
        String response = metric == null ? "loss" : metric;
        if (!response.equals("loss") && !table.metrics().contains(response)) {
            throw new IllegalArgumentException("no metric named '" + response + "' in these results; there are: "
                    + (table.metrics().isEmpty() ? "none (only the loss)" : String.join(", ", table.metrics()))
                    + " and loss");
        }
        ParallelLayout layout = ParallelLayout.of(table, space, false);
        int d = table.hyperparameters().size();
        List<GlobalSensitivity.Input> inputs = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            Axis axis = layout.axes().get(j);
            String name = table.hyperparameters().get(j);
            Hyperparameter h = space != null && j < space.dimension() ? space.get(j) : null;
            if (h != null && h.values() != null && !h.values().isEmpty()) {
                double[] levels = new double[h.values().size()];
                int k = 0;
                for (JsonNode v : h.values()) {
                    levels[k++] = axis.position(v);
                }
                inputs.add(new GlobalSensitivity.Input(name, levels));
            } else if (axis.kind() == Axis.Kind.CATEGORICAL) {
                inputs.add(GlobalSensitivity.Input.evenLevels(name, axis.levels().size()));
            } else {
                inputs.add(GlobalSensitivity.Input.continuous(name));
            }
        }
        List<double[]> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<Integer> ids = new ArrayList<>();
        List<Integer> replicated = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < layout.size(); i++) {
            ResultRow r = layout.rows().get(i);
            // imported rows (warm_start_from) are results of this space that an earlier search ran
            if (!"ok".equals(r.status()) && !"no_score".equals(r.status()) && !"imported".equals(r.status())) {
                continue;
            }
            Double v = r.response(response);
            double[] p = new double[d];
            boolean fits = v != null;
            for (int j = 0; j < d && fits; j++) {
                p[j] = layout.position(i, j);
                fits = p[j] >= 0 && p[j] <= 1;
            }
            if (!fits) {
                skipped++;
                continue;
            }
            xs.add(p);
            ys.add(v);
            ids.add(r.id());
            replicated.add(r.isReplicate() ? r.replicateOf() : -1);
        }
        return new ResponseData(response, List.copyOf(inputs), layout.axes().subList(0, d), ids.stream().mapToInt(Integer::intValue).toArray(),
                xs.toArray(new double[0][]), ys.stream().mapToDouble(Double::doubleValue).toArray(), skipped,
                replicated.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The value at a position of input {@code j}: a number, or a category's label. */
    public JsonNode valueAt(int j, double position) {
        Axis axis = axes.get(j);
        if (axis.isCategorical()) {
            int k = axis.levels().size() == 1 ? 0 : (int) Math.round(position * (axis.levels().size() - 1));
            return com.fasterxml.jackson.databind.node.TextNode.valueOf(axis.levels().get(k));
        }
        return com.fasterxml.jackson.databind.node.DoubleNode.valueOf(axis.valueAt(position));
    }

    public int size() {
        return y.length;
    }
}
