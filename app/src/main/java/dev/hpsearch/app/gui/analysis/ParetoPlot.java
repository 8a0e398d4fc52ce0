package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.pareto.FrontSummary;
import dev.hpsearch.optimizer.pareto.Objectives;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.scene.paint.Color;

/**
 * Two objectives against each other: every feasible run as a grey dot, infeasible ones as hollow squares, the
 * Pareto front as red dots joined by its staircase (docs/decisions/0025), brushed runs ringed. Axes are in the
 * objectives' own units, ticks written in full ({@link Numbers#display}).
 *
 * @param xName    the first objective and its direction, for the axis
 * @param yName    the second objective and its direction
 * @param points   the runs with both values
 * @param brushed  ids ringed (brushed in the table), or empty
 */
public record ParetoPlot(String xName, String yName, List<Point> points, Set<Integer> brushed) implements Plot {
    public static final Color FRONT = Color.web("#d7191c");
    private static final Color OTHER = Color.rgb(90, 90, 90, 0.55);
    private static final double LEFT = 70;
    private static final double BOTTOM = 46;
    private static final double TOP = 44;
    private static final double RIGHT = 20;

    /**
     * A run in the plot.
     *
     * @param id       combination id
     * @param x        first objective's value
     * @param y        second objective's value
     * @param feasible whether every constraint holds
     * @param onFront  whether it is on the Pareto front of the feasible runs
     */
    public record Point(int id, double x, double y, boolean feasible, boolean onFront) {
    }

    /**
     * The points of {@code runs} under two objectives, each marked feasible or not and on {@code summary}'s front
     * or not; runs without both values are left out.
     */
    public static List<Point> points(Objectives objectives, List<FrontSummary.Run> runs, FrontSummary summary) {
        Set<Integer> onFront = new HashSet<>();
        summary.front().forEach(m -> onFront.add(m.id()));
        List<Point> points = new ArrayList<>();
        for (FrontSummary.Run r : runs) {
            double[] v = objectives.values(r.score(), r.metrics());
            if (v != null) {
                points.add(new Point(r.id(), v[0], v[1], objectives.feasible(r.score(), r.metrics()),
                        onFront.contains(r.id())));
            }
        }
        return points;
    }

    @Override
    public void draw(Painter p, double w, double h) {
        p.setFill(p.colours().foreground());
        p.text("Pareto front (red) of " + xName + " and " + yName + "; hollow squares are infeasible", 8, 16,
                Painter.Align.LEFT, 11);
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (points.isEmpty() || pw < 40 || ph < 40) {
            p.text(points.isEmpty() ? "No run has both values yet." : "", LEFT, TOP + 20, Painter.Align.LEFT, 11);
            return;
        }
        double[] xr = range(points, true);
        double[] yr = range(points, false);
        for (int t = 0; t <= 4; t++) {
            double fx = t / 4.0;
            double gx = LEFT + fx * pw;
            double gy = TOP + ph - fx * ph;
            p.setStroke(p.colours().grid(), 1);
            p.line(gx, TOP, gx, TOP + ph);
            p.line(LEFT, gy, LEFT + pw, gy);
            p.setFill(p.colours().muted());
            p.text(Numbers.display(xr[0] + fx * (xr[1] - xr[0])), gx, TOP + ph + 14, Painter.Align.CENTER, 10);
            p.text(Numbers.display(yr[0] + fx * (yr[1] - yr[0])), LEFT - 4, gy + 4, Painter.Align.RIGHT, 10);
        }
        p.setFill(p.colours().foreground());
        p.text(xName, LEFT + pw / 2, TOP + ph + 34, Painter.Align.CENTER, 11);
        p.text(yName, 8, TOP - 6, Painter.Align.LEFT, 11);
        List<Point> front = points.stream().filter(Point::onFront)
                .sorted((a, b) -> Double.compare(a.x(), b.x())).toList();
        if (front.size() > 1) {
            p.setStroke(FRONT, 1.5);
            p.beginPath();
            p.moveTo(sx(front.get(0).x(), xr, pw), sy(front.get(0).y(), yr, ph));
            for (int i = 1; i < front.size(); i++) {
                // the staircase: the region the front dominates has corners between its points
                Point a = front.get(i - 1);
                Point b = front.get(i);
                double cornerY = Math.max(a.y(), b.y()) == a.y() ? b.y() : a.y();
                double cornerX = cornerY == a.y() ? b.x() : a.x();
                p.lineTo(sx(cornerX, xr, pw), sy(cornerY, yr, ph));
                p.lineTo(sx(b.x(), xr, pw), sy(b.y(), yr, ph));
            }
            p.strokePath();
        }
        for (Point q : points) {
            double cx = sx(q.x(), xr, pw);
            double cy = sy(q.y(), yr, ph);
            if (!q.feasible()) {
                p.setStroke(OTHER, 1);
                p.rect(cx - 3, cy - 3, 6, 6, false);
            } else {
                p.setFill(q.onFront() ? FRONT : OTHER);
                p.circle(cx, cy, q.onFront() ? 4.5 : 3);
            }
            if (brushed.contains(q.id())) {
                p.setStroke(p.colours().foreground(), 1.5);
                p.rect(cx - 7, cy - 7, 14, 14, false);
            }
        }
    }

    /** The id of the run drawn nearest to (px, py) within 8 pixels, or -1. */
    public int pick(double px, double py, double w, double h) {
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (points.isEmpty()) {
            return -1;
        }
        double[] xr = range(points, true);
        double[] yr = range(points, false);
        int best = -1;
        double bestD = 64;
        for (Point q : points) {
            double dx = sx(q.x(), xr, pw) - px;
            double dy = sy(q.y(), yr, ph) - py;
            if (dx * dx + dy * dy <= bestD) {
                bestD = dx * dx + dy * dy;
                best = q.id();
            }
        }
        return best;
    }

    private static double[] range(List<Point> pts, boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (Point q : pts) {
            double v = x ? q.x() : q.y();
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double pad = hi > lo ? 0.05 * (hi - lo) : Math.max(Math.abs(lo) * 0.05, 1);
        return new double[] {lo - pad, hi + pad};
    }

    private static double sx(double v, double[] r, double pw) {
        return LEFT + (v - r[0]) / (r[1] - r[0]) * pw;
    }

    private static double sy(double v, double[] r, double ph) {
        return TOP + ph - (v - r[0]) / (r[1] - r[0]) * ph;
    }
}
