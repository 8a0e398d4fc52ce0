package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.hpsearch.optimizer.analysis.Axis;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The contour of the GP mean over a pair, on a real fit of the analysis rows; no toolkit needed. */
class ContourPlotTest {
    private static ResponseData data() {
        return ResponseData.of(AnalysisRows.model(40).table(), null, "loss");
    }

    @Test
    void theValuesAtTheGridsCornersArePairMeans() throws Exception {
        ResponseData data = data();
        GlobalSensitivity fit = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), 1);
        // lr (continuous) against act (two levels)
        ContourPlot plot = ContourPlot.of(fit, data, 0, 2);
        double[][] z = fit.pairMean(0, 2, ContourPlot.POINTS);
        int last = z.length - 1;
        int lastK = z[0].length - 1;
        assertThat(z[0]).hasSize(2);
        assertThat(plot.valueAt(0, 0)).isEqualTo(z[0][0]);
        assertThat(plot.valueAt(1, 0)).isEqualTo(z[last][0]);
        assertThat(plot.valueAt(0, 1)).isEqualTo(z[0][lastK]);
        assertThat(plot.valueAt(1, 1)).isEqualTo(z[last][lastK]);
        // between grid points of lr the value is interpolated; a level axis is never interpolated
        double mid = (plot.x().at()[3] + plot.x().at()[4]) / 2;
        assertThat(plot.valueAt(mid, 0.4)).isCloseTo((z[3][0] + z[4][0]) / 2, within(1e-12));
        assertThat(plot.x().levels()).isFalse();
        assertThat(plot.y().levels()).isTrue();
    }

    @Test
    void theDefaultPairIsTheOneWithTheLargestInteraction() throws Exception {
        ResponseData data = data();
        GlobalSensitivity.Result r = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), 1).indices();
        int[] pair = ContourPlot.topPair(r, data);
        double smallest = Math.min(r.indices().get(pair[0]).interaction(), r.indices().get(pair[1]).interaction());
        for (int j = 0; j < r.indices().size(); j++) {
            if (j != pair[0] && j != pair[1]) {
                assertThat(r.indices().get(j).interaction()).isLessThanOrEqualTo(smallest);
            }
        }
        assertThat(pair[0]).isNotEqualTo(pair[1]);
    }

    @Test
    void axesAreInTheUsersUnitsWithLevelsAndTheLegendKeepsEveryNumberWhole() throws Exception {
        ResponseData data = data();
        GlobalSensitivity fit = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), 1);
        ContourPlot plot = ContourPlot.of(fit, data, 1, 2);
        String svg = AnalysisRows.svg(plot, 700, 420);
        // l2 spans four orders of magnitude: a log axis, labelled so, ticks as powers of ten
        assertThat(svg).contains(">l2 (log scale)<").contains(">0.001<").contains(">1e-05<");
        // the categorical axis shows its levels
        assertThat(svg).contains(">relu<").contains(">tanh<");
        // every band boundary is written in the short form, exponent and all
        for (double level : plot.levels()) {
            assertThat(svg).contains(">" + Numbers.display(level) + "<");
        }
        assertThat(plot.levels().length).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aLegendOfTinyValuesIsGivenRoomForItsExponents() {
        double[][] z = {{1.234e-7, 2.5e-7}, {3e-7, 9.876e-7}};
        ContourPlot plot = new ContourPlot(
                new ContourPlot.Side(new Axis("a", Axis.Kind.LINEAR, 0, 1, List.of()), new double[] {0, 1}, false),
                new ContourPlot.Side(new Axis("b", Axis.Kind.LINEAR, 0, 1, List.of()), new double[] {0, 1}, false),
                z, new double[0], new double[0], "error");
        double w = 500;
        String svg = AnalysisRows.svg(plot, w, 300);
        assertThat(svg).contains(">1.234e-07<").contains(">9.876e-07<");
        // the legend's labels start far enough from the right edge for their whole text
        Matcher m = Pattern
                .compile("<text x=\"([0-9.]+)\"[^>]*>(9\\.876e-07)</text>").matcher(svg);
        assertThat(m.find()).isTrue();
        assertThat(Double.parseDouble(m.group(1)) + m.group(2).length() * 6.5).isLessThanOrEqualTo(w);
    }
}
