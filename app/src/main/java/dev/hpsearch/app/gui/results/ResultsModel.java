package dev.hpsearch.app.gui.results;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The results of the search on screen, owned once and shared by the dashboard and the analysis views: the
 * combinations (one row each, latest state), the hyperparameters' names, the search space when there is one,
 * which combination is selected and which ones a brush keeps. Changed on the UI thread only; {@link
 * #dataVersionProperty} ticks once per applied batch so that views redraw once, not per row.
 */
public final class ResultsModel {
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final Map<Integer, Integer> index = new HashMap<>();
    private final ObservableList<String> hyperparameters = FXCollections.observableArrayList();
    private final ObjectProperty<SearchSpace> space = new SimpleObjectProperty<>(null);
    private final IntegerProperty dataVersion = new SimpleIntegerProperty();
    private final ObjectProperty<Set<Integer>> brushed = new SimpleObjectProperty<>(null);
    private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>(null);

    /** Every combination, in the order they were first seen. */
    public ObservableList<ResultRow> rows() {
        return rows;
    }

    /** The hyperparameters' names, in the order of a row's values. */
    public ObservableList<String> hyperparameters() {
        return hyperparameters;
    }

    /** The search space of a running or resumed search; {@code null} for a results file read on its own. */
    public ObjectProperty<SearchSpace> spaceProperty() {
        return space;
    }

    /** Ticks when a batch of changes has been applied. */
    public IntegerProperty dataVersionProperty() {
        return dataVersion;
    }

    /** The ids a brush on the parallel coordinates keeps, or {@code null} for no brush. */
    public ObjectProperty<Set<Integer>> brushedProperty() {
        return brushed;
    }

    /** The selected combination, or {@code null}; kept current as its row changes. */
    public ObjectProperty<ResultRow> selectedProperty() {
        return selected;
    }

    /** Adds a combination, or replaces its row; keeps the selection on the new row. */
    public void put(ResultRow r) {
        Integer at = index.get(r.id());
        if (at == null) {
            index.put(r.id(), rows.size());
            rows.add(r);
        } else {
            rows.set(at, r);
        }
        if (selected.get() != null && selected.get().id() == r.id()) {
            selected.set(r);
        }
    }

    /** The row of a combination, or {@code null}. */
    public ResultRow row(int id) {
        Integer at = index.get(id);
        return at == null ? null : rows.get(at);
    }

    /** Shows another search: its hyperparameters and rows replace everything. */
    public void show(List<String> names, SearchSpace searchSpace, List<ResultRow> all) {
        clear();
        hyperparameters.setAll(names);
        space.set(searchSpace);
        all.forEach(this::put);
        changed();
    }

    /** Empties the model (a new search begins). */
    public void clear() {
        rows.clear();
        index.clear();
        selected.set(null);
        brushed.set(null);
        changed();
    }

    /** Says that a batch of changes is complete. */
    public void changed() {
        dataVersion.set(dataVersion.get() + 1);
    }

    /** The results as an analysis table. */
    public ResultTable table() {
        return new ResultTable(List.copyOf(hyperparameters), List.copyOf(rows));
    }
}
