package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import javafx.scene.paint.Color;

/**
 * Parallel coordinates: one vertical axis per hyperparameter and one for the loss; each combination is a
 * line coloured by its loss (blue = low, red = high). Lines outside the brushes are drawn faint grey, failed
 * combinations (no loss) pink at the top of the loss axis. Lines are grouped by colour so that each group is
 * one stroked path: thousands of lines cost a few dozen strokes.
 */
public final class ParallelPlot implements Plot {
    static final double TOP = 48;
    static final double BOTTOM = 40;
    static final double SIDE = 70;
    private static final int BUCKETS = 24;

    private final ParallelLayout layout;
    private final ParallelLayout.Brush[] brushes;
    private final boolean showFailed;

    public ParallelPlot(ParallelLayout layout, ParallelLayout.Brush[] brushes, boolean showFailed) {
        this.layout = layout;
        this.brushes = brushes;
        this.showFailed = showFailed;
    }

    public ParallelLayout layout() {
        return layout;
    }

    /** x of axis {@code j} in a plot {@code w} wide. */
    public double axisX(int j, double w) {
        int k = layout.axes().size();
        return k == 1 ? w / 2 : SIDE + j * (w - 2 * SIDE) / (k - 1);
    }

    /** y of position {@code p} in a plot {@code h} high. */
    public static double y(double p, double h) {
        return h - BOTTOM - p * (h - TOP - BOTTOM);
    }

    /** Position of a y coordinate, clamped to [0, 1]. */
    public static double position(double y, double h) {
        return Math.max(0, Math.min(1, (h - BOTTOM - y) / (h - TOP - BOTTOM)));
    }

    /** Colour of a loss position: blue (0) through yellow to red (1). */
    static Color colour(double t) {
        double c = Math.max(0, Math.min(1, t));
        return c < 0.5 ? Color.web("#2c7bb6").interpolate(Color.web("#e6c229"), c * 2)
                : Color.web("#e6c229").interpolate(Color.web("#d7191c"), (c - 0.5) * 2);
    }

    @Override
    public void draw(Painter p, double w, double h) {
        int k = layout.axes().size();
        int n = layout.size();
        boolean[] pass = layout.passing(brushes, true);
        if (p instanceof dev.hpsearch.app.gui.common.CanvasPainter) {
            ((dev.hpsearch.app.gui.common.CanvasPainter) p).setAntialias(n <= 2000);
        }
        double[] xs = new double[k];
        for (int j = 0; j < k; j++) {
            xs[j] = axisX(j, w);
        }
        // faint lines first: outside the brushes
        p.setStroke(Color.rgb(180, 180, 180, 0.25), 1);
        p.beginPath();
        int shown = 0;
        for (int i = 0; i < n; i++) {
            boolean failed = Double.isNaN(layout.colour(i));
            if (!pass[i] && (showFailed || !failed)) {
                path(p, i, xs, h);
            }
        }
        p.strokePath();
        if (showFailed) {
            p.setStroke(Color.rgb(230, 120, 160, 0.6), 1);
            p.beginPath();
            for (int i = 0; i < n; i++) {
                if (pass[i] && Double.isNaN(layout.colour(i))) {
                    path(p, i, xs, h);
                    shown++;
                }
            }
            p.strokePath();
        }
        double alpha = n > 2000 ? 0.35 : n > 300 ? 0.6 : 0.9;
        for (int b = BUCKETS - 1; b >= 0; b--) {
            Color c = colour((b + 0.5) / BUCKETS);
            p.setStroke(Color.color(c.getRed(), c.getGreen(), c.getBlue(), alpha), n > 2000 ? 1 : 1.5);
            p.beginPath();
            for (int i = 0; i < n; i++) {
                double t = layout.colour(i);
                if (pass[i] && !Double.isNaN(t) && Math.min(BUCKETS - 1, (int) (t * BUCKETS)) == b) {
                    path(p, i, xs, h);
                    shown++;
                }
            }
            p.strokePath();
        }
        // axes, ticks, brushes
        for (int j = 0; j < k; j++) {
            Axis a = layout.axes().get(j);
            double x = xs[j];
            p.setStroke(Color.web("#333333"), 1.2);
            p.line(x, y(0, h), x, y(1, h));
            p.setFill(Color.web("#222222"));
            String title = a.name() + (a.kind() == Axis.Kind.LOG ? " (log)" : "");
            p.text(title, x, TOP - 24, Painter.Align.CENTER, 12);
            p.setFill(Color.web("#555555"));
            for (Axis.Tick t : a.ticks()) {
                double yy = y(t.position(), h);
                p.setStroke(Color.web("#333333"), 1);
                p.line(x - 4, yy, x, yy);
                p.text(t.label(), x - 6, yy + 4, Painter.Align.RIGHT, 10);
            }
            if (j < brushes.length && brushes[j] != null) {
                double y1 = y(brushes[j].high(), h);
                double y2 = y(brushes[j].low(), h);
                p.setFill(Color.rgb(30, 30, 30, 0.18));
                p.rect(x - 7, y1, 14, y2 - y1, true);
                p.setStroke(Color.web("#111111"), 1);
                p.rect(x - 7, y1, 14, y2 - y1, false);
            }
        }
        p.setFill(Color.web("#222222"));
        p.text(shown + " of " + n + " combinations shown; drag on an axis to filter, click it to clear",
                SIDE, h - 10, Painter.Align.LEFT, 11);
    }

    private void path(Painter p, int i, double[] xs, double h) {
        boolean pen = false;
        for (int j = 0; j < xs.length; j++) {
            double pos = layout.position(i, j);
            if (Double.isNaN(pos)) {
                pen = false;
                continue;
            }
            double yy = y(pos, h);
            if (pen) {
                p.lineTo(xs[j], yy);
            } else {
                p.moveTo(xs[j], yy);
                pen = true;
            }
        }
    }
}
