package dev.hpsearch.app.gui.run;

import dev.hpsearch.app.service.RunTarget;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.Exports;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.History;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Launch, counters, the table of combinations, the optimization history and the selected combination's log. */
public final class DashboardView extends VBox {
    private final DashboardViewModel vm;
    private final TableView<ResultRow> table = new TableView<>();
    private final PlotCanvas history = new PlotCanvas(null);
    private final CheckBox logScale = new CheckBox("log scale");
    private final LogFollower follower;
    private boolean historyDirty;

    public DashboardView(DashboardViewModel vm, TaskRunner tasks, DialogService dialogs) {
        this.vm = vm;
        this.follower = new LogFollower(tasks);
        setId("dashboardView");
        setSpacing(8);
        setPadding(new Insets(12));

        Button launch = new Button("Launch search");
        launch.setId("launchButton");
        launch.disableProperty().bind(vm.activeProperty());
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
        where.disableProperty().bind(vm.activeProperty());
        where.setTooltip(dev.hpsearch.app.gui.common.Decorations.wrapped("Where the analyses run: local (this "
                + "machine) or a cluster profile. On a cluster, this window coordinates the search over SSH; "
                + "\"Launch detached\" submits the coordinator itself as a Slurm job instead."));
        Button detached = new Button("Launch detached");
        detached.setId("launchDetachedButton");
        detached.disableProperty().bind(vm.submittingProperty().or(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> where.getValue() == null || where.getValue().isLocal(),
                where.valueProperty())));
        detached.setOnAction(e -> vm.launchDetached());
        Button follow = new Button("Follow on cluster");
        follow.setId("followClusterButton");
        // not while this window runs a search: following would stop watching it
        follow.disableProperty().bind(vm.detachedLaunchProperty().isNull().or(vm.controllableProperty()));
        follow.setTooltip(dev.hpsearch.app.gui.common.Decorations.wrapped("Follows the latest search launched "
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
        Button open = new Button("Open / attach");
        open.setId("attachButton");
        open.disableProperty().bind(past.valueProperty().isNull());
        open.setOnAction(e -> vm.attach(past.getValue()));
        Button resume = new Button("Resume");
        resume.setId("resumeButton");
        resume.disableProperty().bind(past.valueProperty().isNull().or(vm.activeProperty()));
        resume.setOnAction(e -> vm.resume(past.getValue()));
        Label message = new Label();
        message.setId("runMessage");
        message.setWrapText(true);
        message.textProperty().bind(vm.messageProperty());
        Button openFile = new Button("Open results file…");
        openFile.setId("openResultsFileButton");
        openFile.setOnAction(e -> dialogs.openFile("A results table (hp_search_data.txt)", vm.project().folder(),
                "Results tables", "*.txt", "*.tsv").ifPresent(vm::openResultsFile));
        HBox runRow = new HBox(8, new Label("Run on"), where, launch, detached, follow, stop);
        runRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
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
                counter("running", "runningCount", vm.runningProperty().asString()),
                counter("queued", "queuedCount", vm.queuedProperty().asString()),
                counter("elapsed", "elapsedLabel", vm.elapsedProperty()),
                counter("time left (est.)", "etaLabel", vm.etaProperty()));
        Label best = new Label();
        best.setId("bestLabel");
        best.getStyleClass().add("subtitle");
        best.textProperty().bind(javafx.beans.binding.Bindings.concat("Best loss: ", vm.bestProperty()));
        Label pending = new Label();
        pending.setId("pendingLabel");
        pending.textProperty().bind(javafx.beans.binding.Bindings.concat("Waiting in the queue: ", vm.pendingProperty()));
        pending.visibleProperty().bind(vm.pendingProperty().isNotEmpty());
        pending.managedProperty().bind(pending.visibleProperty());
        Label classes = new Label();
        classes.setId("failureClasses");
        classes.textProperty().bind(javafx.beans.binding.Bindings.concat("Without a score: ", vm.failureClassesProperty()));
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
                .ifPresent(file -> {
                    String text = vm.resultTable().toCsv(new ArrayList<>(vm.filteredRows()));
                    tasks.run(() -> {
                        Exports.writeText(text, file);
                        return file;
                    }, f -> { }, ex -> dialogs.showError("CSV not saved", IoErrors.describe(ex)));
                }));
        Button cancelOne = new Button("Cancel combination");
        cancelOne.setId("cancelCombinationButton");
        cancelOne.disableProperty().bind(vm.controllableProperty().not()
                .or(table.getSelectionModel().selectedItemProperty().isNull()));
        cancelOne.setOnAction(e -> vm.cancel(table.getSelectionModel().getSelectedItem()));

        table.setId("trialTable");
        table.setFixedCellSize(24);
        SortedList<ResultRow> sorted = new SortedList<>(vm.filteredRows());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.setPlaceholder(new Label("No combinations yet"));
        vm.hyperparameters().addListener((ListChangeListener<String>) c -> buildColumns());
        buildColumns();
        VBox tableBox = new VBox(6, new HBox(8, filter, status, clearBrush, csv, cancelOne), table);
        VBox.setVgrow(table, Priority.ALWAYS);

        history.setId("historyPlot");
        logScale.setId("historyLogScale");
        logScale.setSelected(true);
        logScale.selectedProperty().addListener((o, a, b) -> redrawHistory());
        HBox historyBar = new HBox(8, logScale, ExportButtons.of("history", history, dialogs, tasks,
                "optimization_history", () -> vm.project().folder()));
        TextArea log = new TextArea();
        log.setId("combinationLog");
        log.setEditable(false);
        log.setStyle("-fx-font-family: monospace;");
        log.setPromptText("Select a combination to follow its log.txt");
        Label logTitle = new Label("log.txt of the selected combination");
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
            if (b == null || (a != null && a.id() == b.id())) {
                return;
            }
            Path file = vm.logOf(b);
            logTitle.setText("log.txt of combination " + b.id());
            if (file != null) {
                follower.follow(file, log::setText, s -> {
                    log.appendText(s);
                    if (log.getLength() > 400_000) {
                        log.deleteText(0, log.getLength() - 300_000);
                    }
                });
            }
        });
        VBox right = new VBox(6, historyBar, history, new Label("where and how it ran"), detail, logTitle, log);
        VBox.setVgrow(history, Priority.ALWAYS);
        VBox.setVgrow(log, Priority.ALWAYS);
        SplitPane split = new SplitPane(tableBox, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.58);
        VBox.setVgrow(split, Priority.ALWAYS);

        // one history redraw per half second at most, however many batches arrive
        javafx.animation.PauseTransition historyDelay = new javafx.animation.PauseTransition(javafx.util.Duration.millis(500));
        historyDelay.setOnFinished(e -> {
            historyDirty = false;
            redrawHistory();
        });
        vm.dataVersionProperty().addListener((o, a, b) -> {
            if (!historyDirty) {
                historyDirty = true;
                historyDelay.playFromStart();
            }
        });
        redrawHistory();
        getChildren().addAll(actions, message, counters, best, pending, classes, split);
        vm.refreshPastSearches();
    }

    private void redrawHistory() {
        history.setPlot(new HistoryPlot(History.of(vm.rows()), logScale.isSelected()));
    }

    private static VBox counter(String label, String id, javafx.beans.value.ObservableValue<String> value) {
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
        TableColumn<ResultRow, Integer> id = new TableColumn<>("id");
        id.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().id()));
        TableColumn<ResultRow, String> status = new TableColumn<>("status");
        status.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().status()));
        TableColumn<ResultRow, Double> loss = new TableColumn<>("loss");
        loss.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().loss()));
        loss.setCellFactory(col -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Double v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : Axis.format(v));
            }
        });
        table.getColumns().add(id);
        table.getColumns().add(status);
        table.getColumns().add(loss);
        for (int i = 0; i < vm.hyperparameters().size(); i++) {
            final int col = i;
            TableColumn<ResultRow, Object> hp = new TableColumn<>(vm.hyperparameters().get(i));
            hp.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(sortable(c.getValue().values().get(col))));
            hp.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
                @Override
                protected void updateItem(Object v, boolean empty) {
                    super.updateItem(v, empty);
                    setText(empty || v == null ? null : v instanceof Double ? Axis.format((Double) v) : v.toString());
                }
            });
            hp.setComparator((a, b) -> a instanceof Double && b instanceof Double ? Double.compare((Double) a, (Double) b)
                    : String.valueOf(a).compareTo(String.valueOf(b)));
            table.getColumns().add(hp);
        }
        TableColumn<ResultRow, String> job = new TableColumn<>("job id");
        job.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().jobId()));
        TableColumn<ResultRow, String> runtime = new TableColumn<>("runtime (s)");
        runtime.setCellValueFactory(c -> new ReadOnlyStringWrapper(Double.isFinite(c.getValue().runtimeSeconds())
                ? String.format(Locale.ROOT, "%.1f", c.getValue().runtimeSeconds()) : ""));
        TableColumn<ResultRow, String> type = new TableColumn<>("search type");
        type.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().searchType()));
        TableColumn<ResultRow, String> failureClass = new TableColumn<>("class");
        failureClass.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().failureClass()));
        TableColumn<ResultRow, String> reason = new TableColumn<>("reason");
        reason.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().reason()));
        reason.setPrefWidth(260);
        table.getColumns().add(job);
        table.getColumns().add(runtime);
        table.getColumns().add(type);
        table.getColumns().add(failureClass);
        table.getColumns().add(reason);
    }

    private static Object sortable(JsonNode v) {
        return v.isNumber() ? (Object) v.asDouble() : ResultTable.text(v);
    }

    public TableView<ResultRow> table() {
        return table;
    }

    /** Stops following logs. */
    public void dispose() {
        follower.close();
    }
}
