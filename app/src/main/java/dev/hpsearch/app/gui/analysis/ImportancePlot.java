package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * The hyperparameters by decreasing total Sobol index: a bar for the total index with its interval as a whisker,
 * and the first-order index as a dot with its own interval, each figure written beside it. Names are given the
 * room they need, never cut.
 *
 * @param result   the indices
 * @param response the response's name
 */
public record ImportancePlot(GlobalSensitivity.Result result, String response) implements Plot {
    /** Height of one hyperparameter's row. */
    public static final double ROW = 34;
    private static final double TOP = 40;
    private static final double CHAR_WIDTH = 6.5;
    /** A generous width of a character of the 10 px figures. */
    private static final double SMALL_CHAR_WIDTH = 6.2;
    private static final Color TOTAL = Color.rgb(44, 123, 182, 0.45);
    private static final Color FIRST = Color.web("#d7191c");

    /** The height that fits every row. */
    public double preferredHeight() {
        return TOP + ROW * result.indices().size() + 36;
    }

    @Override
    public void draw(Painter p, double w, double h) {
        List<GlobalSensitivity.Index> ranking = result.ranking();
        int longest = 4;
        for (GlobalSensitivity.Index ix : ranking) {
            longest = Math.max(longest, ix.name().length());
        }
        double left = 12 + longest * CHAR_WIDTH;
        // room on the right for the longest "total 0.1234 [0.1234, 0.1234]", exponents and signs included: never cut
        int label = 0;
        for (GlobalSensitivity.Index ix : ranking) {
            label = Math.max(label, Math.max(interval(ix.total()).length(), interval(ix.firstOrder()).length()) + 6);
        }
        double right = Math.max(36 * CHAR_WIDTH, 16 + label * SMALL_CHAR_WIDTH);
        double pw = w - left - right;
        p.setFill(p.colours().foreground());
        p.text("Sobol indices of " + response + ": total (bar) and first order (dot), 95 % intervals", 8, 14,
                Painter.Align.LEFT, 11);
        if (pw < 40) {
            return;
        }
        double bottom = TOP + ROW * ranking.size();
        p.setFill(p.colours().muted());
        for (int t = 0; t <= 4; t++) {
            double x = left + t / 4.0 * pw;
            p.setStroke(p.colours().grid(), 1);
            p.line(x, TOP - 4, x, bottom);
            p.text(Numbers.display(t / 4.0), x, bottom + 14, Painter.Align.CENTER, 10);
        }
        for (int r = 0; r < ranking.size(); r++) {
            GlobalSensitivity.Index ix = ranking.get(r);
            double y = TOP + r * ROW;
            double mid = y + ROW / 2;
            p.setFill(p.colours().foreground());
            p.text(ix.name(), left - 6, mid + 4, Painter.Align.RIGHT, 11);
            GlobalSensitivity.Interval total = ix.total();
            p.setFill(TOTAL);
            p.rect(left, y + 6, x(total.estimate(), pw), ROW - 12, true);
            whisker(p, p.colours().foreground(), left, pw, total, mid - 4);
            GlobalSensitivity.Interval first = ix.firstOrder();
            whisker(p, FIRST, left, pw, first, mid + 6);
            p.setFill(FIRST);
            p.circle(left + x(first.estimate(), pw), mid + 6, 3);
            p.setFill(p.colours().muted());
            p.text("total " + interval(total), left + pw + 8, mid - 2, Painter.Align.LEFT, 10);
            p.text("first " + interval(first), left + pw + 8, mid + 10, Painter.Align.LEFT, 10);
        }
        p.setFill(p.colours().foreground());
        p.text("share of the variance of " + response, left + pw / 2, bottom + 30, Painter.Align.CENTER, 11);
    }

    private static void whisker(Painter p, Color c, double left, double pw, GlobalSensitivity.Interval i, double y) {
        p.setStroke(c, 1.5);
        double a = left + x(i.low(), pw);
        double b = left + x(i.high(), pw);
        p.line(a, y, b, y);
        p.line(a, y - 3, a, y + 3);
        p.line(b, y - 3, b, y + 3);
    }

    /** Indices can stray a little outside [0, 1] from Monte Carlo error; they are drawn clamped, written as they are. */
    private static double x(double v, double pw) {
        return Math.max(0, Math.min(1, v)) * pw;
    }

    /** An estimate and its interval in short form: {@code 0.4 [0.3, 0.5]}. */
    public static String interval(GlobalSensitivity.Interval i) {
        return Numbers.display(i.estimate()) + " [" + Numbers.display(i.low()) + ", " + Numbers.display(i.high()) + "]";
    }
}
