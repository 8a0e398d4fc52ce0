package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.FitColumns;
import dev.hpsearch.optimizer.analysis.Column;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Spinner;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Honest choice among the results: the seed's advice, the response, the noise, the settings with their ties and
 * probabilities of being the best (ties carry a green edge), the proposed simplest tie (a click on another row overrides it), the optimism of
 * the best, and the exports; binds to a {@link SelectionViewModel}.
 */
public final class SelectionView extends VBox {
    /** The seed's two "Read this" sections, in short. */
    static final String ADVICE = "Read this. Keep your test data untouched until you have made your final choice; "
            + "compare settings on validation data only. Estimate the noise: how much the score varies for fixed "
            + "hyperparameters. Many settings usually tie with the best given that noise: choose the simplest model "
            + "among them (fewest parameters, strongest regularization), as it is the most likely to generalize. "
            + "Then evaluate that one choice once on the test data.";
    private static final PseudoClass TIE = PseudoClass.getPseudoClass("tie");

    public SelectionView(SelectionViewModel vm, DialogService dialogs) {
        setId("selectionView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label advice = wrapped(ADVICE, "selectionAdvice");
        advice.getStyleClass().add("advice");

        ComboBox<Column> response = ResponseControls.response("choiceResponse", vm.responses(), vm.responseProperty());
        ComboBox<String> direction = ResponseControls.direction("choiceDirection", vm.minimizeProperty(),
                vm.directionFixedProperty());
        Button analyse = new Button("Analyse");
        analyse.setId("analyseChoiceButton");
        analyse.disableProperty().bind(vm.runningProperty());
        analyse.setOnAction(e -> vm.analyse());
        HBox controls = new HBox(8, new Label("choose by"), response, direction, analyse);
        controls.setAlignment(Pos.CENTER_LEFT);

        Label status = bound(vm.statusProperty(), "choiceStatus");
        Label noise = bound(vm.noiseProperty(), "choiceNoise");
        Label optimism = bound(vm.optimismProperty(), "choiceOptimism");
        optimism.getStyleClass().add("must-decide");
        Label proposal = bound(vm.proposalProperty(), "choiceProposal");
        Label pick = bound(vm.pickProperty(), "choicePick");
        pick.setStyle("-fx-font-weight: bold;");

        TableView<SelectionViewModel.SettingRow> table = table(vm);
        VBox.setVgrow(table, Priority.ALWAYS);
        // what the columns mean, under the table
        Label legend = wrapped("", "choiceLegend");
        legend.getStyleClass().add("help");
        Runnable explain = () -> legend.setText(String.join("  ·  ", vm.columns().stream()
                .filter(c -> !c.header().equals("id") && !c.tooltip().startsWith("Hyperparameter "))
                .map(c -> c.header() + ": " + c.tooltip()).toList()));
        vm.columns().addListener((ListChangeListener<SelectionViewModel.SettingColumn>) c -> explain.run());

        Button exportInput = ExportButtons.saveAs("exportInputButton", "Export chosen as input.json…", dialogs,
                vm::exportFolder, "input_chosen.json", vm::exportInput);
        exportInput.disableProperty().bind(vm.chosenProperty().isNull());
        Button exportEnsemble = ExportButtons.saveAs("exportEnsembleButton", "Export ensemble.json…", dialogs,
                vm::exportFolder, "ensemble.json", vm::exportEnsemble);
        exportEnsemble.disableProperty().bind(vm.resultProperty().isNull());
        exportInput.setMinWidth(Region.USE_PREF_SIZE);
        exportEnsemble.setMinWidth(Region.USE_PREF_SIZE);
        exportEnsemble.setTooltip(new Tooltip("The best settings with weights (their probability of being the best),"
                + " each a ready input.json"));

        Spinner<Integer> top = new Spinner<>(1, 50, vm.replicateTopProperty().get());
        top.setId("replicateTop");
        top.setPrefWidth(80);
        top.setMinWidth(Region.USE_PREF_SIZE);
        top.valueProperty().addListener((o, a, b) -> vm.replicateTopProperty().set(b));
        Spinner<Integer> runs = new Spinner<>(1, 50, vm.replicateRunsProperty().get());
        runs.setId("replicateRuns");
        runs.setPrefWidth(80);
        runs.setMinWidth(Region.USE_PREF_SIZE);
        runs.valueProperty().addListener((o, a, b) -> vm.replicateRunsProperty().set(b));
        Button replicate = new Button("Replicate top K…");
        replicate.setId("replicateButton");
        replicate.setMnemonicParsing(false);
        replicate.setMinWidth(Region.USE_PREF_SIZE);
        replicate.disableProperty().bind(vm.canReplicateProperty().not());
        replicate.setOnAction(e -> vm.replicate());
        Tooltip why = new Tooltip();
        why.textProperty().bind(vm.replicateHintProperty());
        why.setWrapText(true);
        why.setMaxWidth(420);
        replicate.setTooltip(why);
        top.disableProperty().bind(vm.canReplicateProperty().not());
        runs.disableProperty().bind(vm.canReplicateProperty().not());
        // a disabled button shows no tooltip: the reason is also written beside it
        Label replicateHint = bound(vm.replicateHintProperty(), "replicateHint");
        replicateHint.getStyleClass().add("help");
        replicateHint.visibleProperty().bind(vm.canReplicateProperty().not());
        replicateHint.managedProperty().bind(replicateHint.visibleProperty());
        HBox replicateRow = new HBox(8, replicate, new Label("K"), top, new Label("N"), runs, replicateHint);
        replicateRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(replicateHint, Priority.ALWAYS);

        getChildren().addAll(advice, controls, status, noise, table, legend, proposal, pick, optimism,
                new HBox(8, exportInput, exportEnsemble), replicateRow);
    }

    private static TableView<SelectionViewModel.SettingRow> table(SelectionViewModel vm) {
        TableView<SelectionViewModel.SettingRow> table = new TableView<>(vm.settings());
        table.setId("choiceTable");
        table.setPlaceholder(new Label("Press \"Analyse\""));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(SelectionViewModel.SettingRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(TIE, !empty && row != null && row.tied());
            }
        });
        Map<TableColumn<SelectionViewModel.SettingRow, ?>, Function<SelectionViewModel.SettingRow, String>> shown =
                new HashMap<>();
        Runnable fit = () -> FitColumns.fit(table, shown::get);
        Runnable columns = () -> {
            table.getColumns().clear();
            shown.clear();
            for (SelectionViewModel.SettingColumn c : vm.columns()) {
                TableColumn<SelectionViewModel.SettingRow, SelectionViewModel.SettingRow> tc =
                        new TableColumn<>(c.header());
                tc.setCellValueFactory(x -> new ReadOnlyObjectWrapper<>(x.getValue()));
                tc.setCellFactory(x -> new SettingCell(c));
                tc.setComparator(c.order());
                table.getColumns().add(tc);
                shown.put(tc, c.text());
            }
            fit.run();
        };
        vm.columns().addListener((ListChangeListener<SelectionViewModel.SettingColumn>) c -> columns.run());
        vm.settings().addListener((ListChangeListener<SelectionViewModel.SettingRow>) c -> fit.run());
        columns.run();
        // the table's selection is the pick: a click overrides the proposal
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> {
            if (b != null && b != vm.chosenProperty().get()) {
                vm.choose(b);
            }
        });
        vm.chosenProperty().addListener((o, a, b) -> {
            if (b != null && table.getSelectionModel().getSelectedItem() != b) {
                table.getSelectionModel().select(b);
                table.scrollTo(b);
            }
        });
        MenuItem copy = new MenuItem("Copy (every digit)");
        copy.setId("copySettingsItem");
        MenuItem back = new MenuItem("Back to the proposed setting");
        back.setId("backToProposedItem");
        back.setOnAction(e -> vm.choose(null));
        Runnable copyRows = () -> {
            List<SelectionViewModel.SettingRow> rows = table.getItems();
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.copyText(rows));
            Clipboard.getSystemClipboard().setContent(content);
        };
        copy.setOnAction(e -> copyRows.run());
        table.setContextMenu(new ContextMenu(copy, back));
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copyRows.run();
            }
        });
        return table;
    }

    private static Label bound(javafx.beans.value.ObservableValue<String> text, String id) {
        Label l = wrapped("", id);
        l.textProperty().bind(text);
        return l;
    }

    private static Label wrapped(String text, String id) {
        Label l = new Label(text);
        l.setId(id);
        l.setWrapText(true);
        // as tall as its wrapped text: never cut to an ellipsis
        l.setMinHeight(Region.USE_PREF_SIZE);
        return l;
    }

    /** One column of a setting, short, with every digit in its tooltip. */
    private static final class SettingCell extends TableCell<SelectionViewModel.SettingRow,
            SelectionViewModel.SettingRow> {
        private final SelectionViewModel.SettingColumn column;

        SettingCell(SelectionViewModel.SettingColumn column) {
            this.column = column;
        }

        @Override
        protected void updateItem(SelectionViewModel.SettingRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(column.text().apply(row));
            String full = column.full().apply(row);
            setTooltip(full.isEmpty() ? null : new Tooltip(full));
        }
    }
}
