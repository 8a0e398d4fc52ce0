package dev.hpsearch.app.gui.common;

import java.util.Arrays;
import javafx.geometry.VPos;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;

/**
 * Paints on a JavaFX canvas. Paths ({@link #beginPath} .. {@link #strokePath}) are rasterised here into a
 * pixel buffer with anti-aliased one-pixel lines and drawn as one image: stroking a path of tens of thousands
 * of segments through the canvas takes seconds with the software pipeline, the buffer takes milliseconds.
 * Call {@link #flush} after drawing.
 */
public final class CanvasPainter implements Painter {
    private final GraphicsContext g;
    private final int bw;
    private final int bh;
    private int[] buffer;
    private boolean rasterDirty;
    private Color stroke = Color.BLACK;
    private double cx;
    private double cy;
    private boolean antialias = true;

    public CanvasPainter(GraphicsContext g) {
        this.g = g;
        this.bw = Math.max(1, (int) Math.ceil(g.getCanvas().getWidth()));
        this.bh = Math.max(1, (int) Math.ceil(g.getCanvas().getHeight()));
        g.setTextBaseline(VPos.BASELINE);
        g.setLineWidth(1);
    }

    /**
     * Anti-aliased path lines (two pixels per step) or plain ones (one pixel per step, half the work); plots
     * with thousands of lines switch it off, as the lines blend into a density anyway.
     */
    public void setAntialias(boolean on) {
        antialias = on;
    }

    /** Draws the rasterised paths so far onto the canvas (below what is drawn next). */
    public void flush() {
        if (!rasterDirty) {
            return;
        }
        WritableImage image = new WritableImage(bw, bh);
        image.getPixelWriter().setPixels(0, 0, bw, bh, PixelFormat.getIntArgbPreInstance(), buffer, 0, bw);
        g.drawImage(image, 0, 0);
        Arrays.fill(buffer, 0);
        rasterDirty = false;
    }

    @Override
    public void setStroke(Color colour, double width) {
        stroke = colour;
        g.setStroke(colour);
        g.setLineWidth(width);
    }

    @Override
    public void setFill(Color colour) {
        g.setFill(colour);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        flush();
        g.strokeLine(x1, y1, x2, y2);
    }

    @Override
    public void rect(double x, double y, double w, double h, boolean fill) {
        flush();
        if (fill) {
            g.fillRect(x, y, w, h);
        } else {
            g.strokeRect(x, y, w, h);
        }
    }

    @Override
    public void circle(double x, double y, double r) {
        flush();
        g.fillOval(x - r, y - r, 2 * r, 2 * r);
    }

    @Override
    public void polygon(double[] xs, double[] ys, int n) {
        flush();
        g.fillPolygon(xs, ys, n);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        flush();
        g.strokePolyline(xs, ys, n);
    }

    @Override
    public void text(String s, double x, double y, Align align, double size) {
        flush();
        g.setFont(Font.font(size));
        g.setTextAlign(align == Align.LEFT ? TextAlignment.LEFT : align == Align.RIGHT ? TextAlignment.RIGHT
                : TextAlignment.CENTER);
        g.fillText(s, x, y);
    }

    @Override
    public void beginPath() {
        if (buffer == null) {
            buffer = new int[bw * bh];
        }
    }

    @Override
    public void moveTo(double x, double y) {
        cx = x;
        cy = y;
    }

    @Override
    public void lineTo(double x, double y) {
        if (buffer == null) {
            beginPath();
        }
        segment(cx, cy, x, y);
        cx = x;
        cy = y;
        rasterDirty = true;
    }

    @Override
    public void strokePath() {
        // segments are rasterised as they are added
    }

    /**
     * Xiaolin Wu's line: step along the major axis; the two pixels straddling the line share the coverage
     * (1 - frac, frac), each blended as premultiplied "source over" with 8-bit integer arithmetic.
     */
    private void segment(double x0, double y0, double x1, double y1) {
        int a = (int) Math.round(stroke.getOpacity() * 256);
        int r = (int) Math.round(stroke.getRed() * 255);
        int gr = (int) Math.round(stroke.getGreen() * 255);
        int b = (int) Math.round(stroke.getBlue() * 255);
        boolean steep = Math.abs(y1 - y0) > Math.abs(x1 - x0);
        if (steep) {
            double t = x0;
            x0 = y0;
            y0 = t;
            t = x1;
            x1 = y1;
            y1 = t;
        }
        if (x0 > x1) {
            double t = x0;
            x0 = x1;
            x1 = t;
            t = y0;
            y0 = y1;
            y1 = t;
        }
        double dx = x1 - x0;
        double gradient = dx == 0 ? 1 : (y1 - y0) / dx;
        int xs = Math.max(0, (int) Math.round(x0));
        int xe = Math.min((steep ? bh : bw) - 1, (int) Math.round(x1));
        int limit = steep ? bw - 1 : bh - 1;
        double y = y0 + gradient * (xs - x0);
        if (!antialias) {
            // constant coverage: the premultiplied source and 1 - alpha are the same for every pixel
            int src = (Math.min(255, a) << 24) | (((r * a) >> 8) << 16) | (((gr * a) >> 8) << 8) | ((b * a) >> 8);
            int inv = 256 - a;
            int[] buf = buffer;
            for (int x = xs; x <= xe; x++, y += gradient) {
                int yi = (int) (y + 0.5);
                if (yi >= 0 && yi <= limit) {
                    int i = steep ? yi + x * bw : yi * bw + x;
                    int d = buf[i];
                    buf[i] = src + (((((d & 0x00ff00ff) * inv) >>> 8) & 0x00ff00ff)
                            | ((((d >>> 8) & 0x00ff00ff) * inv) & 0xff00ff00));
                }
            }
            return;
        }
        for (int x = xs; x <= xe; x++, y += gradient) {
            int yi = (int) Math.floor(y);
            int f = (int) ((y - yi) * 256);
            if (yi >= 0 && yi <= limit) {
                blend(steep ? yi + x * bw : yi * bw + x, (a * (256 - f)) >> 8, r, gr, b);
            }
            if (yi + 1 >= 0 && yi + 1 <= limit) {
                blend(steep ? yi + 1 + x * bw : (yi + 1) * bw + x, (a * f) >> 8, r, gr, b);
            }
        }
    }

    /** dst = src * sa + dst * (1 - sa), premultiplied ARGB, {@code sa} in 0..256. */
    private void blend(int i, int sa, int r, int g2, int b) {
        if (sa <= 0) {
            return;
        }
        int d = buffer[i];
        int inv = 256 - sa;
        int rb = (((d & 0x00ff00ff) * inv) >>> 8) & 0x00ff00ff;
        int ag = (((d >>> 8) & 0x00ff00ff) * inv) & 0xff00ff00;
        int src = (Math.min(255, sa) << 24) | (((r * sa) >> 8) << 16) | (((g2 * sa) >> 8) << 8) | ((b * sa) >> 8);
        buffer[i] = src + (rb | ag);
    }
}
