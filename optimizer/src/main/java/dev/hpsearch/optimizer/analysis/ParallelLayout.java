package dev.hpsearch.optimizer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometry of a parallel-coordinates plot without any drawing: one axis per chosen column (hyperparameters,
 * the loss, the script's metrics), each row's position on every axis in [0, 1], and each row's colour position
 * on the colour column's axis. Failed rows (no loss) sit at the top of a loss axis; a row without a metric has
 * no position on that metric's axis. Built once per data change; brushing only reads it.
 */
public final class ParallelLayout {
    private final List<Column> columns;
    private final List<Axis> axes;
    private final Column colourColumn;
    private final Axis colourAxis;
    private final List<ResultRow> rows;
    /** positions[row * axes + axis], NaN when a value does not fit its axis. */
    private final double[] positions;
    /** Position of each row on the colour axis in [0, 1], or NaN for rows without that value. */
    private final double[] colour;

    private ParallelLayout(List<Column> columns, List<Axis> axes, Column colourColumn, Axis colourAxis,
                           List<ResultRow> rows, double[] positions, double[] colour) {
        this.columns = columns;
        this.axes = axes;
        this.colourColumn = colourColumn;
        this.colourAxis = colourAxis;
        this.rows = rows;
        this.positions = positions;
        this.colour = colour;
    }

    /**
     * Lays out a table with one axis per hyperparameter and a last one for the loss, coloured by the loss.
     *
     * @param space   the model config's space for the axes, or {@code null} to infer axes from the values
     * @param logLoss use a log axis for the loss when all losses are positive
     */
    public static ParallelLayout of(ResultTable table, SearchSpace space, boolean logLoss) {
        List<Column> columns = new ArrayList<>(Column.hyperparameters(table));
        columns.add(Column.LOSS);
        return of(table, space, columns, Column.LOSS, logLoss);
    }

    /**
     * Lays out a table on the chosen axes.
     *
     * @param space   the model config's space for hyperparameter axes, or {@code null} to infer them from the values
     * @param columns the axes, left to right
     * @param colour  the column whose value colours each line
     * @param logLoss use a log axis for the loss when all losses are positive
     */
    public static ParallelLayout of(ResultTable table, SearchSpace space, List<Column> columns, Column colour,
                                    boolean logLoss) {
        List<Axis> axes = new ArrayList<>();
        for (Column c : columns) {
            axes.add(axis(table, space, c, logLoss));
        }
        int at = columns.indexOf(colour);
        Axis colourAxis = at >= 0 ? axes.get(at) : axis(table, space, colour, logLoss);
        int k = axes.size();
        List<ResultRow> rows = table.rows();
        double[] pos = new double[rows.size() * k];
        double[] colours = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ResultRow r = rows.get(i);
            for (int j = 0; j < k; j++) {
                pos[i * k + j] = position(axes.get(j), columns.get(j), r);
            }
            colours[i] = colour.kind() == Column.Kind.LOSS && !r.hasLoss() ? Double.NaN
                    : position(colourAxis, colour, r);
        }
        return new ParallelLayout(List.copyOf(columns), List.copyOf(axes), colour, colourAxis, rows, pos, colours);
    }

    /** The axis of a column: the space's for a hyperparameter, else inferred from the table's values. */
    private static Axis axis(ResultTable table, SearchSpace space, Column c, boolean logLoss) {
        if (c.isHyperparameter()) {
            if (space != null && c.index() < space.dimension()) {
                return Axis.of(space.get(c.index()));
            }
            return Axis.infer(c.name(), table.rows().stream().map(c::value).toList());
        }
        if (c.kind() == Column.Kind.LOSS) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (ResultRow r : table.rows()) {
                if (r.hasLoss()) {
                    lo = Math.min(lo, r.loss());
                    hi = Math.max(hi, r.loss());
                }
            }
            return Axis.forLoss(lo, hi, logLoss);
        }
        List<JsonNode> values = new ArrayList<>();
        for (ResultRow r : table.rows()) {
            double v = c.number(r);
            if (!Double.isNaN(v)) {
                values.add(DoubleNode.valueOf(v));
            }
        }
        return values.isEmpty() ? new Axis(c.name(), Axis.Kind.LINEAR, 0, 1, List.of()) : Axis.infer(c.name(), values);
    }

    /** A row's position on a column's axis; a row without a loss sits at the top of a loss axis. */
    private static double position(Axis axis, Column c, ResultRow r) {
        if (c.kind() == Column.Kind.LOSS) {
            double p = r.hasLoss() ? axis.position(r.loss()) : Double.NaN;
            return Double.isNaN(p) ? 1.0 : p;
        }
        if (c.isHyperparameter()) {
            return c.index() < r.values().size() ? axis.position(r.values().get(c.index())) : Double.NaN;
        }
        double v = c.number(r);
        return Double.isNaN(v) ? Double.NaN : axis.position(v);
    }

    /** What each axis shows, in the order of {@link #axes}. */
    public List<Column> columns() {
        return columns;
    }

    /** The column that colours the lines. */
    public Column colourColumn() {
        return colourColumn;
    }

    /** The axis of the colour column: the colour scale runs from its position 0 to 1. */
    public Axis colourAxis() {
        return colourAxis;
    }

    /** The row index of a combination, or -1 when it is not laid out. */
    public int indexOf(int id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id() == id) {
                return i;
            }
        }
        return -1;
    }

    public List<Axis> axes() {
        return axes;
    }

    public List<ResultRow> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** Position of row {@code i} on axis {@code j}. */
    public double position(int i, int j) {
        return positions[i * axes.size() + j];
    }

    /** The position used for colouring, NaN for rows without the colour column's value (or without a loss). */
    public double colour(int i) {
        return colour[i];
    }

    /** Rows that pass every brush (brushes indexed by axis; {@code null} entries brush nothing). */
    public boolean[] passing(Brush[] brushes, boolean showFailed) {
        boolean[] pass = new boolean[rows.size()];
        int k = axes.size();
        for (int i = 0; i < pass.length; i++) {
            boolean ok = showFailed || rows.get(i).hasLoss();
            for (int j = 0; ok && j < k && j < brushes.length; j++) {
                Brush b = brushes[j];
                if (b != null && !b.contains(positions[i * k + j])) {
                    ok = false;
                }
            }
            pass[i] = ok;
        }
        return pass;
    }

    /** Ids of the rows that pass. */
    public List<Integer> passingIds(Brush[] brushes, boolean showFailed) {
        boolean[] pass = passing(brushes, showFailed);
        List<Integer> ids = new ArrayList<>();
        for (int i = 0; i < pass.length; i++) {
            if (pass[i]) {
                ids.add(rows.get(i).id());
            }
        }
        return ids;
    }

    /** An empty brush set for this layout. */
    public Brush[] noBrushes() {
        Brush[] b = new Brush[axes.size()];
        Arrays.fill(b, null);
        return b;
    }

    /** A brushed interval [low, high] of axis positions. */
    public record Brush(double low, double high) {
        public Brush {
            if (low > high) {
                double t = low;
                low = high;
                high = t;
            }
        }

        public boolean contains(double p) {
            return p >= low && p <= high;
        }
    }
}
