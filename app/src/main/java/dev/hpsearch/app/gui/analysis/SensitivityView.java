package dev.hpsearch.app.gui.analysis;

import dev.hpsearch.app.gui.common.DialogService;
import dev.hpsearch.app.gui.common.ExportButtons;
import dev.hpsearch.app.gui.common.PlotCanvas;
import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.optimizer.analysis.Column;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The importance of each hyperparameter as bars with their intervals ({@link ImportancePlot}, the report's own
 * plot), partial dependence or the slices, the top interaction, and the ranking with every figure as text; binds
 * to a {@link SensitivityViewModel}.
 */
public final class SensitivityView extends HBox {
    /** The most height the bars take before they scroll. */
    private static final double IMPORTANCE_VIEWPORT = 260;

    public SensitivityView(SensitivityViewModel vm, TaskRunner tasks, DialogService dialogs) {
        setId("sensitivityView");
        setSpacing(10);
        setPadding(new Insets(12));
        PlotCanvas canvas = new PlotCanvas(null);
        canvas.setId("sensitivityCanvas");
        ScrollPane importance = importance(vm);
        vm.plotProperty().addListener((o, a, b) -> canvas.setPlot(b));
        canvas.setOnMouseClicked(e -> vm.pick(e.getX(), e.getY(), canvas.getWidth(), canvas.getHeight()));
        ListView<String> ranking = new ListView<>(vm.ranking());
        ranking.setId("sensitivityRanking");
        ranking.setPrefWidth(300);
        // each item is three lines: every cell as tall as its text, never cut (hpsearch.css)
        ranking.getStyleClass().add("multi-line");
        Label status = new Label();
        status.setId("sensitivityStatus");
        status.setWrapText(true);
        status.setMaxWidth(300);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.statusProperty());
        ComboBox<Column> response = ResponseControls.response("responseChoice", vm.responses(), vm.responseProperty());
        // the direction does not change the indices, but the response is shared with the Selection view and the report
        ComboBox<String> direction = ResponseControls.direction("responseDirection", vm.minimizeProperty(),
                vm.directionFixedProperty());
        Button run = new Button("Analyse");
        run.setId("runSensitivityButton");
        run.disableProperty().bind(vm.runningProperty());
        run.setOnAction(e -> vm.analyse());
        CheckBox slices = new CheckBox("Show slices through the best (one at a time)");
        slices.setId("slicesToggle");
        slices.selectedProperty().bindBidirectional(vm.slicesProperty());
        Label title = new Label("Ranking (total index, 95 % interval)");
        title.getStyleClass().add("subtitle");
        VBox side = new VBox(8, new HBox(8, new Label("response"), response, direction), run, slices, status, title,
                ranking, ExportButtons.of("sensitivity", canvas, dialogs, tasks, "sensitivity", vm::exportFolder));
        VBox.setVgrow(ranking, Priority.ALWAYS);
        VBox plots = new VBox(6, importance, canvas, interactions(vm, tasks, dialogs));
        VBox.setVgrow(canvas, Priority.ALWAYS);
        HBox.setHgrow(plots, Priority.ALWAYS);
        getChildren().addAll(plots, side);
    }

    /**
     * The bars of the indices, as tall as their rows need (the plot does not shrink its rows), in a pane that
     * scrolls when there are many hyperparameters: no row is ever cut off. Hidden until there are indices.
     */
    private static ScrollPane importance(SensitivityViewModel vm) {
        PlotCanvas bars = new PlotCanvas(null);
        bars.setId("importanceCanvas");
        ScrollPane scroll = new ScrollPane(bars);
        scroll.setId("importanceScroll");
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.setVisible(false);
        scroll.setManaged(false);
        vm.importanceProperty().addListener((o, a, b) -> {
            double h = b == null ? 0 : b.preferredHeight();
            bars.setMinHeight(h);
            bars.setPrefHeight(h);
            bars.setMaxHeight(h);
            scroll.setPrefViewportHeight(Math.min(h, IMPORTANCE_VIEWPORT));
            scroll.setMinViewportHeight(Math.min(h, IMPORTANCE_VIEWPORT / 2));
            scroll.setVisible(b != null);
            scroll.setManaged(b != null);
            bars.setPlot(b);
        });
        return scroll;
    }

    /** The contour of the GP mean over a pair, with the pair's choosers; the pair that interacts most at first. */
    private static VBox interactions(SensitivityViewModel vm, TaskRunner tasks, DialogService dialogs) {
        PlotCanvas contour = new PlotCanvas(null);
        contour.setId("contourCanvas");
        contour.setPrefHeight(320);
        vm.contourProperty().addListener((o, a, b) -> contour.setPlot(b));
        ComboBox<String> x = new ComboBox<>(vm.pairChoices());
        x.setId("pairXChoice");
        x.valueProperty().bindBidirectional(vm.pairXProperty());
        ComboBox<String> y = new ComboBox<>(vm.pairChoices());
        y.setId("pairYChoice");
        y.valueProperty().bindBidirectional(vm.pairYProperty());
        Label status = new Label();
        status.setId("contourStatus");
        status.setWrapText(true);
        status.setMinHeight(Region.USE_PREF_SIZE);
        status.textProperty().bind(vm.contourStatusProperty());
        HBox choosers = new HBox(8, new Label("interaction of"), x, new Label("and"), y,
                ExportButtons.of("contour", contour, dialogs, tasks, "contour", vm::exportFolder));
        choosers.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return new VBox(4, choosers, status, contour);
    }
}
