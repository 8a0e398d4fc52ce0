package dev.hpsearch.app.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.service.ParetoReport;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.Journal;
import dev.hpsearch.optimizer.engine.JournalEvent;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.table.TableCells;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpsearch status}: a summary of a search folder, best combinations first. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Summarizes a search (running or finished): counts, then the combinations, best first.",
                "With --cluster, summarizes a search on the cluster (one started by hpsearch launch): SEARCH_DIR is then "
                        + "the local project folder it was launched from (its latest launch), or a project or search "
                        + "folder on the cluster. Its journal, configs and results are copied into a local mirror first."})
final class StatusCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEARCH_DIR", description = "The hp_search_{id} folder (see --cluster).")
    Path searchDir;

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

    @Option(names = "--mirror", paramLabel = "DIR",
            description = "With --cluster: where to copy the search's files (default: {project}/.hpsearch/mirror/{cluster}/hp_search_{id} "
                    + "for a local project folder, else under the temporary folder).")
    Path mirror;

    @Option(names = "--log", paramLabel = "ID",
            description = "With --cluster: also copy combination ID's log.txt into the mirror and print its last lines.")
    Integer log;

    @Option(names = {"--top", "-n"}, defaultValue = "20", description = "Rows to show (default: ${DEFAULT-VALUE}; 0 for all).")
    int top;

    @Option(names = "--tolerance", defaultValue = "0.05",
            description = "Relative distance to the best loss within which a combination counts as tied (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default) or json: the counts, the best feasible combination and, with objectives or "
                    + "constraints in search_config.json, the Pareto front with its hypervolume.")
    String format;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!format.equals("text") && !format.equals("json")) {
            err.println("error: --format: got \"" + format + "\"; allowed: text, json");
            return ExitCodes.CONFIG;
        }
        if (clusters.cluster != null) {
            return new RemoteStatus(clusters.cluster, clusters.clustersFile, mirror, log, out, err).show(searchDir,
                    (dir, name, notEnded) -> summarize(dir, name, notEnded, out, err));
        }
        String name = searchDir.toAbsolutePath().normalize().toString();
        return summarize(searchDir, name, "running, or its coordinator stopped: hpsearch resume " + name, out, err);
    }

    /**
     * Prints the summary of a local search folder (or a mirror of one, shown under {@code name}).
     *
     * @param notEnded what to say when the search has not ended
     */
    int summarize(Path searchDir, String name, String notEnded, PrintWriter out, PrintWriter err) {
        Configs configs;
        List<JournalEvent> events;
        try {
            configs = SearchFiles.load(searchDir);
            events = Journal.read(searchDir);
        } catch (ConfigException e) {
            return Console.configError(err, e);
        } catch (java.io.IOException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.CONFIG;
        }
        SearchState state = SearchState.replay(events);
        ParetoReport pareto = configs.search().objectives().configured()
                ? ParetoReport.of(configs.search(), state) : null;
        if (format.equals("json")) {
            out.println(StatusJson.of(name, configs.search(), state, pareto).toPrettyString());
            out.flush();
            return ExitCodes.OK;
        }
        List<Hyperparameter> hps = configs.model().space().hyperparameters();
        out.println("Search " + name + " ("
                + configs.search().searchType().key() + ")");
        out.println(String.format(Locale.ROOT, "%d combinations: %d ok, %d without score, %d failed, %d cancelled, %d running, %d queued",
                state.trials().size(), state.count(TrialStatus.OK), state.count(TrialStatus.NO_SCORE),
                state.count(TrialStatus.FAILED), state.count(TrialStatus.CANCELLED), state.count(TrialStatus.RUNNING),
                state.count(TrialStatus.QUEUED))
                + (state.count(TrialStatus.PRUNED) > 0 ? ", " + state.count(TrialStatus.PRUNED) + " pruned" : "")
                // rows taken in through warm_start_from: said only when there are some, so other output is as before
                + (state.count(TrialStatus.IMPORTED) > 0 ? ", " + state.count(TrialStatus.IMPORTED)
                        + " imported from earlier searches" : ""));
        String finishedClasses = SearchState.describe(state.finishedClassCounts());
        if (!finishedClasses.isEmpty()) {
            out.println("Without a score, by failure class: " + finishedClasses);
        }
        String rerunClasses = SearchState.describe(state.rerunClassCounts());
        if (!rerunClasses.isEmpty()) {
            out.println("Runs ended and run again, by failure class: " + rerunClasses);
        }
        out.println(state.endReason() != null ? "Ended: " + state.endReason()
                : state.stopReason() != null ? "Stopped: " + state.stopReason() + " (not ended: " + notEnded + ")"
                : "Not ended (" + notEnded + ")");
        List<TrialRecord> rows = new ArrayList<>(state.trials());
        rows.sort(Comparator.comparing((TrialRecord t) -> t.loss() == null)
                .thenComparing(t -> t.loss() == null ? 0 : t.loss())
                .thenComparing(TrialRecord::id));
        TrialRecord best = StatusJson.best(configs.search(), state);
        if (pareto != null) {
            pareto.print(out);
        }
        if (best != null && !configs.search().objectives().multiObjective()) {
            double limit = best.loss() + Math.abs(best.loss()) * tolerance;
            long tied = rows.stream().filter(t -> t.loss() != null && t.loss() <= limit).count();
            out.println(String.format(Locale.ROOT, "Best loss %.6g (combination %d). %d combination(s) lie within %.0f%% of it:"
                    + " among those, prefer the simplest model, and judge the final choice on untouched test data.",
                    best.loss(), best.id(), tied, tolerance * 100));
        }
        out.println();
        List<String> header = new ArrayList<>(List.of("id", "status", "loss"));
        hps.forEach(h -> header.add(h.name()));
        header.add("minutes");
        header.add("attempts");
        header.add("class");
        header.add("reason");
        List<List<String>> table = new ArrayList<>();
        table.add(header);
        int shown = top <= 0 ? rows.size() : Math.min(top, rows.size());
        for (TrialRecord t : rows.subList(0, shown)) {
            List<String> r = new ArrayList<>();
            r.add(Integer.toString(t.id()));
            r.add(t.status().key());
            r.add(t.loss() == null ? "" : String.format(Locale.ROOT, "%.6g", t.loss()));
            for (JsonNode v : t.combination().values()) {
                r.add(v.isNumber() && !v.isIntegralNumber() ? String.format(Locale.ROOT, "%.4g", v.asDouble())
                        : v.isTextual() ? v.asText() : v.toString());
            }
            r.add(Double.isFinite(t.runtimeSeconds()) ? String.format(Locale.ROOT, "%.2f", t.runtimeSeconds() / 60) : "");
            r.add(Integer.toString(t.attempts()));
            r.add(t.failureClass() == null || t.status() == TrialStatus.OK ? "" : t.failureClass().key());
            r.add(t.reason() == null ? "" : t.reason());
            table.add(r);
        }
        print(out, table);
        if (shown < rows.size()) {
            out.println("... " + (rows.size() - shown) + " more (use --top 0 for all)");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Prints aligned columns; cells are escaped as in hp_search_data.txt, so a traceback stays on its row. */
    private static void print(PrintWriter out, List<List<String>> raw) {
        List<List<String>> table = raw.stream().map(r -> r.stream().map(TableCells::escape).toList()).toList();
        int cols = table.get(0).size();
        int[] width = new int[cols];
        for (List<String> row : table) {
            for (int i = 0; i < cols - 1; i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < cols; i++) {
                String cell = row.get(i);
                sb.append(i == cols - 1 ? cell : cell + " ".repeat(width[i] - cell.length() + 2));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
