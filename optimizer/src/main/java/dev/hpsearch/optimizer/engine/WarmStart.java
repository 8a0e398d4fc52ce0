package dev.hpsearch.optimizer.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.WarmStartSources;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.ValueMatch;
import dev.hpsearch.optimizer.text.Utf8;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The rows of earlier searches a search starts from ({@code warm_start_from}, docs/decisions/0024): which fit this
 * search's space, as combinations of it, and which do not, with the reason.
 *
 * <p>A row fits when its table has exactly this search's hyperparameters (same names; order does not matter), it
 * has a finite score (status ok, or imported; in the original tool's table a finite loss), and each value fits its
 * domain as {@link ValueMatch} says.
 *
 * @param imported the rows taken in, in the order of the sources and their rows
 * @param rejected the rows left out, each with why
 */
public record WarmStart(List<Imported> imported, List<Rejected> rejected) {

    /** A row taken in: its values as this search holds them, its score and metrics, and where it came from. */
    public record Imported(Combination combination, double loss, Map<String, Double> metrics, String source) {
    }

    /**
     * A row left out.
     *
     * @param source the data file and the row's combination id there
     * @param kind   the reason without the row's own value, for grouping many rows in the log
     * @param reason the reason in full
     */
    public record Rejected(String source, String kind, String reason) {
    }

    public WarmStart {
        imported = List.copyOf(imported);
        rejected = List.copyOf(rejected);
    }

    /** Reads every source and matches its rows. */
    public static WarmStart read(List<Path> sources, SearchSpace space, int gridPoints) throws IOException {
        List<Imported> in = new ArrayList<>();
        List<Rejected> out = new ArrayList<>();
        for (Path p : sources) {
            Path file = WarmStartSources.dataFile(p);
            ResultTable table;
            try {
                table = ResultTable.parse(Utf8.read(file));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + " is not a table of search results: " + e.getMessage(), e);
            }
            WarmStart one = match(table, file.toString(), space, gridPoints);
            in.addAll(one.imported());
            out.addAll(one.rejected());
        }
        return new WarmStart(in, out);
    }

    /** Matches the rows of one table against the space. */
    public static WarmStart match(ResultTable table, String source, SearchSpace space, int gridPoints) {
        List<List<JsonNode>> grid = space.grid(Math.max(1, gridPoints));
        List<Imported> in = new ArrayList<>();
        List<Rejected> out = new ArrayList<>();
        String names = namesProblem(table, space);
        int[] column = new int[space.dimension()];
        for (int i = 0; i < column.length; i++) {
            column[i] = table.hyperparameters().indexOf(space.get(i).name());
        }
        for (ResultRow r : table.rows()) {
            String at = source + ", combination " + r.id();
            if (names != null) {
                out.add(new Rejected(at, names, names));
                continue;
            }
            if (!scored(r)) {
                out.add(new Rejected(at, "no score", "no score (status " + r.status() + ")"));
                continue;
            }
            List<JsonNode> values = new ArrayList<>(space.dimension());
            Rejected bad = null;
            for (int i = 0; i < column.length && bad == null; i++) {
                Hyperparameter h = space.get(i);
                ValueMatch.Result m = ValueMatch.of(h, r.values().get(column[i]), grid.get(i));
                if (m.fits()) {
                    values.add(m.value());
                } else {
                    bad = new Rejected(at, h.name() + " outside this search's domain", h.name() + ": " + m.problem());
                }
            }
            if (bad != null) {
                out.add(bad);
            } else {
                in.add(new Imported(new Combination(values), r.loss(), r.metrics(), at));
            }
        }
        return new WarmStart(in, out);
    }

    /** Rows of ok status (or imported ones) with a finite score. */
    private static boolean scored(ResultRow r) {
        boolean status = r.status().equals(TrialStatus.OK.key()) || r.status().equals(TrialStatus.IMPORTED.key());
        return status && r.hasLoss();
    }

    /** Why no row of a table can fit (its hyperparameters are not this search's), or {@code null}. */
    private static String namesProblem(ResultTable table, SearchSpace space) {
        List<String> ours = space.hyperparameters().stream().map(Hyperparameter::name).toList();
        List<String> missing = ours.stream().filter(n -> !table.hyperparameters().contains(n)).toList();
        List<String> extra = table.hyperparameters().stream().filter(n -> !ours.contains(n)).toList();
        if (missing.isEmpty() && extra.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder("its hyperparameters are not this search's:");
        if (!missing.isEmpty()) {
            sb.append(" no column for ").append(String.join(", ", missing));
        }
        if (!extra.isEmpty()) {
            sb.append(missing.isEmpty() ? "" : ";").append(" unknown ").append(String.join(", ", extra));
        }
        return sb.toString();
    }

    /**
     * The log's lines about the rows left out: one per row when there are at most {@code perRowLimit}, else one per
     * reason with how many rows and the first few of them.
     */
    public List<String> rejectionLines(int perRowLimit) {
        if (rejected.size() <= perRowLimit) {
            return rejected.stream().map(r -> "warm start: not taken in: " + r.source() + ": " + r.reason()).toList();
        }
        Map<String, List<Rejected>> byKind = rejected.stream()
                .collect(Collectors.groupingBy(Rejected::kind, LinkedHashMap::new, Collectors.toList()));
        List<String> lines = new ArrayList<>();
        byKind.forEach((kind, rows) -> {
            String first = rows.stream().limit(3).map(r -> r.source() + " (" + r.reason() + ")")
                    .collect(Collectors.joining("; "));
            lines.add("warm start: not taken in: " + rows.size() + " row(s) with " + kind + ", such as " + first
                    + (rows.size() > 3 ? "; ..." : ""));
        });
        return lines;
    }
}
