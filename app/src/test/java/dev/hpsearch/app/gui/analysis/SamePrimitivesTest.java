package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.common.CanvasPainter;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.app.gui.common.RecordingPainter;
import dev.hpsearch.app.gui.common.SvgPainter;
import dev.hpsearch.app.gui.run.HistoryPlot;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.History;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.analysis.ResultTable;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.scene.canvas.Canvas;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The report's SVG and the GUI's canvas are drawn by the same code: each plot of the report makes the same calls,
 * in the same order with the same arguments, on an {@link SvgPainter} as on a {@link CanvasPainter}. (Parallel
 * coordinates are the one plot that rasterises its many lines straight into the canvas's buffer instead of a path.)
 */
class SamePrimitivesTest {
    private static final double W = 900;
    private static final double H = 560;

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    private static Map<String, Plot> plots() throws Exception {
        ResultTable table = AnalysisRows.model(40).table();
        ResponseData data = ResponseData.of(table, null, "loss");
        GlobalSensitivity fit = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), 1);
        GlobalSensitivity.Result indices = fit.indices();
        List<GlobalSensitivity.Dependence> dependence = new ArrayList<>();
        for (int j = 0; j < data.inputs().size(); j++) {
            dependence.add(fit.partialDependence(j, 11));
        }
        int[] pair = ContourPlot.topPair(indices, data);
        return Map.of("contour", ContourPlot.of(fit, data, pair[0], pair[1]),
                "dependence", DependencePlot.ranked(data, indices, dependence),
                "importance", new ImportancePlot(indices, "loss"),
                "history", new HistoryPlot(History.of(table.rows()), true),
                "slices", new SensitivityPlot(Sensitivity.analyze(ParallelLayout.of(table, null, true), 1)));
    }

    @Test
    void everyPlotOfTheReportMakesTheSameCallsOnSvgAsOnACanvas() throws Exception {
        for (Map.Entry<String, Plot> e : plots().entrySet()) {
            RecordingPainter svg = new RecordingPainter(new SvgPainter(W, H));
            e.getValue().draw(svg, W, H);
            List<String> onCanvas = WaitForAsyncUtils.asyncFx(() -> {
                CanvasPainter canvas = new CanvasPainter(new Canvas(W, H).getGraphicsContext2D());
                RecordingPainter recording = new RecordingPainter(canvas);
                e.getValue().draw(recording, W, H);
                canvas.flush();
                return recording.calls();
            }).get();
            assertThat(svg.calls()).as(e.getKey()).hasSizeGreaterThan(20).containsExactlyElementsOf(onCanvas);
        }
    }
}
