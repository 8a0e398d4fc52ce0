package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.app.gui.common.PlotArea;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.engine.ProgressPoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.scene.paint.Color;

/**
 * The learning curves of a search: each combination's objective against its step, from progress.jsonl. Runs the
 * pruner stopped are drawn in another colour and end in a cross; the selected combination is drawn on top, thick.
 */
public final class LearningCurvesPlot implements Plot {
    static final Color CURVE = Color.web("#3b75af", 0.55);
    static final Color PRUNED = Color.web("#d62728", 0.7);
    static final Color SELECTED = Color.web("#ff7f0e");
    private final Map<Integer, List<ProgressPoint>> curves;
    private final Set<Integer> pruned;
    private final Integer selected;
    private final boolean logScale;

    /**
     * @param curves   points by combination id
     * @param pruned   the combinations the pruner stopped
     * @param selected the combination selected in the table, or {@code null}
     */
    public LearningCurvesPlot(Map<Integer, List<ProgressPoint>> curves, Set<Integer> pruned, Integer selected,
                              boolean logScale) {
        this.curves = curves;
        this.pruned = pruned;
        this.selected = selected;
        this.logScale = logScale;
    }

    @Override
    public void draw(Painter p, double w, double h) {
        PlotArea a = PlotArea.framed(p, w, h, "Learning curves");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        long maxStep = 0;
        for (List<ProgressPoint> c : curves.values()) {
            for (ProgressPoint q : c) {
                lo = Math.min(lo, q.value());
                hi = Math.max(hi, q.value());
                maxStep = Math.max(maxStep, q.step());
            }
        }
        if (lo > hi || a.empty()) {
            a.message(p, "no progress.jsonl lines yet: a script reports {\"step\": S, \"objective\": V} per step");
            return;
        }
        boolean log = logScale && lo > 0;
        Axis y = Axis.forLoss(lo, hi, log);
        Axis x = new Axis("step", Axis.Kind.LINEAR, 0, Math.max(1, maxStep), List.of());
        a.yGrid(p, y);
        for (Axis.Tick t : x.ticks()) {
            p.setFill(p.colours().foreground());
            p.text(t.label(), a.x(t.position()), a.top() + a.ph() + 14, Painter.Align.CENTER, 10);
        }
        p.setFill(p.colours().foreground());
        p.text("step", a.left() + a.pw(), h - 6, Painter.Align.RIGHT, 11);
        p.text(log ? "objective (log scale)" : "objective", a.left() + a.pw(), 16, Painter.Align.RIGHT, 10);
        // every curve of one colour in one path: fast for hundreds of runs
        for (boolean ofPruned : new boolean[] {false, true}) {
            p.setStroke(ofPruned ? PRUNED : CURVE, 1.2);
            p.beginPath();
            for (Map.Entry<Integer, List<ProgressPoint>> e : curves.entrySet()) {
                if (pruned.contains(e.getKey()) == ofPruned) {
                    path(p, e.getValue(), x, y, a);
                }
            }
            p.strokePath();
        }
        p.setStroke(PRUNED, 1.5);
        for (Integer id : pruned) {
            List<ProgressPoint> c = curves.get(id);
            if (c != null && !c.isEmpty()) {
                ProgressPoint end = c.get(c.size() - 1);
                double cx = a.x(x.position(end.step()));
                double cy = a.y(y.position(end.value()));
                p.line(cx - 4, cy - 4, cx + 4, cy + 4);
                p.line(cx - 4, cy + 4, cx + 4, cy - 4);
            }
        }
        if (!pruned.isEmpty()) {
            p.setFill(PRUNED);
            p.text("red, ending in a cross: pruned (" + pruned.size() + ")", a.left(), h - 6, Painter.Align.LEFT, 11);
        }
        List<ProgressPoint> mine = selected == null ? null : curves.get(selected);
        if (mine != null && !mine.isEmpty()) {
            p.setStroke(SELECTED, 2.5);
            p.beginPath();
            path(p, mine, x, y, a);
            p.strokePath();
            p.setFill(SELECTED);
            p.text("combination " + selected, a.left() + a.pw() - 4, a.top() + 14, Painter.Align.RIGHT, 11);
        }
    }

    private static void path(Painter p, List<ProgressPoint> c, Axis x, Axis y, PlotArea a) {
        for (int i = 0; i < c.size(); i++) {
            double cx = a.x(x.position(c.get(i).step()));
            double cy = a.y(y.position(c.get(i).value()));
            if (i == 0) {
                p.moveTo(cx, cy);
            } else {
                p.lineTo(cx, cy);
            }
        }
    }
}
