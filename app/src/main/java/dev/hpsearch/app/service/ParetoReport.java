package dev.hpsearch.app.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Objective;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.pareto.FrontSummary;
import dev.hpsearch.optimizer.pareto.Objectives;
import dev.hpsearch.optimizer.text.Numbers;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pareto front of a search with {@code objectives} or {@code constraints}, as {@code hpsearch status} prints
 * it: the feasible runs with status ok that no other feasible run beats in every objective, and the hypervolume they
 * dominate up to the reference point (each objective's worst feasible value plus 10 % of its range).
 */
public final class ParetoReport {
    /** Seed of the Monte Carlo hypervolume (4 or more objectives), so that status prints the same each time. */
    private static final long SEED = 0;

    private final Objectives objectives;
    private final List<FrontSummary.Run> runs;
    private final FrontSummary summary;
    private final List<String> unreported;
    private final java.util.Set<String> reported;

    private ParetoReport(Objectives objectives, List<FrontSummary.Run> runs, FrontSummary summary,
                         List<String> unreported, java.util.Set<String> reported) {
        this.objectives = objectives;
        this.runs = runs;
        this.summary = summary;
        this.unreported = unreported;
        this.reported = reported;
    }

    /** The report of a search's state; ordinary combinations only (replicates measure noise). */
    public static ParetoReport of(SearchConfig search, SearchState state) {
        Objectives objectives = new Objectives(search.objectives(), search.higherIsBetter());
        List<FrontSummary.Run> runs = new ArrayList<>();
        for (TrialRecord t : state.trials()) {
            if (t.status() == TrialStatus.OK && !t.isReplicate()) {
                runs.add(new FrontSummary.Run(t.id(), t.loss(), t.metrics()));
            }
        }
        // a name no ok run reported is most likely misspelt: say so rather than show an empty front
        java.util.Set<String> reported = new java.util.TreeSet<>();
        runs.forEach(r -> reported.addAll(r.metrics().keySet()));
        if (!runs.isEmpty()) {
            reported.add(dev.hpsearch.optimizer.config.ObjectivesConfig.SCORE);
        }
        List<String> unreported = new ArrayList<>();
        objectives.objectives().forEach(o -> unreported.add(o.name()));
        objectives.constraints().forEach(c -> unreported.add(c.name()));
        unreported.removeIf(n -> reported.contains(n) || runs.isEmpty());
        return new ParetoReport(objectives, List.copyOf(runs), FrontSummary.of(objectives, runs, SEED),
                List.copyOf(new java.util.LinkedHashSet<>(unreported)), reported);
    }

    public FrontSummary summary() {
        return summary;
    }

    /** The runs the front is taken from: ok, replicates left out. */
    public List<FrontSummary.Run> runs() {
        return runs;
    }

    /** The objectives and constraints the front is of. */
    public Objectives objectives() {
        return objectives;
    }

    /**
     * The front in sentences: which objectives, how many runs on it of how many feasible, the names no run
     * reported, and the hypervolume with its reference point (or why there is no front yet).
     */
    public List<String> sentences() {
        List<String> goals = new ArrayList<>();
        for (Objective o : objectives.objectives()) {
            goals.add(o.name() + " (" + o.direction() + ")");
        }
        List<String> out = new ArrayList<>();
        out.add("Pareto front of " + String.join(", ", goals) + ": " + summary.front().size() + " of "
                + summary.feasible() + " feasible runs (of " + summary.runs() + " ok)"
                + (objectives.constraints().isEmpty() ? "" : ", constraints " + String.join(", ",
                objectives.constraints().stream().map(c -> c.describe()).toList())));
        if (!unreported.isEmpty()) {
            out.add("No ok run reported " + String.join(", ", unreported) + " in its output.json; the runs reported: "
                    + String.join(", ", reported) + ". Check the names in search_config.json.");
        }
        if (summary.front().isEmpty()) {
            out.add("No feasible run with every objective yet.");
            return out;
        }
        StringBuilder ref = new StringBuilder();
        for (double r : summary.reference()) {
            ref.append(ref.length() == 0 ? "" : ", ").append(Numbers.display(r));
        }
        out.add("Hypervolume " + hypervolumeText() + " up to the reference point (" + ref
                + "): each objective's worst feasible value plus 10 % of its range.");
        return out;
    }

    /** Prints the front as a table, one row per run on it, ordered by the first objective. */
    public void print(PrintWriter out) {
        sentences().forEach(out::println);
        if (summary.front().isEmpty()) {
            return;
        }
        StringBuilder head = new StringBuilder(String.format("%-6s", "id"));
        objectives.objectives().forEach(o -> head.append(String.format("  %-14s", o.name())));
        out.println(head.toString().stripTrailing());
        for (FrontSummary.Member m : summary.front()) {
            StringBuilder row = new StringBuilder(String.format("%-6d", m.id()));
            for (double v : m.values()) {
                row.append(String.format("  %-14s", Numbers.display(v)));
            }
            out.println(row.toString().stripTrailing());
        }
    }

    private String hypervolumeText() {
        return summary.hypervolume().exact() ? Numbers.display(summary.hypervolume().value())
                : Numbers.display(summary.hypervolume().value()) + " ± " + Numbers.display(
                summary.hypervolume().standardError()) + " (Monte Carlo, standard error)";
    }

    /** The front as JSON: objectives, constraints, reference point, hypervolume and the runs on it. */
    public ObjectNode json() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        ArrayNode goals = o.putArray("objectives");
        for (Objective g : objectives.objectives()) {
            goals.addObject().put("name", g.name()).put("direction", g.direction());
        }
        ArrayNode cons = o.putArray("constraints");
        objectives.constraints().forEach(c -> {
            ObjectNode n = cons.addObject().put("name", c.name());
            if (c.min() != null) {
                n.put("min", c.min());
            }
            if (c.max() != null) {
                n.put("max", c.max());
            }
        });
        ArrayNode missing = o.putArray("unreported_names");
        unreported.forEach(missing::add);
        o.put("runs_ok", summary.runs());
        o.put("feasible", summary.feasible());
        ArrayNode ref = o.putArray("reference_point");
        for (double r : summary.reference()) {
            ref.add(r);
        }
        o.put("hypervolume", summary.hypervolume().value());
        o.put("hypervolume_standard_error", summary.hypervolume().standardError());
        ArrayNode front = o.putArray("front");
        for (FrontSummary.Member m : summary.front()) {
            ObjectNode row = front.addObject().put("id", m.id());
            ObjectNode values = row.putObject("values");
            for (int i = 0; i < m.values().length; i++) {
                values.put(objectives.objectives().get(i).name(), m.values()[i]);
            }
        }
        return o;
    }
}
