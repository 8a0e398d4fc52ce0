package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResponseChoice;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.app.service.ChoiceFiles;
import dev.hpsearch.optimizer.analysis.Choice;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.gp.GpFitException;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.space.Simpler;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Choosing honestly among the shared results, as the seed's "Read this" asks, on {@link Choice} (the math has one
 * owner; {@code hpsearch choose} uses it too): which response (the loss or a metric, lower or higher better), the
 * noise for fixed hyperparameters and where it comes from, every setting with its mean, how much worse than the best
 * it is, whether it ties with the best, its probability of being the best with that estimate's interval and its
 * number of runs; the simplest tie proposed with the reason, which the user can override by choosing another setting;
 * how optimistic the best value is; and the chosen setting's input.json and the ensemble written the way {@code
 * hpsearch choose --export/--ensemble} writes them ({@link ChoiceFiles}). The analysis runs in the background.
 */
public final class SelectionViewModel {
    /** The seed of the GP fit and its draws: that of {@code hpsearch choose}, so both give the same answer. */
    static final long SEED = 1;
    static final String REPLICATE_MISSING = "Needs replicates support: re-running the best settings to measure the"
            + " noise is not wired into this window yet. Use replicates of your own (rows with the same"
            + " hyperparameters) or the GP's noise estimate meanwhile.";
    static final String REPLICATE_NEEDS_SEARCH = "Replicates run in a search: open or run the search (a results file"
            + " read on its own cannot run anything).";

    /** The search the results come from: its folder (the combinations' input.json files) and its model config. */
    public record Search(Path folder, ModelConfig model) {
    }

    /**
     * Runs the given combinations again to measure the noise: the place the replicate service is wired in.
     * Called on the UI thread; it starts the runs in the background and returns at once.
     */
    @FunctionalInterface
    public interface Replicator {
        /**
         * Starts {@code runs} more runs of each combination of the search in {@code searchFolder} (on the search's
         * own target) and returns a line for the status once they are under way.
         */
        String replicate(Path searchFolder, List<Integer> combinationIds, int runs);
    }

    /**
     * A setting of the hyperparameters in the table.
     *
     * @param setting  what {@link Choice} found of it
     * @param row      its first combination
     * @param choice   the analysis it belongs to (its units and scale)
     * @param proposed whether it is the proposed pick
     */
    public record SettingRow(Choice.Setting setting, ResultRow row, Choice.Result choice, boolean proposed) {
        public int id() {
            return setting.id();
        }

        public boolean tied() {
            return setting.tied();
        }
    }

    /**
     * A column of the settings' table.
     *
     * @param header  its title
     * @param tooltip what it means
     * @param text    a cell as shown: numbers in short form ({@link Numbers#display}), never cut
     * @param full    a cell with every digit, for its tooltip and for copy
     * @param order   how the column sorts
     */
    public record SettingColumn(String header, String tooltip, Function<SettingRow, String> text,
                                Function<SettingRow, String> full, Comparator<SettingRow> order) {
    }

    private record Analysis(ResultTable table, ResponseData data, Choice.Result choice, Search search) {
    }

    private final ResultsModel results;
    private final TaskRunner tasks;
    private final Supplier<Optional<Search>> search;
    private final Supplier<Path> exportFolder;
    private final Replicator replicator;
    private final ResponseChoice response;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(
            "Analyse the results: the noise, the settings that tie with the best, and the simplest of them.");
    private final ReadOnlyStringWrapper noise = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper optimism = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper proposal = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper pick = new ReadOnlyStringWrapper("");
    private final ObservableList<SettingColumn> columns = FXCollections.observableArrayList();
    private final ObservableList<SettingRow> settings = FXCollections.observableArrayList();
    private final ObjectProperty<SettingRow> chosen = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Choice.Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper canReplicate = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper replicateHint = new ReadOnlyStringWrapper(REPLICATE_MISSING);
    private final IntegerProperty replicateTop = new SimpleIntegerProperty(3);
    private final IntegerProperty replicateRuns = new SimpleIntegerProperty(3);
    private Analysis shown;
    private long session;

    /**
     * @param search       the search on screen, if there is one (a results file read on its own has none): its
     *                     folder and model config write the chosen input.json, its {@code "simpler"} rules propose
     * @param exportFolder where the save dialogs open (the project folder)
     * @param replicator   runs replicates of the best settings; {@code null} while replicates are not wired in (the
     *                     "Replicate top K…" button stays disabled and says so)
     */
    public SelectionViewModel(ResultsModel results, TaskRunner tasks, Supplier<Optional<Search>> search,
                              Supplier<Path> exportFolder, Replicator replicator) {
        this.results = results;
        this.tasks = tasks;
        this.search = search;
        this.exportFolder = exportFolder;
        this.replicator = replicator;
        this.response = results.response();
        results.dataVersionProperty().addListener((o, a, b) -> {
            refreshReplicate();
            if (shown != null && !running.get()) {
                status.set("The results changed since this analysis: press Analyse to bring it up to date.");
            }
        });
        chosen.addListener((o, a, b) -> {
            describePick();
            if (b != null) {
                ResultRow current = results.row(b.id());
                results.selectedProperty().set(current != null ? current : b.row());
            }
        });
        refreshReplicate();
    }

    // ---- what to analyse

    /** What can be chosen by: the loss and each metric the script reported (the shared {@link ResponseChoice}). */
    public ObservableList<Column> responses() {
        return response.responses();
    }

    /** The response chosen by, shared with the Sensitivity view and the report. */
    public ObjectProperty<Column> responseProperty() {
        return response.responseProperty();
    }

    /** Whether lower values of the response are better; always true for the loss. */
    public BooleanProperty minimizeProperty() {
        return response.minimizeProperty();
    }

    /** True while the response is the loss, which is always minimized. */
    public ReadOnlyBooleanProperty directionFixedProperty() {
        return response.directionFixedProperty();
    }

    // ---- the analysis

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The noise, its interval and where it comes from. */
    public ReadOnlyStringProperty noiseProperty() {
        return noise.getReadOnlyProperty();
    }

    /** The best value and what to expect of it on untouched data, in the response's units. */
    public ReadOnlyStringProperty optimismProperty() {
        return optimism.getReadOnlyProperty();
    }

    /** The proposed setting and why. */
    public ReadOnlyStringProperty proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    /** The setting the exports write, and whether it is the proposed one. */
    public ReadOnlyStringProperty pickProperty() {
        return pick.getReadOnlyProperty();
    }

    /** The last analysis, or {@code null}. */
    public ReadOnlyObjectProperty<Choice.Result> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** The columns of the settings' table (they follow the response and the hyperparameters). */
    public ObservableList<SettingColumn> columns() {
        return columns;
    }

    /** Every setting, best first. */
    public ObservableList<SettingRow> settings() {
        return settings;
    }

    /**
     * The setting to export: the proposed one after each analysis; the user overrides it by choosing another row.
     * It is also the selected combination of every view.
     */
    public ObjectProperty<SettingRow> chosenProperty() {
        return chosen;
    }

    /** Chooses another setting (the user's override), or goes back to the proposed one with {@code null}. */
    public void choose(SettingRow row) {
        chosen.set(row != null ? row : settings.stream().filter(SettingRow::proposed).findFirst().orElse(null));
    }

    public Path exportFolder() {
        return exportFolder.get();
    }

    /** Fits the GP and chooses, in the background; a newer analysis replaces an older one. */
    public void analyse() {
        ResultTable table = results.table();
        String metric = response.metric();
        boolean min = response.minimizeProperty().get();
        Search from = search.get().orElse(null);
        SearchSpace space = from != null ? from.model().space() : results.spaceProperty().get();
        Map<String, Simpler> simpler = from != null ? from.model().simpler() : Map.of();
        long id = ++session;
        running.set(true);
        status.set("Fitting a GP to " + metric + "…");
        tasks.run(() -> {
            ResponseData data = ResponseData.of(table, space, metric);
            if (data.inputs().isEmpty()) {
                throw new IllegalArgumentException("these results have no hyperparameters to choose among");
            }
            return new Analysis(table, data, Choice.choose(data, min, SEED, simpler, space), from);
        }, a -> {
            if (id == session) {
                running.set(false);
                show(a);
            }
        }, e -> {
            if (id == session) {
                running.set(false);
                status.set((e instanceof GpFitException || e instanceof IllegalArgumentException
                        ? "Cannot choose by " + metric + ": " + e.getMessage() : "Analysis failed: "
                        + IoErrors.describe(e)));
            }
        });
    }

    private void show(Analysis a) {
        shown = a;
        Choice.Result c = a.choice();
        String m = a.data().metric();
        columns.setAll(columns(a));
        List<SettingRow> rows = new ArrayList<>();
        for (Choice.Setting s : c.settings()) {
            ResultRow row = a.table().rows().stream().filter(r -> r.id() == s.id()).findFirst().orElseThrow();
            rows.add(new SettingRow(s, row, c, s == c.proposed()));
        }
        settings.setAll(rows);
        result.set(c);
        String unit = c.logScale() ? " (log10 of " + m + ")" : "";
        Choice.Noise n = c.noise();
        if (n.fromReplicates()) {
            long replicated = c.settings().stream().filter(s -> s.replicates().length > 1).count();
            noise.set("Noise (standard deviation of " + m + " for fixed hyperparameters): " + Numbers.display(n.sd())
                    + unit + ", 95 % interval [" + Numbers.display(n.low()) + ", " + Numbers.display(n.high())
                    + "], pooled over " + replicated + " replicated settings (" + n.df() + " degrees of freedom).");
        } else {
            noise.set("Noise (standard deviation of " + m + " for fixed hyperparameters): about "
                    + Numbers.display(n.sd()) + unit + ", GP noise estimate — no replicates: no setting was run"
                    + " more than once, so it has no interval. Replicate the best settings to measure it.");
        }
        Choice.Setting best = c.best();
        optimism.set("Best " + Numbers.display(c.original(best.value())) + "; expect about "
                + Numbers.display(c.original(c.expected())) + " on untouched data (" + (c.ties().size() == 1
                ? "no other setting ties with it, so little luck of the draw flatters it" : "the best of "
                + c.ties().size() + " tied settings is the luckiest of them, which flatters it") + "; the GP puts its true value"
                + " between " + Numbers.display(c.original(c.gpMean() - 2 * c.gpSd())) + " and "
                + Numbers.display(c.original(c.gpMean() + 2 * c.gpSd())) + "). Evaluate the final choice once on"
                + " untouched test data, and do not tune on it.");
        proposal.set("Proposed: combination " + c.proposed().id() + ", " + c.why() + ".");
        status.set(c.ties().size() + " of " + c.settings().size() + " settings are not significantly worse than the"
                + " best by " + m + " (" + (c.minimize() ? "lower" : "higher") + " is better; one-sided, "
                + Math.round(Choice.TIE_LEVEL * 100) + " %), from " + a.data().size() + " results"
                + (a.data().skipped() > 0 ? " (" + a.data().skipped() + " without a value left out)" : "") + "."
                + (c.logScale() ? " Its values span more than two orders of magnitude: noise, differences and ties"
                + " are on log10 of " + m + "." : ""));
        chosen.set(rows.stream().filter(SettingRow::proposed).findFirst().orElse(null));
        describePick();
    }

    private void describePick() {
        SettingRow r = chosen.get();
        if (r == null || result.get() == null) {
            pick.set("");
            return;
        }
        Choice.Result c = result.get();
        String text = "Chosen: combination " + r.id();
        if (r.proposed()) {
            text += " (the proposed one).";
        } else {
            text += " (your pick; proposed was " + c.proposed().id() + ")"
                    + (r.tied() ? "." : ". It is NOT tied with the best: worse by " + Numbers.display(r.setting()
                    .difference()) + ", more than the " + Numbers.display(r.setting().threshold())
                    + " that noise allows" + (c.logScale() ? " (log10 units)" : "") + ".");
        }
        pick.set(text);
    }

    private static List<SettingColumn> columns(Analysis a) {
        Choice.Result c = a.choice();
        String log = c.logScale() ? " (log10)" : "";
        List<SettingColumn> out = new ArrayList<>();
        out.add(new SettingColumn("id", "The setting's first combination", r -> Integer.toString(r.id()),
                r -> Integer.toString(r.id()), Comparator.comparingInt(SettingRow::id)));
        out.add(number(a.data().metric(), "Mean of " + a.data().metric() + " over the setting's runs",
                r -> r.choice().original(r.setting().value())));
        out.add(number("worse by" + log, "How much worse than the best setting it is" + log,
                r -> r.setting().difference()));
        out.add(new SettingColumn("tie", "Not significantly worse than the best given the noise (one-sided, "
                + Math.round(Choice.TIE_LEVEL * 100) + " %): worse by no more than the threshold; \"proposed\" marks the"
                + " simplest of the ties",
                r -> (r.tied() ? "yes" : "no") + (r.proposed() ? ", proposed" : ""),
                r -> (r.tied() ? "yes" : "no") + (r.proposed() ? ", proposed" : "") + ": worse by " + Numbers.full(r.setting().difference())
                        + ", tie within " + Numbers.full(r.setting().threshold()) + log,
                Comparator.comparing(SettingRow::tied).reversed()));
        out.add(new SettingColumn("P(best) [95 %]", "Its share of " + Choice.DRAWS + " draws of the GP posterior in"
                + " which it is the best, with the interval of that share (its Monte Carlo error)",
                r -> Numbers.display(r.setting().probabilityBest()) + " [" + Numbers.display(r.setting()
                        .probabilityBestLow()) + ", " + Numbers.display(r.setting().probabilityBestHigh()) + "]",
                r -> Numbers.full(r.setting().probabilityBest()) + " [" + Numbers.full(r.setting()
                        .probabilityBestLow()) + ", " + Numbers.full(r.setting().probabilityBestHigh()) + "]",
                Comparator.comparingDouble((SettingRow r) -> r.setting().probabilityBest())));
        out.add(new SettingColumn("runs", "How many combinations ran this setting (its replicates)",
                r -> Integer.toString(r.setting().replicates().length), r -> replicateIds(r),
                Comparator.comparingInt((SettingRow r) -> r.setting().replicates().length)));
        List<String> names = a.table().hyperparameters();
        for (int j = 0; j < names.size(); j++) {
            Column col = Column.hyperparameter(j, names.get(j));
            out.add(new SettingColumn(names.get(j), "Hyperparameter " + names.get(j),
                    r -> Numbers.display(col.value(r.row())), r -> Numbers.full(col.value(r.row())),
                    (x, y) -> compare(col, x.row(), y.row())));
        }
        return out;
    }

    private static SettingColumn number(String header, String tooltip, ToDoubleFunction<SettingRow> value) {
        return new SettingColumn(header, tooltip, r -> Numbers.display(value.applyAsDouble(r)),
                r -> Numbers.full(value.applyAsDouble(r)), Comparator.comparingDouble(value));
    }

    private static String replicateIds(SettingRow r) {
        List<String> ids = new ArrayList<>();
        for (int i : r.setting().replicates()) {
            ids.add(Integer.toString(i));
        }
        return r.setting().replicates().length + " (combinations " + String.join(", ", ids) + ")";
    }

    /** Numbers by value, text by text. */
    private static int compare(Column c, ResultRow a, ResultRow b) {
        var x = c.value(a);
        var y = c.value(b);
        if (x.isNumber() && y.isNumber()) {
            return Double.compare(x.doubleValue(), y.doubleValue());
        }
        return Numbers.full(x).compareTo(Numbers.full(y));
    }

    /** Settings as tab-separated text with a header line, every digit kept: what Copy puts on the clipboard. */
    public String copyText(List<SettingRow> rows) {
        StringBuilder sb = new StringBuilder();
        List<String> head = new ArrayList<>();
        columns.forEach(c -> head.add(c.header()));
        sb.append(String.join("\t", head)).append('\n');
        for (SettingRow r : rows) {
            List<String> cells = new ArrayList<>();
            columns.forEach(c -> cells.add(c.full().apply(r)));
            sb.append(String.join("\t", cells)).append('\n');
        }
        return sb.toString();
    }

    // ---- exports

    /** Writes the chosen setting as a ready input.json, as {@code hpsearch choose --export} writes it. */
    public void exportInput(Path file) {
        SettingRow r = chosen.get();
        Analysis a = shown;
        if (r == null || a == null) {
            status.set("Analyse and choose a setting first");
            return;
        }
        Path folder = a.search() == null ? null : a.search().folder();
        ModelConfig model = a.search() == null ? null : a.search().model();
        tasks.run(() -> {
            ChoiceFiles.write(file, ChoiceFiles.input(folder, model, a.table(), r.id()));
            return file;
        }, f -> status.set("Wrote " + f + " (combination " + r.id() + ")" + (model == null && folder == null
                ? ": the hyperparameters' values only, as a results file alone has no model config" : "")),
                e -> status.set("Not written: " + IoErrors.describe(e)));
    }

    /** Writes the ensemble (the settings with their weights, each a ready input.json), as {@code choose --ensemble}. */
    public void exportEnsemble(Path file) {
        Analysis a = shown;
        if (a == null) {
            status.set("Analyse first");
            return;
        }
        Path folder = a.search() == null ? null : a.search().folder();
        ModelConfig model = a.search() == null ? null : a.search().model();
        tasks.run(() -> {
            ChoiceFiles.write(file, ChoiceFiles.ensemble(folder, model, a.table(), a.choice()));
            return file;
        }, f -> status.set("Wrote " + f + " (an ensemble of " + a.choice().ensemble().size() + " settings)"),
                e -> status.set("Not written: " + IoErrors.describe(e)));
    }

    // ---- replicates

    /** Whether "Replicate top K…" can run: replicates are wired in and a search is on screen. */
    public ReadOnlyBooleanProperty canReplicateProperty() {
        return canReplicate.getReadOnlyProperty();
    }

    /** Why replicates cannot run, or what they do. */
    public ReadOnlyStringProperty replicateHintProperty() {
        return replicateHint.getReadOnlyProperty();
    }

    /** K: how many of the best settings to replicate. */
    public IntegerProperty replicateTopProperty() {
        return replicateTop;
    }

    /** N: how many more runs of each. */
    public IntegerProperty replicateRunsProperty() {
        return replicateRuns;
    }

    private void refreshReplicate() {
        boolean hasSearch = search.get().isPresent();
        canReplicate.set(replicator != null && hasSearch);
        replicateHint.set(replicator == null ? REPLICATE_MISSING : !hasSearch ? REPLICATE_NEEDS_SEARCH
                : "Runs each of the K best settings N more times, on the search's own target, to measure the noise;"
                + " then analyse again.");
    }

    /** Runs the K best settings of the last analysis N more times each, through the {@link Replicator}. */
    public void replicate() {
        refreshReplicate();
        Optional<Search> s = search.get();
        if (!canReplicate.get() || s.isEmpty()) {
            status.set(replicateHint.get());
            return;
        }
        if (settings.isEmpty()) {
            status.set("Analyse first: the best settings are those of an analysis");
            return;
        }
        List<Integer> ids = settings.stream().limit(Math.max(1, replicateTop.get())).map(SettingRow::id).toList();
        int runs = Math.max(1, replicateRuns.get());
        Path folder = s.get().folder();
        status.set(replicator.replicate(folder, ids, runs));
    }
}
