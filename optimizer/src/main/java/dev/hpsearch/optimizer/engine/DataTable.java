package dev.hpsearch.optimizer.engine;

import dev.hpsearch.optimizer.text.AtomicFiles;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.table.TableCells;
import dev.hpsearch.optimizer.table.TableColumns;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Writes {@code hp_search_data.txt}: tab-separated, one row per combination, with the seed's columns
 * (combination_id, job_id, job_time, previous_results_count, search_type, is_queued, model_config_path, loss,
 * one column per hyperparameter) followed by status, failure_reason, failure_class, attempts, where and how
 * each run ran ({@link TableColumns#PROVENANCE}), {@code replicate_of} when the search has replicates, and the
 * extra metrics. The file is
 * replaced atomically (temporary file, then rename), so a reader never sees half a file. Every cell, header
 * included, is written through {@link TableCells#escape}, so no value can add a column or a line.
 */
public final class DataTable {
    public static final String FILE_NAME = TableColumns.FILE_NAME;
    public static final List<String> SEED_COLUMNS = TableColumns.SEED;
    /** Put before a metric's name when the name is taken by another column. */
    static final String METRIC_PREFIX = "metric_";

    private DataTable() {
    }

    /** The table as text. */
    public static String render(SearchState state, SearchSpace space, Path searchDir) {
        List<String> metrics = state.metricNames();
        StringBuilder sb = new StringBuilder(256 + state.trials().size() * 160);
        List<String> header = new ArrayList<>(SEED_COLUMNS);
        for (Hyperparameter h : space.hyperparameters()) {
            header.add(h.name());
        }
        header.addAll(TableColumns.AFTER_HYPERPARAMETERS);
        header.addAll(TableColumns.PROVENANCE);
        boolean replicates = state.trials().stream().anyMatch(TrialRecord::isReplicate);
        if (replicates) {
            header.add(TableColumns.REPLICATE_OF);
        }
        header.addAll(metricColumns(header, metrics));
        sb.append(String.join("\t", header.stream().map(TableCells::escape).toList())).append('\n');
        for (TrialRecord t : state.trials()) {
            sb.append(t.id()).append('\t');
            sb.append(t.jobId() == null ? "" : TableCells.escape(t.jobId())).append('\t');
            sb.append(Double.isFinite(t.runtimeSeconds())
                    ? String.format(Locale.ROOT, "%.4f", t.runtimeSeconds() / 60.0) : "").append('\t');
            sb.append(t.previousResultsCount()).append('\t');
            sb.append(TableCells.escape(t.searchType())).append('\t');
            sb.append(t.attempts() > 0 ? "True" : "False").append('\t');
            // an imported row ran in an earlier search: it has no folder here (its source is in failure_reason)
            sb.append(t.status() == TrialStatus.IMPORTED ? ""
                    : TableCells.escape(SearchFolder.inputJson(searchDir, t.id()).toString())).append('\t');
            sb.append(t.loss() == null ? "" : Double.toString(t.loss()));
            for (JsonNode v : t.combination().values()) {
                sb.append('\t').append(TableCells.escape(v.isTextual() ? v.asText() : v.toString()));
            }
            sb.append('\t').append(t.status().key());
            // journals of earlier versions may hold a remark beside an ok result: a row never says ok with a failure
            sb.append('\t').append(t.reason() == null || t.status() == TrialStatus.OK ? "" : TableCells.escape(t.reason()));
            sb.append('\t').append(t.failureClass() == null || t.status() == TrialStatus.OK ? "" : t.failureClass().key());
            sb.append('\t').append(t.attempts());
            Map<String, String> provenance = t.provenance().cells();
            for (String c : TableColumns.PROVENANCE) {
                sb.append('\t').append(TableCells.escape(provenance.getOrDefault(c, "")));
            }
            if (replicates) {
                sb.append('\t').append(t.isReplicate() ? Integer.toString(t.replicateOf()) : "");
            }
            for (String m : metrics) {
                Double v = t.metrics().get(m);
                sb.append('\t').append(v == null ? "" : Double.toString(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes the table atomically into the search folder. */
    public static void write(SearchState state, SearchSpace space, Path searchDir) throws IOException {
        Path target = searchDir.resolve(FILE_NAME);
        Path tmp = searchDir.resolve("." + FILE_NAME + ".tmp");
        Files.writeString(tmp, render(state, space, searchDir), StandardCharsets.UTF_8);
        AtomicFiles.replace(tmp, target);
    }

    /**
     * The column names of the metrics: a metric named like a column already in the header (a script may well
     * report "loss" or "status") gets {@value #METRIC_PREFIX} in front, as often as needed, so that every
     * column name is unique and the table's own columns keep their meaning.
     */
    static List<String> metricColumns(List<String> taken, List<String> metrics) {
        Set<String> used = new HashSet<>(taken);
        List<String> out = new ArrayList<>(metrics.size());
        for (String m : metrics) {
            String name = m;
            while (!used.add(name)) {
                name = METRIC_PREFIX + name;
            }
            out.add(name);
        }
        return out;
    }
}
