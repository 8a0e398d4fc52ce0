package dev.hpsearch.app.gui.searches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpsearch.optimizer.analysis.History;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.engine.DataTable;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Utf8;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads what the list of searches shows from a search folder: the copy of the search config it was started with
 * ({@code search_type}), its data table ({@code hp_search_data.txt}) and when it was set up.
 */
public final class PastSearches {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The strategies bopt mixes in: random initial points and grid points. */
    private static final Set<String> BOPT_MIXES = Set.of("random", "grid", "bopt");

    private PastSearches() {
    }

    /** Reads one search; a table that cannot be read gives a search without rows and says why. */
    public static PastSearch read(Path folder) {
        String configType = configType(folder);
        List<ResultRow> rows = List.of();
        String problem = "";
        Path table = folder.resolve(DataTable.FILE_NAME);
        if (Files.isRegularFile(table)) {
            try {
                rows = ResultTable.parse(Utf8.read(table)).rows();
            } catch (IOException | RuntimeException e) {
                problem = table.getFileName() + ": " + IoErrors.describe(e);
            }
        }
        ResultRow best = null;
        for (ResultRow r : rows) {
            if (r.hasLoss() && (best == null || r.loss() < best.loss())) {
                best = r;
            }
        }
        return new PastSearch(folder, type(configType, rows), started(folder), rows.size(),
                best == null ? null : best.loss(), best == null ? -1 : best.id(), History.of(rows), problem);
    }

    /**
     * The search's type: its config's, unless its rows came from strategies that config does not use (a bopt
     * search also suggests random and grid points), then "mixed"; without a config, the rows' strategy.
     *
     * @param configType the config's {@code search_type}, or {@code null} when there is none
     */
    static String type(String configType, List<ResultRow> rows) {
        Set<String> kinds = new LinkedHashSet<>();
        for (ResultRow r : rows) {
            if (!r.searchType().isEmpty()) {
                kinds.add(kind(r.searchType()));
            }
        }
        if (configType != null) {
            Set<String> explained = configType.equals("bopt") ? BOPT_MIXES : Set.of(configType);
            return explained.containsAll(kinds) ? configType : "mixed";
        }
        if (kinds.isEmpty()) {
            return "unknown";
        }
        if (kinds.contains("bopt") && BOPT_MIXES.containsAll(kinds)) {
            return "bopt";
        }
        return kinds.size() == 1 ? kinds.iterator().next() : "mixed";
    }

    /** A row's strategy: line, grid or random as written, anything else a GP's label (bopt). */
    private static String kind(String searchType) {
        String t = searchType.trim().toLowerCase(java.util.Locale.ROOT);
        return t.equals("line") || t.equals("grid") || t.equals("random") ? t : "bopt";
    }

    private static String configType(Path folder) {
        Path config = folder.resolve(SearchFiles.SEARCH_CONFIG);
        if (!Files.isRegularFile(config)) {
            return null;
        }
        try {
            JsonNode type = JSON.readTree(config.toFile()).path("search_type");
            return type.isTextual() ? type.asText().trim().toLowerCase(java.util.Locale.ROOT) : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static Instant started(Path folder) {
        for (Path p : List.of(folder.resolve(SearchFiles.META), folder)) {
            try {
                return Files.getLastModifiedTime(p).toInstant();
            } catch (IOException e) {
                // try the next
            }
        }
        return null;
    }
}
