package dev.hpsearch.app.gui.analysis;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.gui.common.JsonText;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.Selection;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Selection help after the seed's advice: list the combinations as good as the best (within a tolerance, or
 * not significantly worse when replicates exist), let the user pick the simplest, export it as input.json. Every
 * number in the candidates' cells is written as {@link Numbers#display} (7.8e-06, never a cut "7.79988…"), in
 * full ({@link Numbers#full}) for tooltips and copy.
 */
public final class SelectionViewModel {
    private final ResultsModel results;
    private final TaskRunner tasks;
    private final Supplier<Optional<ModelConfig>> model;
    private final Supplier<Path> exportFolder;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final StringProperty tolerance = new SimpleStringProperty("5");
    private final BooleanProperty relative = new SimpleBooleanProperty(true);
    private final BooleanProperty useReplicates = new SimpleBooleanProperty(false);
    private final StringProperty toleranceError = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final ObservableList<ResultRow> candidates = FXCollections.observableArrayList();

    /**
     * @param model        the model config of the search on screen, if there is one (a results file read on its
     *                     own has none); its template and space write the chosen input.json
     * @param exportFolder where the save dialog opens (the project folder)
     */
    public SelectionViewModel(ResultsModel results, TaskRunner tasks, Supplier<Optional<ModelConfig>> model,
                              Supplier<Path> exportFolder) {
        this.results = results;
        this.tasks = tasks;
        this.model = model;
        this.exportFolder = exportFolder;
        results.dataVersionProperty().addListener((o, a, b) -> refreshColumns());
        refreshColumns();
    }

    private void refreshColumns() {
        List<Column> next = new ArrayList<>(List.of(Column.LOSS));
        next.addAll(Column.hyperparameters(results.table()));
        results.table().metrics().forEach(m -> next.add(Column.metric(m)));
        if (!next.equals(columns)) {
            columns.setAll(next);
        }
    }

    /** The candidates' columns after the id: the loss, the hyperparameters, the metrics. */
    public ObservableList<Column> columns() {
        return columns;
    }

    /** A candidate's cell as shown: numbers in short form, text as is, empty where there is no value. */
    public static String display(ResultRow r, Column c) {
        return Numbers.display(c.value(r));
    }

    /**
     * The order of candidates by one column: by number where both values are numbers, else by text; rows
     * without a value last.
     */
    public static Comparator<ResultRow> order(Column c) {
        return (a, b) -> {
            JsonNode x = c.value(a);
            JsonNode y = c.value(b);
            boolean xEmpty = x.isNull() || x.isMissingNode();
            boolean yEmpty = y.isNull() || y.isMissingNode();
            if (xEmpty || yEmpty) {
                return Boolean.compare(xEmpty, yEmpty);
            }
            if (x.isNumber() && y.isNumber()) {
                return Double.compare(x.doubleValue(), y.doubleValue());
            }
            return Numbers.full(x).compareTo(Numbers.full(y));
        };
    }

    /** A candidate's cell in full, for its tooltip and for copy. */
    public static String full(ResultRow r, Column c) {
        return Numbers.full(c.value(r));
    }

    /** Candidates as tab-separated text with a header line, every number in full: what Copy puts on the clipboard. */
    public String copyText(List<ResultRow> rows) {
        StringBuilder sb = new StringBuilder("combination_id");
        columns.forEach(c -> sb.append('\t').append(c.name()));
        sb.append('\n');
        for (ResultRow r : rows) {
            sb.append(r.id());
            columns.forEach(c -> sb.append('\t').append(full(r, c)));
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The combination selected in every view (shared through the results). */
    public ObjectProperty<ResultRow> selectedProperty() {
        return results.selectedProperty();
    }

    /** The chosen candidate becomes the selected combination of every view. */
    public void choose(ResultRow row) {
        if (row != null) {
            results.selectedProperty().set(row);
        }
    }

    public Path exportFolder() {
        return exportFolder.get();
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
        Optional<ModelConfig> m = model.get();
        if (chosen == null) {
            status.set("Choose a combination first");
            return;
        }
        if (m.isEmpty()) {
            status.set("A results file alone has no model config: open the search it came from to export input.json");
            return;
        }
        ObjectNode input = m.get().space().render(m.get().template(), new Combination(chosen.values()));
        tasks.run(() -> {
            JsonText.write(input, file);
            return file;
        }, f -> status.set("Wrote " + f + " (combination " + chosen.id() + ")"),
                e -> status.set("Not written: " + IoErrors.describe(e)));
    }
}
