package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.pareto.FrontSummary;
import dev.hpsearch.optimizer.pareto.Hypervolume;
import dev.hpsearch.optimizer.pareto.Objectives;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
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
 *
 * <p>Fronts are computed in the background ({@link TaskRunner}): with more than three objectives the hypervolume is
 * a Monte Carlo estimate that takes tens of milliseconds per hundred runs, and a large search's dominance sort is
 * not free either, so neither may hold the UI thread at each batch of new results. One computation runs at a time;
 * changes meanwhile are gathered into the next. While the tab is hidden, new data only marks the plots stale.
 */
public final class ParetoViewModel {
    private final ResultsModel results;
    private final TaskRunner tasks;
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
    private TwoFront two;
    private boolean showing = true;
    private boolean pendingTwo;
    private boolean pendingAll;
    private boolean computing;

    public ParetoViewModel(ResultsModel results, TaskRunner tasks) {
        this.results = results;
        this.tasks = tasks;
        names.setAll(ObjectivesConfig.SCORE);
        results.metrics().addListener((ListChangeListener<String>) c -> refreshNames());
        // the front of every objective follows the data and the config only: not the two plotted, not a brush
        results.dataVersionProperty().addListener((o, a, b) -> request(true, true));
        results.brushedProperty().addListener((o, a, b) -> showTwo());
        x.addListener((o, a, b) -> request(true, false));
        y.addListener((o, a, b) -> request(true, false));
        xMaximize.addListener((o, a, b) -> request(true, false));
        yMaximize.addListener((o, a, b) -> request(true, false));
        results.selectedProperty().addListener((o, a, b) -> markSelected());
        config.addListener((o, a, b) -> {
            refreshNames();
            preset(b);
            request(true, true);
        });
        refreshNames();
        request(true, true);
    }

    /**
     * The score, the search's objectives and every metric seen, in that order. Names are added and removed, never
     * replaced all at once: a combo box whose items are replaced drops its value, which would lose the axes preset
     * from the search's objectives when the first metrics arrive.
     */
    private void refreshNames() {
        Set<String> wanted = new LinkedHashSet<>();
        wanted.add(ObjectivesConfig.SCORE);
        if (config.get() != null) {
            config.get().objectives().forEach(o -> wanted.add(o.name()));
        }
        wanted.addAll(results.metrics());
        names.removeIf(n -> !wanted.contains(n));
        for (String n : wanted) {
            if (!names.contains(n)) {
                names.add(n);
            }
        }
        request(true, false);
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
    }

    /** Whether the view is on screen; while hidden, new data only marks the plots stale. */
    public void setShowing(boolean on) {
        showing = on;
        request(false, false);
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

    /** Asks for the front of the two plotted ({@code two}) and of every objective ({@code all}) to be computed again. */
    private void request(boolean two, boolean all) {
        pendingTwo |= two;
        pendingAll |= all;
        if (showing && !computing && (pendingTwo || pendingAll)) {
            start();
        }
    }

    private void start() {
        boolean doTwo = pendingTwo;
        boolean doAll = pendingAll;
        pendingTwo = false;
        pendingAll = false;
        // everything the computation reads is taken here, on the UI thread
        List<ResultRow> rows = finished();
        ObjectivesConfig twoConfig = doTwo ? twoPlotted() : null;
        ObjectivesConfig allConfig = doAll ? config.get() : null;
        List<String> hyperparameters = results.table().hyperparameters();
        SearchSpace space = results.spaceProperty().get();
        computing = true;
        tasks.run(() -> new Computed(doTwo ? TwoFront.of(twoConfig, rows) : null,
                        doAll ? AllFronts.of(allConfig, rows, hyperparameters, space) : null),
                c -> {
                    computing = false;
                    if (doTwo) {
                        two = c.two();
                        showTwo();
                    }
                    if (doAll) {
                        showAll(c.all());
                    }
                    request(false, false);
                },
                e -> {
                    computing = false;
                    status.set("The Pareto front could not be computed: " + IoErrors.describe(e));
                    request(false, false);
                });
    }

    /** The two objectives plotted, under the search's constraints; {@code null} when they are not two different. */
    private ObjectivesConfig twoPlotted() {
        if (x.get() == null || y.get() == null || x.get().equals(y.get())) {
            return null;
        }
        return new ObjectivesConfig(List.of(new ObjectivesConfig.Objective(x.get(), xMaximize.get()),
                new ObjectivesConfig.Objective(y.get(), yMaximize.get())),
                config.get() == null ? List.of() : config.get().constraints());
    }

    private record Computed(TwoFront two, AllFronts all) {
    }

    /** The scatter plot's points and the front of the two objectives plotted; {@code config} null: no plot. */
    private record TwoFront(ObjectivesConfig config, List<ParetoPlot.Point> points, FrontSummary summary) {
        static TwoFront of(ObjectivesConfig config, List<ResultRow> rows) {
            if (config == null) {
                return new TwoFront(null, List.of(), null);
            }
            Objectives objectives = new Objectives(config, false);
            List<FrontSummary.Run> runs = runs(rows);
            FrontSummary summary = FrontSummary.of(objectives, runs, 0);
            List<ParetoPlot.Point> points = ParetoPlot.points(objectives, runs, summary);
            return new TwoFront(config, points, summary);
        }
    }

    /** The front of every objective, laid out as parallel coordinates; {@code null} with two objectives or fewer. */
    private record AllFronts(ObjectivesConfig config, FrontSummary summary, ParallelLayout layout) {
        static AllFronts of(ObjectivesConfig all, List<ResultRow> rows, List<String> hyperparameters,
                SearchSpace space) {
            if (all == null || all.objectives().size() <= 2) {
                return null;
            }
            FrontSummary summary = FrontSummary.of(new Objectives(all, false), runs(rows), 0);
            List<Column> axes = new ArrayList<>();
            for (ObjectivesConfig.Objective o : all.objectives()) {
                // the score's axis is the loss column's
                axes.add(ObjectivesConfig.SCORE.equals(o.name()) ? Column.LOSS : Column.metric(o.name()));
            }
            ParallelLayout layout = ParallelLayout.of(new ResultTable(hyperparameters, rows), space, axes, axes.get(0),
                    false);
            return new AllFronts(all, summary, layout);
        }
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

    /** "1 run", "3 runs". */
    private static String runs(int n) {
        return n + (n == 1 ? " run" : " runs");
    }

    private static List<FrontSummary.Run> runs(List<ResultRow> rows) {
        return rows.stream().map(r -> new FrontSummary.Run(r.id(), r.loss(), r.metrics())).toList();
    }

    private void showAll(AllFronts computed) {
        if (computed == null) {
            allObjectives.set(null);
            allStatus.set("");
            allFrontIds = List.of();
            return;
        }
        ObjectivesConfig all = computed.config();
        FrontSummary summary = computed.summary();
        ParallelLayout layout = computed.layout();
        allFrontIds = summary.front().stream().map(FrontSummary.Member::id).toList();
        List<String> named = new ArrayList<>();
        for (ObjectivesConfig.Objective o : all.objectives()) {
            named.add((ObjectivesConfig.SCORE.equals(o.name()) ? "loss" : o.name()) + " (" + o.direction() + ")");
        }
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
        ParallelPlot p = new ParallelPlot(layout, layout.noBrushes(), true)
                .withMarked(new ParallelPlot.Marked(Arrays.copyOf(marked, m), legend,
                        "click a line to select its run"));
        allObjectives.set(p.withSelected(selectedLine(p)));
        Hypervolume.Estimate hv = summary.hypervolume();
        allStatus.set(summary.front().isEmpty() ? "No feasible run has every objective's value yet."
                : runs(summary.front().size()) + " on the front of all " + all.objectives().size() + " objectives, of "
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

    /** Draws the last computed front of the two plotted, ringing the runs brushed now. */
    private void showTwo() {
        if (two == null) {
            return;
        }
        if (two.config() == null) {
            plot.set(null);
            frontIds = List.of();
            status.set("Choose two different objectives.");
            return;
        }
        FrontSummary summary = two.summary();
        frontIds = summary.front().stream().map(FrontSummary.Member::id).toList();
        Set<Integer> brushed = results.brushedProperty().get() == null ? Set.of() : results.brushedProperty().get();
        List<ObjectivesConfig.Objective> axes = two.config().objectives();
        plot.set(new ParetoPlot(axes.get(0).name() + " (" + axes.get(0).direction() + ")",
                axes.get(1).name() + " (" + axes.get(1).direction() + ")", two.points(), brushed));
        status.set(summary.front().isEmpty() ? "No feasible run has both values yet."
                : runs(summary.front().size()) + " on the front of " + summary.feasible() + " feasible; hypervolume "
                + Numbers.display(summary.hypervolume().value()) + " up to (" + Numbers.display(summary.reference()[0])
                + ", " + Numbers.display(summary.reference()[1]) + "), each objective's worst feasible value plus 10 %"
                + " of its range.");
    }
}
