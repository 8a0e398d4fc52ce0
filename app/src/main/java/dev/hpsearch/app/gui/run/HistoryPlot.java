package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.History;
import dev.hpsearch.optimizer.text.Numbers;
import javafx.scene.paint.Color;

/** Loss of each scored combination (dots) and the best loss so far (a step line). */
public final class HistoryPlot implements Plot {
    private final History history;
    private final boolean logScale;

    public HistoryPlot(History history, boolean logScale) {
        this.history = history;
        this.logScale = logScale;
    }

    /**
     * The label of the best-so-far line: its last value in short form ({@link Numbers#display}), the number the
     * dashboard's headline shows; empty when nothing is scored.
     */
    public static String bestLabel(History history) {
        return history.size() == 0 ? "" : "best so far " + Numbers.display(history.bestSoFar()[history.size() - 1]);
    }

    @Override
    public void draw(Painter p, double w, double h) {
        double left = 64;
        double right = 16;
        double top = 24;
        double bottom = 36;
        double pw = w - left - right;
        double ph = h - top - bottom;
        p.setFill(p.colours().foreground());
        p.text("Optimization history", left, 16, Painter.Align.LEFT, 12);
        p.setStroke(p.colours().muted(), 1);
        p.rect(left, top, pw, ph, false);
        int n = history.size();
        if (n == 0 || pw <= 0 || ph <= 0) {
            p.text("no scored combinations yet", left + pw / 2, top + ph / 2, Painter.Align.CENTER, 12);
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : history.losses()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        boolean log = logScale && lo > 0;
        Axis y = Axis.forLoss(lo, hi, log);
        int maxId = history.ids()[n - 1];
        int minId = history.ids()[0];
        double span = Math.max(1, maxId - minId);
        p.setFill(p.colours().foreground());
        for (Axis.Tick t : y.ticks()) {
            double yy = top + ph - t.position() * ph;
            p.setStroke(p.colours().grid(), 1);
            p.line(left, yy, left + pw, yy);
            p.text(t.label(), left - 6, yy + 4, Painter.Align.RIGHT, 10);
        }
        p.text("combination id", left + pw / 2, h - 6, Painter.Align.CENTER, 11);
        p.text(Integer.toString(minId), left, top + ph + 14, Painter.Align.LEFT, 10);
        p.text(Integer.toString(maxId), left + pw, top + ph + 14, Painter.Align.RIGHT, 10);
        p.text(log ? "loss (log)" : "loss", 4, top - 8, Painter.Align.LEFT, 10);
        p.setFill(Color.web("#3b75af", 0.75));
        for (int i = 0; i < n; i++) {
            double x = left + (history.ids()[i] - minId) / span * pw;
            double yy = top + ph - y.position(history.losses()[i]) * ph;
            p.circle(x, yy, 3);
        }
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x = left + (history.ids()[i] - minId) / span * pw;
            double yy = top + ph - y.position(history.bestSoFar()[i]) * ph;
            if (k > 0) {
                xs[k] = x;
                ys[k] = ys[k - 1];
                k++;
            }
            xs[k] = x;
            ys[k] = yy;
            k++;
        }
        p.setStroke(Color.web("#d62728"), 2);
        p.polyline(xs, ys, k);
        p.setFill(Color.web("#d62728"));
        p.text(bestLabel(history), left + pw - 4, top + 14, Painter.Align.RIGHT, 11);
    }
}
