package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * One slice plot per hyperparameter, in order of influence: the observed response (the loss or a metric)
 * against the hyperparameter's value, and where a GP was fitted its mean (line) and mean ± 2 sd (band) along
 * that axis with the other hyperparameters at the best combination. The selected combination's point is
 * ringed in every slice.
 */
public final class SensitivityPlot implements Plot {
    private static final double HEADER = 20;
    private static final double PICK_DISTANCE = 6;
    private final Sensitivity.Result result;
    private final int selectedId;

    /** A plot with no combination marked. */
    public SensitivityPlot(Sensitivity.Result result) {
        this(result, -1);
    }

    /** A plot with combination {@code selectedId} marked (-1: none). */
    public SensitivityPlot(Sensitivity.Result result, int selectedId) {
        this.result = result;
        this.selectedId = selectedId;
    }

    public int selectedId() {
        return selectedId;
    }

    /** Where one slice is drawn: the plot area of rank {@code rank} (0 = most influential). */
    record Frame(double x0, double y0, double left, double top, double pw, double ph) {
        static Frame of(int rank, int count, double w, double h) {
            int cols = Math.max(1, Math.min(3, (int) Math.ceil(Math.sqrt(count))));
            int rows = (int) Math.ceil(count / (double) cols);
            double cw = w / cols;
            double ch = (h - HEADER) / rows;
            double x0 = (rank % cols) * cw;
            double y0 = HEADER + (rank / cols) * ch;
            return new Frame(x0, y0, x0 + 62, y0 + 22, cw - 62 - 14, ch - 22 - 34);
        }

        boolean drawable() {
            return pw > 10 && ph > 10;
        }

        double x(double position) {
            return left + position * pw;
        }

        double y(double position) {
            return top + ph - clamp(position) * ph;
        }
    }

    /** The response's axis, shared by the slices. */
    Axis responseAxis() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Sensitivity.Slice s : result.slices()) {
            for (double v : s.loss()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Axis.forLoss(lo, hi, result.logLoss());
    }

    @Override
    public void draw(Painter p, double w, double h) {
        List<Sensitivity.Slice> slices = result.ranking();
        if (slices.isEmpty()) {
            p.setFill(p.colours().foreground());
            p.text("no hyperparameters", w / 2, h / 2, Painter.Align.CENTER, 12);
            return;
        }
        Axis y = responseAxis();
        String of = result.response().name();
        p.setFill(p.colours().foreground());
        p.text(result.gpFitted() ? "GP mean of " + of + " ± 2 sd along each axis, others at the best combination"
                : result.note(), 8, 14, Painter.Align.LEFT, 11);
        for (int i = 0; i < slices.size(); i++) {
            Frame f = Frame.of(i, slices.size(), w, h);
            if (f.drawable()) {
                drawSlice(p, slices.get(i), y, f, i + 1);
            }
        }
    }

    private void drawSlice(Painter p, Sensitivity.Slice s, Axis y, Frame f, int rank) {
        p.setStroke(p.colours().muted(), 1);
        p.rect(f.left(), f.top(), f.pw(), f.ph(), false);
        p.setFill(p.colours().foreground());
        p.text("#" + rank + " " + s.axis().name() + "  (influence " + Numbers.display(s.influence()) + ")",
                f.left(), f.y0() + 14, Painter.Align.LEFT, 11);
        p.setFill(p.colours().muted());
        for (Axis.Tick t : y.ticks()) {
            p.text(t.label(), f.left() - 4, f.y(t.position()) + 4, Painter.Align.RIGHT, 10);
        }
        for (Axis.Tick t : s.axis().ticks()) {
            p.text(t.label(), f.x(t.position()), f.top() + f.ph() + 13, Painter.Align.CENTER, 10);
        }
        if (s.hasCurve()) {
            int n = s.curveX().length;
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int c = 0; c < n; c++) {
                xs[c] = f.x(s.curveX()[c]);
                ys[c] = f.y(y.position(s.upper()[c]));
                xs[2 * n - 1 - c] = xs[c];
                ys[2 * n - 1 - c] = f.y(y.position(s.lower()[c]));
            }
            p.setFill(Color.rgb(44, 123, 182, 0.2));
            p.polygon(xs, ys, 2 * n);
            double[] mx = new double[n];
            double[] my = new double[n];
            for (int c = 0; c < n; c++) {
                mx[c] = xs[c];
                my[c] = f.y(y.position(s.mean()[c]));
            }
            p.setStroke(Color.web("#2c7bb6"), 2);
            p.polyline(mx, my, n);
        }
        p.setFill(p.colours().foreground(0.7));
        int marked = -1;
        for (int i = 0; i < s.x().length; i++) {
            p.circle(f.x(s.x()[i]), f.y(y.position(s.loss()[i])), 2.5);
            if (i < result.rowIds().length && result.rowIds()[i] == selectedId) {
                marked = i;
            }
        }
        if (marked >= 0) {
            double cx = f.x(s.x()[marked]);
            double cy = f.y(y.position(s.loss()[marked]));
            p.setFill(Color.web("#d7191c"));
            p.circle(cx, cy, 5);
            p.setFill(Color.web("#ffffff"));
            p.circle(cx, cy, 2.5);
        }
    }

    /**
     * The combination of the point nearest to a point of a plot {@code w} by {@code h}, within a few pixels;
     * -1 when none is that close or the points' combinations are not known.
     */
    public int pointAt(double x, double y, double w, double h) {
        List<Sensitivity.Slice> slices = result.ranking();
        Axis axis = responseAxis();
        int[] ids = result.rowIds();
        int best = -1;
        double bestDistance = PICK_DISTANCE;
        for (int r = 0; r < slices.size(); r++) {
            Frame f = Frame.of(r, slices.size(), w, h);
            Sensitivity.Slice s = slices.get(r);
            for (int i = 0; i < s.x().length && i < ids.length; i++) {
                double d = Math.hypot(f.x(s.x()[i]) - x, f.y(axis.position(s.loss()[i])) - y);
                if (d <= bestDistance) {
                    best = ids[i];
                    bestDistance = d;
                }
            }
        }
        return best;
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
