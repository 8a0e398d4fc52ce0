package dev.hpsearch.app.gui.analysis;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.app.service.RunningSearch;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.Selection;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Selection help after the seed's advice: list the combinations as good as the best (within a tolerance, or
 * not significantly worse when replicates exist), let the user pick the simplest, export it as input.json.
 */
public final class SelectionViewModel {
    private final DashboardViewModel results;
    private final TaskRunner tasks;
    private final StringProperty tolerance = new SimpleStringProperty("5");
    private final BooleanProperty relative = new SimpleBooleanProperty(true);
    private final BooleanProperty useReplicates = new SimpleBooleanProperty(false);
    private final StringProperty toleranceError = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<ResultRow> candidates = FXCollections.observableArrayList();

    public SelectionViewModel(DashboardViewModel results, TaskRunner tasks) {
        this.results = results;
        this.tasks = tasks;
    }

    public StringProperty toleranceProperty() {
        return tolerance;
    }

    /** Tolerance as a percentage of |best| when true, in loss units when false. */
    public BooleanProperty relativeProperty() {
        return relative;
    }

    public BooleanProperty useReplicatesProperty() {
        return useReplicates;
    }

    public StringProperty toleranceErrorProperty() {
        return toleranceError;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObservableList<ResultRow> candidates() {
        return candidates;
    }

    /** Marks the candidates. */
    public void mark() {
        List<ResultRow> rows = List.copyOf(results.rows());
        List<Integer> ids;
        if (useReplicates.get()) {
            if (!Selection.hasReplicates(rows)) {
                status.set("No combination was run more than once: use a tolerance instead.");
                candidates.clear();
                return;
            }
            ids = Selection.notSignificantlyWorse(rows, 0.05);
            status.set(ids.size() + " runs of combinations not significantly worse than the best (Welch t-test, 5%)");
        } else {
            double tol;
            try {
                tol = Double.parseDouble(tolerance.get().trim());
            } catch (NumberFormatException e) {
                toleranceError.set("a number >= 0, e.g. 5");
                return;
            }
            if (!(tol >= 0)) {
                toleranceError.set("a number >= 0, e.g. 5");
                return;
            }
            toleranceError.set("");
            ids = Selection.withinTolerance(rows, relative.get() ? tol / 100 : tol, relative.get());
            status.set(ids.size() + " combinations within " + tolerance.get().trim() + (relative.get() ? " %" : "")
                    + " of the best loss. Among them, prefer the simplest model (fewest parameters, strongest "
                    + "regularization).");
        }
        Map<Integer, ResultRow> byId = new HashMap<>();
        rows.forEach(r -> byId.put(r.id(), r));
        candidates.setAll(ids.stream().map(byId::get).toList());
    }

    /** Writes the chosen combination as a ready input.json (the model config with its values filled in). */
    public void export(ResultRow chosen, Path file) {
        RunningSearch s = results.searchProperty().get();
        if (chosen == null) {
            status.set("Choose a combination first");
            return;
        }
        if (s == null) {
            status.set("A results file alone has no model config: open the search it came from to export input.json");
            return;
        }
        ObjectNode input = s.model().space().render(s.model().template(), new Combination(chosen.values()));
        tasks.run(() -> {
            JsonText.write(input, file);
            return file;
        }, f -> status.set("Wrote " + f + " (combination " + chosen.id() + ")"),
                e -> status.set("Not written: " + IoErrors.describe(e)));
    }
}
