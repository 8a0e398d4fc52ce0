package dev.hpsearch.optimizer.text;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Says in plain words what is wrong with a JSON text. The JSON library's own messages name its features,
 * token types and classes ({@code FAIL_ON_TRAILING_TOKENS}, {@code START_OBJECT}); a user needs the place and
 * what to write instead.
 */
public final class JsonErrors {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'", Pattern.DOTALL);
    private static final Pattern UNEXPECTED_CHAR = Pattern.compile("Unexpected character \\('(.*?)' \\(code (\\d+)");
    private static final Pattern UNRECOGNIZED = Pattern.compile("Unrecognized token '(.*?)'", Pattern.DOTALL);
    private static final Pattern NON_STANDARD = Pattern.compile("Non-standard token '(.*?)'");
    private static final Pattern CONTROL_CHAR = Pattern.compile("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern CONTROL_BETWEEN = Pattern.compile("Illegal character \\(\\(CTRL-CHAR, code (\\d+)\\)\\)");
    private static final Pattern INVALID_UTF8 = Pattern.compile("Invalid UTF-8 (?:start|middle) byte 0x([0-9a-fA-F]{1,2})");

    private JsonErrors() {
    }

    /** What is wrong and where: "at line 3, column 21: expected a comma between the entries of an object". */
    public static String describe(JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null || loc.getLineNr() < 1 ? ""
                : "at line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
        return where + what(e);
    }

    /** What is wrong, without the place. */
    public static String what(JsonProcessingException e) {
        String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
        Matcher g;
        if (e instanceof StreamConstraintsException) {
            if (m.startsWith("Number value length")) {
                return "a number is too long (more than 1000 digits)";
            }
            if (m.startsWith("Document nesting depth")) {
                return "lists and objects are nested too deeply";
            }
            if (m.startsWith("Name length")) {
                return "a key is too long";
            }
            return "a value is too long";
        }
        if (e instanceof JsonEOFException || m.startsWith("Unexpected end-of-input")) {
            return m.contains("in a comment") ? "the file ends inside a comment"
                    : m.contains("String value") || m.contains("VALUE_STRING") || m.contains("in field name")
                    ? "the file ends inside a string (a missing \")"
                    : "the file ends before the JSON is complete (a missing } or ]?)";
        }
        if ((g = DUPLICATE.matcher(m)).lookingAt()) {
            return "the key \"" + g.group(1) + "\" appears twice in the same object";
        }
        if (m.startsWith("Trailing token")) {
            return "there is more after the end of the JSON value (a stray } or ], or a second value)";
        }
        if ((g = CONTROL_CHAR.matcher(m)).lookingAt()) {
            int code = Integer.parseInt(g.group(1));
            return (code == 9 ? "a tab" : code == 10 ? "a line break" : code == 13 ? "a carriage return"
                    : String.format(java.util.Locale.ROOT, "the control character U+%04X", code))
                    + " inside a string; write it as an escape such as \\t or \\n, or remove it";
        }
        if ((g = CONTROL_BETWEEN.matcher(m)).lookingAt()) {
            return String.format(java.util.Locale.ROOT, "the control character U+%04X between values; remove it",
                    Integer.parseInt(g.group(1)));
        }
        if ((g = NON_STANDARD.matcher(m)).lookingAt()) {
            return g.group(1) + " is not allowed in JSON; write a number";
        }
        if (m.startsWith("Invalid UTF-8")) {
            g = INVALID_UTF8.matcher(m);
            return "not UTF-8 text" + (g.lookingAt() ? " (byte 0x" + g.group(1).toUpperCase(java.util.Locale.ROOT) + ")" : "")
                    + "; save the file as UTF-8";
        }
        if ((g = UNRECOGNIZED.matcher(m)).lookingAt()) {
            return "unrecognised word \"" + shorten(g.group(1)) + "\"; expected a value: text in double quotes, a"
                    + " number, true, false, a list [...] or an object {...}";
        }
        if (m.startsWith("Unexpected close marker")) {
            return "a closing bracket that does not match the open one";
        }
        if (m.contains("Leading zeroes not allowed")) {
            return "a number may not start with 0 (write 7, not 07)";
        }
        if (m.contains("expected digit") || m.contains("Decimal point not followed by a digit")
                || m.contains("Invalid numeric value")) {
            return "a number is not written as JSON writes numbers";
        }
        if ((g = UNEXPECTED_CHAR.matcher(m)).lookingAt()) {
            String c = printable(Integer.parseInt(g.group(2)), g.group(1));
            if (m.contains("comment")) {
                return "unexpected " + c + "; comments are not allowed in JSON";
            }
            if (m.contains("double-quote to start field name")) {
                return "unexpected " + c + "; expected a key in double quotes"
                        + (c.equals("'}'") ? " (a comma before the } ?)" : "");
            }
            if (m.contains("comma to separate Object entries")) {
                return "unexpected " + c + "; expected a comma between the entries of an object, or its closing }";
            }
            if (m.contains("comma to separate Array entries")) {
                return "unexpected " + c + "; expected a comma between the values of a list, or its closing ]";
            }
            if (m.contains("colon to separate field name and value")) {
                return "unexpected " + c + "; expected a colon after the key";
            }
            if (m.contains("single quotes") || g.group(2).equals("39")) {
                return "unexpected " + c + "; JSON text goes in double quotes";
            }
            return "unexpected " + c + "; expected a value: text in double quotes, a number, true, false, a list"
                    + " [...] or an object {...}";
        }
        if (m.contains("escape")) {
            return "a backslash in a string that starts no JSON escape (write \\\\ for a backslash)";
        }
        return "this is not valid JSON";
    }

    private static String printable(int code, String c) {
        if (code < 0x20 || code == 0x7f) {
            return String.format(java.util.Locale.ROOT, "character U+%04X", code);
        }
        return "'" + c + "'";
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
