package dev.hpsearch.optimizer.text;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;

/**
 * The one way a number is written for people: in the headline, tables, plot ticks and exports. A short form
 * keeps four significant digits and switches to an exponent for very small or very large magnitudes, so that
 * 7.8e-06 is never shown as "7.79988…"; the full form keeps every digit the double has, for tooltips and copy.
 */
public final class Numbers {
    private Numbers() {
    }

    /** Four significant digits; an exponent when the rounded |v| is below 0.001 or
     * at least 10000 (so that no digit shown is a made-up zero); no trailing zeros. */
    public static String display(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(4));
        double a = Math.abs(rounded.doubleValue());
        if (a < 1e-3 || a >= 1e4) {
            String s = String.format(Locale.ROOT, "%.3e", v);
            int e = s.indexOf('e');
            return trimZeros(s.substring(0, e)) + s.substring(e);
        }
        return trimZeros(rounded.toPlainString());
    }

    /** Every digit needed to read the same double back (shortest round trip), exponent in lower case. */
    public static String full(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return display(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        String s = Double.toString(v);
        int e = s.indexOf('E');
        return e < 0 ? s : s.substring(0, e) + "e" + s.substring(e + 1);
    }

    /** A JSON value (a hyperparameter's setting) in short form: numbers as {@link #display}, text as is. */
    public static String display(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.asText() : display(v.doubleValue());
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** A JSON value in full: numbers as {@link #full}, text as is. */
    public static String full(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return "";
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.asText() : full(v.doubleValue());
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    private static String trimZeros(String s) {
        if (!s.contains(".")) {
            return s;
        }
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }
}
