package dev.hpsearch.optimizer.analysis;

import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The geometry of a parallel-coordinates plot without any drawing: one axis per hyperparameter and a last
 * one for the loss, and each row's position on every axis in [0, 1]. Failed rows (no loss) sit at the top
 * of the loss axis. Built once per data change; brushing only reads it.
 */
public final class ParallelLayout {
    private final List<Axis> axes;
    private final List<ResultRow> rows;
    /** positions[row * axes + axis], NaN when a value does not fit its axis. */
    private final double[] positions;
    /** Loss position of each row in [0, 1], or NaN for rows without a loss. */
    private final double[] colour;

    private ParallelLayout(List<Axis> axes, List<ResultRow> rows, double[] positions, double[] colour) {
        this.axes = axes;
        this.rows = rows;
        this.positions = positions;
        this.colour = colour;
    }

    /**
     * Lays out a table.
     *
     * @param space   the model config's space for the axes, or {@code null} to infer axes from the values
     * @param logLoss use a log axis for the loss when all losses are positive
     */
    public static ParallelLayout of(ResultTable table, SearchSpace space, boolean logLoss) {
        List<Axis> axes = new ArrayList<>();
        for (int j = 0; j < table.hyperparameters().size(); j++) {
            if (space != null && j < space.dimension()) {
                axes.add(Axis.of(space.get(j)));
            } else {
                final int col = j;
                axes.add(Axis.infer(table.hyperparameters().get(j),
                        table.rows().stream().map(r -> r.values().get(col)).toList()));
            }
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (ResultRow r : table.rows()) {
            if (r.hasLoss()) {
                lo = Math.min(lo, r.loss());
                hi = Math.max(hi, r.loss());
            }
        }
        Axis loss = Axis.forLoss(lo, hi, logLoss);
        axes.add(loss);
        int k = axes.size();
        List<ResultRow> rows = table.rows();
        double[] pos = new double[rows.size() * k];
        double[] colour = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            ResultRow r = rows.get(i);
            for (int j = 0; j < k - 1; j++) {
                pos[i * k + j] = j < r.values().size() ? axes.get(j).position(r.values().get(j)) : Double.NaN;
            }
            double lp = r.hasLoss() ? loss.position(r.loss()) : Double.NaN;
            pos[i * k + k - 1] = Double.isNaN(lp) ? 1.0 : lp;
            colour[i] = lp;
        }
        return new ParallelLayout(List.copyOf(axes), rows, pos, colour);
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

    /** The loss position used for colouring, NaN for rows without a loss. */
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
