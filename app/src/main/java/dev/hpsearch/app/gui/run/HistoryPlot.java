package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.app.gui.common.PlotArea;
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
        PlotArea a = PlotArea.framed(p, w, h, "Optimization history");
        int n = history.size();
        if (n == 0 || a.empty()) {
            a.message(p, "no scored combinations yet");
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
        a.yGrid(p, y);
        p.text("combination id", a.left() + a.pw() / 2, h - 6, Painter.Align.CENTER, 11);
        p.text(Integer.toString(minId), a.left(), a.top() + a.ph() + 14, Painter.Align.LEFT, 10);
        p.text(Integer.toString(maxId), a.left() + a.pw(), a.top() + a.ph() + 14, Painter.Align.RIGHT, 10);
        p.text(log ? "loss (log)" : "loss", 4, a.top() - 8, Painter.Align.LEFT, 10);
        p.setFill(Color.web("#3b75af", 0.75));
        for (int i = 0; i < n; i++) {
            p.circle(a.x((history.ids()[i] - minId) / span), a.y(y.position(history.losses()[i])), 3);
        }
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            double x = a.x((history.ids()[i] - minId) / span);
            double yy = a.y(y.position(history.bestSoFar()[i]));
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
        p.text(bestLabel(history), a.left() + a.pw() - 4, a.top() + 14, Painter.Align.RIGHT, 11);
    }
}
