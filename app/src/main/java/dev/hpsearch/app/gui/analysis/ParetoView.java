package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.PlotCanvas;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Pareto plot of two objectives with their choice and, for more than two, parallel coordinates of every objective
 * with the front marked above it; binds to a {@link ParetoViewModel}.
 */
public final class ParetoView extends HBox {
    public ParetoView(ParetoViewModel vm) {
        setId("paretoView");
        setSpacing(10);
        setPadding(new Insets(12));
        PlotCanvas canvas = new PlotCanvas(vm.plotProperty().get());
        canvas.setId("paretoCanvas");
        vm.plotProperty().addListener((o, a, b) -> canvas.setPlot(b));
        canvas.setOnMouseClicked(e -> vm.pick(e.getX(), e.getY(), canvas.getWidth(), canvas.getHeight()));
        ComboBox<String> x = new ComboBox<>(vm.names());
        x.setId("paretoX");
        x.valueProperty().bindBidirectional(vm.xProperty());
        ComboBox<String> y = new ComboBox<>(vm.names());
        y.setId("paretoY");
        y.valueProperty().bindBidirectional(vm.yProperty());
        CheckBox xMax = new CheckBox("maximize");
        xMax.setId("paretoXMaximize");
        xMax.selectedProperty().bindBidirectional(vm.xMaximizeProperty());
        CheckBox yMax = new CheckBox("maximize");
        yMax.setId("paretoYMaximize");
        yMax.selectedProperty().bindBidirectional(vm.yMaximizeProperty());
        Label status = status("paretoStatus", vm.statusProperty());
        Button brush = new Button("Show only the front in the table");
        brush.setId("paretoBrushFront");
        brush.setOnAction(e -> vm.brushFront());
        PlotCanvas all = new PlotCanvas(vm.allObjectivesProperty().get());
        all.setId("paretoParallelCanvas");
        all.setOnMouseClicked(e -> vm.pickLine(e.getX(), e.getY(), all.getWidth(), all.getHeight()));
        Label allStatus = status("paretoAllStatus", vm.allStatusProperty());
        VBox side = new VBox(8, allStatus, new HBox(8, new Label("x"), x, xMax), new HBox(8, new Label("y"), y, yMax),
                status, brush);
        side.setPrefWidth(320);
        Runnable showAll = () -> {
            boolean on = vm.allObjectivesProperty().get() != null;
            all.setVisible(on);
            all.setManaged(on);
            allStatus.setVisible(on);
            allStatus.setManaged(on);
            all.setPlot(vm.allObjectivesProperty().get());
        };
        vm.allObjectivesProperty().addListener((o, a, b) -> showAll.run());
        showAll.run();
        // the same preferred height for both, so that they share the room (a canvas's own size would feed back)
        all.setPrefHeight(300);
        canvas.setPrefHeight(300);
        VBox plots = new VBox(8, all, canvas);
        VBox.setVgrow(all, Priority.ALWAYS);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        HBox.setHgrow(plots, Priority.ALWAYS);
        getChildren().addAll(plots, side);
    }

    /** A status line as tall as its wrapped text. */
    private static Label status(String id, ReadOnlyStringProperty text) {
        Label l = new Label();
        l.setId(id);
        l.setWrapText(true);
        l.setMaxWidth(300);
        l.setMinHeight(Region.USE_PREF_SIZE);
        l.textProperty().bind(text);
        return l;
    }
}
