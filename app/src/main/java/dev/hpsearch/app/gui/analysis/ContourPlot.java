package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * The GP mean of the response over a pair of hyperparameters, the others averaged out
 * ({@link GlobalSensitivity#pairMean}), as filled bands between round levels with a legend of the levels. The
 * axes are in the user's units (a log-transformed axis says so in its title); a categorical or discrete
 * hyperparameter is drawn as its levels, one column (or row) of cells per level, never interpolated between
 * them. A continuous axis is interpolated linearly between the grid's points, so the grid's corners are drawn
 * with exactly the values {@code pairMean} gave. The observed combinations are dots.
 *
 * @param x        the first hyperparameter (horizontal)
 * @param y        the second (vertical)
 * @param z        the GP mean, {@code z[i][k]} at {@code x.at[i]}, {@code y.at[k]}
 * @param pointsX  the observed combinations' positions on x
 * @param pointsY  their positions on y
 * @param response the response's name
 */
public record ContourPlot(Side x, Side y, double[][] z, double[] pointsX, double[] pointsY, String response)
        implements Plot {
    /** Grid points along a continuous axis. */
    public static final int POINTS = 21;
    /** Cells drawn along a continuous axis. */
    static final int CELLS = 60;
    private static final double TOP = 40;
    private static final double BOTTOM = 48;
    private static final double BAR = 16;
    private static final double TICK_SIZE = 10;
    /** A generous width of a digit at {@link #TICK_SIZE}, so that a legend's label is never cut. */
    private static final double CHAR_WIDTH = 6.5;
    private static final Color[] SCALE = {Color.web("#2c7bb6"), Color.web("#abd9e9"), Color.web("#ffffbf"),
            Color.web("#fdae61"), Color.web("#d7191c")};

    /**
     * One axis of the plot.
     *
     * @param axis   the hyperparameter's axis (its values and ticks)
     * @param at     the grid's positions on it in [0, 1]: its levels, or even steps
     * @param levels whether {@code at} are levels (categorical or discrete), drawn as such
     */
    public record Side(Axis axis, double[] at, boolean levels) {
        public Side {
            at = at.clone();
        }

        /** The axis title: its name, and the scale it is drawn on when that is not linear. */
        public String title() {
            return axis.name() + (axis.kind() == Axis.Kind.LOG ? " (log scale)" : "");
        }

        /** Tick positions and labels in the user's units: its levels' values, or the axis's round numbers. */
        List<Axis.Tick> ticks() {
            if (!levels || axis.isCategorical()) {
                return axis.ticks();
            }
            List<Axis.Tick> out = new ArrayList<>();
            for (double p : at) {
                out.add(new Axis.Tick(p, Numbers.display(axis.valueAt(p))));
            }
            return out;
        }

        /** The cell boundaries along the axis in [0, 1]: midway between levels, or {@link #CELLS} even steps. */
        double[] edges() {
            if (!levels) {
                double[] e = new double[CELLS + 1];
                for (int c = 0; c <= CELLS; c++) {
                    e[c] = (double) c / CELLS;
                }
                return e;
            }
            double[] e = new double[at.length + 1];
            e[0] = Math.max(0, at[0] - half(0));
            for (int k = 1; k < at.length; k++) {
                e[k] = (at[k - 1] + at[k]) / 2;
            }
            e[at.length] = Math.min(1, at[at.length - 1] + half(at.length - 1));
            return e;
        }

        private double half(int k) {
            if (at.length == 1) {
                return 0.5;
            }
            return k == 0 ? (at[1] - at[0]) / 2 : (at[k] - at[k - 1]) / 2;
        }

        /** Where position {@code p} falls in the grid: index {@code i} and weight {@code t} towards {@code i + 1}. */
        double[] locate(double p) {
            if (levels || at.length == 1) {
                int best = 0;
                for (int k = 1; k < at.length; k++) {
                    if (Math.abs(at[k] - p) < Math.abs(at[best] - p)) {
                        best = k;
                    }
                }
                return new double[] {best, 0};
            }
            int i = 0;
            while (i + 2 < at.length && p > at[i + 1]) {
                i++;
            }
            double t = (p - at[i]) / (at[i + 1] - at[i]);
            return new double[] {i, Math.max(0, Math.min(1, t))};
        }
    }

    /**
     * The contour of hyperparameters {@code a} and {@code b} of {@code data}, from the fitted surrogate. Runs the
     * GP many times: call it off the UI thread.
     */
    public static ContourPlot of(GlobalSensitivity fit, ResponseData data, int a, int b) {
        if (a == b) {
            throw new IllegalArgumentException("a contour needs two different hyperparameters, not " + a + " twice");
        }
        GlobalSensitivity.Input ia = data.inputs().get(a);
        GlobalSensitivity.Input ib = data.inputs().get(b);
        double[][] z = fit.pairMean(a, b, POINTS);
        double[] px = new double[data.size()];
        double[] py = new double[data.size()];
        for (int i = 0; i < data.size(); i++) {
            px[i] = data.x()[i][a];
            py[i] = data.x()[i][b];
        }
        return new ContourPlot(new Side(data.axes().get(a), ia.grid(POINTS), ia.hasLevels()),
                new Side(data.axes().get(b), ib.grid(POINTS), ib.hasLevels()), z, px, py, data.metric());
    }

    /** The indices in {@code data} of the pair with the largest interaction (total minus first-order index). */
    public static int[] topPair(GlobalSensitivity.Result indices, ResponseData data) {
        List<GlobalSensitivity.Index> top = indices.topInteraction();
        if (top.size() < 2) {
            throw new IllegalArgumentException("a contour needs at least two hyperparameters");
        }
        List<String> names = data.inputs().stream().map(GlobalSensitivity.Input::name).toList();
        return new int[] {names.indexOf(top.get(0).name()), names.indexOf(top.get(1).name())};
    }

    /**
     * The value drawn at positions ({@code px}, {@code py}): the grid's value at a grid point, linear between
     * grid points along a continuous axis, the nearest level's along an axis of levels.
     */
    public double valueAt(double px, double py) {
        double[] lx = x.locate(px);
        double[] ly = y.locate(py);
        int i = (int) lx[0];
        int k = (int) ly[0];
        int i1 = Math.min(i + 1, z.length - 1);
        int k1 = Math.min(k + 1, z[0].length - 1);
        double tx = lx[1];
        double ty = ly[1];
        return (1 - tx) * ((1 - ty) * z[i][k] + ty * z[i][k1]) + tx * ((1 - ty) * z[i1][k] + ty * z[i1][k1]);
    }

    /** The band boundaries: the smallest and largest value and the round numbers between them. */
    public double[] levels() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : z) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            return new double[] {lo, lo};
        }
        List<Double> out = new ArrayList<>(List.of(lo));
        Axis scale = new Axis(response, Axis.Kind.LINEAR, lo, hi, List.of());
        double tolerance = (hi - lo) * 1e-6;
        for (Axis.Tick t : scale.ticks()) {
            double v = scale.valueAt(t.position());
            if (v > lo + tolerance && v < hi - tolerance) {
                out.add(v);
            }
        }
        out.add(hi);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The band of a value: 0 for the lowest. */
    static int band(double[] levels, double v) {
        int b = 0;
        while (b + 2 < levels.length && v >= levels[b + 1]) {
            b++;
        }
        return b;
    }

    /** The colour of band {@code b} of {@code count}: blue (low) through pale yellow to red (high). */
    static Color colour(int b, int count) {
        double t = count <= 1 ? 0.5 : (double) b / (count - 1);
        double at = t * (SCALE.length - 1);
        int s = Math.min(SCALE.length - 2, (int) Math.floor(at));
        return SCALE[s].interpolate(SCALE[s + 1], at - s);
    }

    @Override
    public void draw(Painter p, double w, double h) {
        double[] levels = levels();
        String[] labels = new String[levels.length];
        int longest = 0;
        for (int l = 0; l < levels.length; l++) {
            labels[l] = Numbers.display(levels[l]);
            longest = Math.max(longest, labels[l].length());
        }
        // the legend is as wide as its longest number: never cut, never stripped of its exponent
        double right = BAR + 14 + longest * CHAR_WIDTH + 12;
        int longestTick = 0;
        for (Axis.Tick t : y.ticks()) {
            longestTick = Math.max(longestTick, t.label().length());
        }
        double left = Math.max(48, longestTick * CHAR_WIDTH + 10);
        double pw = w - left - right;
        double ph = h - TOP - BOTTOM;
        p.setFill(p.colours().foreground());
        p.text("GP mean of " + response + " over " + x.axis().name() + " and " + y.axis().name()
                + ", the other hyperparameters averaged out", 8, 14, Painter.Align.LEFT, 11);
        if (pw < 20 || ph < 20) {
            return;
        }
        int bands = levels.length - 1;
        double[] ex = x.edges();
        double[] ey = y.edges();
        for (int i = 0; i + 1 < ex.length; i++) {
            double cx = (ex[i] + ex[i + 1]) / 2;
            for (int k = 0; k + 1 < ey.length; k++) {
                double cy = (ey[k] + ey[k + 1]) / 2;
                p.setFill(colour(band(levels, valueAt(cx, cy)), bands));
                double top = TOP + (1 - ey[k + 1]) * ph;
                // half a pixel of overlap, so that no seam of background shows between cells
                p.rect(left + ex[i] * pw, top, (ex[i + 1] - ex[i]) * pw + 0.5, (ey[k + 1] - ey[k]) * ph + 0.5, true);
            }
        }
        p.setFill(p.colours().foreground(0.6));
        for (int i = 0; i < pointsX.length; i++) {
            p.circle(left + pointsX[i] * pw, TOP + (1 - pointsY[i]) * ph, 2);
        }
        p.setStroke(p.colours().muted(), 1);
        p.rect(left, TOP, pw, ph, false);
        p.setFill(p.colours().muted());
        for (Axis.Tick t : x.ticks()) {
            p.text(t.label(), left + t.position() * pw, TOP + ph + 14, Painter.Align.CENTER, TICK_SIZE);
        }
        for (Axis.Tick t : y.ticks()) {
            p.text(t.label(), left - 4, TOP + (1 - t.position()) * ph + 4, Painter.Align.RIGHT, TICK_SIZE);
        }
        p.setFill(p.colours().foreground());
        p.text(x.title(), left + pw / 2, TOP + ph + 34, Painter.Align.CENTER, 11);
        p.text(y.title(), left, TOP - 8, Painter.Align.LEFT, 11);
        legend(p, levels, labels, w - right + 10, ph);
    }

    /** The bands as a bar from low (bottom) to high, each boundary labelled with its value. */
    private void legend(Painter p, double[] levels, String[] labels, double left, double ph) {
        int bands = levels.length - 1;
        p.setFill(p.colours().foreground());
        p.text(response, left, TOP - 8, Painter.Align.LEFT, 11);
        if (bands < 1) {
            p.setFill(colour(0, 1));
            p.rect(left, TOP, BAR, ph, true);
            p.setFill(p.colours().muted());
            p.text(labels[0] + " everywhere", left, TOP + ph + 14, Painter.Align.LEFT, TICK_SIZE);
            return;
        }
        double step = ph / bands;
        for (int b = 0; b < bands; b++) {
            p.setFill(colour(b, bands));
            p.rect(left, TOP + ph - (b + 1) * step, BAR, step + 0.5, true);
        }
        p.setStroke(p.colours().muted(), 1);
        p.rect(left, TOP, BAR, ph, false);
        p.setFill(p.colours().muted());
        for (int l = 0; l < levels.length; l++) {
            p.text(labels[l], left + BAR + 4, TOP + ph - l * step + 4, Painter.Align.LEFT, TICK_SIZE);
        }
    }
}
