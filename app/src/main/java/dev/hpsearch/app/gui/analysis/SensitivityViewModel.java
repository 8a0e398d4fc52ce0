package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sensitivity of the shared results: which response to analyse (the loss or a metric), the fit (a GP, in the
 * background through the {@link TaskRunner}), the ranking of hyperparameters by influence, and the plot, on
 * which the selected combination is marked and a click on a point selects its combination.
 */
public final class SensitivityViewModel {
    /** The GP fit's seed: the same results give the same analysis. */
    private static final long SEED = 1;
    private final ResultsModel results;
    private final TaskRunner tasks;
    private final Supplier<Path> exportFolder;
    private final ObservableList<Column> responses = FXCollections.observableArrayList(Column.LOSS);
    private final ObjectProperty<Column> response = new SimpleObjectProperty<>(Column.LOSS);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Analyse the scored combinations: slice plots and a GP along each axis.");
    private final ObservableList<String> ranking = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Sensitivity.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SensitivityPlot> plot = new ReadOnlyObjectWrapper<>();
    private long session;

    /**
     * @param exportFolder where export dialogs open (the project folder)
     */
    public SensitivityViewModel(ResultsModel results, TaskRunner tasks, Supplier<Path> exportFolder) {
        this.results = results;
        this.tasks = tasks;
        this.exportFolder = exportFolder;
        results.dataVersionProperty().addListener((o, a, b) -> refreshResponses());
        results.selectedProperty().addListener((o, a, b) -> replot());
        refreshResponses();
    }

    /** What can be analysed: the loss and each metric the script reported. */
    public ObservableList<Column> responses() {
        return responses;
    }

    /** The response the next analysis explains. */
    public ObjectProperty<Column> responseProperty() {
        return response;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** "1. name   influence" lines, most influential first. */
    public ObservableList<String> ranking() {
        return ranking;
    }

    public ReadOnlyObjectProperty<Sensitivity.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The slice plots of the last analysis, with the selected combination marked; {@code null} before one. */
    public ReadOnlyObjectProperty<SensitivityPlot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    public Path exportFolder() {
        return exportFolder.get();
    }

    private void refreshResponses() {
        List<Column> next = new ArrayList<>(List.of(Column.LOSS));
        for (String m : results.table().metrics()) {
            next.add(Column.metric(m));
        }
        if (!next.equals(responses)) {
            Column keep = response.get();
            responses.setAll(next);
            response.set(next.contains(keep) ? keep : Column.LOSS);
        }
    }

    /** Fits the model and ranks the hyperparameters, in the background; a newer analysis replaces an older one. */
    public void analyse() {
        ResultTable table = results.table();
        Column what = response.get() == null ? Column.LOSS : response.get();
        List<Column> columns = new ArrayList<>(Column.hyperparameters(table));
        columns.add(what);
        ParallelLayout layout = ParallelLayout.of(table, results.spaceProperty().get(), columns, what, true);
        long id = ++session;
        running.set(true);
        status.set("Fitting…");
        tasks.run(() -> Sensitivity.analyze(layout, SEED), r -> {
            if (id != session) {
                return;
            }
            running.set(false);
            show(r);
        }, e -> {
            if (id != session) {
                return;
            }
            running.set(false);
            status.set("Analysis failed: " + IoErrors.describe(e));
        });
    }

    private void show(Sensitivity.Result r) {
        result.set(r);
        List<String> lines = new ArrayList<>();
        int i = 1;
        for (Sensitivity.Slice s : r.ranking()) {
            lines.add(i++ + ". " + s.axis().name() + "   " + Numbers.display(s.influence()));
        }
        ranking.setAll(lines);
        String of = r.response().name();
        status.set(r.gpFitted() ? "Influence: range of the GP mean of " + of + " along the axis"
                + (r.logLoss() ? " (log10 " + of + ")" : "") + "."
                : r.note() + ". Influence: share of the variance of " + of + " explained by the axis (eta squared).");
        replot();
    }

    private void replot() {
        Sensitivity.Result r = result.get();
        ResultRow s = results.selectedProperty().get();
        plot.set(r == null ? null : new SensitivityPlot(r, s == null ? -1 : s.id()));
    }

    /** Selects the combination of the point nearest to a click on the plot ({@code w} by {@code h}), if any. */
    public boolean pick(double x, double y, double w, double h) {
        if (plot.get() == null) {
            return false;
        }
        int id = plot.get().pointAt(x, y, w, h);
        ResultRow row = id < 0 ? null : results.row(id);
        if (row != null) {
            results.selectedProperty().set(row);
        }
        return row != null;
    }
}
