package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.CanvasPainter;
import dev.hpsearch.app.gui.common.LineRaster;
import dev.hpsearch.app.gui.common.Painter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.paint.Color;

/**
 * Parallel coordinates: one vertical axis per chosen column (hyperparameters, the loss, metrics); each
 * combination is a line coloured by the colour column (blue = low, red = high), with the colour scale and its
 * range drawn at the bottom. Lines outside the brushes are drawn faint grey, failed combinations (no loss) pink,
 * lines without a value of the colour column grey; marked lines (a Pareto front, {@link #withMarked}) are drawn over
 * them, thick and red, with a legend entry; the selected combination is drawn last, thick and black.
 * Lines are grouped by colour so that each group is one stroked path: thousands of lines cost a few dozen
 * strokes. On a canvas the lines go straight into the painter's {@link LineRaster} from screen coordinates
 * computed once per layout and size; brushing (a new plot from {@link #withBrushes}) only recomputes which
 * lines pass.
 */
public final class ParallelPlot implements Plot {
    static final double TOP = 48;
    /** Room below the axes for the footer line and the colour scale. */
    static final double BOTTOM = 56;
    static final double SIDE = 70;
    /** How far from a line a click may land and still pick it, in pixels. */
    static final double PICK_DISTANCE = 5;
    static final int BUCKETS = 24;
    private static final Color FAINT = Color.rgb(180, 180, 180, 0.25);
    private static final Color FAILED = Color.rgb(230, 120, 160, 0.6);
    private static final Color NO_COLOUR = Color.rgb(120, 120, 120, 0.5);
    /** The marked lines' colour: the Pareto plot's front colour, so both plots read the same. */
    static final Color MARKED = ParetoPlot.FRONT;
    private static final String BRUSH_HINT = "drag on an axis to filter, click it to clear, click a line to select it";
    /** The colour of each bucket of the colour scale, taken at the bucket's centre. */
    private static final Color[] BUCKET_COLOURS = new Color[BUCKETS];

    static {
        for (int b = 0; b < BUCKETS; b++) {
            BUCKET_COLOURS[b] = colour((b + 0.5) / BUCKETS);
        }
    }

    private final ParallelLayout layout;
    private final ParallelLayout.Brush[] brushes;
    private final boolean showFailed;
    private final int selected;
    private final Lines lines;
    private final Marked marked;

    /**
     * Lines to draw over the others, with their legend entry and the hint the footer gives instead of brushing.
     *
     * @param lines  the layout's indices of the marked lines
     * @param legend what they are, beside the legend's sample line
     * @param hint   what the user can do with the plot, in the footer
     */
    public record Marked(int[] lines, String legend, String hint) {
        public Marked {
            lines = lines.clone();
        }

        @Override
        public int[] lines() {
            return lines.clone();
        }
    }

    public ParallelPlot(ParallelLayout layout, ParallelLayout.Brush[] brushes, boolean showFailed) {
        this(layout, brushes, showFailed, -1, new Lines(layout), null);
    }

    private ParallelPlot(ParallelLayout layout, ParallelLayout.Brush[] brushes, boolean showFailed, int selected,
                         Lines lines, Marked marked) {
        this.layout = layout;
        this.brushes = brushes;
        this.showFailed = showFailed;
        this.selected = selected;
        this.lines = lines;
        this.marked = marked;
    }

    /**
     * The same layout with other brushes: shares the lines' colour grouping and screen coordinates, so a
     * brush stroke only recomputes which lines pass.
     */
    public ParallelPlot withBrushes(ParallelLayout.Brush[] brushes, boolean showFailed) {
        return new ParallelPlot(layout, brushes, showFailed, selected, lines, marked);
    }

    /** The same plot with line {@code index} of the layout marked as selected; -1 for none. */
    public ParallelPlot withSelected(int index) {
        return new ParallelPlot(layout, brushes, showFailed, index, lines, marked);
    }

    /** The same plot with some lines drawn over the others in {@link #MARKED}, and a legend entry for them. */
    public ParallelPlot withMarked(Marked mark) {
        return new ParallelPlot(layout, brushes, showFailed, selected, lines, mark);
    }

    /** The marked lines with their legend, or {@code null}. */
    public Marked marked() {
        return marked;
    }

    /** The layout's index of the selected line, or -1. */
    public int selected() {
        return selected;
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

    /** Colour of a position on the colour scale: blue (0) through yellow to red (1). */
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
        double[] xs = new double[k];
        for (int j = 0; j < k; j++) {
            xs[j] = axisX(j, w);
        }
        LineStroker stroker;
        if (p instanceof CanvasPainter) {
            CanvasPainter canvas = (CanvasPainter) p;
            canvas.setAntialias(n <= 2000);
            stroker = canvas.antialias() ? new SmoothRasterStroker(canvas.raster(), xs, h)
                    : new RasterStroker(canvas.raster(), canvas.helper(), screenFor(xs, h), n);
        } else {
            stroker = new PathStroker(p, xs, h);
        }
        int shown = strokeLines(stroker, pass);
        stroker.finish();
        if (marked != null) {
            p.setStroke(MARKED, 2.5);
            for (int i : marked.lines) {
                if (i >= 0 && i < n && pass[i]) {
                    thickLine(p, i, xs, h);
                }
            }
            // the legend, above the axes' titles
            p.line(SIDE - 40, 7, SIDE - 16, 7);
            p.setFill(p.colours().foreground());
            p.text(marked.legend(), SIDE - 10, 11, Painter.Align.LEFT, 11);
        }
        if (selected >= 0 && selected < n) {
            p.setStroke(p.colours().foreground(), 3);
            thickLine(p, selected, xs, h);
        }
        // axes, ticks, brushes
        for (int j = 0; j < k; j++) {
            Axis a = layout.axes().get(j);
            double x = xs[j];
            p.setStroke(p.colours().foreground(), 1.2);
            p.line(x, y(0, h), x, y(1, h));
            p.setFill(p.colours().foreground());
            String title = a.name() + (a.kind() == Axis.Kind.LOG ? " (log)" : "");
            p.text(title, x, TOP - 24, Painter.Align.CENTER, 12);
            p.setFill(p.colours().muted());
            for (Axis.Tick t : a.ticks()) {
                double yy = y(t.position(), h);
                p.setStroke(p.colours().foreground(), 1);
                p.line(x - 4, yy, x, yy);
                p.text(t.label(), x - 6, yy + 4, Painter.Align.RIGHT, 10);
            }
            if (j < brushes.length && brushes[j] != null) {
                double y1 = y(brushes[j].high(), h);
                double y2 = y(brushes[j].low(), h);
                p.setFill(p.colours().foreground(0.18));
                p.rect(x - 7, y1, 14, y2 - y1, true);
                p.setStroke(p.colours().foreground(), 1);
                p.rect(x - 7, y1, 14, y2 - y1, false);
            }
        }
        p.setFill(p.colours().foreground());
        p.text(shown + " of " + n + " combinations shown; " + (marked == null ? BRUSH_HINT : marked.hint()), SIDE,
                h - 10, Painter.Align.LEFT, 11);
        drawColourScale(p, ColourScale.of(layout), w, h);
    }

    /** Line {@code i} in the stroke set: plain segments, not a path, since a canvas rasterises paths one pixel wide. */
    private void thickLine(Painter p, int i, double[] xs, double h) {
        for (int j = 0; j + 1 < xs.length; j++) {
            double a = layout.position(i, j);
            double b = layout.position(i, j + 1);
            if (!Double.isNaN(a) && !Double.isNaN(b)) {
                p.line(xs[j], y(a, h), xs[j + 1], y(b, h));
            }
        }
    }

    /** The colour scale with its column and its range, below the axes at the right. */
    private static void drawColourScale(Painter p, ColourScale scale, double w, double h) {
        double right = w - SIDE;
        double left = right - 150;
        double top = h - 34;
        for (int b = 0; b < BUCKETS; b++) {
            p.setFill(BUCKET_COLOURS[b]);
            p.rect(left + b * 150.0 / BUCKETS, top, 150.0 / BUCKETS + 0.5, 10, true);
        }
        p.setStroke(p.colours().foreground(), 1);
        p.rect(left, top, 150, 10, false);
        p.setFill(p.colours().foreground());
        p.text("colour: " + scale.title(), left - 8, top + 9, Painter.Align.RIGHT, 11);
        p.text(scale.low(), left, top + 23, Painter.Align.LEFT, 10);
        p.text(scale.high(), right, top + 23, Painter.Align.RIGHT, 10);
    }

    /**
     * The line nearest to a point of a plot {@code w} by {@code h}, among those drawn in colour (passing the
     * brushes), within {@value #PICK_DISTANCE} pixels; -1 when none is that close.
     */
    public int lineAt(double x, double y, double w, double h) {
        int k = layout.axes().size();
        if (k == 0) {
            return -1;
        }
        int left = 0;
        while (left + 1 < k && axisX(left + 1, w) < x) {
            left++;
        }
        int right = Math.min(k - 1, left + 1);
        double x0 = axisX(left, w);
        double x1 = axisX(right, w);
        double t = x1 == x0 ? 0 : Math.max(0, Math.min(1, (x - x0) / (x1 - x0)));
        boolean[] pass = layout.passing(brushes, showFailed);
        int best = -1;
        double bestDistance = PICK_DISTANCE;
        for (int i = 0; i < layout.size(); i++) {
            double p0 = layout.position(i, left);
            double p1 = layout.position(i, right);
            if (!pass[i] || Double.isNaN(p0) || Double.isNaN(p1)) {
                continue;
            }
            double d = Math.abs(y(p0, h) + t * (y(p1, h) - y(p0, h)) - y);
            if (d <= bestDistance) {
                best = i;
                bestDistance = d;
            }
        }
        return best;
    }

    /**
     * Strokes every line in drawing order: faint ones outside the brushes, failed ones, those without a colour
     * value, then the rest by colour bucket from red (high) to blue, so the lowest end on top. Returns how many
     * lines pass.
     */
    private int strokeLines(LineStroker s, boolean[] pass) {
        int n = layout.size();
        s.begin(FAINT, 1);
        for (int i = 0; i < n; i++) {
            if (!pass[i] && (showFailed || lines.scored[i])) {
                s.line(i);
            }
        }
        s.end();
        int shown = 0;
        if (showFailed) {
            s.begin(FAILED, 1);
            for (int i : lines.failed) {
                if (pass[i]) {
                    s.line(i);
                    shown++;
                }
            }
            s.end();
        }
        s.begin(NO_COLOUR, 1);
        for (int i : lines.noColour) {
            if (pass[i]) {
                s.line(i);
                shown++;
            }
        }
        s.end();
        double alpha = n > 2000 ? 0.35 : n > 300 ? 0.6 : 0.9;
        for (int b = BUCKETS - 1; b >= 0; b--) {
            Color c = BUCKET_COLOURS[b];
            s.begin(Color.color(c.getRed(), c.getGreen(), c.getBlue(), alpha), n > 2000 ? 1 : 1.5);
            for (int o = lines.bucketStart[b]; o < lines.bucketStart[b + 1]; o++) {
                int i = lines.order[o];
                if (pass[i]) {
                    s.line(i);
                    shown++;
                }
            }
            s.end();
        }
        return shown;
    }

    /** Where the lines of one colour go: a painter's path, or the canvas painter's raster. */
    private interface LineStroker {
        void begin(Color colour, double width);

        /** Adds combination {@code i}'s polyline. */
        void line(int i);

        void end();

        /** Called once after the last group. */
        default void finish() {
        }
    }

    /** One path per colour through the painter's path calls (SVG). */
    private final class PathStroker implements LineStroker {
        private final Painter p;
        private final double[] xs;
        private final double h;

        PathStroker(Painter p, double[] xs, double h) {
            this.p = p;
            this.xs = xs;
            this.h = h;
        }

        @Override
        public void begin(Color colour, double width) {
            p.setStroke(colour, width);
            p.beginPath();
        }

        @Override
        public void line(int i) {
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

        @Override
        public void end() {
            p.strokePath();
        }
    }

    /**
     * Plain lines into the raster from the cached fixed-point screen coordinates. The lines are collected and
     * drawn at {@link #finish} in horizontal strips, and within a strip one band between two neighbouring axes
     * at a time, each in the same order of colours and lines: a strip of a band stays in the CPU cache while
     * its segments are blended, where the whole raster would not. A pixel inside a band is blended in the same
     * order as line by line; only an axis's column, which the axis line then covers, sees the two bands'
     * segments in another order. With a helper executor a second thread takes strips too; the calling
     * thread takes strips until none is left, so it never waits for a helper that has not started.
     */
    private static final class RasterStroker implements LineStroker {
        private static final int STRIPS = 8;
        private final LineRaster raster;
        private final Executor helper;
        private final int[] xs;
        private final int[] ys;
        private final int k;
        private final int[] drawn;
        private int count;
        private final List<Color> colours = new ArrayList<>();
        private final List<Integer> ends = new ArrayList<>();

        RasterStroker(LineRaster raster, Executor helper, Screen screen, int lines) {
            this.raster = raster;
            this.helper = helper;
            this.xs = screen.xs;
            this.ys = screen.ys;
            this.k = xs.length;
            this.drawn = new int[lines];
        }

        @Override
        public void begin(Color colour, double width) {
            colours.add(colour);
        }

        @Override
        public void line(int i) {
            drawn[count++] = i;
        }

        @Override
        public void end() {
            ends.add(count);
        }

        @Override
        public void finish() {
            LineRaster.Ink[] inks = new LineRaster.Ink[colours.size()];
            int[] groupEnd = new int[inks.length];
            for (int g = 0; g < inks.length; g++) {
                inks[g] = LineRaster.Ink.of(colours.get(g));
                groupEnd[g] = ends.get(g);
            }
            int strips = helper == null ? 1 : STRIPS;
            int rows = (raster.height() + strips - 1) / strips;
            AtomicInteger next = new AtomicInteger();
            CountDownLatch done = new CountDownLatch(strips);
            AtomicReference<RuntimeException> failure = new AtomicReference<>();
            Runnable work = () -> {
                for (int s = next.getAndIncrement(); s < strips; s = next.getAndIncrement()) {
                    try {
                        strip(s * rows, Math.min(raster.height(), (s + 1) * rows), inks, groupEnd);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        done.countDown();
                    }
                }
            };
            if (helper != null) {
                try {
                    helper.execute(work);
                } catch (RejectedExecutionException e) {
                    // no helper today: this thread draws every strip
                }
            }
            work.run();
            try {
                // every strip is claimed by now; this waits only for those the helper is drawing
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (failure.get() != null) {
                throw failure.get();
            }
            raster.markDrawn();
        }

        private void strip(int rowFrom, int rowTo, LineRaster.Ink[] inks, int[] groupEnd) {
            // a segment's pixels lie within a row of its end points' rows
            long low = ((long) rowFrom - 1) << 16;
            long high = ((long) rowTo + 1) << 16;
            for (int j = 0; j + 1 < k; j++) {
                int x0 = xs[j];
                int x1 = xs[j + 1];
                int from = 0;
                for (int g = 0; g < inks.length; g++) {
                    LineRaster.Ink ink = inks[g];
                    for (int o = from; o < groupEnd[g]; o++) {
                        int base = drawn[o] * k + j;
                        int y0 = ys[base];
                        int y1 = ys[base + 1];
                        if (y0 != Screen.MISSING && y1 != Screen.MISSING && Math.max(y0, y1) >= low
                                && Math.min(y0, y1) < high) {
                            raster.line(ink, x0, y0, x1, y1, rowFrom, rowTo);
                        }
                    }
                    from = groupEnd[g];
                }
            }
        }
    }

    /** Anti-aliased lines into the raster (a few thousand lines at most, so computed as drawn). */
    private final class SmoothRasterStroker implements LineStroker {
        private final LineRaster raster;
        private final double[] xs;
        private final double h;

        SmoothRasterStroker(LineRaster raster, double[] xs, double h) {
            this.raster = raster;
            this.xs = xs;
            this.h = h;
        }

        @Override
        public void begin(Color colour, double width) {
            raster.setColour(colour);
        }

        @Override
        public void line(int i) {
            double px = 0;
            double py = Double.NaN;
            for (int j = 0; j < xs.length; j++) {
                double pos = layout.position(i, j);
                double y = Double.isNaN(pos) ? Double.NaN : y(pos, h);
                if (!Double.isNaN(y) && !Double.isNaN(py)) {
                    raster.smoothLine(px, py, xs[j], y);
                }
                px = xs[j];
                py = y;
            }
        }

        @Override
        public void end() {
        }
    }

    /** Screen coordinates of every vertex for one plot size, in the raster's fixed point. */
    private static final class Screen {
        static final int MISSING = Integer.MIN_VALUE;
        final double[] axisX;
        final double h;
        final int[] xs;
        /** ys[line * axes + axis], {@link #MISSING} where the value has no position. */
        final int[] ys;

        Screen(ParallelLayout layout, double[] axisX, double h) {
            this.axisX = axisX.clone();
            this.h = h;
            int k = axisX.length;
            xs = new int[k];
            for (int j = 0; j < k; j++) {
                xs[j] = LineRaster.fixed(axisX[j]);
            }
            int n = layout.size();
            ys = new int[n * k];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < k; j++) {
                    double pos = layout.position(i, j);
                    ys[i * k + j] = Double.isNaN(pos) ? MISSING : LineRaster.fixed(y(pos, h));
                }
            }
        }

        boolean fits(double[] axisX, double h) {
            return this.h == h && Arrays.equals(this.axisX, axisX);
        }
    }

    /**
     * What does not change while brushing: the lines grouped by colour bucket and, for the last plot size,
     * their screen coordinates. Shared by the plots of one layout (see {@link #withBrushes}).
     */
    private static final class Lines {
        /** Lines with a loss and a colour value, grouped by bucket (ascending), by index within a bucket. */
        final int[] order;
        /** order[bucketStart[b] .. bucketStart[b + 1]) are the lines of bucket b. */
        final int[] bucketStart = new int[BUCKETS + 1];
        /** Lines without a loss, by index. */
        final int[] failed;
        /** Lines with a loss but without a value of the colour column, by index. */
        final int[] noColour;
        /** Whether each line has a loss. */
        final boolean[] scored;
        private Screen screen;

        Lines(ParallelLayout layout) {
            int n = layout.size();
            int[] bucket = new int[n];
            scored = new boolean[n];
            int nFailed = 0;
            int nNoColour = 0;
            int[] count = new int[BUCKETS];
            for (int i = 0; i < n; i++) {
                double t = layout.colour(i);
                scored[i] = layout.rows().get(i).hasLoss();
                // a colour position below 0 falls in no bucket and is drawn only faint, as before
                bucket[i] = Double.isNaN(t) ? -1 : Math.min(BUCKETS - 1, (int) (t * BUCKETS));
                if (!scored[i]) {
                    nFailed++;
                } else if (Double.isNaN(t)) {
                    nNoColour++;
                } else if (bucket[i] >= 0) {
                    count[bucket[i]]++;
                }
            }
            for (int b = 0; b < BUCKETS; b++) {
                bucketStart[b + 1] = bucketStart[b] + count[b];
            }
            order = new int[bucketStart[BUCKETS]];
            failed = new int[nFailed];
            noColour = new int[nNoColour];
            int[] next = Arrays.copyOf(bucketStart, BUCKETS);
            int f = 0;
            int g = 0;
            for (int i = 0; i < n; i++) {
                if (!scored[i]) {
                    failed[f++] = i;
                } else if (Double.isNaN(layout.colour(i))) {
                    noColour[g++] = i;
                } else if (bucket[i] >= 0) {
                    order[next[bucket[i]]++] = i;
                }
            }
        }
    }

    /** Screen coordinates for this size, computed once per size and layout; FX thread only. */
    private Screen screenFor(double[] xs, double h) {
        Screen s = lines.screen;
        if (s == null || !s.fits(xs, h)) {
            s = new Screen(layout, xs, h);
            lines.screen = s;
        }
        return s;
    }
}
