package dev.hpsearch.app.gui.results;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The results of the search on screen, owned once and shared by the dashboard and the analysis views: the
 * combinations (one row each, latest state), the hyperparameters' names, the search space when there is one,
 * which combination is selected and which ones a brush keeps. Changed on the UI thread only; {@link
 * #dataVersionProperty} ticks once per applied batch so that views redraw once, not per row.
 */
public final class ResultsModel {
    /** The choices of {@link #statusFilterProperty}. */
    public static final List<String> STATUS_FILTERS = List.of("all", "ok", "failed", "cancelled", "running", "queued",
            "no_score", "pruned", "imported");
    private final ObservableList<ResultRow> rows = FXCollections.observableArrayList();
    private final FilteredList<ResultRow> filtered = new FilteredList<>(rows);
    private final StringProperty filterText = new SimpleStringProperty("");
    private final StringProperty statusFilter = new SimpleStringProperty("all");
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper(RowDetail.NO_SELECTION);
    private final ReadOnlyObjectWrapper<ResultRow> best = new ReadOnlyObjectWrapper<>(null);
    private final ObservableList<String> metrics = FXCollections.observableArrayList();
    private final Map<Integer, Integer> index = new HashMap<>();
    private final ObservableList<String> hyperparameters = FXCollections.observableArrayList();
    private final ObjectProperty<SearchSpace> space = new SimpleObjectProperty<>(null);
    private final IntegerProperty dataVersion = new SimpleIntegerProperty();
    private final ObjectProperty<Set<Integer>> brushed = new SimpleObjectProperty<>(null);
    private final ObjectProperty<ResultRow> selected = new SimpleObjectProperty<>(null);
    private final ResponseChoice response = new ResponseChoice(metrics);

    public ResultsModel() {
        filterText.addListener((o, a, b) -> refilter());
        statusFilter.addListener((o, a, b) -> refilter());
        brushed.addListener((o, a, b) -> refilter());
        selected.addListener((o, a, b) -> detail.set(b == null ? RowDetail.NO_SELECTION : RowDetail.of(b)));
    }

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

    /** The rows that the filter text, the status filter and the brush keep. */
    public FilteredList<ResultRow> filteredRows() {
        return filtered;
    }

    /** Keeps rows that have this text in a value, their status, type, reason, job id or class (or this id). */
    public StringProperty filterTextProperty() {
        return filterText;
    }

    /** Keeps rows of one status ({@link #STATUS_FILTERS}); {@code all} keeps every row. */
    public StringProperty statusFilterProperty() {
        return statusFilter;
    }

    /** Where and how the selected combination ran, in lines for people ({@link RowDetail}). */
    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }

    /**
     * The combination with the lowest finite loss (the lower id on a tie), or {@code null}: the headline's best and
     * the last point of the history's best-so-far, both from these rows. Updated with each {@link #changed()}.
     */
    public ReadOnlyObjectProperty<ResultRow> bestProperty() {
        return best.getReadOnlyProperty();
    }

    /** The names of the metrics (further numeric outputs) any row has, in the order they first appeared. */
    public ObservableList<String> metrics() {
        return metrics;
    }

    /** The response the analysis views explain and the report is about (one choice for all of them). */
    public ResponseChoice response() {
        return response;
    }

    /** Selects a combination (or none with {@code null}). */
    public void select(ResultRow row) {
        selected.set(row);
    }

    /**
     * A row in full, tab-separated as the table shows it (id, status, loss, hyperparameters, metrics), every digit
     * kept ({@link Numbers#full}): what Copy puts on the clipboard.
     */
    public String fullText(ResultRow r) {
        List<String> cells = new ArrayList<>();
        cells.add(Integer.toString(r.id()));
        cells.add(r.status());
        cells.add(r.loss() == null ? "" : Numbers.full(r.loss()));
        r.values().forEach(v -> cells.add(Numbers.full(v)));
        for (String m : metrics) {
            Double v = r.metrics().get(m);
            cells.add(v == null ? "" : Numbers.full(v));
        }
        return String.join("\t", cells);
    }

    /** The header that {@link #fullText} lines follow. */
    public String fullTextHeader() {
        List<String> cells = new ArrayList<>(List.of("combination_id", "status", "loss"));
        cells.addAll(hyperparameters);
        cells.addAll(metrics);
        return String.join("\t", cells);
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
        metrics.clear();
        selected.set(null);
        brushed.set(null);
        changed();
    }

    /** Says that a batch of changes is complete: the best row and the metric names are brought up to date. */
    public void changed() {
        ResultRow low = null;
        LinkedHashSet<String> names = new LinkedHashSet<>(metrics);
        for (ResultRow r : rows) {
            if (r.hasLoss() && (low == null || r.loss() < low.loss() || (r.loss().equals(low.loss()) && r.id() < low.id()))) {
                low = r;
            }
            names.addAll(r.metrics().keySet());
        }
        best.set(low);
        if (names.size() != metrics.size()) {
            metrics.setAll(names);
        }
        dataVersion.set(dataVersion.get() + 1);
    }

    private void refilter() {
        String text = filterText.get() == null ? "" : filterText.get().trim().toLowerCase(Locale.ROOT);
        String status = statusFilter.get();
        Set<Integer> ids = brushed.get();
        Predicate<ResultRow> p = r -> (status == null || status.equals("all") || r.status().equals(status))
                && (ids == null || ids.contains(r.id()))
                && (text.isEmpty() || matches(r, text));
        filtered.setPredicate(p);
    }

    private static boolean matches(ResultRow r, String text) {
        if (Integer.toString(r.id()).equals(text) || r.status().contains(text) || r.searchType().toLowerCase(Locale.ROOT)
                .contains(text) || r.reason().toLowerCase(Locale.ROOT).contains(text) || r.jobId().contains(text)
                || r.failureClass().contains(text)) {
            return true;
        }
        return r.values().stream().anyMatch(v -> ResultTable.text(v).toLowerCase(Locale.ROOT).contains(text)
                || Numbers.display(v).toLowerCase(Locale.ROOT).contains(text));
    }

    /** The results as an analysis table. */
    public ResultTable table() {
        return new ResultTable(List.copyOf(hyperparameters), List.copyOf(rows));
    }
}
