package dev.hpsearch.app.gui.common;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import javafx.scene.paint.Color;

/** Passes every call on to another painter and writes it down, so two targets' drawings can be compared. */
public final class RecordingPainter implements Painter {
    private final Painter target;
    private final List<String> calls = new ArrayList<>();

    public RecordingPainter(Painter target) {
        this.target = target;
    }

    /** Every call so far, one line each, numbers rounded to a hundredth. */
    public List<String> calls() {
        return calls;
    }

    @Override
    public PlotColours colours() {
        return target.colours();
    }

    @Override
    public void setStroke(Color colour, double width) {
        record("stroke", colour, width);
        target.setStroke(colour, width);
    }

    @Override
    public void setFill(Color colour) {
        record("fill", colour);
        target.setFill(colour);
    }

    @Override
    public void line(double x1, double y1, double x2, double y2) {
        record("line", x1, y1, x2, y2);
        target.line(x1, y1, x2, y2);
    }

    @Override
    public void rect(double x, double y, double w, double h, boolean fill) {
        record("rect", x, y, w, h, fill);
        target.rect(x, y, w, h, fill);
    }

    @Override
    public void circle(double cx, double cy, double r) {
        record("circle", cx, cy, r);
        target.circle(cx, cy, r);
    }

    @Override
    public void polygon(double[] xs, double[] ys, int n) {
        record("polygon", Arrays.toString(Arrays.copyOf(xs, n)), Arrays.toString(Arrays.copyOf(ys, n)));
        target.polygon(xs, ys, n);
    }

    @Override
    public void polyline(double[] xs, double[] ys, int n) {
        record("polyline", Arrays.toString(Arrays.copyOf(xs, n)), Arrays.toString(Arrays.copyOf(ys, n)));
        target.polyline(xs, ys, n);
    }

    @Override
    public void text(String s, double x, double y, Align align, double size) {
        record("text", s, x, y, align, size);
        target.text(s, x, y, align, size);
    }

    @Override
    public void beginPath() {
        record("beginPath");
        target.beginPath();
    }

    @Override
    public void moveTo(double x, double y) {
        record("moveTo", x, y);
        target.moveTo(x, y);
    }

    @Override
    public void lineTo(double x, double y) {
        record("lineTo", x, y);
        target.lineTo(x, y);
    }

    @Override
    public void strokePath() {
        record("strokePath");
        target.strokePath();
    }

    private void record(String op, Object... args) {
        StringBuilder sb = new StringBuilder(op);
        for (Object a : args) {
            sb.append(' ').append(a instanceof Double d ? String.format(Locale.ROOT, "%.2f", d) : String.valueOf(a));
        }
        calls.add(sb.toString());
    }
}
