package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * One slice plot per hyperparameter, in order of influence: observed losses against the hyperparameter's
 * value, and where a GP was fitted its mean (line) and mean ± 2 sd (band) along that axis with the other
 * hyperparameters at the best combination.
 */
public final class SensitivityPlot implements Plot {
    private final Sensitivity.Result result;

    public SensitivityPlot(Sensitivity.Result result) {
        this.result = result;
    }

    @Override
    public void draw(Painter p, double w, double h) {
        List<Sensitivity.Slice> slices = result.ranking();
        if (slices.isEmpty()) {
            p.setFill(p.colours().foreground());
            p.text("no hyperparameters", w / 2, h / 2, Painter.Align.CENTER, 12);
            return;
        }
        int cols = Math.max(1, Math.min(3, (int) Math.ceil(Math.sqrt(slices.size()))));
        int rows = (int) Math.ceil(slices.size() / (double) cols);
        double cw = w / cols;
        double ch = (h - 20) / rows;
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Sensitivity.Slice s : slices) {
            for (double v : s.loss()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        Axis y = Axis.forLoss(lo, hi, result.logLoss());
        p.setFill(p.colours().foreground());
        p.text(result.gpFitted() ? "GP mean ± 2 sd along each axis, others at the best combination"
                : result.note(), 8, 14, Painter.Align.LEFT, 11);
        for (int i = 0; i < slices.size(); i++) {
            drawSlice(p, slices.get(i), y, (i % cols) * cw, 20 + (i / cols) * ch, cw, ch, i + 1);
        }
    }

    private static void drawSlice(Painter p, Sensitivity.Slice s, Axis y, double x0, double y0, double w, double h, int rank) {
        double left = x0 + 54;
        double top = y0 + 22;
        double pw = w - 54 - 14;
        double ph = h - 22 - 34;
        if (pw <= 10 || ph <= 10) {
            return;
        }
        p.setStroke(p.colours().muted(), 1);
        p.rect(left, top, pw, ph, false);
        p.setFill(p.colours().foreground());
        p.text("#" + rank + " " + s.axis().name() + "  (influence " + Axis.format(s.influence()) + ")", left, y0 + 14,
                Painter.Align.LEFT, 11);
        p.setFill(p.colours().muted());
        for (Axis.Tick t : y.ticks()) {
            double yy = top + ph - t.position() * ph;
            p.text(t.label(), left - 4, yy + 4, Painter.Align.RIGHT, 9);
        }
        for (Axis.Tick t : s.axis().ticks()) {
            p.text(t.label(), left + t.position() * pw, top + ph + 12, Painter.Align.CENTER, 9);
        }
        if (s.hasCurve()) {
            int n = s.curveX().length;
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int c = 0; c < n; c++) {
                xs[c] = left + s.curveX()[c] * pw;
                ys[c] = top + ph - clamp(y.position(s.upper()[c])) * ph;
                xs[2 * n - 1 - c] = xs[c];
                ys[2 * n - 1 - c] = top + ph - clamp(y.position(s.lower()[c])) * ph;
            }
            p.setFill(Color.rgb(44, 123, 182, 0.2));
            p.polygon(xs, ys, 2 * n);
            double[] mx = new double[n];
            double[] my = new double[n];
            for (int c = 0; c < n; c++) {
                mx[c] = xs[c];
                my[c] = top + ph - clamp(y.position(s.mean()[c])) * ph;
            }
            p.setStroke(Color.web("#2c7bb6"), 2);
            p.polyline(mx, my, n);
        }
        p.setFill(p.colours().foreground(0.7));
        for (int i = 0; i < s.x().length; i++) {
            p.circle(left + s.x()[i] * pw, top + ph - clamp(y.position(s.loss()[i])) * ph, 2.5);
        }
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
