package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.service.RunTarget;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.gui.common.ColumnWidths;
import dev.hpsearch.app.gui.common.Decorations;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.SuggestedBy;
import dev.hpsearch.optimizer.analysis.History;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.text.Numbers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Font;

/**
 * Launch, counters, the table of combinations, the optimization history and the selected combination's log. Binds
 * to {@link DashboardViewModel} and does nothing else: numbers in short form ({@link Numbers#display}) with every
 * digit in a tooltip and in Copy, columns as wide as their text.
 */
public final class DashboardView extends VBox {
    private static final PseudoClass BEST = PseudoClass.getPseudoClass("best");
    private final DashboardViewModel vm;
    private final TableView<ResultRow> table = new TableView<>();
    private final PlotCanvas history = new PlotCanvas(null);
    private final PlotCanvas learningCurves = new PlotCanvas(null);
    private final CheckBox logScale = new CheckBox("log scale");
    /** Each column's width keeper, and the rows already offered to them (as objects: a changed row is new). */
    private final List<ColumnWidths<ResultRow>> widths = new ArrayList<>();
    private final Set<ResultRow> measured = Collections.newSetFromMap(new IdentityHashMap<>());
    private Font fittedFont;
    private final javafx.animation.PauseTransition redrawDelay =
            new javafx.animation.PauseTransition(javafx.util.Duration.millis(500));
    private boolean historyDirty;

    public DashboardView(DashboardViewModel vm, TaskRunner tasks, DialogService dialogs) {
        this.vm = vm;
        setId("dashboardView");
        setSpacing(8);
        setPadding(new Insets(12));

        Button launch = new Button("Launch search");
        launch.setId("launchButton");
        launch.disableProperty().bind(vm.busyProperty());
        launch.setOnAction(e -> vm.launch());
        ComboBox<RunTarget> where = new ComboBox<>(vm.targets());
        where.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RunTarget t) {
                return t == null ? "" : t.name();
            }

            @Override
            public RunTarget fromString(String name) {
                return name == null || name.isBlank() ? null : RunTarget.parse(name);
            }
        });
        where.setId("runTarget");
        where.setPromptText("as job_config says");
        where.valueProperty().bindBidirectional(vm.targetProperty());
        where.disableProperty().bind(vm.busyProperty());
        where.setTooltip(Decorations.wrapped("Where the analyses run: local (this "
                + "machine) or a cluster profile. On a cluster, this window coordinates the search over SSH; "
                + "\"Launch detached\" submits the coordinator itself as a Slurm job instead."));
        Button detached = new Button("Launch detached");
        detached.setId("launchDetachedButton");
        detached.disableProperty().bind(vm.submittingProperty().or(Bindings.createBooleanBinding(
                () -> where.getValue() == null || where.getValue().isLocal(),
                where.valueProperty())));
        detached.setOnAction(e -> vm.launchDetached());
        Button follow = new Button("Follow on cluster");
        follow.setId("followClusterButton");
        // not while this window runs a search: following would stop watching it
        follow.disableProperty().bind(vm.detachedLaunchProperty().isNull().or(vm.controllableProperty()));
        follow.setTooltip(Decorations.wrapped("Follows the latest search launched "
                + "detached from this project: its journal and configs are copied from the cluster every "
                + dev.hpsearch.app.service.SearchService.FOLLOW_INTERVAL.toSeconds() + " s into .hpsearch/mirror, and the table, "
                + "counters and plots are rebuilt from the copy. Combination logs stay on the cluster."));
        follow.setOnAction(e -> vm.followDetached());
        Button stop = new Button("Stop search");
        stop.setId("stopButton");
        stop.disableProperty().bind(vm.stoppableProperty().not());
        stop.setOnAction(e -> {
            if (dialogs.confirm("Stop the search?", "Running combinations are cancelled; finished results are kept.")) {
                vm.stopSearch();
            }
        });
        ComboBox<Path> past = new ComboBox<>(vm.pastSearches());
        past.setId("pastSearches");
        past.setPromptText("earlier searches");
        past.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(Path p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : p.getFileName().toString());
            }
        });
        past.setButtonCell(past.getCellFactory().call(null));
        past.valueProperty().bindBidirectional(vm.chosenSearchProperty());
        Button open = new Button("Open / attach");
        open.setId("attachButton");
        open.disableProperty().bind(past.valueProperty().isNull());
        open.setOnAction(e -> vm.attach(past.getValue()));
        Button resume = new Button("Resume");
        resume.setId("resumeButton");
        resume.disableProperty().bind(vm.resumableProperty().not().or(vm.busyProperty()));
        resume.setOnAction(e -> vm.resume());
        Tooltip resumeTip = new Tooltip();
        resumeTip.textProperty().bind(vm.resumeHintProperty());
        resume.setTooltip(resumeTip);
        Label message = new Label();
        message.setId("runMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Label latestLog = new Label();
        latestLog.setId("latestLogLine");
        latestLog.getStyleClass().add("help");
        latestLog.textProperty().bind(Bindings.concat("Search log: ", vm.latestLogProperty()));
        latestLog.visibleProperty().bind(vm.latestLogProperty().isNotEmpty());
        latestLog.managedProperty().bind(latestLog.visibleProperty());
        Button openFile = new Button("Open results file…");
        openFile.setId("openResultsFileButton");
        openFile.setOnAction(e -> dialogs.openFile("A results table (hp_search_data.txt)", vm.project().folder(),
                "Results tables", "*.txt", "*.tsv").ifPresent(vm::openResultsFile));
        HBox runRow = new HBox(8, new Label("Run on"), where, launch, detached, follow, stop);
        runRow.setAlignment(Pos.CENTER_LEFT);
        Label coordinator = new Label();
        coordinator.setId("coordinatorState");
        coordinator.textProperty().bind(vm.coordinatorProperty());
        coordinator.visibleProperty().bind(vm.coordinatorProperty().isNotEmpty());
        coordinator.managedProperty().bind(coordinator.visibleProperty());
        VBox actions = new VBox(6, runRow, new HBox(8, past, open, resume, openFile), coordinator);

        HBox counters = new HBox(24,
                counter("done", "doneCount", vm.doneProperty().asString()),
                counter("failed", "failedCount", vm.failedProperty().asString()),
                counter("cancelled", "cancelledCount", vm.cancelledProperty().asString()),
                prunedCounter(),
                counter("running", "runningCount", vm.runningProperty().asString()),
                counter("queued", "queuedCount", vm.queuedProperty().asString()),
                counter("elapsed", "elapsedLabel", vm.elapsedProperty()),
                counter("time left (est.)", "etaLabel", vm.etaProperty()));
        Label best = new Label();
        best.setId("bestLabel");
        best.getStyleClass().add("subtitle");
        best.textProperty().bind(Bindings.concat("Best loss: ", vm.bestProperty()));
        Tooltip bestTip = new Tooltip();
        bestTip.textProperty().bind(vm.bestFullProperty());
        best.setTooltip(bestTip);
        Label pending = new Label();
        pending.setId("pendingLabel");
        pending.textProperty().bind(Bindings.concat("Waiting in the queue: ", vm.pendingProperty()));
        pending.visibleProperty().bind(vm.pendingProperty().isNotEmpty());
        pending.managedProperty().bind(pending.visibleProperty());
        Label classes = new Label();
        classes.setId("failureClasses");
        classes.textProperty().bind(Bindings.concat("Without a score: ", vm.failureClassesProperty()));
        classes.visibleProperty().bind(vm.failureClassesProperty().isNotEmpty());
        classes.managedProperty().bind(classes.visibleProperty());

        TextField filter = new TextField();
        filter.setId("tableFilter");
        filter.setPromptText("filter: any value, status, type or reason");
        filter.textProperty().bindBidirectional(vm.filterTextProperty());
        ChoiceBox<String> status = new ChoiceBox<>();
        status.setId("statusFilter");
        status.getItems().setAll(DashboardViewModel.STATUS_FILTERS);
        status.valueProperty().bindBidirectional(vm.statusFilterProperty());
        Button clearBrush = new Button("Clear plot filter");
        clearBrush.setId("clearBrushFilterButton");
        clearBrush.visibleProperty().bind(vm.brushedProperty().isNotNull());
        clearBrush.setOnAction(e -> vm.brushedProperty().set(null));
        Button csv = new Button("Export CSV…");
        csv.setId("exportCsvButton");
        csv.setOnAction(e -> dialogs.saveFile("Save the table as CSV", vm.project().folder(), "combinations.csv")
                .ifPresent(vm::exportCsv));
        Button cancelOne = new Button("Cancel combination");
        cancelOne.setId("cancelCombinationButton");
        cancelOne.disableProperty().bind(vm.controllableProperty().not()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        cancelOne.setOnAction(e -> vm.cancel(table.getSelectionModel().getSelectedItem()));

        table.setId("trialTable");
        table.setFixedCellSize(24);
        table.setTableMenuButtonVisible(true); // the column chooser: metrics and other optional columns
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        SortedList<ResultRow> sorted = new SortedList<>(vm.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No combinations yet"));
        table.setRowFactory(t -> new TableRow<>() {
            {
                vm.results().bestProperty().addListener((o, a, b) -> mark());
            }

            @Override
            protected void updateItem(ResultRow r, boolean empty) {
                super.updateItem(r, empty);
                mark();
            }

            private void mark() {
                ResultRow b = vm.results().bestProperty().get();
                pseudoClassStateChanged(BEST, getItem() != null && b != null && getItem().id() == b.id());
            }
        });
        MenuItem copy = new MenuItem("Copy");
        copy.setId("copyRowsItem");
        copy.setOnAction(e -> copySelected());
        MenuItem initial = new MenuItem("Add as initial point of the search settings");
        initial.setId("addInitialPointItem");
        initial.setOnAction(e -> table.getSelectionModel().getSelectedItems().forEach(vm::addAsInitialPoint));
        table.setContextMenu(new ContextMenu(copy, initial));
        KeyCombination ctrlC = new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN);
        table.setOnKeyPressed(e -> {
            if (ctrlC.match(e)) {
                copySelected();
                e.consume();
            }
        });
        vm.hyperparameters().addListener((ListChangeListener<String>) c -> buildColumns());
        vm.results().metrics().addListener((ListChangeListener<String>) c -> buildColumns());
        buildColumns();
        VBox tableBox = new VBox(6, new HBox(8, filter, status, clearBrush, csv, cancelOne), table);
        VBox.setVgrow(table, Priority.ALWAYS);

        history.setId("historyPlot");
        logScale.setId("historyLogScale");
        logScale.setSelected(true);
        logScale.selectedProperty().addListener((o, a, b) -> {
            redrawHistory();
            redrawCurves();
        });
        HBox historyBar = new HBox(8, logScale, ExportButtons.of("history", history, dialogs, tasks,
                "optimization_history", () -> vm.project().folder()));
        TextArea log = new TextArea();
        log.setId("combinationLog");
        log.setEditable(false);
        log.setStyle("-fx-font-family: monospace;");
        log.setPromptText("Select a combination to follow its log.txt");
        log.textProperty().bind(vm.combinationLogProperty());
        log.textProperty().addListener((o, a, b) -> log.setScrollTop(Double.MAX_VALUE));
        Label logTitle = new Label();
        logTitle.textProperty().bind(vm.logTitleProperty());
        TextArea detail = new TextArea();
        detail.setId("combinationDetail");
        detail.setEditable(false);
        detail.setPrefRowCount(6);
        detail.setStyle("-fx-font-family: monospace;");
        detail.textProperty().bind(vm.detailProperty());
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null) {
                vm.select(b);
            }
        });
        // a combination selected in a plot selects its row here (and so follows its log)
        vm.results().selectedProperty().addListener((o, a, b) -> {
            ResultRow shown = table.getSelectionModel().getSelectedItem();
            if (b != null && (shown == null || shown.id() != b.id()) && table.getItems().contains(b)) {
                table.getSelectionModel().clearSelection();
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        ListView<String> searchLog = new ListView<>(vm.searchLog());
        searchLog.setId("searchLog");
        searchLog.setPrefHeight(120);
        vm.searchLog().addListener((ListChangeListener<String>) c -> searchLog.scrollTo(vm.searchLog().size() - 1));
        VBox combinationLogBox = new VBox(6, logTitle, log);
        VBox.setVgrow(log, Priority.ALWAYS);
        Tab combinationTab = new Tab("Combination log", combinationLogBox);
        combinationTab.setId("combinationLogTab");
        Tab searchLogTab = new Tab("Search log", searchLog);
        searchLogTab.setId("searchLogTab");
        TabPane logs = new TabPane(combinationTab, searchLogTab);
        logs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        learningCurves.setId("learningCurvesPlot");
        HBox curvesBar = new HBox(8, ExportButtons.of("learning curves", learningCurves, dialogs, tasks,
                "learning_curves", () -> vm.project().folder()));
        VBox curvesBox = new VBox(6, curvesBar, learningCurves);
        VBox.setVgrow(learningCurves, Priority.ALWAYS);
        // only where a script reports its curve: a search without progress.jsonl looks as before
        curvesBox.visibleProperty().bind(vm.hasCurves());
        vm.hasCurves().addListener((o, a, b) -> buildColumns());
        curvesBox.managedProperty().bind(curvesBox.visibleProperty());
        vm.curvesProperty().addListener((o, a, b) -> {
            redrawCurves();
            table.refresh();
        });
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> redrawCurves());
        VBox right = new VBox(6, historyBar, history, curvesBox, new Label("where and how it ran"), detail, logs);
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox.setVgrow(curvesBox, Priority.ALWAYS);
        VBox.setVgrow(logs, Priority.ALWAYS);
        SplitPane split = new SplitPane(tableBox, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);

        // one history redraw and one column fit per half second at most, however many batches arrive
        redrawDelay.setOnFinished(e -> {
            historyDirty = false;
            redrawHistory();
            fitColumns();
        });
        vm.dataVersionProperty().addListener((o, a, b) -> {
            if (!historyDirty) {
                historyDirty = true;
                redrawDelay.playFromStart();
            }
        });
        redrawHistory();
        getChildren().addAll(actions, message, latestLog, counters, best, pending, classes, split);
        vm.refreshPastSearches();
    }

    private void redrawCurves() {
        ResultRow selected = table.getSelectionModel().getSelectedItem();
        learningCurves.setPlot(new LearningCurvesPlot(vm.curvesProperty().get(), vm.prunedIds(),
                selected == null ? null : selected.id(), logScale.isSelected()));
    }

    private void redrawHistory() {
        history.setPlot(new HistoryPlot(History.of(vm.rows()), logScale.isSelected()));
    }

    private void copySelected() {
        List<ResultRow> rows = new ArrayList<>(table.getSelectionModel().getSelectedItems());
        if (rows.isEmpty()) {
            return;
        }
        ClipboardContent content = new ClipboardContent();
        content.putString(vm.copyText(rows));
        Clipboard.getSystemClipboard().setContent(content);
    }

    /** The pruned runs' counter, shown only once a run was pruned: a search without a pruner looks as before. */
    private VBox prunedCounter() {
        VBox box = counter("pruned", "prunedCount", vm.prunedProperty().asString());
        box.visibleProperty().bind(vm.prunedProperty().greaterThan(0));
        box.managedProperty().bind(box.visibleProperty());
        return box;
    }

    private static VBox counter(String label, String id, ObservableValue<String> value) {
        Label v = new Label();
        v.setId(id);
        v.getStyleClass().add("counter");
        v.textProperty().bind(value);
        Label l = new Label(label);
        l.getStyleClass().add("counter-label");
        return new VBox(v, l);
    }

    private void buildColumns() {
        table.getColumns().clear();
        widths.clear();
        measured.clear();
        TableColumn<ResultRow, Integer> id = new TableColumn<>("id");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        add(id, r -> Integer.toString(r.id()));
        add(text("status", ResultRow::status), ResultRow::status);
        add(number("loss", ResultRow::loss), r -> r.loss() == null ? "" : Numbers.display(r.loss()));
        for (int i = 0; i < vm.hyperparameters().size(); i++) {
            final int col = i;
            TableColumn<ResultRow, Object> hp = new TableColumn<>(vm.hyperparameters().get(i));
            hp.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(sortable(c.getValue().values().get(col))));
            hp.setCellFactory(c -> new TableCell<>() {
                @Override
                protected void updateItem(Object v, boolean empty) {
                    super.updateItem(v, empty);
                    if (empty || v == null) {
                        show(this, null, null);
                    } else if (v instanceof Double) {
                        show(this, Numbers.display((Double) v), Numbers.full((Double) v));
                    } else {
                        show(this, v.toString(), null);
                    }
                }
            });
            hp.setComparator((a, b) -> a instanceof Double && b instanceof Double ? Double.compare((Double) a, (Double) b)
                    : String.valueOf(a).compareTo(String.valueOf(b)));
            add(hp, r -> Numbers.display(r.values().get(col)));
        }
        for (String metric : vm.results().metrics()) {
            TableColumn<ResultRow, Double> m = number(metric, r -> r.metrics().get(metric));
            m.visibleProperty().bindBidirectional(vm.metricShownProperty(metric));
            add(m, r -> r.metrics().containsKey(metric) ? Numbers.display(r.metrics().get(metric)) : "");
        }
        TableColumn<ResultRow, Double> lastStep = number("last step", vm::lastStep);
        TableColumn<ResultRow, Double> lastValue = number("last value", vm::lastValue);
        lastStep.setId("lastStepColumn");
        lastValue.setId("lastValueColumn");
        // shown once a script reports its curve (the columns are built again then)
        lastStep.setVisible(vm.hasCurves().get());
        lastValue.setVisible(vm.hasCurves().get());
        add(lastStep, r -> vm.lastStep(r) == null ? "" : Numbers.display(vm.lastStep(r)));
        add(lastValue, r -> vm.lastValue(r) == null ? "" : Numbers.display(vm.lastValue(r)));
        TableColumn<ResultRow, String> suggested = text("suggested by", r -> SuggestedBy.describe(r.searchType()));
        add(suggested, r -> SuggestedBy.describe(r.searchType()));
        add(text("job id", ResultRow::jobId), ResultRow::jobId);
        add(number("runtime (s)", r -> Double.isFinite(r.runtimeSeconds()) ? r.runtimeSeconds() : null),
                r -> Double.isFinite(r.runtimeSeconds()) ? Numbers.display(r.runtimeSeconds()) : "");
        add(text("class", ResultRow::failureClass), ResultRow::failureClass);
        TableColumn<ResultRow, String> reason = text("reason", ResultRow::reason);
        reason.setPrefWidth(260);
        table.getColumns().add(reason);
        fitColumns();
    }

    private void add(TableColumn<ResultRow, ?> column, Function<ResultRow, String> text) {
        table.getColumns().add(column);
        widths.add(new ColumnWidths<>(column, text));
    }

    /** Every column but the reason at least as wide as its widest text (rows new since the last fit). */
    private void fitColumns() {
        Font font = table.lookup(".table-cell") instanceof Labeled l ? l.getFont() : Font.getDefault();
        if (!font.equals(fittedFont)) {
            // the cells' font is known once they are drawn: measure everything again in it
            fittedFont = font;
            measured.clear();
            widths.forEach(ColumnWidths::reset);
        }
        List<ResultRow> fresh = new ArrayList<>();
        for (ResultRow r : vm.rows()) {
            if (measured.add(r)) {
                fresh.add(r);
            }
        }
        widths.forEach(w -> w.fit(fresh, font));
    }

    private static TableColumn<ResultRow, String> text(String title, Function<ResultRow, String> value) {
        TableColumn<ResultRow, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        return c;
    }

    /** A numeric column: short form in the cell, every digit in its tooltip; sorts by value. */
    private static TableColumn<ResultRow, Double> number(String title, Function<ResultRow, Double> value) {
        TableColumn<ResultRow, Double> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                show(this, empty || v == null ? null : Numbers.display(v), empty || v == null ? null : Numbers.full(v));
            }
        });
        return c;
    }

    /** A cell's short text, and every digit in its tooltip when the short form dropped some. */
    private static void show(TableCell<?, ?> cell, String text, String full) {
        cell.setText(text);
        if (full == null || full.equals(text)) {
            cell.setTooltip(null);
            return;
        }
        Tooltip tip = (Tooltip) cell.getProperties().computeIfAbsent("fullTooltip", k -> new Tooltip());
        tip.setText(full);
        cell.setTooltip(tip);
    }

    private static Object sortable(JsonNode v) {
        return v.isNumber() ? (Object) v.asDouble() : Numbers.display(v);
    }

    public TableView<ResultRow> table() {
        return table;
    }

    /** Stops the pending redraw (the window closes; the view-model stops following logs). */
    public void dispose() {
        redrawDelay.stop();
    }
}
