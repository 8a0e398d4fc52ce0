package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes {@code hp_search_data.txt}: tab-separated, one row per combination, with the seed's columns
 * (combination_id, job_id, job_time, previous_results_count, search_type, is_queued, model_config_path, loss,
 * one column per hyperparameter) followed by status, failure_reason and the extra metrics. The file is
 * replaced atomically (temporary file, then rename), so a reader never sees half a file.
 */
public final class DataTable {
    public static final String FILE_NAME = "hp_search_data.txt";
    public static final List<String> SEED_COLUMNS = List.of("combination_id", "job_id", "job_time",
            "previous_results_count", "search_type", "is_queued", "model_config_path", "loss");

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
        header.add("status");
        header.add("failure_reason");
        header.addAll(metrics);
        sb.append(String.join("\t", header)).append('\n');
        for (TrialRecord t : state.trials()) {
            sb.append(t.id()).append('\t');
            sb.append(t.jobId() == null ? "" : clean(t.jobId())).append('\t');
            sb.append(Double.isFinite(t.runtimeSeconds())
                    ? String.format(Locale.ROOT, "%.4f", t.runtimeSeconds() / 60.0) : "").append('\t');
            sb.append(t.previousResultsCount()).append('\t');
            sb.append(clean(t.searchType())).append('\t');
            sb.append(t.attempts() > 0 ? "True" : "False").append('\t');
            sb.append(SearchFolder.inputJson(searchDir, t.id())).append('\t');
            sb.append(t.loss() == null ? "" : Double.toString(t.loss()));
            for (JsonNode v : t.combination().values()) {
                sb.append('\t').append(clean(v.isTextual() ? v.asText() : v.toString()));
            }
            sb.append('\t').append(t.status().key());
            // journals of earlier versions may hold a remark beside an ok result: a row never says ok with a failure
            sb.append('\t').append(t.reason() == null || t.status() == TrialStatus.OK ? "" : clean(t.reason()));
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
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static String clean(String s) {
        return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }
}
