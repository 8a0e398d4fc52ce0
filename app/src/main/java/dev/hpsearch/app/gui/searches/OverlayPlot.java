package dev.hpsearch.app.gui.searches;

import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.History;
import java.util.List;
import javafx.scene.paint.Color;

/**
 * The histories of several searches of one project in one plot: the best loss so far against the combination
 * id, one step line per search over faint dots of each loss, with a legend naming each search and its type.
 */
public final class OverlayPlot implements Plot {
    private static final double LEFT = 78;
    private static final double RIGHT = 24;
    private static final double TOP = 24;
    private static final double BOTTOM = 44;
    /** Line colours, told apart also by people with the common colour-vision deficiencies. */
    private static final List<Color> PALETTE = List.of(Color.web("#0072b2"), Color.web("#d55e00"),
            Color.web("#009e73"), Color.web("#cc79a7"), Color.web("#e69f00"), Color.web("#56b4e9"),
            Color.web("#7f7f7f"), Color.web("#f0e442"));
    private final List<PastSearch> searches;

    public OverlayPlot(List<PastSearch> searches) {
        this.searches = List.copyOf(searches);
    }

    public List<PastSearch> searches() {
        return searches;
    }

    /** The colour of the i-th search's line. */
    static Color colour(int i) {
        return PALETTE.get(i % PALETTE.size());
    }

    /** The loss axis: log when every loss is positive and they span more than a factor of ten. */
    Axis lossAxis() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PastSearch s : searches) {
            for (double v : s.history().losses()) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return Axis.forLoss(lo, hi, lo > 0 && hi / lo > 10);
    }

    /** The combination axis, from 0 to the highest id compared. */
    Axis idAxis() {
        int max = 1;
        for (PastSearch s : searches) {
            History h = s.history();
            if (h.size() > 0) {
                max = Math.max(max, h.ids()[h.size() - 1]);
            }
        }
        return new Axis("combination", Axis.Kind.LINEAR, 0, max, List.of());
    }

    @Override
    public void draw(Painter p, double w, double h) {
        p.setFill(Color.WHITE);
        p.rect(0, 0, w, h, true);
        if (searches.stream().allMatch(s -> s.history().size() == 0)) {
            p.setFill(p.colours().foreground());
            p.text(searches.isEmpty() ? "Tick searches in the list to compare their histories"
                    : "None of the searches compared has a scored combination yet", w / 2, h / 2,
                    Painter.Align.CENTER, 12);
            return;
        }
        double pw = w - LEFT - RIGHT;
        double ph = h - TOP - BOTTOM;
        if (pw <= 10 || ph <= 10) {
            return;
        }
        Axis y = lossAxis();
        Axis x = idAxis();
        p.setStroke(p.colours().muted(), 1);
        p.rect(LEFT, TOP, pw, ph, false);
        p.setFill(p.colours().muted());
        for (Axis.Tick t : y.ticks()) {
            p.text(t.label(), LEFT - 6, TOP + ph - inset(t.position()) * ph + 4, Painter.Align.RIGHT, 10);
        }
        for (Axis.Tick t : x.ticks()) {
            p.text(t.label(), LEFT + t.position() * pw, TOP + ph + 14, Painter.Align.CENTER, 10);
        }
        p.setFill(p.colours().foreground());
        p.text("combination id", LEFT + pw / 2, h - 8, Painter.Align.CENTER, 11);
        p.text("best loss so far" + (y.kind() == Axis.Kind.LOG ? " (log)" : ""), 8, 14, Painter.Align.LEFT, 11);
        for (int i = 0; i < searches.size(); i++) {
            History hist = searches.get(i).history();
            int n = hist.size();
            if (n == 0) {
                continue;
            }
            Color c = colour(i);
            p.setFill(Color.color(c.getRed(), c.getGreen(), c.getBlue(), 0.35));
            for (int k = 0; k < n; k++) {
                p.circle(LEFT + x.position(hist.ids()[k]) * pw, TOP + ph - inset(y.position(hist.losses()[k])) * ph, 2.5);
            }
            // a step line: the best so far holds until the next improvement
            double[] xs = new double[2 * n];
            double[] ys = new double[2 * n];
            for (int k = 0; k < n; k++) {
                double px = LEFT + x.position(hist.ids()[k]) * pw;
                double py = TOP + ph - inset(y.position(hist.bestSoFar()[k])) * ph;
                xs[2 * k] = px;
                ys[2 * k] = k == 0 ? py : ys[2 * k - 1];
                xs[2 * k + 1] = px;
                ys[2 * k + 1] = py;
            }
            p.setStroke(colour(i), 2);
            p.polyline(xs, ys, 2 * n);
        }
        double ly = TOP + 14;
        for (int i = 0; i < searches.size(); i++) {
            PastSearch s = searches.get(i);
            double lx = LEFT + pw - 190;
            p.setStroke(colour(i), 3);
            p.line(lx, ly - 4, lx + 22, ly - 4);
            p.setFill(p.colours().foreground());
            p.text(s.name() + " (" + s.type() + ")", lx + 28, ly, Painter.Align.LEFT, 11);
            ly += 16;
        }
    }

    /** An axis position in [0, 1] drawn with a margin, so that no line lies on the frame. */
    private static double inset(double v) {
        return 0.04 + 0.92 * (Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v)));
    }
}
