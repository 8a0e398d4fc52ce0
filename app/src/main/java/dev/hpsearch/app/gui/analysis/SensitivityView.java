package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import dev.hpsearch.optimizer.text.IoErrors;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** Slice plots with the GP band and the ranking of hyperparameters by influence; computed in the background. */
public final class SensitivityView extends HBox {
    public SensitivityView(DashboardViewModel results, TaskRunner tasks, DialogService dialogs) {
        setId("sensitivityView");
        setSpacing(10);
        setPadding(new Insets(12));
        PlotCanvas canvas = new PlotCanvas(null);
        canvas.setId("sensitivityCanvas");
        ListView<String> ranking = new ListView<>();
        ranking.setId("sensitivityRanking");
        ranking.setPrefWidth(300);
        Label status = new Label("Analyse the scored combinations: slice plots and a GP along each axis.");
        status.setId("sensitivityStatus");
        status.setWrapText(true);
        status.setMaxWidth(300);
        Button run = new Button("Analyse");
        run.setId("runSensitivityButton");
        run.setOnAction(e -> {
            run.setDisable(true);
            status.setText("Fitting…");
            var table = results.resultTable();
            var space = results.spaceProperty().get();
            tasks.run(() -> Sensitivity.analyze(ParallelLayout.of(table, space, true), 1), r -> {
                run.setDisable(false);
                canvas.setPlot(new SensitivityPlot(r));
                ranking.getItems().clear();
                int i = 1;
                for (Sensitivity.Slice s : r.ranking()) {
                    ranking.getItems().add(i++ + ". " + s.axis().name() + "   " + Axis.format(s.influence()));
                }
                status.setText(r.gpFitted() ? "Influence: range of the GP mean along the axis"
                        + (r.logLoss() ? " (log10 loss)" : "") + "." : r.note() + ". Influence: share of loss variance "
                        + "explained by the axis (eta squared).");
            }, ex -> {
                run.setDisable(false);
                status.setText("Analysis failed: " + IoErrors.describe(ex));
            });
        });
        Label title = new Label("Ranking by influence");
        title.getStyleClass().add("subtitle");
        VBox side = new VBox(8, run, status, title, ranking, ExportButtons.of("sensitivity", canvas, dialogs, tasks,
                "sensitivity", () -> results.project().folder()));
        VBox.setVgrow(ranking, Priority.ALWAYS);
        HBox.setHgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(canvas, side);
    }
}
