package dev.hpsearch.app.cli;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.service.ParetoReport;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialRecord;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.pareto.Objectives;

/** {@code hpsearch status --format json}: the counts, the best feasible combination and the Pareto front. */
final class StatusJson {
    private StatusJson() {
    }

    /**
     * The status of a search as one JSON object.
     *
     * @param pareto the front, or {@code null} for a search without objectives or constraints
     */
    static ObjectNode of(String name, SearchConfig search, SearchState state, ParetoReport pareto) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("search", name);
        o.put("search_type", search.searchType().key());
        o.put("combinations", state.trials().size());
        ObjectNode counts = o.putObject("counts");
        for (TrialStatus s : TrialStatus.values()) {
            counts.put(s.key(), state.count(s));
        }
        o.put("ended", state.endReason() != null);
        if (state.endReason() != null) {
            o.put("end_reason", state.endReason());
        }
        TrialRecord best = best(search, state);
        if (best != null && !search.objectives().multiObjective()) {
            o.putObject("best").put("id", best.id()).put("loss", best.loss());
        }
        if (pareto != null) {
            o.set("pareto", pareto.json());
        }
        return o;
    }

    /** The ok combination with the lowest loss among those meeting every constraint (all, without constraints). */
    static TrialRecord best(SearchConfig search, SearchState state) {
        if (search.objectives().constraints().isEmpty()) {
            return state.best();
        }
        Objectives objectives = new Objectives(search.objectives(), search.higherIsBetter());
        TrialRecord best = null;
        for (TrialRecord t : state.trials()) {
            if (t.status() == TrialStatus.OK && objectives.feasible(t.loss(), t.metrics())
                    && (best == null || t.loss() < best.loss())) {
                best = t;
            }
        }
        return best;
    }
}
