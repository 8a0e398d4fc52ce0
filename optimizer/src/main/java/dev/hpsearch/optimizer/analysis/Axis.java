package dev.hpsearch.optimizer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.Transformation;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.List;

/**
 * How one hyperparameter (or the loss) is laid out on a plot axis: a numeric range on a linear or log10
 * scale, or evenly spaced categories. {@link #position} maps a value to [0, 1].
 *
 * @param name   axis title
 * @param kind   linear, log or categorical
 * @param min    smallest value (numeric axes)
 * @param max    largest value (numeric axes)
 * @param levels category labels in order (categorical axes); empty otherwise
 */
public record Axis(String name, Kind kind, double min, double max, List<String> levels) {
    /** Axis scales. */
    public enum Kind { LINEAR, LOG, CATEGORICAL }

    public Axis {
        levels = List.copyOf(levels);
    }

    /** The axis of a hyperparameter from the model config: its bounds and transformation. */
    public static Axis of(Hyperparameter h) {
        if (h.isCategorical()) {
            List<String> levels = new ArrayList<>();
            for (JsonNode v : h.values()) {
                levels.add(ResultTable.text(v));
            }
            return new Axis(h.name(), Kind.CATEGORICAL, 0, Math.max(1, levels.size() - 1), levels);
        }
        return new Axis(h.name(), h.transformation() == Transformation.LOG ? Kind.LOG : Kind.LINEAR, h.lower(),
                h.upper(), List.of());
    }

    /**
     * An axis inferred from the values alone (a table without its model config): numeric when every value
     * is a number, log when all are positive and span more than two orders of magnitude; else categorical in
     * order of first appearance.
     */
    public static Axis infer(String name, List<JsonNode> values) {
        boolean numeric = !values.isEmpty();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (JsonNode v : values) {
            if (v.isNull()) {
                continue; // a conditional hyperparameter that did not exist: no position on any axis
            }
            if (!v.isNumber()) {
                numeric = false;
                break;
            }
            lo = Math.min(lo, v.asDouble());
            hi = Math.max(hi, v.asDouble());
        }
        if (numeric) {
            if (hi == lo) {
                hi = lo + 1;
            }
            boolean log = lo > 0 && hi / lo > 100;
            return new Axis(name, log ? Kind.LOG : Kind.LINEAR, lo, hi, List.of());
        }
        List<String> levels = new ArrayList<>();
        for (JsonNode v : values) {
            String s = ResultTable.text(v);
            if (!v.isNull() && !levels.contains(s)) {
                levels.add(s);
            }
        }
        return new Axis(name, Kind.CATEGORICAL, 0, Math.max(1, levels.size() - 1), levels);
    }

    /** A numeric axis for the loss, log when all values are positive and span more than two orders. */
    public static Axis forLoss(double lo, double hi, boolean preferLog) {
        if (!(lo <= hi)) {
            lo = 0;
            hi = 1;
        }
        boolean log = preferLog && lo > 0;
        if (hi == lo) {
            hi = log ? lo * 10 : lo + 1;
        }
        return new Axis("loss", log ? Kind.LOG : Kind.LINEAR, lo, hi, List.of());
    }

    public boolean isCategorical() {
        return kind == Kind.CATEGORICAL;
    }

    /** Position of a value on the axis in [0, 1]; NaN when the value does not fit (unknown category, text). */
    public double position(JsonNode v) {
        if (kind == Kind.CATEGORICAL) {
            int i = levels.indexOf(ResultTable.text(v));
            return i < 0 ? Double.NaN : levels.size() == 1 ? 0.5 : (double) i / (levels.size() - 1);
        }
        return v.isNumber() ? position(v.asDouble()) : Double.NaN;
    }

    /** Position of a number: {@code (t(x) - t(min)) / (t(max) - t(min))}, t = log10 on log axes. */
    public double position(double x) {
        if (kind == Kind.LOG) {
            if (!(x > 0)) {
                return Double.NaN;
            }
            return (Math.log10(x) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
        }
        return (x - min) / (max - min);
    }

    /** The value at a position (inverse of {@link #position(double)}); numeric axes only. */
    public double valueAt(double p) {
        if (kind == Kind.LOG) {
            return Math.pow(10, Math.log10(min) + p * (Math.log10(max) - Math.log10(min)));
        }
        return min + p * (max - min);
    }

    /** Tick positions and labels: categories, or about five round numbers (powers of ten on log axes). */
    public List<Tick> ticks() {
        List<Tick> out = new ArrayList<>();
        if (kind == Kind.CATEGORICAL) {
            for (int i = 0; i < levels.size(); i++) {
                out.add(new Tick(levels.size() == 1 ? 0.5 : (double) i / (levels.size() - 1), levels.get(i)));
            }
            return out;
        }
        if (kind == Kind.LOG) {
            int a = (int) Math.floor(Math.log10(min));
            int b = (int) Math.ceil(Math.log10(max));
            int step = Math.max(1, (b - a) / 6);
            for (int e = a; e <= b; e += step) {
                double p = position(Math.pow(10, e));
                if (p >= -1e-9 && p <= 1 + 1e-9) {
                    out.add(new Tick(p, format(Math.pow(10, e))));
                }
            }
            if (out.size() < 2) {
                out.add(new Tick(0, format(min)));
                out.add(new Tick(1, format(max)));
            }
            return out;
        }
        double range = max - min;
        double rough = range / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(rough)));
        double step = rough / mag < 1.5 ? mag : rough / mag < 3.5 ? 2 * mag : rough / mag < 7.5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            out.add(new Tick(position(v), format(v)));
        }
        return out;
    }

    /** A tick's label: the one short form of a number for people ({@link Numbers#display}). */
    public static String format(double v) {
        return Numbers.display(v);
    }

    /** One tick: position in [0, 1] and label. */
    public record Tick(double position, String label) {
    }
}
