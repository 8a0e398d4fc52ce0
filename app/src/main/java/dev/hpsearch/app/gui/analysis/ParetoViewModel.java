package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.pareto.FrontSummary;
import dev.hpsearch.optimizer.pareto.Hypervolume;
import dev.hpsearch.optimizer.pareto.Objectives;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The Pareto plot of two objectives (docs/decisions/0025): which two (the score {@code objective} or a metric of
 * output.json) and their directions, preset from the search's {@code objectives}; the constraints come from the
 * search config. The front and its hypervolume are computed as {@code hpsearch status} does, from the rows of the
 * search on screen. Clicking a point selects its row; "brush the front" keeps only the front's rows in the table.
 * With more than two objectives, a plot of two cannot show the front: parallel coordinates of every objective show
 * it instead, the front of all of them marked (thick red lines, a legend entry), and "brush the front" keeps that
 * front.
 */
public final class ParetoViewModel {
    private final ResultsModel results;
    private final ObservableList<String> names = FXCollections.observableArrayList();
    private final ObjectProperty<String> x = new SimpleObjectProperty<>(null);
    private final ObjectProperty<String> y = new SimpleObjectProperty<>(null);
    private final BooleanProperty xMaximize = new SimpleBooleanProperty(false);
    private final BooleanProperty yMaximize = new SimpleBooleanProperty(false);
    private final ObjectProperty<ObjectivesConfig> config = new SimpleObjectProperty<>(ObjectivesConfig.NONE);
    private final ReadOnlyObjectWrapper<ParetoPlot> plot = new ReadOnlyObjectWrapper<>(null);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ParallelPlot> allObjectives = new ReadOnlyObjectWrapper<>(null);
    private final ReadOnlyStringWrapper allStatus = new ReadOnlyStringWrapper("");
    private List<Integer> frontIds = List.of();
    private List<Integer> allFrontIds = List.of();

    public ParetoViewModel(ResultsModel results) {
        this.results = results;
        names.setAll(ObjectivesConfig.SCORE);
        results.metrics().addListener((ListChangeListener<String>) c -> refreshNames());
        // the front of every objective follows the data and the config only: not the two plotted, not a brush
        results.dataVersionProperty().addListener((o, a, b) -> {
            recomputeAll();
            recompute();
        });
        results.brushedProperty().addListener((o, a, b) -> recompute());
        x.addListener((o, a, b) -> recompute());
        y.addListener((o, a, b) -> recompute());
        xMaximize.addListener((o, a, b) -> recompute());
        yMaximize.addListener((o, a, b) -> recompute());
        results.selectedProperty().addListener((o, a, b) -> markSelected());
        config.addListener((o, a, b) -> {
            recomputeAll();
            preset(b);
        });
        refreshNames();
    }

    private void refreshNames() {
        List<String> all = new ArrayList<>(List.of(ObjectivesConfig.SCORE));
        all.addAll(results.metrics());
        names.setAll(all);
        recompute();
    }

    /** The search's objectives and constraints: the first two objectives become the axes. */
    public ObjectProperty<ObjectivesConfig> configProperty() {
        return config;
    }

    private void preset(ObjectivesConfig c) {
        if (c != null && c.objectives().size() >= 2) {
            xMaximize.set(c.objectives().get(0).maximize());
            yMaximize.set(c.objectives().get(1).maximize());
            x.set(c.objectives().get(0).name());
            y.set(c.objectives().get(1).name());
        }
        recompute();
    }

    /** What can be on an axis: the score and every metric seen. */
    public ObservableList<String> names() {
        return names;
    }

    public ObjectProperty<String> xProperty() {
        return x;
    }

    public ObjectProperty<String> yProperty() {
        return y;
    }

    public BooleanProperty xMaximizeProperty() {
        return xMaximize;
    }

    public BooleanProperty yMaximizeProperty() {
        return yMaximize;
    }

    public ReadOnlyObjectProperty<ParetoPlot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    /**
     * With more than two objectives: parallel coordinates of every objective with the front of all of them marked;
     * {@code null} otherwise.
     */
    public ReadOnlyObjectProperty<ParallelPlot> allObjectivesProperty() {
        return allObjectives.getReadOnlyProperty();
    }

    /** The front of every objective in words (size, hypervolume), when there are more than two; else empty. */
    public ReadOnlyStringProperty allStatusProperty() {
        return allStatus.getReadOnlyProperty();
    }

    /** Selects the run whose line in the parallel coordinates of every objective is nearest to a click. */
    public void pickLine(double px, double py, double w, double h) {
        ParallelPlot p = allObjectives.get();
        int i = p == null ? -1 : p.lineAt(px, py, w, h);
        if (i >= 0) {
            results.select(results.row(p.layout().rows().get(i).id()));
        }
    }

    /** The front's size and hypervolume in words, or why there is no plot. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Selects the run drawn nearest to a click. */
    public void pick(double px, double py, double w, double h) {
        ParetoPlot p = plot.get();
        int id = p == null ? -1 : p.pick(px, py, w, h);
        if (id >= 0) {
            results.select(results.row(id));
        }
    }

    /**
     * Keeps only the front's rows in the table (the brush the parallel coordinates use too): the front of every
     * objective when there are more than two, else that of the two plotted.
     */
    public void brushFront() {
        List<Integer> ids = allObjectives.get() != null ? allFrontIds : frontIds;
        results.brushedProperty().set(ids.isEmpty() ? null : Set.copyOf(ids));
    }

    /** The runs the front is made of: finished with a result, replicates left out. */
    private List<ResultRow> finished() {
        List<ResultRow> out = new ArrayList<>();
        for (ResultRow r : results.rows()) {
            if ("ok".equals(r.status()) && r.replicateOf() == null) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<FrontSummary.Run> runs(List<ResultRow> rows) {
        return rows.stream().map(r -> new FrontSummary.Run(r.id(), r.loss(), r.metrics())).toList();
    }

    /** The parallel coordinates of every objective with their front marked, when there are more than two. */
    private void recomputeAll() {
        ObjectivesConfig all = config.get();
        if (all == null || all.objectives().size() <= 2) {
            allObjectives.set(null);
            allStatus.set("");
            allFrontIds = List.of();
            return;
        }
        List<ResultRow> rows = finished();
        FrontSummary summary = FrontSummary.of(new Objectives(all, false), runs(rows), 0);
        allFrontIds = summary.front().stream().map(FrontSummary.Member::id).toList();
        List<Column> axes = new ArrayList<>();
        List<String> named = new ArrayList<>();
        for (ObjectivesConfig.Objective o : all.objectives()) {
            axes.add(ObjectivesConfig.SCORE.equals(o.name()) ? Column.LOSS : Column.metric(o.name()));
            // the score's axis is the loss column's
            named.add((ObjectivesConfig.SCORE.equals(o.name()) ? "loss" : o.name()) + " (" + o.direction() + ")");
        }
        ParallelLayout layout = ParallelLayout.of(new ResultTable(results.table().hyperparameters(), rows),
                results.spaceProperty().get(), axes, axes.get(0), false);
        Set<Integer> front = Set.copyOf(allFrontIds);
        int[] marked = new int[front.size()];
        int m = 0;
        for (int i = 0; i < layout.size(); i++) {
            if (front.contains(layout.rows().get(i).id())) {
                marked[m++] = i;
            }
        }
        String legend = "Pareto front of " + String.join(", ", named) + ": " + summary.front().size() + " of "
                + summary.feasible() + " feasible runs" + (all.constraints().isEmpty() ? "" : " (constraints: "
                + String.join(", ", all.constraints().stream().map(ObjectivesConfig.Constraint::describe).toList())
                + ")");
        ParallelPlot plot = new ParallelPlot(layout, layout.noBrushes(), true)
                .withMarked(new ParallelPlot.Marked(Arrays.copyOf(marked, m), legend,
                        "click a line to select its run"));
        allObjectives.set(plot.withSelected(selectedLine(plot)));
        Hypervolume.Estimate hv = summary.hypervolume();
        allStatus.set(summary.front().isEmpty() ? "No feasible run has every objective's value yet."
                : summary.front().size() + " runs on the front of all " + all.objectives().size() + " objectives, of "
                + summary.feasible() + " feasible (thick red lines above); hypervolume " + Numbers.display(hv.value())
                + (hv.exact() ? "" : " ± " + Numbers.display(hv.standardError()) + " (Monte Carlo, standard error)")
                + ". The scatter plot shows two of them at a time: its front is that of those two only.");
    }

    private int selectedLine(ParallelPlot plot) {
        ResultRow s = results.selectedProperty().get();
        return s == null ? -1 : plot.layout().indexOf(s.id());
    }

    private void markSelected() {
        ParallelPlot p = allObjectives.get();
        if (p != null && p.selected() != selectedLine(p)) {
            allObjectives.set(p.withSelected(selectedLine(p)));
        }
    }

    private void recompute() {
        if (x.get() == null || y.get() == null || x.get().equals(y.get())) {
            plot.set(null);
            status.set("Choose two different objectives.");
            return;
        }
        ObjectivesConfig two = new ObjectivesConfig(List.of(new ObjectivesConfig.Objective(x.get(), xMaximize.get()),
                new ObjectivesConfig.Objective(y.get(), yMaximize.get())),
                config.get() == null ? List.of() : config.get().constraints());
        Objectives objectives = new Objectives(two, false);
        List<FrontSummary.Run> runs = runs(finished());
        FrontSummary summary = FrontSummary.of(objectives, runs, 0);
        Set<Integer> onFront = new HashSet<>();
        summary.front().forEach(m -> onFront.add(m.id()));
        frontIds = summary.front().stream().map(FrontSummary.Member::id).toList();
        List<ParetoPlot.Point> points = new ArrayList<>();
        for (FrontSummary.Run r : runs) {
            double[] v = objectives.values(r.score(), r.metrics());
            if (v != null) {
                points.add(new ParetoPlot.Point(r.id(), v[0], v[1], objectives.feasible(r.score(), r.metrics()),
                        onFront.contains(r.id())));
            }
        }
        Set<Integer> brushed = results.brushedProperty().get() == null ? Set.of() : results.brushedProperty().get();
        plot.set(new ParetoPlot(x.get() + " (" + two.objectives().get(0).direction() + ")",
                y.get() + " (" + two.objectives().get(1).direction() + ")", points, brushed));
        status.set(summary.front().isEmpty() ? "No feasible run has both values yet."
                : summary.front().size() + " runs on the front of " + summary.feasible() + " feasible; hypervolume "
                + Numbers.display(summary.hypervolume().value()) + " up to (" + Numbers.display(summary.reference()[0])
                + ", " + Numbers.display(summary.reference()[1]) + "), each objective's worst feasible value plus 10 %"
                + " of its range.");
    }
}
