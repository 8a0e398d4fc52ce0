package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResponseChoice;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import dev.hpsearch.optimizer.gp.GpFitException;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Sensitivity of the shared results: which response to analyse (the loss or a metric), the fit (a GP, in the
 * background through the {@link TaskRunner}), the ranking of hyperparameters by their total Sobol index with its
 * interval ({@link GlobalSensitivity}), and the plot: partial dependence by default, or, as an option labelled so,
 * the one-at-a-time slices through the best combination, on which the selected combination is marked and a click on
 * a point selects its combination. With too few results for the global indices, the slices and their ranking stay.
 */
public final class SensitivityViewModel {
    /** The GP fit's seed: the same results give the same analysis. */
    private static final long SEED = 1;
    private final ResultsModel results;
    private final TaskRunner tasks;
    private final Supplier<Path> exportFolder;
    private final ResponseChoice response;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Analyse the scored combinations: which hyperparameters matter, with intervals, on a GP.");
    private final ObservableList<String> ranking = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Sensitivity.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Plot> plot = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ImportancePlot> importance = new ReadOnlyObjectWrapper<>();
    private final BooleanProperty slices = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Global> global = new ReadOnlyObjectWrapper<>();

    /**
     * The global analysis of the last run: the indices, each hyperparameter's partial dependence, and the data they
     * came from; {@code null} when there were too few results for it (the slices remain).
     */
    public record Global(ResponseData data, GlobalSensitivity.Result indices,
                         List<GlobalSensitivity.Dependence> dependence, GlobalSensitivity fit) {
    }

    private record Analysis(Sensitivity.Result slices, Global global, String globalFailure, ContourPlot contour) {
    }
    private final ObservableList<String> pairChoices = FXCollections.observableArrayList();
    private final ObjectProperty<String> pairX = new SimpleObjectProperty<>();
    private final ObjectProperty<String> pairY = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<ContourPlot> contour = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper contourStatus = new ReadOnlyStringWrapper("");
    /** While an analysis sets the default pair: no contour for the half-set pair. */
    private boolean settingPair;
    private long session;
    private long contourSession;

    /**
     * @param exportFolder where export dialogs open (the project folder)
     */
    public SensitivityViewModel(ResultsModel results, TaskRunner tasks, Supplier<Path> exportFolder) {
        this.results = results;
        this.tasks = tasks;
        this.exportFolder = exportFolder;
        this.response = results.response();
        results.selectedProperty().addListener((o, a, b) -> replot());
        slices.addListener((o, a, b) -> replot());
        pairX.addListener((o, a, b) -> pairChanged());
        pairY.addListener((o, a, b) -> pairChanged());
    }

    /** The hyperparameters a contour can show, once an analysis has fitted its GP. */
    public ObservableList<String> pairChoices() {
        return pairChoices;
    }

    /** The contour's horizontal hyperparameter; an analysis sets it to one of the pair that interacts most. */
    public ObjectProperty<String> pairXProperty() {
        return pairX;
    }

    /** The contour's vertical hyperparameter. */
    public ObjectProperty<String> pairYProperty() {
        return pairY;
    }

    /** The GP mean over the chosen pair, or {@code null} before an analysis or while it is computed. */
    public ReadOnlyObjectProperty<ContourPlot> contourProperty() {
        return contour.getReadOnlyProperty();
    }

    /** What the contour shows, or why there is none. */
    public ReadOnlyStringProperty contourStatusProperty() {
        return contourStatus.getReadOnlyProperty();
    }

    /** What can be analysed: the loss and each metric the script reported (the shared {@link ResponseChoice}). */
    public ObservableList<Column> responses() {
        return response.responses();
    }

    /** The response the next analysis explains, shared with the Selection view and the report. */
    public ObjectProperty<Column> responseProperty() {
        return response.responseProperty();
    }

    /**
     * Whether lower values of the response are better (always true for the loss): the indices do not depend on it,
     * the report's choice section does.
     */
    public BooleanProperty minimizeProperty() {
        return response.minimizeProperty();
    }

    /** True while the response is the loss, which is always minimized. */
    public ReadOnlyBooleanProperty directionFixedProperty() {
        return response.directionFixedProperty();
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

    /**
     * The plot of the last analysis: partial dependence, or the slices ({@link #slicesProperty}) with the selected
     * combination marked; {@code null} before one.
     */
    public ReadOnlyObjectProperty<Plot> plotProperty() {
        return plot.getReadOnlyProperty();
    }

    /**
     * The indices of the last global analysis as bars with their intervals, drawn as the report draws them; {@code
     * null} before one, or when there were too few results for it.
     */
    public ReadOnlyObjectProperty<ImportancePlot> importanceProperty() {
        return importance.getReadOnlyProperty();
    }

    /** Show the one-at-a-time slices through the best combination instead of partial dependence. */
    public BooleanProperty slicesProperty() {
        return slices;
    }

    /** The global indices and partial dependence of the last analysis, or {@code null}. */
    public ReadOnlyObjectProperty<Global> globalProperty() {
        return global.getReadOnlyProperty();
    }

    public Path exportFolder() {
        return exportFolder.get();
    }

    /** Fits the model and ranks the hyperparameters, in the background; a newer analysis replaces an older one. */
    public void analyse() {
        ResultTable table = results.table();
        Column what = response.column();
        List<Column> columns = new ArrayList<>(Column.hyperparameters(table));
        columns.add(what);
        ParallelLayout layout = ParallelLayout.of(table, results.spaceProperty().get(), columns, what, true);
        long id = ++session;
        running.set(true);
        status.set("Fitting…");
        SearchSpace space = results.spaceProperty().get();
        String metric = response.metric();
        tasks.run(() -> analysis(layout, table, space, metric), r -> {
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

    /** Off the UI thread: the slices, and the global indices with partial dependence when a GP can be fitted. */
    private static Analysis analysis(ParallelLayout layout, ResultTable table, SearchSpace space, String metric) {
        Sensitivity.Result slices = Sensitivity.analyze(layout, SEED);
        try {
            ResponseData data = ResponseData.of(table, space, metric);
            GlobalSensitivity g = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), SEED);
            GlobalSensitivity.Result indices = g.indices();
            List<GlobalSensitivity.Dependence> dependence = new ArrayList<>();
            for (int j = 0; j < data.inputs().size(); j++) {
                dependence.add(g.partialDependence(j, 21));
            }
            ContourPlot top = null;
            if (data.inputs().size() >= 2) {
                int[] pair = ContourPlot.topPair(indices, data);
                top = ContourPlot.of(g, data, pair[0], pair[1]);
            }
            return new Analysis(slices, new Global(data, indices, dependence, g), "", top);
        } catch (GpFitException | IllegalArgumentException e) {
            return new Analysis(slices, null, e.getMessage(), null);
        }
    }

    private void show(Analysis a) {
        Sensitivity.Result r = a.slices();
        result.set(r);
        global.set(a.global());
        importance.set(a.global() == null ? null
                : new ImportancePlot(a.global().indices(), a.global().data().metric()));
        showContour(a);
        List<String> lines = new ArrayList<>();
        String of = r.response().name();
        if (a.global() != null) {
            GlobalSensitivity.Result g = a.global().indices();
            int i = 1;
            for (GlobalSensitivity.Index ix : g.ranking()) {
                // two lines, so that a narrow list never cuts a figure off
                lines.add(i++ + ". " + ix.name() + "\n    total " + ImportancePlot.interval(ix.total())
                        + "\n    first " + ImportancePlot.interval(ix.firstOrder()));
            }
            ranking.setAll(lines);
            status.set(String.format(Locale.ROOT, "Sobol indices of %s on a GP of %d results (leave-one-out R² %.2f);"
                    + " 95 %% intervals over draws of the GP posterior. Total: the share of the variance due to the"
                    + " hyperparameter with its interactions; first: alone.", of, g.n(), g.looR2())
                    + (g.warning().isEmpty() ? "" : " WARNING: " + g.warning()));
        } else {
            int i = 1;
            for (Sensitivity.Slice s : r.ranking()) {
                lines.add(i++ + ". " + s.axis().name() + "   " + Numbers.display(s.influence()));
            }
            ranking.setAll(lines);
            status.set("No global indices (" + a.globalFailure() + "). "
                    + (r.gpFitted() ? "Influence: range of the GP mean of " + of + " along the axis, one at a time"
                    + " through the best" + (r.logLoss() ? " (log10 " + of + ")" : "") + "."
                    : r.note() + ". Influence: share of the variance of " + of
                    + " explained by the axis (eta squared)."));
        }
        replot();
    }

    private void showContour(Analysis a) {
        contourSession++;
        settingPair = true;
        try {
            if (a.contour() == null) {
                pairChoices.clear();
                pairX.set(null);
                pairY.set(null);
                contour.set(null);
                contourStatus.set(a.global() == null ? "No contour without the global analysis."
                        : "A contour needs two hyperparameters.");
                return;
            }
            pairChoices.setAll(a.global().data().inputs().stream().map(GlobalSensitivity.Input::name).toList());
            pairX.set(a.contour().x().axis().name());
            pairY.set(a.contour().y().axis().name());
            contour.set(a.contour());
            contourStatus.set(describe(a.contour(), true));
        } finally {
            settingPair = false;
        }
    }

    private String describe(ContourPlot c, boolean top) {
        return "GP mean of " + c.response() + " over " + c.x().axis().name() + " and " + c.y().axis().name()
                + (top ? ": the pair with the largest interaction (total minus first-order index)." : ".");
    }

    /** A pair chosen by the user: its contour, computed in the background. */
    private void pairChanged() {
        Global g = global.get();
        if (settingPair || g == null || pairX.get() == null || pairY.get() == null) {
            return;
        }
        List<String> names = pairChoices;
        int a = names.indexOf(pairX.get());
        int b = names.indexOf(pairY.get());
        long id = ++contourSession;
        if (a < 0 || b < 0 || a == b) {
            contour.set(null);
            contourStatus.set("Choose two different hyperparameters.");
            return;
        }
        contourStatus.set("Computing the GP mean over " + pairX.get() + " and " + pairY.get() + "…");
        int[] top = ContourPlot.topPair(g.indices(), g.data());
        boolean isTop = (a == top[0] && b == top[1]) || (a == top[1] && b == top[0]);
        tasks.run(() -> ContourPlot.of(g.fit(), g.data(), a, b), c -> {
            if (id == contourSession) {
                contour.set(c);
                contourStatus.set(describe(c, isTop));
            }
        }, e -> {
            if (id == contourSession) {
                contour.set(null);
                contourStatus.set("Contour failed: " + IoErrors.describe(e));
            }
        });
    }

    private void replot() {
        Sensitivity.Result r = result.get();
        Global g = global.get();
        if (g != null && !slices.get()) {
            plot.set(DependencePlot.ranked(g.data(), g.indices(), g.dependence()));
            return;
        }
        ResultRow s = results.selectedProperty().get();
        plot.set(r == null ? null : new SensitivityPlot(r, s == null ? -1 : s.id()));
    }

    /** Selects the combination of the point nearest to a click on the plot ({@code w} by {@code h}), if any. */
    public boolean pick(double x, double y, double w, double h) {
        if (plot.get() == null) {
            return false;
        }
        if (!(plot.get() instanceof SensitivityPlot slicePlot)) {
            return false;
        }
        int id = slicePlot.pointAt(x, y, w, h);
        ResultRow row = id < 0 ? null : results.row(id);
        if (row != null) {
            results.selectedProperty().set(row);
        }
        return row != null;
    }
}
