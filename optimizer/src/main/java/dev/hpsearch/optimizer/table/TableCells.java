package dev.hpsearch.optimizer.table;

/**
 * How a value is written into one cell of {@code hp_search_data.txt} so that it never splits a row or a line:
 * a backslash becomes {@code \\}, a tab {@code \t}, a line feed {@code \n}, a carriage return {@code \r}, and
 * any other control character {@code \}{@code uXXXX}. Everything else is written as it is, so ordinary values
 * (numbers, words, paths without backslashes) look the same as in the original tool's files.
 */
public final class TableCells {
    private TableCells() {
    }

    /** The cell text of a value; the result holds no tab, line feed, carriage return or control character. */
    public static String escape(String value) {
        int i = 0;
        while (i < value.length() && value.charAt(i) != '\\' && !TableColumns.isUnprintable(value.charAt(i))) {
            i++;
        }
        if (i == value.length()) {
            return value;
        }
        StringBuilder sb = new StringBuilder(value.length() + 8).append(value, 0, i);
        for (; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\':
                    sb.append("\\\\");
                    break;
                case '\t':
                    sb.append("\\t");
                    break;
                case '\n':
                    sb.append("\\n");
                    break;
                case '\r':
                    sb.append("\\r");
                    break;
                default:
                    if (TableColumns.isUnprintable(c)) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                    break;
            }
        }
        return sb.toString();
    }

    /**
     * The value a cell written by {@link #escape} stands for. A backslash that starts no known escape is kept
     * as it is, so a hand-edited cell is read rather than refused.
     */
    public static String unescape(String cell) {
        int i = cell.indexOf('\\');
        if (i < 0) {
            return cell;
        }
        StringBuilder sb = new StringBuilder(cell.length()).append(cell, 0, i);
        while (i < cell.length()) {
            char c = cell.charAt(i);
            if (c != '\\' || i + 1 == cell.length()) {
                sb.append(c);
                i++;
                continue;
            }
            char next = cell.charAt(i + 1);
            switch (next) {
                case '\\':
                    sb.append('\\');
                    i += 2;
                    break;
                case 't':
                    sb.append('\t');
                    i += 2;
                    break;
                case 'n':
                    sb.append('\n');
                    i += 2;
                    break;
                case 'r':
                    sb.append('\r');
                    i += 2;
                    break;
                case 'u':
                    int code = hex4(cell, i + 2);
                    if (code >= 0) {
                        sb.append((char) code);
                        i += 6;
                    } else {
                        sb.append(c);
                        i++;
                    }
                    break;
                default:
                    sb.append(c);
                    i++;
                    break;
            }
        }
        return sb.toString();
    }

    private static int hex4(String s, int from) {
        if (from + 4 > s.length()) {
            return -1;
        }
        int code = 0;
        for (int k = from; k < from + 4; k++) {
            int d = Character.digit(s.charAt(k), 16);
            if (d < 0) {
                return -1;
            }
            code = code * 16 + d;
        }
        return code;
    }
}
