package dev.hpsearch.optimizer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.NullNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a plot shows on an axis or as colour: a hyperparameter (by its place in the table), the loss, or one of
 * the script's further metrics (by name).
 *
 * @param kind  hyperparameter, loss or metric
 * @param name  the hyperparameter's or metric's name; "loss" for the loss
 * @param index the hyperparameter's place in a row's values; -1 for the loss and metrics
 */
public record Column(Kind kind, String name, int index) {
    /** The three sources of a value. */
    public enum Kind { HYPERPARAMETER, LOSS, METRIC }

    /** The loss column. */
    public static final Column LOSS = new Column(Kind.LOSS, "loss", -1);

    public Column {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
        if ((kind == Kind.HYPERPARAMETER) != (index >= 0)) {
            throw new IllegalArgumentException("a hyperparameter column needs its index, other columns -1: " + kind
                    + " " + name + " " + index);
        }
    }

    public static Column hyperparameter(int index, String name) {
        return new Column(Kind.HYPERPARAMETER, name, index);
    }

    public static Column metric(String name) {
        return new Column(Kind.METRIC, name, -1);
    }

    /** Every column of a table: its hyperparameters in order, the loss, then its metrics. */
    public static List<Column> all(ResultTable table) {
        List<Column> out = new ArrayList<>(hyperparameters(table));
        out.add(LOSS);
        for (String m : table.metrics()) {
            out.add(metric(m));
        }
        return out;
    }

    /** The table's hyperparameter columns in order. */
    public static List<Column> hyperparameters(ResultTable table) {
        List<Column> out = new ArrayList<>();
        for (int j = 0; j < table.hyperparameters().size(); j++) {
            out.add(hyperparameter(j, table.hyperparameters().get(j)));
        }
        return out;
    }

    public boolean isHyperparameter() {
        return kind == Kind.HYPERPARAMETER;
    }

    /** A row's value in this column; a JSON null where the row has none (no score, no such metric). */
    public JsonNode value(ResultRow r) {
        if (kind == Kind.HYPERPARAMETER) {
            return index < r.values().size() ? r.values().get(index) : NullNode.getInstance();
        }
        double v = number(r);
        return Double.isNaN(v) ? NullNode.getInstance() : DoubleNode.valueOf(v);
    }

    /** A row's loss or metric as a number, NaN where it has none; NaN for hyperparameter columns. */
    public double number(ResultRow r) {
        double v = kind == Kind.LOSS ? (r.hasLoss() ? r.loss() : Double.NaN)
                : kind == Kind.METRIC ? r.metric(name) : Double.NaN;
        return Double.isFinite(v) ? v : Double.NaN;
    }
}
