package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.PlotCanvas;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The Pareto plot of two objectives with their choice; binds to a {@link ParetoViewModel}. */
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
        Label status = new Label();
        status.setId("paretoStatus");
        status.setWrapText(true);
        status.setMaxWidth(300);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        Button brush = new Button("Show only the front in the table");
        brush.setId("paretoBrushFront");
        brush.setOnAction(e -> vm.brushFront());
        VBox side = new VBox(8, new HBox(8, new Label("x"), x, xMax), new HBox(8, new Label("y"), y, yMax), status,
                brush);
        side.setPrefWidth(320);
        HBox.setHgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(canvas, side);
    }
}
