package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import java.util.HashSet;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Parallel coordinates of the search's combinations. Dragging a range on an axis brushes it; the brushes
 * filter both the lines and the dashboard's table.
 */
public final class ParallelCoordinatesView extends VBox {
    private final DashboardViewModel results;
    private final PlotCanvas canvas = new PlotCanvas(null);
    private final CheckBox showFailed = new CheckBox("show failed");
    private final CheckBox logLoss = new CheckBox("log loss axis");
    private ParallelLayout layout;
    private ParallelLayout.Brush[] brushes = new ParallelLayout.Brush[0];
    private int dragAxis = -1;
    private double dragStart;
    private boolean dragged;
    private boolean dirty;
    private boolean showing;
    private boolean stale;

    public ParallelCoordinatesView(DashboardViewModel results, TaskRunner tasks, DialogService dialogs) {
        this.results = results;
        setId("parallelView");
        setSpacing(8);
        setPadding(new Insets(12));
        canvas.setId("parallelCanvas");
        showFailed.setId("showFailedCheck");
        showFailed.setSelected(true);
        logLoss.setId("logLossCheck");
        logLoss.setSelected(true);
        showFailed.selectedProperty().addListener((o, a, b) -> {
            redraw();
            publish();
        });
        logLoss.selectedProperty().addListener((o, a, b) -> rebuild());
        Button clear = new Button("Clear brushes");
        clear.setId("clearBrushesButton");
        clear.setOnAction(e -> {
            brushes = layout == null ? new ParallelLayout.Brush[0] : layout.noBrushes();
            redraw();
            publish();
        });
        Label hint = new Label("Drag along an axis to keep only the combinations in that range (the table follows).");
        hint.getStyleClass().add("help");
        HBox bar = new HBox(10, showFailed, logLoss, clear, ExportButtons.of("parallel", canvas, dialogs, tasks,
                "parallel_coordinates", () -> results.project().folder()), hint);
        VBox.setVgrow(canvas, Priority.ALWAYS);
        getChildren().addAll(bar, canvas);

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
            brushes[dragAxis] = new ParallelLayout.Brush(ParallelPlot.position(dragStart, h), ParallelPlot.position(e.getY(), h));
            redraw();
        });
        canvas.setOnMouseReleased(e -> {
            if (dragAxis >= 0 && !dragged) {
                brushes[dragAxis] = null;
                redraw();
            }
            if (dragAxis >= 0) {
                publish();
            }
            dragAxis = -1;
        });
        results.dataVersionProperty().addListener((o, a, b) -> {
            if (!showing) {
                stale = true;
                return;
            }
            if (!dirty) {
                dirty = true;
                Platform.runLater(() -> {
                    dirty = false;
                    rebuild();
                });
            }
        });
        rebuild();
    }

    /** Whether the view is on screen; while hidden, new data only marks it stale. */
    public void setShowing(boolean on) {
        showing = on;
        if (on && stale) {
            stale = false;
            rebuild();
        }
    }

    private int nearestAxis(double x) {
        if (layout == null || !(canvas.plot() instanceof ParallelPlot)) {
            return -1;
        }
        ParallelPlot plot = (ParallelPlot) canvas.plot();
        for (int j = 0; j < layout.axes().size(); j++) {
            if (Math.abs(plot.axisX(j, canvas.getWidth()) - x) <= 12) {
                return j;
            }
        }
        return -1;
    }

    /** Lays out the current results again, keeping brushes when the axes are unchanged. */
    public void rebuild() {
        ParallelLayout next = ParallelLayout.of(results.resultTable(), results.spaceProperty().get(), logLoss.isSelected());
        if (layout == null || !next.axes().equals(layout.axes()) || brushes.length != next.axes().size()) {
            brushes = next.noBrushes();
        }
        layout = next;
        redraw();
    }

    private void redraw() {
        // a new layout regroups the lines; a brush or the failed toggle reuses the plot's grouping and geometry
        ParallelPlot current = canvas.plot() instanceof ParallelPlot ? (ParallelPlot) canvas.plot() : null;
        canvas.setPlot(current != null && current.layout() == layout
                ? current.withBrushes(brushes, showFailed.isSelected())
                : new ParallelPlot(layout, brushes, showFailed.isSelected()));
    }

    /** Sets a brush on an axis in axis positions (for tests and keyboard users). */
    public void brush(int axis, double low, double high) {
        brushes[axis] = new ParallelLayout.Brush(low, high);
        redraw();
        publish();
    }

    private void publish() {
        boolean any = false;
        for (ParallelLayout.Brush b : brushes) {
            any |= b != null;
        }
        if (!any && showFailed.isSelected()) {
            results.brushedProperty().set(null);
            return;
        }
        Set<Integer> ids = new HashSet<>(layout.passingIds(brushes, showFailed.isSelected()));
        results.brushedProperty().set(ids);
    }

    public PlotCanvas canvas() {
        return canvas;
    }

    public ParallelLayout currentLayout() {
        return layout;
    }
}
