package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.text.Numbers;
import dev.hpsearch.optimizer.analysis.ResponseData;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;

/**
 * Partial dependence of the response on each hyperparameter, most important first: the GP mean averaged over
 * the other hyperparameters with its 95 % band; a categorical or discrete hyperparameter as a point with an
 * interval per level, never a line between levels. All panels share the response's scale.
 *
 * @param panels   one per hyperparameter, in the order to draw
 * @param axes     each panel's hyperparameter axis (its ticks)
 * @param totals   each panel's indices, for its title
 * @param response the response's name
 */
public record DependencePlot(List<GlobalSensitivity.Dependence> panels, List<Axis> axes,
                             List<GlobalSensitivity.Index> totals, String response) implements Plot {
    private static final Color BAND = Color.rgb(44, 123, 182, 0.2);
    private static final Color LINE = Color.web("#2c7bb6");

    /**
     * The panels of every hyperparameter, most important (largest total index) first.
     *
     * @param dependence each hyperparameter's partial dependence, in the order of {@code data}'s inputs
     */
    public static DependencePlot ranked(ResponseData data, GlobalSensitivity.Result indices,
                                        List<GlobalSensitivity.Dependence> dependence) {
        List<GlobalSensitivity.Dependence> panels = new ArrayList<>();
        List<Axis> axes = new ArrayList<>();
        List<GlobalSensitivity.Index> totals = new ArrayList<>();
        for (GlobalSensitivity.Index ix : indices.ranking()) {
            int j = indices.indices().indexOf(ix);
            panels.add(dependence.get(j));
            axes.add(data.axes().get(j));
            totals.add(ix);
        }
        return new DependencePlot(panels, axes, totals, data.metric());
    }

    @Override
    public void draw(Painter p, double w, double h) {
        if (panels.isEmpty()) {
            return;
        }
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (GlobalSensitivity.Dependence d : panels) {
            for (int g = 0; g < d.position().length; g++) {
                lo = Math.min(lo, d.low()[g]);
                hi = Math.max(hi, d.high()[g]);
            }
        }
        if (!(hi > lo)) {
            hi = lo + 1;
        }
        Axis y = new Axis(response, Axis.Kind.LINEAR, lo, hi, List.of());
        p.setFill(p.colours().foreground());
        p.text("Partial dependence of " + response + ": the GP mean over the other hyperparameters, 95 % band",
                8, 14, Painter.Align.LEFT, 11);
        for (int i = 0; i < panels.size(); i++) {
            SensitivityPlot.Frame f = SensitivityPlot.Frame.of(i, panels.size(), w, h);
            if (f.drawable()) {
                panel(p, i, y, f);
            }
        }
    }

    private void panel(Painter p, int i, Axis y, SensitivityPlot.Frame f) {
        GlobalSensitivity.Dependence d = panels.get(i);
        GlobalSensitivity.Interval total = totals.get(i).total();
        p.setStroke(p.colours().muted(), 1);
        p.rect(f.left(), f.top(), f.pw(), f.ph(), false);
        p.setFill(p.colours().foreground());
        p.text(String.format(Locale.ROOT, "#%d %s  (total %s [%s, %s])", i + 1, d.input().name(),
                Numbers.display(total.estimate()), Numbers.display(total.low()), Numbers.display(total.high())),
                f.left(), f.y0() + 14, Painter.Align.LEFT, 11);
        p.setFill(p.colours().muted());
        for (Axis.Tick t : y.ticks()) {
            p.text(t.label(), f.left() - 4, f.y(t.position()) + 4, Painter.Align.RIGHT, 10);
        }
        for (Axis.Tick t : axes.get(i).ticks()) {
            p.text(t.label(), f.x(t.position()), f.top() + f.ph() + 13, Painter.Align.CENTER, 10);
        }
        int n = d.position().length;
        if (d.input().hasLevels()) {
            p.setStroke(LINE, 2);
            p.setFill(LINE);
            for (int g = 0; g < n; g++) {
                double x = f.x(d.position()[g]);
                p.line(x, f.y(y.position(d.low()[g])), x, f.y(y.position(d.high()[g])));
                p.line(x - 4, f.y(y.position(d.low()[g])), x + 4, f.y(y.position(d.low()[g])));
                p.line(x - 4, f.y(y.position(d.high()[g])), x + 4, f.y(y.position(d.high()[g])));
                p.circle(x, f.y(y.position(d.mean()[g])), 3.5);
            }
            return;
        }
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        double[] mx = new double[n];
        double[] my = new double[n];
        for (int g = 0; g < n; g++) {
            xs[g] = f.x(d.position()[g]);
            ys[g] = f.y(y.position(d.high()[g]));
            xs[2 * n - 1 - g] = xs[g];
            ys[2 * n - 1 - g] = f.y(y.position(d.low()[g]));
            mx[g] = xs[g];
            my[g] = f.y(y.position(d.mean()[g]));
        }
        p.setFill(BAND);
        p.polygon(xs, ys, 2 * n);
        p.setStroke(LINE, 2);
        p.polyline(mx, my, n);
    }
}
