package dev.hpsearch.app.gui.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.common.SvgPainter;
import dev.hpsearch.optimizer.engine.ProgressPoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The learning curves drawn through the Painter abstraction (here into SVG, no toolkit needed). */
class LearningCurvesPlotTest {

    private static ProgressPoint point(long step, double v) {
        return new ProgressPoint(step, v, Map.of());
    }

    private static String svg(LearningCurvesPlot plot) {
        SvgPainter p = new SvgPainter(400, 300);
        plot.draw(p, 400, 300);
        return p.toSvg();
    }

    @Test
    void prunedRunsAreMarkedAndTheTitleCountsThem() {
        Map<Integer, List<ProgressPoint>> curves = Map.of(
                0, List.of(point(0, 1), point(1, 0.5), point(2, 0.25)),
                1, List.of(point(0, 1.5), point(1, 1.2)));
        String svg = svg(new LearningCurvesPlot(curves, Set.of(1), 0, false));

        assertThat(svg).contains("Learning curves").contains("red, ending in a cross: pruned (1)");
        assertThat(svg).contains("combination 0");
        assertThat(svg).contains("step");
    }

    @Test
    void withoutCurvesItSaysHowAScriptReportsOne() {
        String svg = svg(new LearningCurvesPlot(Map.of(), Set.of(), null, true));
        assertThat(svg).contains("no progress.jsonl lines yet");
    }
}
