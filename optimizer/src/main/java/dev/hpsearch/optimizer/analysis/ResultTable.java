package dev.hpsearch.optimizer.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.table.TableCells;
import dev.hpsearch.optimizer.table.TableColumns;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The results of a search: hyperparameter names and one row per combination. Built from the rows of a live
 * search or parsed from an {@code hp_search_data.txt}, including files written by the original tool that have
 * only the seed's columns.
 */
public record ResultTable(List<String> hyperparameters, List<ResultRow> rows) {
    public ResultTable {
        hyperparameters = List.copyOf(hyperparameters);
        rows = List.copyOf(rows);
    }

    /**
     * Parses a tab-separated {@code hp_search_data.txt}. Columns after the seed's eight that are not status,
     * failure_reason or a known metric are hyperparameters; without a status column (the original tool) the
     * status is derived: a finite loss is ok, a non-finite one failed, no loss running or queued. Cells of this
     * tool's tables (those with a failure_reason column) are unescaped ({@link TableCells}); the original tool
     * escaped nothing, so its cells are read as they are. The provenance columns ({@link TableColumns#PROVENANCE})
     * are read from this tool's tables only: in the original tool's, a column of such a name is a hyperparameter.
     * In this tool's tables, the columns after status that are not the table's own are the script's metrics, and
     * {@code replicate_of} names the combination a replicate re-runs.
     *
     * @throws IllegalArgumentException if the header lacks combination_id or loss
     */
    public static ResultTable parse(String text) {
        String[] lines = text.split("\r?\n");
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new IllegalArgumentException("empty results table");
        }
        List<String> header = Arrays.asList(lines[0].split("\t", -1));
        boolean escaped = header.stream().anyMatch(h -> h.trim().equals("failure_reason"));
        if (escaped) {
            header = header.stream().map(TableCells::unescape).toList();
        }
        Map<String, Integer> col = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            col.putIfAbsent(header.get(i).trim(), i);
        }
        if (!col.containsKey("combination_id") || !col.containsKey("loss")) {
            throw new IllegalArgumentException("not an hp_search_data.txt: the header needs combination_id and loss, got "
                    + lines[0]);
        }
        // hyperparameters sit between loss and status (ours) or after loss until the end (the original tool)
        int first = col.get("loss") + 1;
        int end = col.containsKey("status") ? col.get("status") : header.size();
        List<Integer> hpColumns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = first; i < end; i++) {
            // the original tool knew no provenance columns: there, such a name is a hyperparameter's
            String h = header.get(i);
            boolean own = escaped ? TableColumns.isOwn(h)
                    : TableColumns.SEED.contains(h) || TableColumns.AFTER_HYPERPARAMETERS.contains(h);
            if (!own) {
                hpColumns.add(i);
                names.add(header.get(i));
            }
        }
        List<Integer> metricColumns = new ArrayList<>();
        if (escaped && col.containsKey("status")) {
            for (int i = col.get("status") + 1; i < header.size(); i++) {
                if (!TableColumns.isOwn(header.get(i))) {
                    metricColumns.add(i);
                }
            }
        }
        List<ResultRow> rows = new ArrayList<>();
        for (int r = 1; r < lines.length; r++) {
            if (lines[r].isBlank()) {
                continue;
            }
            String[] f = lines[r].split("\t", -1);
            if (escaped) {
                for (int i = 0; i < f.length; i++) {
                    f[i] = TableCells.unescape(f[i]);
                }
            }
            List<JsonNode> values = new ArrayList<>();
            for (int c : hpColumns) {
                values.add(value(get(f, c)));
            }
            Double loss = number(get(f, col.get("loss")));
            String status = col.containsKey("status") ? get(f, col.get("status")) : derivedStatus(loss, f, col);
            Double minutes = col.containsKey("job_time") ? number(get(f, col.get("job_time"))) : null;
            Map<String, String> provenance = new HashMap<>();
            for (String c : TableColumns.PROVENANCE) {
                if (escaped && col.containsKey(c)) {
                    provenance.put(c, get(f, col.get(c)));
                }
            }
            Map<String, Double> metrics = new LinkedHashMap<>();
            for (int c : metricColumns) {
                Double m = number(get(f, c));
                if (m != null) {
                    metrics.put(header.get(c), m);
                }
            }
            rows.add(new ResultRow(Integer.parseInt(get(f, col.get("combination_id")).trim()), status,
                    loss,
                    values, col.containsKey("job_id") ? get(f, col.get("job_id")) : "",
                    minutes == null ? Double.NaN : minutes * 60, col.containsKey("search_type") ? get(f, col.get("search_type")) : "",
                    col.containsKey("failure_reason") ? get(f, col.get("failure_reason")) : "",
                    col.containsKey("failure_class") ? get(f, col.get("failure_class")) : "",
                    Provenance.fromCells(provenance), metrics, replicateOf(f, col, escaped)));
        }
        return new ResultTable(names, rows);
    }

    /** The {@code replicate_of} cell of this tool's tables: the replicated combination, or {@code null}. */
    private static Integer replicateOf(String[] f, Map<String, Integer> col, boolean escaped) {
        Integer c = escaped ? col.get(TableColumns.REPLICATE_OF) : null;
        String cell = c == null ? "" : get(f, c).trim();
        return cell.matches("\\d{1,9}") ? Integer.valueOf(cell) : null;
    }

    private static String derivedStatus(Double loss, String[] f, Map<String, Integer> col) {
        if (loss != null) {
            return Double.isFinite(loss) ? "ok" : "failed";
        }
        boolean submitted = col.containsKey("is_queued") && get(f, col.get("is_queued")).equalsIgnoreCase("true");
        return submitted ? "running" : "queued";
    }

    private static String get(String[] f, int i) {
        return i < f.length ? f[i] : "";
    }

    private static Double number(String s) {
        String t = s.trim();
        if (t.isEmpty()) {
            return null;
        }
        String lower = t.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("nan")) {
            return Double.NaN;
        }
        if (lower.matches("[+-]?inf(inity)?")) {
            return lower.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * A cell as the JSON value the script saw: integers, decimals, booleans, else text; an empty cell is a
     * conditional hyperparameter that did not exist in that combination (JSON null, see decision 0026).
     */
    static JsonNode value(String cell) {
        if (cell.isEmpty()) {
            return NullNode.getInstance();
        }
        String t = cell.trim();
        if (t.matches("-?\\d{1,18}")) {
            long n = Long.parseLong(t);
            return n == (int) n ? IntNode.valueOf((int) n) : LongNode.valueOf(n);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return BooleanNode.valueOf(Boolean.parseBoolean(t));
        }
        try {
            double d = Double.parseDouble(t);
            if (!t.isEmpty() && Character.isDigit(t.charAt(t.length() - 1))) {
                return DoubleNode.valueOf(d);
            }
        } catch (NumberFormatException e) {
            // text
        }
        // untrimmed: a categorical value is the exact text the script was given
        return TextNode.valueOf(cell);
    }

    /** The names of the metrics any row has, in the order they first appear. */
    public List<String> metrics() {
        LinkedHashSet<String> names = new LinkedHashSet<>();
        for (ResultRow r : rows) {
            names.addAll(r.metrics().keySet());
        }
        return List.copyOf(names);
    }

    /**
     * The table as CSV (RFC 4180 quoting), the given rows only, hyperparameters and then metrics as columns.
     * Numbers keep every digit ({@link Numbers#full}): a CSV is read back by programs.
     */
    public String toCsv(List<ResultRow> selected) {
        StringBuilder sb = new StringBuilder();
        List<String> metrics = metrics();
        List<String> header = new ArrayList<>(List.of("combination_id", "status", "loss"));
        header.addAll(hyperparameters);
        header.addAll(List.of("job_id", "runtime_s", "search_type", "reason"));
        header.addAll(metrics);
        sb.append(String.join(",", header.stream().map(ResultTable::csv).toList())).append("\r\n");
        for (ResultRow r : selected) {
            List<String> cells = new ArrayList<>();
            cells.add(Integer.toString(r.id()));
            cells.add(r.status());
            cells.add(r.loss() == null ? "" : csvNumber(r.loss()));
            for (JsonNode v : r.values()) {
                cells.add(Numbers.full(v));
            }
            cells.add(r.jobId());
            cells.add(Double.isFinite(r.runtimeSeconds()) ? Numbers.full(r.runtimeSeconds()) : "");
            cells.add(r.searchType());
            cells.add(r.reason());
            for (String m : metrics) {
                Double v = r.metrics().get(m);
                cells.add(v == null ? "" : csvNumber(v));
            }
            sb.append(String.join(",", cells.stream().map(ResultTable::csv).toList())).append("\r\n");
        }
        return sb.toString();
    }

    /** A value as plain text (strings without quotes). */
    public static String text(JsonNode v) {
        if (v.isNull()) {
            return ""; // a conditional hyperparameter that did not exist
        }
        return v.isTextual() ? v.asText() : v.toString();
    }

    /** Every digit of a number; NaN and infinities as Java and Python read them back. */
    private static String csvNumber(double v) {
        return Double.isFinite(v) ? Numbers.full(v) : Double.toString(v);
    }

    private static String csv(String s) {
        if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
            return "\"" + s.replace("\"", "\"\"") + "\"";
        }
        return s;
    }
}
