package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Parallel coordinates of the search's combinations. Dragging a range on an axis brushes it (the dashboard's
 * table follows), clicking an axis clears its brush, clicking a line selects its combination. Binds to a
 * {@link ParallelCoordinatesViewModel}.
 */
public final class ParallelCoordinatesView extends VBox {
    private final ParallelCoordinatesViewModel vm;
    private final PlotCanvas canvas = new PlotCanvas(null);
    private int dragAxis = -1;
    private double dragStart;
    private boolean dragged;

    public ParallelCoordinatesView(ParallelCoordinatesViewModel vm, TaskRunner tasks, DialogService dialogs) {
        this.vm = vm;
        setId("parallelView");
        setSpacing(8);
        setPadding(new Insets(12));
        canvas.setId("parallelCanvas");
        CheckBox showFailed = new CheckBox("show failed");
        showFailed.setId("showFailedCheck");
        showFailed.selectedProperty().bindBidirectional(vm.showFailedProperty());
        CheckBox logLoss = new CheckBox("log loss axis");
        logLoss.setId("logLossCheck");
        logLoss.selectedProperty().bindBidirectional(vm.logLossProperty());
        MenuButton axes = new MenuButton("Axes");
        axes.setId("axesMenu");
        Runnable axisItems = () -> axes.getItems().setAll(vm.columns().stream().map(c -> {
            CheckMenuItem item = new CheckMenuItem(c.name());
            item.setId("axis_" + c.name());
            item.setSelected(vm.axes().contains(c));
            item.selectedProperty().addListener((o, a, b) -> vm.setAxis(c, b));
            return item;
        }).toList());
        vm.columns().addListener((ListChangeListener<Column>) c -> axisItems.run());
        vm.axes().addListener((ListChangeListener<Column>) c -> {
            for (int i = 0; i < axes.getItems().size() && i < vm.columns().size(); i++) {
                ((CheckMenuItem) axes.getItems().get(i)).setSelected(vm.axes().contains(vm.columns().get(i)));
            }
        });
        axisItems.run();
        ComboBox<Column> colour = new ComboBox<>(vm.columns());
        colour.setId("colourChoice");
        colour.setConverter(new ColumnNames(vm.columns()));
        colour.valueProperty().bindBidirectional(vm.colourProperty());
        Button clear = new Button("Clear brushes");
        clear.setId("clearBrushesButton");
        clear.setOnAction(e -> vm.clearBrushes());
        Label hint = new Label("Drag along an axis to keep only the combinations in that range (the table follows); "
                + "click a line to select its combination.");
        hint.getStyleClass().add("help");
        hint.setWrapText(true);
        HBox bar = new HBox(10, axes, new Label("colour"), colour, showFailed, logLoss, clear,
                ExportButtons.of("parallel", canvas, dialogs, tasks, "parallel_coordinates", vm::exportFolder));
        VBox.setVgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(bar, hint, canvas);

        canvas.setPlot(vm.plotProperty().get());
        vm.plotProperty().addListener((o, a, b) -> canvas.setPlot(b));
        canvas.setOnMousePressed(e -> {
            dragAxis = nearestAxis(e.getX());
            dragStart = e.getY();
            dragged = false;
        });
        canvas.setOnMouseDragged(e -> {
            if (dragAxis < 0) {
                return;
            }
            dragged = true;
            double h = canvas.getHeight();
            vm.brush(dragAxis, ParallelPlot.position(dragStart, h), ParallelPlot.position(e.getY(), h));
        });
        canvas.setOnMouseReleased(e -> {
            if (dragAxis >= 0 && !dragged) {
                vm.clearBrush(dragAxis);
            } else if (dragAxis >= 0) {
                vm.publish();
            } else if (!dragged) {
                vm.pick(e.getX(), e.getY(), canvas.getWidth(), canvas.getHeight());
            }
            dragAxis = -1;
        });
    }

    private int nearestAxis(double x) {
        ParallelPlot plot = vm.plotProperty().get();
        if (plot == null) {
            return -1;
        }
        for (int j = 0; j < plot.layout().axes().size(); j++) {
            if (Math.abs(plot.axisX(j, canvas.getWidth()) - x) <= 12) {
                return j;
            }
        }
        return -1;
    }

    /** Whether the view is on screen; while hidden, new data only marks it stale. */
    public void setShowing(boolean on) {
        vm.setShowing(on);
    }

    /** Sets a brush on an axis in axis positions (for tests and keyboard users). */
    public void brush(int axis, double low, double high) {
        vm.brush(axis, low, high);
        vm.publish();
    }

    public PlotCanvas canvas() {
        return canvas;
    }

    public ParallelLayout currentLayout() {
        return vm.layout();
    }
}
