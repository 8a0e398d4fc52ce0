package dev.hpsearch.app.gui.common;

import java.util.Arrays;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A premultiplied ARGB pixel buffer that one-pixel lines are blended into ("source over"), for plots with
 * tens of thousands of segments: the canvas strokes such paths far too slowly with the software pipeline.
 * The buffer and the image it is copied into are allocated once and reused by every redraw of one size.
 *
 * <p>Plain lines may be drawn by several threads at once into disjoint row ranges; everything else belongs
 * to one thread. Plain lines take coordinates in 16.16 fixed point ({@link #FIXED_ONE} = one pixel) and step with
 * integers; anti-aliased lines (Xiaolin Wu) take doubles and cost about twice as much.
 */
public final class LineRaster {
    /** One pixel in the fixed-point coordinates of {@link #line}. */
    public static final int FIXED_ONE = 1 << 16;
    private static final int HALF = FIXED_ONE >> 1;

    private final int width;
    private final int height;
    private final int[] pixels;
    private WritableImage image;
    private boolean dirty;
    // current colour, 8-bit components, alpha in 0..256
    private int alpha;
    private int red;
    private int green;
    private int blue;
    private Ink ink = Ink.of(Color.BLACK);

    public LineRaster(int width, int height) {
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("raster size must be positive: " + width + " x " + height);
        }
        this.width = width;
        this.height = height;
        this.pixels = new int[width * height];
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** Whether anything was drawn since the last {@link #clear}. */
    public boolean isDirty() {
        return dirty;
    }

    /** The colour (with its opacity) of the lines drawn next. */
    public void setColour(Color c) {
        alpha = (int) Math.round(c.getOpacity() * 256);
        red = (int) Math.round(c.getRed() * 255);
        green = (int) Math.round(c.getGreen() * 255);
        blue = (int) Math.round(c.getBlue() * 255);
        ink = Ink.of(c);
    }

    /**
     * A colour ready for plain lines: premultiplied ARGB and 256 - alpha, constant for every pixel of the
     * colour.
     */
    public record Ink(int source, int inverse) {
        public static Ink of(Color c) {
            int a = (int) Math.round(c.getOpacity() * 256);
            int r = (int) Math.round(c.getRed() * 255);
            int g = (int) Math.round(c.getGreen() * 255);
            int b = (int) Math.round(c.getBlue() * 255);
            return new Ink((Math.min(255, a) << 24) | (((r * a) >> 8) << 16) | (((g * a) >> 8) << 8) | ((b * a) >> 8),
                    256 - a);
        }
    }

    /** Converts a coordinate in pixels to the fixed point of {@link #line}, saturating far outside the raster. */
    public static int fixed(double v) {
        double f = v * FIXED_ONE;
        return f >= Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : f <= Integer.MIN_VALUE / 2 ? Integer.MIN_VALUE / 2
                : (int) Math.round(f);
    }

    /**
     * A plain line from (x0, y0) to (x1, y1), coordinates in 16.16 fixed point: one pixel per step along the
     * major axis, the pixel nearest the line on the minor one.
     */
    public void line(int x0, int y0, int x1, int y1) {
        dirty = true;
        line(ink, x0, y0, x1, y1, 0, height);
    }

    /**
     * The part of a plain line in {@code ink} in rows {@code rowFrom} (inclusive) to {@code rowTo} (exclusive).
     * Threads may draw into disjoint row ranges at the same time; a pixel gets the same value as from
     * {@link #line(int, int, int, int)}. Call {@link #markDrawn} once afterwards on the owning thread.
     */
    public void line(Ink ink, int x0, int y0, int x1, int y1, int rowFrom, int rowTo) {
        int src = ink.source();
        int inv = ink.inverse();
        if (Math.abs((long) y1 - y0) > Math.abs((long) x1 - x0)) {
            // steep: step along y; a step moves one row (width pixels), the minor axis one pixel
            run(y0, x0, y1, x1, Math.max(0, rowFrom), Math.min(height, rowTo), 0, width, width, 1, src, inv);
        } else {
            run(x0, y0, x1, y1, 0, width, Math.max(0, rowFrom), Math.min(height, rowTo), 1, width, src, inv);
        }
    }

    /** Records that lines were drawn through {@link #line(Ink, int, int, int, int, int, int)}. */
    public void markDrawn() {
        dirty = true;
    }

    /**
     * Steps along the major axis a from a0 to a1 (fixed point) with the minor coordinate b following the line,
     * drawing the pixels with aMin <= a < aMax and bMin <= b < bMax; pixel (a, b) is at a * aStride + b * bStride.
     */
    private void run(int a0, int b0, int a1, int b1, int aMin, int aMax, int bMin, int bMax, int aStride,
                     int bStride, int src, int inv) {
        if (a0 > a1) {
            int t = a0;
            a0 = a1;
            a1 = t;
            t = b0;
            b0 = b1;
            b1 = t;
        }
        long da = (long) a1 - a0;
        // gradient = db / da in 16.16; |gradient| <= 1 because a is the major axis
        long gradient = da == 0 ? 0 : (((long) b1 - b0) << 16) / da;
        // pixel centres of the major axis covered: round(a0) .. round(a1), clipped to the raster
        int first = (int) Math.max(aMin, ((long) a0 + HALF) >> 16);
        int last = (int) Math.min(aMax - 1, ((long) a1 + HALF) >> 16);
        if (first > last) {
            return;
        }
        // b at the first pixel centre: b0 + gradient * (first - a0), kept with +0.5 so that >> 16 rounds
        long b = b0 + ((gradient * (((long) first << 16) - a0)) >> 16) + HALF;
        long bLast = b + gradient * (last - first);
        int[] buf = pixels;
        long bLow = Math.min(b, bLast) >> 16;
        long bHigh = Math.max(b, bLast) >> 16;
        if (bHigh < bMin || bLow >= bMax) {
            return;
        }
        if (bLow >= bMin && bHigh < bMax) {
            // inside the raster: no per-pixel bounds test; one loop per orientation so that the strides are
            // constants (a steep line moves one row per step, a shallow one a pixel)
            int bf = (int) b;
            int g = (int) gradient;
            if (bStride == 1) {
                int w = aStride;
                for (int base = first * w, end = last * w; base <= end; base += w, bf += g) {
                    int i = base + (bf >> 16);
                    int d = buf[i];
                    // dst = src + dst * (1 - alpha), red/blue and alpha/green lanes two at a time
                    buf[i] = src + (((((d & 0x00ff00ff) * inv) >>> 8) & 0x00ff00ff)
                            | ((((d >>> 8) & 0x00ff00ff) * inv) & 0xff00ff00));
                }
            } else {
                int w = bStride;
                for (int a = first; a <= last; a++, bf += g) {
                    int i = a + (bf >> 16) * w;
                    int d = buf[i];
                    buf[i] = src + (((((d & 0x00ff00ff) * inv) >>> 8) & 0x00ff00ff)
                            | ((((d >>> 8) & 0x00ff00ff) * inv) & 0xff00ff00));
                }
            }
            return;
        }
        for (int a = first; a <= last; a++, b += gradient) {
            long row = b >> 16;
            if (row >= bMin && row < bMax) {
                int i = a * aStride + (int) row * bStride;
                int d = buf[i];
                buf[i] = src + (((((d & 0x00ff00ff) * inv) >>> 8) & 0x00ff00ff)
                        | ((((d >>> 8) & 0x00ff00ff) * inv) & 0xff00ff00));
            }
        }
    }

    /**
     * An anti-aliased line (Xiaolin Wu): steps along the major axis; the two pixels straddling the line share
     * the coverage (1 - frac, frac).
     */
    public void smoothLine(double x0, double y0, double x1, double y1) {
        dirty = true;
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
        int xe = Math.min((steep ? height : width) - 1, (int) Math.round(x1));
        int limit = steep ? width - 1 : height - 1;
        double y = y0 + gradient * (xs - x0);
        for (int x = xs; x <= xe; x++, y += gradient) {
            int yi = (int) Math.floor(y);
            int f = (int) ((y - yi) * 256);
            if (yi >= 0 && yi <= limit) {
                blend(steep ? yi + x * width : yi * width + x, (alpha * (256 - f)) >> 8);
            }
            if (yi + 1 >= 0 && yi + 1 <= limit) {
                blend(steep ? yi + 1 + x * width : (yi + 1) * width + x, (alpha * f) >> 8);
            }
        }
    }

    /** dst = src * sa + dst * (1 - sa), premultiplied ARGB, {@code sa} in 0..256. */
    private void blend(int i, int sa) {
        if (sa <= 0) {
            return;
        }
        int d = pixels[i];
        int inv = 256 - sa;
        int rb = (((d & 0x00ff00ff) * inv) >>> 8) & 0x00ff00ff;
        int ag = (((d >>> 8) & 0x00ff00ff) * inv) & 0xff00ff00;
        int src = (Math.min(255, sa) << 24) | (((red * sa) >> 8) << 16) | (((green * sa) >> 8) << 8) | ((blue * sa) >> 8);
        pixels[i] = src + (rb | ag);
    }

    /**
     * Copies the buffer into an image of the raster's size. With {@code reuse} the same image is returned by
     * every call (draw it once per frame); otherwise a new one.
     */
    public WritableImage toImage(boolean reuse) {
        WritableImage target = reuse && image != null ? image : new WritableImage(width, height);
        if (reuse) {
            image = target;
        }
        target.getPixelWriter().setPixels(0, 0, width, height, PixelFormat.getIntArgbPreInstance(), pixels, 0, width);
        return target;
    }

    /** Makes every pixel transparent. */
    public void clear() {
        if (dirty) {
            Arrays.fill(pixels, 0);
            dirty = false;
        }
    }

    /** The premultiplied ARGB value of a pixel (for tests). */
    int pixel(int x, int y) {
        return pixels[y * width + x];
    }
}
