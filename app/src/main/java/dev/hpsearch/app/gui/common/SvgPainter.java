package dev.hpsearch.app.gui.common;

import java.util.Locale;
import javafx.scene.paint.Color;

/** Writes the same drawing as SVG 1.1 text. */
public final class SvgPainter implements Painter {
    private final StringBuilder sb = new StringBuilder();
    private final StringBuilder path = new StringBuilder();
    private final String size;
    private String stroke = "#000000";
    private double strokeOpacity = 1;
    private double width = 1;
    private String fill = "#000000";
    private double fillOpacity = 1;

    public SvgPainter(double w, double h) {
        size = " width=\"" + n(w) + "\" height=\"" + n(h) + "\" viewBox=\"0 0 " + n(w) + ' ' + n(h)
                + "\" font-family=\"sans-serif\"";
    }

    /** The finished document. */
    public String toSvg() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" version=\"1.1\""
                + size + ">\n" + sb + "</svg>\n";
    }

    /**
     * The drawing as an {@code <svg>} element to put inside an HTML page: no XML declaration, and no namespace
     * (an HTML parser gives inline SVG its own), so the page names no address at all.
     *
     * @param label what the drawing shows, for screen readers
     */
    public String toInlineSvg(String label) {
        return "<svg role=\"img\" aria-label=\"" + escape(label) + "\"" + size + ">\n" + sb + "</svg>\n";
    }

    @Override
    public void setStroke(Color colour, double width) {
        this.stroke = hex(colour);
        this.strokeOpacity = colour.getOpacity();
        this.width = width;
    }

    @Override
    public void setFill(Color colour) {
        this.fill = hex(colour);
        this.fillOpacity = colour.getOpacity();
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        sb.append("<line x1=\"").append(n(x1)).append("\" y1=\"").append(n(y1)).append("\" x2=\"").append(n(x2))
                .append("\" y2=\"").append(n(y2)).append('"').append(strokeAttrs()).append("/>\n");
    }

    @Override
    public void rect(double x, double y, double w, double h, boolean filled) {
        sb.append("<rect x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" width=\"").append(n(w))
                .append("\" height=\"").append(n(h)).append('"')
                .append(filled ? fillAttrs() : strokeAttrs() + " fill=\"none\"").append("/>\n");
    }

    @Override
    public void circle(double cx, double cy, double r) {
        sb.append("<circle cx=\"").append(n(cx)).append("\" cy=\"").append(n(cy)).append("\" r=\"").append(n(r))
                .append('"').append(fillAttrs()).append("/>\n");
    }

    @Override
    public void polygon(double[] xs, double[] ys, int count) {
        sb.append("<polygon points=\"").append(points(xs, ys, count)).append('"').append(fillAttrs()).append("/>\n");
    }

    @Override
    public void polyline(double[] xs, double[] ys, int count) {
        sb.append("<polyline points=\"").append(points(xs, ys, count)).append("\" fill=\"none\"")
                .append(strokeAttrs()).append("/>\n");
    }

    @Override
    public void text(String s, double x, double y, Align align, double size) {
        String anchor = align == Align.LEFT ? "start" : align == Align.RIGHT ? "end" : "middle";
        sb.append("<text x=\"").append(n(x)).append("\" y=\"").append(n(y)).append("\" font-size=\"").append(n(size))
                .append("\" text-anchor=\"").append(anchor).append('"').append(fillAttrs()).append('>')
                .append(escape(s)).append("</text>\n");
    }

    @Override
    public void beginPath() {
        path.setLength(0);
    }

    @Override
    public void moveTo(double x, double y) {
        path.append('M').append(n(x)).append(' ').append(n(y));
    }

    @Override
    public void lineTo(double x, double y) {
        path.append('L').append(n(x)).append(' ').append(n(y));
    }

    @Override
    public void strokePath() {
        if (path.length() > 0) {
            sb.append("<path d=\"").append(path).append("\" fill=\"none\"").append(strokeAttrs()).append("/>\n");
        }
        path.setLength(0);
    }

    private String strokeAttrs() {
        return " stroke=\"" + stroke + "\" stroke-width=\"" + n(width) + "\""
                + (strokeOpacity < 1 ? " stroke-opacity=\"" + n(strokeOpacity) + "\"" : "");
    }

    private String fillAttrs() {
        return " fill=\"" + fill + "\"" + (fillOpacity < 1 ? " fill-opacity=\"" + n(fillOpacity) + "\"" : "");
    }

    private static String points(double[] xs, double[] ys, int count) {
        StringBuilder p = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                p.append(' ');
            }
            p.append(n(xs[i])).append(',').append(n(ys[i]));
        }
        return p.toString();
    }

    static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    private static String n(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.2f", v);
    }

    /** Text made safe for XML and HTML, in content and in attributes quoted with either quote. */
    public static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
