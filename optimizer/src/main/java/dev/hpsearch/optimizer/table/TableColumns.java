package dev.hpsearch.optimizer.table;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The columns {@code hp_search_data.txt} has of its own, the one list that the writer, the reader and the
 * config validation share: a hyperparameter may not take one of these names, since its column would shadow
 * the table's.
 */
public final class TableColumns {
    /** The table's file name in a search folder. */
    public static final String FILE_NAME = "hp_search_data.txt";
    /** The original tool's columns, in its order; the hyperparameters follow them. */
    public static final List<String> SEED = List.of("combination_id", "job_id", "job_time",
            "previous_results_count", "search_type", "is_queued", "model_config_path", "loss");
    /**
     * Written after the hyperparameters; the script's extra metrics follow them. {@code failure_class} is one word
     * for why a row has no score (see the engine's FailureClass); {@code attempts} how often it was submitted.
     */
    public static final List<String> AFTER_HYPERPARAMETERS = List.of("status", "failure_reason", "failure_class",
            "attempts");
    /**
     * Where and how each run ran (docs/decisions/0015), written after {@link #AFTER_HYPERPARAMETERS}; the same
     * names as {@code Provenance.COLUMNS}.
     */
    public static final List<String> PROVENANCE = List.of("run_nodes", "run_state", "run_exit_code", "run_elapsed_s",
            "run_cpu_s", "run_max_rss_mb", "run_usage_from", "script_sha256", "input_sha256", "hpsearch_version");
    /**
     * The combination a replicate re-runs (docs/decisions/0020), written after {@link #PROVENANCE} only when the
     * search has replicates, so that a search without them writes the table it always did.
     */
    public static final String REPLICATE_OF = "replicate_of";
    /** Every column of the table's own, in no particular order of meaning. */
    public static final List<String> OWN = concat(concat(concat(SEED, AFTER_HYPERPARAMETERS), PROVENANCE),
            List.of(REPLICATE_OF));

    private TableColumns() {
    }

    /** Whether a name is one of the table's own columns. */
    public static boolean isOwn(String name) {
        return OWN.contains(name);
    }

    /**
     * The first character of a name that cannot stand in a tab-separated header (a control character or a
     * Unicode line or paragraph separator), or -1 when there is none.
     */
    public static int firstUnprintable(String name) {
        for (int i = 0; i < name.length(); i++) {
            if (isUnprintable(name.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isUnprintable(char c) {
        return Character.isISOControl(c) || c == '\u2028' || c == '\u2029';
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return Collections.unmodifiableList(all);
    }
}
