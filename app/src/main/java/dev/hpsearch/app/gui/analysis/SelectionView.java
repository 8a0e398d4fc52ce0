package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Decorations;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.FitColumns;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ResultRow;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Selection help: candidates as good as the best, and export of the chosen one; binds to a {@link SelectionViewModel}. */
public final class SelectionView extends VBox {
    public SelectionView(SelectionViewModel vm, DialogService dialogs) {
        setId("selectionView");
        setSpacing(8);
        setPadding(new Insets(12));
        Label advice = new Label("Many settings usually perform nearly as well as the best one. Mark those whose loss "
                + "is within a tolerance of the best (or, with replicate runs, not significantly worse), then choose "
                + "the simplest model among them: fewest parameters, strongest regularization. Keep your test data "
                + "untouched until this choice is made, then evaluate the chosen setting on it once.");
        advice.setWrapText(true);
        advice.getStyleClass().add("advice");
        TextField tol = new TextField();
        tol.setId("toleranceField");
        tol.setPrefColumnCount(6);
        tol.textProperty().bindBidirectional(vm.toleranceProperty());
        Decorations.bind(tol, vm.toleranceErrorProperty(), "Tolerance");
        CheckBox relative = new CheckBox("percent of the best loss");
        relative.setId("relativeCheck");
        relative.selectedProperty().bindBidirectional(vm.relativeProperty());
        CheckBox replicates = new CheckBox("use replicate runs (t-test) instead");
        replicates.setId("replicatesCheck");
        replicates.selectedProperty().bindBidirectional(vm.useReplicatesProperty());
        Button mark = new Button("Mark candidates");
        mark.setId("markButton");
        mark.setOnAction(e -> vm.mark());
        Label status = new Label();
        status.setId("selectionStatus");
        status.setWrapText(true);
        status.textProperty().bind(vm.statusProperty());

        TableView<ResultRow> table = new TableView<>(vm.candidates());
        table.setId("candidateTable");
        table.setPlaceholder(new Label("Press \"Mark candidates\""));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        Map<TableColumn<ResultRow, ?>, Function<ResultRow, String>> shown = new HashMap<>();
        Runnable fit = () -> FitColumns.fit(table, shown::get);
        Runnable columns = () -> {
            table.getColumns().clear();
            shown.clear();
            TableColumn<ResultRow, String> id = new TableColumn<>("id");
            id.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().id())));
            table.getColumns().add(id);
            shown.put(id, r -> Integer.toString(r.id()));
            for (Column col : vm.columns()) {
                TableColumn<ResultRow, ResultRow> tc = new TableColumn<>(col.name());
                tc.setCellValueFactory(c -> new javafx.beans.property.ReadOnlyObjectWrapper<>(c.getValue()));
                tc.setCellFactory(x -> new NumberCell(col));
                tc.setComparator(SelectionViewModel.order(col));
                table.getColumns().add(tc);
                shown.put(tc, r -> SelectionViewModel.display(r, col));
            }
            fit.run();
        };
        vm.columns().addListener((ListChangeListener<Column>) c -> columns.run());
        vm.candidates().addListener((ListChangeListener<ResultRow>) c -> fit.run());
        columns.run();
        table.getSelectionModel().selectedItemProperty().addListener((o, a, b) -> vm.choose(b));
        vm.selectedProperty().addListener((o, a, b) -> {
            if (b != null && table.getItems().stream().anyMatch(r -> r.id() == b.id())) {
                table.getItems().stream().filter(r -> r.id() == b.id()).findFirst()
                        .ifPresent(r -> table.getSelectionModel().select(r));
            }
        });
        MenuItem copy = new MenuItem("Copy (every digit)");
        copy.setId("copyCandidatesItem");
        Runnable copyRows = () -> {
            var rows = table.getSelectionModel().getSelectedItems().isEmpty() ? table.getItems()
                    : table.getSelectionModel().getSelectedItems();
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.copyText(rows));
            Clipboard.getSystemClipboard().setContent(content);
        };
        copy.setOnAction(e -> copyRows.run());
        table.setContextMenu(new ContextMenu(copy));
        table.setOnKeyPressed(e -> {
            if (e.isShortcutDown() && e.getCode() == KeyCode.C) {
                copyRows.run();
            }
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        Button export = new Button("Export chosen as input.json…");
        export.setId("exportInputButton");
        export.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        export.setOnAction(e -> {
            ResultRow chosen = table.getSelectionModel().getSelectedItem();
            dialogs.saveFile("Save input.json", vm.exportFolder(), "input_chosen.json")
                    .ifPresent(f -> vm.export(chosen, f));
        });
        getChildren().addAll(advice, new HBox(8, new Label("tolerance"), tol, relative, replicates, mark), status,
                table, export);
    }

    /** A cell showing one column of a candidate in short form, with every digit in its tooltip. */
    private static final class NumberCell extends TableCell<ResultRow, ResultRow> {
        private final Column column;

        NumberCell(Column column) {
            this.column = column;
        }

        @Override
        protected void updateItem(ResultRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(SelectionViewModel.display(row, column));
            String full = SelectionViewModel.full(row, column);
            setTooltip(full.isEmpty() ? null : new Tooltip(full));
        }
    }
}
