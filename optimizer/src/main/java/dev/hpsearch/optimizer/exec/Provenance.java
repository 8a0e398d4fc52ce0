package dev.hpsearch.optimizer.exec;

import dev.hpsearch.optimizer.table.TableColumns;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where and how one run of a combination ran: a record for the journal and the extra columns of
 * {@code hp_search_data.txt}. Each field is {@code null} when its source does not say (docs/decisions/0015 lists
 * which source gives which field).
 *
 * @param nodes         Slurm's node list, or this machine's host name for a local run
 * @param state         Slurm's final state ({@code COMPLETED}, {@code FAILED}...), or the local executor's
 * @param exitCode      Slurm's {@code code:signal}, or the local process's exit code
 * @param elapsedSeconds wall-clock time of the run
 * @param cpuSeconds    CPU time (user + system) of the run and its children
 * @param maxRssBytes   peak resident memory
 * @param usageFrom     where the figures came from: {@code sacct}, {@code scontrol}, {@code jobcomp} (sacct -c),
 *                      or {@code local}
 * @param scriptSha256  SHA-256 of the analysis script as it ran (hex)
 * @param inputSha256   SHA-256 of the input.json the run read (on a cluster: the cluster's copy)
 * @param version       the hpsearch version that ran the search
 */
public record Provenance(String nodes, String state, String exitCode, Double elapsedSeconds, Double cpuSeconds,
                         Long maxRssBytes, String usageFrom, String scriptSha256, String inputSha256,
                         String version) {

    /** Column names in hp_search_data.txt, also the keys of the journal's {@code provenance} object, in order. */
    public static final List<String> COLUMNS = TableColumns.PROVENANCE;

    /** Nothing known. */
    public static final Provenance NONE = new Provenance(null, null, null, null, null, null, null, null, null, null);

    public Provenance withVersion(String v) {
        return new Provenance(nodes, state, exitCode, elapsedSeconds, cpuSeconds, maxRssBytes, usageFrom, scriptSha256,
                inputSha256, v);
    }

    public Provenance withDigests(String script, String input) {
        return new Provenance(nodes, state, exitCode, elapsedSeconds, cpuSeconds, maxRssBytes, usageFrom, script, input,
                version);
    }

    /** Whether any field is known. */
    public boolean isEmpty() {
        return cells().values().stream().allMatch(String::isEmpty);
    }

    /**
     * The fields as table cells, keyed by {@link #COLUMNS} (empty text for what is not known): seconds with up to
     * three decimals, memory in MiB with one.
     */
    public Map<String, String> cells() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("run_nodes", text(nodes));
        m.put("run_state", text(state));
        m.put("run_exit_code", text(exitCode));
        m.put("run_elapsed_s", number(elapsedSeconds, "%.3f"));
        m.put("run_cpu_s", number(cpuSeconds, "%.3f"));
        m.put("run_max_rss_mb", maxRssBytes == null ? "" : number(maxRssBytes / 1048576.0, "%.1f"));
        m.put("run_usage_from", text(usageFrom));
        m.put("script_sha256", text(scriptSha256));
        m.put("input_sha256", text(inputSha256));
        m.put("hpsearch_version", text(version));
        return m;
    }

    /** The journal's key for the exact peak memory in bytes (the table's MiB are rounded). */
    public static final String RSS_BYTES_KEY = "run_max_rss_bytes";

    /** {@link #cells()} plus the exact peak memory, for the journal. */
    public Map<String, String> journalCells() {
        Map<String, String> m = cells();
        m.put(RSS_BYTES_KEY, maxRssBytes == null ? "" : maxRssBytes.toString());
        return m;
    }

    /**
     * Reads the cells written by {@link #cells()} or {@link #journalCells()} back (a table row or a journal object);
     * unknown keys are ignored.
     */
    public static Provenance fromCells(Map<String, String> c) {
        Double bytes = parse(c.get(RSS_BYTES_KEY));
        Double mb = bytes != null ? Double.valueOf(bytes / 1048576.0) : parse(c.get("run_max_rss_mb"));
        return new Provenance(blank(c.get("run_nodes")), blank(c.get("run_state")), blank(c.get("run_exit_code")),
                parse(c.get("run_elapsed_s")), parse(c.get("run_cpu_s")),
                bytes != null ? Long.valueOf(bytes.longValue()) : mb == null ? null : Math.round(mb * 1048576.0), blank(c.get("run_usage_from")),
                blank(c.get("script_sha256")), blank(c.get("input_sha256")), blank(c.get("hpsearch_version")));
    }

    /** The SHA-256 of a file in hex, or {@code null} when it cannot be read (it is not a regular file, say). */
    public static String sha256(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = digest();
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            return null;
        }
    }

    /** The SHA-256 of bytes in hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    private static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String blank(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String number(Double d, String format) {
        if (d == null || !Double.isFinite(d)) {
            return "";
        }
        String s = String.format(Locale.ROOT, format, d);
        // 12.500 -> 12.5, 3.000 -> 3: shorter cells, same value
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "");
            s = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        }
        return s;
    }

    private static Double parse(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        try {
            return Double.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
