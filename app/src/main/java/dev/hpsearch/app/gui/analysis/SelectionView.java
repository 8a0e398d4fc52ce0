package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.Decorations;
import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.ResultTable;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Selection help: candidates as good as the best, and export of the chosen one. */
public final class SelectionView extends VBox {
    public SelectionView(SelectionViewModel vm, DashboardViewModel results, DialogService dialogs) {
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
        Runnable columns = () -> {
            table.getColumns().clear();
            TableColumn<ResultRow, String> id = new TableColumn<>("id");
            id.setCellValueFactory(c -> new ReadOnlyStringWrapper(Integer.toString(c.getValue().id())));
            TableColumn<ResultRow, String> loss = new TableColumn<>("loss");
            loss.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().loss() == null ? ""
                    : Axis.format(c.getValue().loss())));
            table.getColumns().add(id);
            table.getColumns().add(loss);
            for (int i = 0; i < results.hyperparameters().size(); i++) {
                final int col = i;
                TableColumn<ResultRow, String> hp = new TableColumn<>(results.hyperparameters().get(i));
                hp.setCellValueFactory(c -> new ReadOnlyStringWrapper(ResultTable.text(c.getValue().values().get(col))));
                table.getColumns().add(hp);
            }
        };
        results.hyperparameters().addListener((ListChangeListener<String>) c -> columns.run());
        columns.run();
        VBox.setVgrow(table, Priority.ALWAYS);
        Button export = new Button("Export chosen as input.json…");
        export.setId("exportInputButton");
        export.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        export.setOnAction(e -> {
            ResultRow chosen = table.getSelectionModel().getSelectedItem();
            dialogs.saveFile("Save input.json", results.project().folder(), "input_chosen.json")
                    .ifPresent(f -> vm.export(chosen, f));
        });
        getChildren().addAll(advice, new HBox(8, new Label("tolerance"), tol, relative, replicates, mark), status,
                table, export);
    }
}
