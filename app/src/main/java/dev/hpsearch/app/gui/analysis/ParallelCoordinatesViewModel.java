package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Parallel coordinates of the shared results: which columns are axes and which one colours the lines, the
 * brushes (published to the {@link ResultsModel} so that the table follows), and the selected combination (a
 * click on a line selects it; a selection made elsewhere is marked). Builds the {@link ParallelPlot} the view
 * shows; while the view is hidden, new data only marks the plot stale.
 */
public final class ParallelCoordinatesViewModel {
    private final ResultsModel results;
    private final TaskRunner tasks;
    private final Supplier<Path> exportFolder;
    private final ObservableList<Column> columns = FXCollections.observableArrayList();
    private final ObservableList<Column> axes = FXCollections.observableArrayList();
    private final ObjectProperty<Column> colour = new SimpleObjectProperty<>(Column.LOSS);
    private final BooleanProperty showFailed = new SimpleBooleanProperty(true);
    private final BooleanProperty logLoss = new SimpleBooleanProperty(true);
    private final ReadOnlyObjectWrapper<ParallelPlot> plot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ColourScale> colourScale = new ReadOnlyObjectWrapper<>();
    private ParallelLayout layout;
    private ParallelLayout.Brush[] brushes = new ParallelLayout.Brush[0];
    /**
     * True once the user chose axes; until then, and again when another search is shown (other
     * hyperparameters), every hyperparameter and the loss are axes.
     */
    private boolean axesChosen;
    private List<String> hyperparameters = List.of();
    private boolean showing;
    private boolean stale;
    private boolean rebuildPending;
    /** True while {@link #rebuild} sets the choices, so that their listeners do not rebuild again. */
    private boolean building;

    /**
     * @param exportFolder where export dialogs open (the project folder)
     */
    public ParallelCoordinatesViewModel(ResultsModel results, TaskRunner tasks, Supplier<Path> exportFolder) {
        this.results = results;
        this.tasks = tasks;
        this.exportFolder = exportFolder;
        results.dataVersionProperty().addListener((o, a, b) -> dataChanged());
        results.selectedProperty().addListener((o, a, b) -> markSelected());
        showFailed.addListener((o, a, b) -> {
            redraw();
            publish();
        });
        logLoss.addListener((o, a, b) -> rebuild());
        colour.addListener((o, a, b) -> {
            if (!building && b != null && !b.equals(layout == null ? null : layout.colourColumn())) {
                rebuild();
            }
        });
        rebuild();
    }

    /** Every column there is to show: the hyperparameters, the loss, the metrics the script reported. */
    public ObservableList<Column> columns() {
        return columns;
    }

    /** The columns shown as axes, left to right (read-only; change with {@link #setAxis}). */
    public ObservableList<Column> axes() {
        return FXCollections.unmodifiableObservableList(axes);
    }

    /** Shows or hides a column as an axis; axes keep the order of {@link #columns}. At least one axis stays. */
    public void setAxis(Column c, boolean shown) {
        if (!columns.contains(c) || axes.contains(c) == shown || (!shown && axes.size() == 1)) {
            return;
        }
        List<Column> next = new ArrayList<>();
        for (Column x : columns) {
            if (x.equals(c) ? shown : axes.contains(x)) {
                next.add(x);
            }
        }
        axesChosen = true;
        axes.setAll(next);
        rebuild();
    }

    /** The column whose value colours the lines (the loss unless chosen). */
    public ObjectProperty<Column> colourProperty() {
        return colour;
    }

    public BooleanProperty showFailedProperty() {
        return showFailed;
    }

    public BooleanProperty logLossProperty() {
        return logLoss;
    }

    /** The plot to show, new after every change. */
    public ReadOnlyObjectProperty<ParallelPlot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    /** The legend of the line colours. */
    public ReadOnlyObjectProperty<ColourScale> colourScaleProperty() {
        return colourScale.getReadOnlyProperty();
    }

    public ParallelLayout layout() {
        return layout;
    }

    public Path exportFolder() {
        return exportFolder.get();
    }

    /** Whether the view is on screen; while hidden, new data only marks the plot stale. */
    public void setShowing(boolean on) {
        showing = on;
        if (on && stale) {
            stale = false;
            rebuild();
        }
    }

    private void dataChanged() {
        if (!showing) {
            stale = true;
            return;
        }
        // several batches in one pulse are laid out once
        if (!rebuildPending) {
            rebuildPending = true;
            tasks.onUi(() -> {
                rebuildPending = false;
                rebuild();
            });
        }
    }

    /** Lays out the current results again, keeping brushes when the axes are unchanged. */
    public void rebuild() {
        ResultTable table = results.table();
        if (!table.hyperparameters().equals(hyperparameters)) {
            hyperparameters = table.hyperparameters();
            axesChosen = false;
        }
        List<Column> all = Column.all(table);
        if (!all.equals(columns)) {
            columns.setAll(all);
        }
        List<Column> chosen = new ArrayList<>();
        for (Column c : all) {
            if (axesChosen ? axes.contains(c) : c.isHyperparameter() || c.kind() == Column.Kind.LOSS) {
                chosen.add(c);
            }
        }
        if (chosen.isEmpty()) {
            axesChosen = false;
            all.stream().filter(c -> c.isHyperparameter() || c.kind() == Column.Kind.LOSS).forEach(chosen::add);
        }
        if (!chosen.equals(axes)) {
            axes.setAll(chosen);
        }
        if (!all.contains(colour.get())) {
            building = true;
            colour.set(Column.LOSS);
            building = false;
        }
        ParallelLayout next = ParallelLayout.of(table, results.spaceProperty().get(), chosen, colour.get(),
                logLoss.get());
        if (layout == null || !next.axes().equals(layout.axes()) || brushes.length != next.axes().size()) {
            brushes = next.noBrushes();
        }
        layout = next;
        colourScale.set(ColourScale.of(next));
        redraw();
    }

    private void redraw() {
        // a new layout regroups the lines; a brush, the failed toggle or a selection reuses the plot's grouping
        ParallelPlot current = plot.get();
        ParallelPlot next = current != null && current.layout() == layout
                ? current.withBrushes(brushes.clone(), showFailed.get())
                : new ParallelPlot(layout, brushes.clone(), showFailed.get());
        plot.set(next.withSelected(selectedIndex()));
    }

    private int selectedIndex() {
        ResultRow s = results.selectedProperty().get();
        return s == null || layout == null ? -1 : layout.indexOf(s.id());
    }

    private void markSelected() {
        if (plot.get() != null && plot.get().selected() != selectedIndex()) {
            plot.set(plot.get().withSelected(selectedIndex()));
        }
    }

    /** Brushes axis {@code axis} to [low, high] in axis positions while dragging; {@link #publish} when done. */
    public void brush(int axis, double low, double high) {
        brushes[axis] = new ParallelLayout.Brush(low, high);
        redraw();
    }

    /** Removes the brush of one axis and publishes. */
    public void clearBrush(int axis) {
        brushes[axis] = null;
        redraw();
        publish();
    }

    /** Removes every brush and publishes. */
    public void clearBrushes() {
        brushes = layout.noBrushes();
        redraw();
        publish();
    }

    /** Tells the results which combinations the brushes keep ({@code null}: all). */
    public void publish() {
        boolean any = false;
        for (ParallelLayout.Brush b : brushes) {
            any |= b != null;
        }
        if (!any && showFailed.get()) {
            results.brushedProperty().set(null);
            return;
        }
        Set<Integer> ids = new HashSet<>(layout.passingIds(brushes, showFailed.get()));
        results.brushedProperty().set(ids);
    }

    /**
     * Selects the combination whose line passes nearest to a point of the plot ({@code w} by {@code h}); a
     * click beside every line changes nothing. Returns whether a line was hit.
     */
    public boolean pick(double x, double y, double w, double h) {
        int i = plot.get().lineAt(x, y, w, h);
        if (i >= 0) {
            results.selectedProperty().set(layout.rows().get(i));
        }
        return i >= 0;
    }
}
