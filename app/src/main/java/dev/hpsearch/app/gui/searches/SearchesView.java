package dev.hpsearch.app.gui.searches;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.FitColumns;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.TaskRunner;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The project's searches and their histories overlaid; binds to a {@link SearchesViewModel}. */
public final class SearchesView extends VBox {
    public SearchesView(SearchesViewModel vm, TaskRunner tasks, DialogService dialogs) {
        setId("searchesView");
        setSpacing(8);
        setPadding(new Insets(12));
        TableView<PastSearch> table = new TableView<>(vm.searches());
        table.setId("searchesTable");
        table.setPlaceholder(new Label("No search in this project yet"));
        table.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        table.setEditable(true);
        TableColumn<PastSearch, Boolean> compare = new TableColumn<>("compare");
        compare.setEditable(true);
        compare.setCellValueFactory(c -> {
            PastSearch s = c.getValue();
            SimpleBooleanProperty on = new SimpleBooleanProperty(vm.compared().contains(s));
            on.addListener((o, a, b) -> vm.setCompared(s, b));
            return on;
        });
        compare.setCellFactory(CheckBoxTableCell.forTableColumn(compare));
        table.getColumns().add(compare);
        for (int i = 0; i < SearchesViewModel.COLUMNS.size(); i++) {
            final int col = i;
            TableColumn<PastSearch, String> c = new TableColumn<>(SearchesViewModel.COLUMNS.get(i));
            c.setCellValueFactory(x -> new ReadOnlyStringWrapper(vm.cells(x.getValue()).get(col)));
            if (SearchesViewModel.NUMERIC_COLUMNS.contains(col)) {
                c.setComparator(SearchesViewModel::compareNumbers);
            }
            table.getColumns().add(c);
        }
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(PastSearch s, boolean empty) {
                super.updateItem(s, empty);
                setTooltip(empty || s == null ? null : new Tooltip(vm.detail(s)));
            }
        });
        Runnable fit = () -> FitColumns.fit(table, c -> c == compare ? s -> "compare"
                : s -> vm.cells(s).get(table.getColumns().indexOf(c) - 1));
        vm.searches().addListener((ListChangeListener<PastSearch>) c -> fit.run());
        vm.compared().addListener((ListChangeListener<PastSearch>) c -> table.refresh());
        fit.run();
        Label status = new Label();
        status.setId("searchesStatus");
        status.textProperty().bind(vm.statusProperty());
        Button refresh = new Button("Refresh");
        refresh.setId("refreshSearchesButton");
        refresh.setOnAction(e -> vm.refresh());
        PlotCanvas canvas = new PlotCanvas(vm.plotProperty().get());
        canvas.setId("overlayCanvas");
        vm.plotProperty().addListener((o, a, b) -> canvas.setPlot(b));
        Label hint = new Label("Tick searches to overlay their best loss so far against the combination id.");
        hint.getStyleClass().add("help");
        VBox plotBox = new VBox(6, new HBox(10, hint, ExportButtons.of("overlay", canvas, dialogs, tasks,
                "searches_history", vm::exportFolder)), canvas);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        SplitPane split = new SplitPane(table, plotBox);
        split.setOrientation(javafx.geometry.Orientation.VERTICAL);
        split.setDividerPositions(0.4);
        VBox.setVgrow(split, Priority.ALWAYS);
        getChildren().addAll(new HBox(10, refresh, status), split);
    }
}
