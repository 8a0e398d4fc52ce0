package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.pareto.FrontSummary;
import dev.hpsearch.optimizer.pareto.Objectives;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
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
    private List<Integer> frontIds = List.of();

    public ParetoViewModel(ResultsModel results) {
        this.results = results;
        names.setAll(ObjectivesConfig.SCORE);
        results.metrics().addListener((ListChangeListener<String>) c -> refreshNames());
        results.dataVersionProperty().addListener((o, a, b) -> recompute());
        results.brushedProperty().addListener((o, a, b) -> recompute());
        x.addListener((o, a, b) -> recompute());
        y.addListener((o, a, b) -> recompute());
        xMaximize.addListener((o, a, b) -> recompute());
        yMaximize.addListener((o, a, b) -> recompute());
        config.addListener((o, a, b) -> preset(b));
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

    /** Keeps only the front's rows in the table (the brush the parallel coordinates use too). */
    public void brushFront() {
        results.brushedProperty().set(frontIds.isEmpty() ? null : Set.copyOf(frontIds));
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
        List<FrontSummary.Run> runs = new ArrayList<>();
        for (ResultRow r : results.rows()) {
            if ("ok".equals(r.status()) && r.replicateOf() == null) {
                runs.add(new FrontSummary.Run(r.id(), r.loss(), r.metrics()));
            }
        }
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
