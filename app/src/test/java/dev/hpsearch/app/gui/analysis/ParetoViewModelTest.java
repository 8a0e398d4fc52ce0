package dev.hpsearch.app.gui.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.HeldTaskRunner;
import dev.hpsearch.app.gui.results.ResultsModel;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Constraint;
import dev.hpsearch.optimizer.config.ObjectivesConfig.Objective;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The Pareto plot's points, front, constraints and brushing, from the rows of a search. */
class ParetoViewModelTest {
    private static final ObjectivesConfig CONFIG = new ObjectivesConfig(
            List.of(new Objective("objective", false), new Objective("cost", false)),
            List.of(new Constraint("mem", null, 8.0)));

    /** 0 and 1 on the front; 2 dominated by 1; 3 would dominate all but breaks mem <= 8; 4 failed. */
    static ResultsModel results() {
        ResultsModel m = new ResultsModel();
        m.show(AnalysisRows.NAMES, null, List.of(
                AnalysisRows.row(0, 1.0, 0.1, 0.1, "relu", Map.of("cost", 5.0, "mem", 1.0)),
                AnalysisRows.row(1, 2.0, 0.2, 0.1, "relu", Map.of("cost", 3.0, "mem", 1.0)),
                AnalysisRows.row(2, 3.0, 0.3, 0.1, "relu", Map.of("cost", 4.0, "mem", 1.0)),
                AnalysisRows.row(3, 0.5, 0.4, 0.1, "relu", Map.of("cost", 1.0, "mem", 9.0)),
                AnalysisRows.row(4, null, 0.5, 0.1, "relu", Map.of())));
        return m;
    }

    @Test
    void theSearchsObjectivesAreTheAxesAndTheFrontHoldsFeasibleRunsOnly() {
        ResultsModel results = results();
        ParetoViewModel vm = new ParetoViewModel(results, new DirectTaskRunner());

        vm.configProperty().set(CONFIG);

        assertThat(vm.xProperty().get()).isEqualTo("objective");
        assertThat(vm.yProperty().get()).isEqualTo("cost");
        // the score first; metrics in the order the rows gave them (Map.of has none, so any order)
        assertThat(vm.names()).first().isEqualTo("objective");
        assertThat(vm.names()).containsExactlyInAnyOrder("objective", "cost", "mem");
        ParetoPlot plot = vm.plotProperty().get();
        assertThat(plot.points()).extracting(ParetoPlot.Point::id).containsExactly(0, 1, 2, 3);
        assertThat(plot.points().stream().filter(ParetoPlot.Point::onFront).map(ParetoPlot.Point::id))
                .containsExactly(0, 1);
        assertThat(plot.points().get(3).feasible()).isFalse();
        assertThat(vm.statusProperty().get()).startsWith("2 runs on the front of 3 feasible; hypervolume ");

        vm.brushFront();
        assertThat(results.brushedProperty().get()).isEqualTo(Set.of(0, 1));
        assertThat(vm.plotProperty().get().brushed()).isEqualTo(Set.of(0, 1));
    }

    @Test
    void withoutConstraintsTheBestScoreJoinsTheFrontAndDirectionsCount() {
        ParetoViewModel vm = new ParetoViewModel(results(), new DirectTaskRunner());
        vm.xProperty().set("objective");
        vm.yProperty().set("cost");

        assertThat(vm.plotProperty().get().points().stream().filter(ParetoPlot.Point::onFront)
                .map(ParetoPlot.Point::id)).containsExactly(3);
        assertThat(vm.statusProperty().get()).startsWith("1 run on the front of 4 feasible; hypervolume ");

        vm.yMaximizeProperty().set(true);
        // objective down, cost up: 3 (lowest objective) and 0 (highest cost)
        assertThat(vm.plotProperty().get().points().stream().filter(ParetoPlot.Point::onFront)
                .map(ParetoPlot.Point::id)).containsExactly(0, 3);
    }

    @Test
    void thePlotDrawsTheFrontInItsColourAndTheInfeasibleHollow() {
        ParetoViewModel vm = new ParetoViewModel(results(), new DirectTaskRunner());
        vm.configProperty().set(CONFIG);

        String svg = AnalysisRows.svg(vm.plotProperty().get(), 600, 400);

        assertThat(Pattern.compile("<circle").matcher(svg).results().count()).as("feasible runs").isEqualTo(3);
        assertThat(svg.toLowerCase()).contains("#d7191c");
        assertThat(svg).contains("objective (minimize)").contains("cost (minimize)");
    }

    @Test
    void moreThanTwoObjectivesGetParallelCoordinatesWithTheFrontOfAllOfThemMarked() {
        ResultsModel results = results();
        ParetoViewModel vm = new ParetoViewModel(results, new DirectTaskRunner());
        vm.configProperty().set(CONFIG);
        assertThat(vm.allObjectivesProperty().get()).as("two objectives: the scatter plot shows the front").isNull();

        // mem as a third objective, no constraint: 0, 1 and 3 are on the front of the three (3 has the worst mem),
        // while the front of the two plotted, objective and cost, is 3 alone
        vm.configProperty().set(new ObjectivesConfig(List.of(new Objective("objective", false),
                new Objective("cost", false), new Objective("mem", false)), List.of()));

        ParallelPlot all = vm.allObjectivesProperty().get();
        assertThat(all).isNotNull();
        assertThat(all.layout().axes()).extracting(a -> a.name()).containsExactly("loss", "cost", "mem");
        assertThat(all.layout().rows()).extracting(r -> r.id()).containsExactly(0, 1, 2, 3);
        assertThat(IntStream.of(all.marked().lines()).map(i -> all.layout().rows().get(i).id()).boxed())
                .containsExactlyInAnyOrder(0, 1, 3);
        assertThat(all.marked().legend())
                .isEqualTo("Pareto front of loss (minimize), cost (minimize), mem (minimize): 3 of 4 feasible runs");
        assertThat(vm.plotProperty().get().points().stream().filter(ParetoPlot.Point::onFront)
                .map(ParetoPlot.Point::id)).containsExactly(3);
        assertThat(vm.allStatusProperty().get()).startsWith("3 runs on the front of all 3 objectives, of 4 feasible")
                .contains("hypervolume ");

        // drawn thick in the front's colour, two segments per marked run between three axes, and the legend's sample
        String svg = AnalysisRows.svg(all, 900, 500);
        assertThat(Pattern.compile("<line [^>]*stroke=\"#d7191c\" stroke-width=\"2.50\"", Pattern.CASE_INSENSITIVE)
                .matcher(svg).results().count()).isEqualTo(3 * 2 + 1);
        assertThat(svg).contains(all.marked().legend()).contains("click a line to select its run")
                .doesNotContain("drag on an axis");

        // the table keeps the front of all three; a click on a line selects its run
        vm.brushFront();
        assertThat(results.brushedProperty().get()).isEqualTo(Set.of(0, 1, 3));
        int line = all.layout().indexOf(1);
        vm.pickLine(all.axisX(1, 900), ParallelPlot.y(all.layout().position(line, 1), 500), 900, 500);
        assertThat(results.selectedProperty().get().id()).isEqualTo(1);
        assertThat(vm.allObjectivesProperty().get().selected()).isEqualTo(line);

        // back to two objectives: no parallel coordinates, the brush is the scatter plot's front again
        vm.configProperty().set(CONFIG);
        assertThat(vm.allObjectivesProperty().get()).isNull();
        assertThat(vm.allStatusProperty().get()).isEmpty();
    }

    @Test
    void frontsAreComputedInTheBackgroundOneAtATimeAndNotWhileHidden() {
        ResultsModel results = results();
        HeldTaskRunner tasks = new HeldTaskRunner();
        ParetoViewModel vm = new ParetoViewModel(results, tasks);
        vm.setShowing(false);
        assertThat(tasks.count()).as("the first computation, of the empty choice").isEqualTo(1);

        // while one runs, changes wait; while hidden, nothing new starts
        vm.configProperty().set(CONFIG);
        results.dataVersionProperty().set(results.dataVersionProperty().get() + 1);
        assertThat(tasks.count()).isEqualTo(1);
        tasks.finish(0);
        assertThat(vm.statusProperty().get()).isEqualTo("Choose two different objectives.");
        assertThat(tasks.count()).as("hidden: the changes are kept for later").isEqualTo(1);
        assertThat(vm.plotProperty().get()).isNull();

        // shown: one computation takes every change gathered meanwhile, and the UI thread only draws its result
        vm.setShowing(true);
        assertThat(tasks.count()).isEqualTo(2);
        assertThat(vm.plotProperty().get()).as("not drawn before the computation ends").isNull();
        vm.xMaximizeProperty().set(true);
        assertThat(tasks.count()).isEqualTo(2);
        tasks.finish(1);
        assertThat(vm.plotProperty().get().points().stream().filter(ParetoPlot.Point::onFront)
                .map(ParetoPlot.Point::id)).containsExactly(0, 1);
        assertThat(vm.statusProperty().get()).startsWith("2 runs on the front of 3 feasible");

        // the change that came during it follows at once: objective up, cost down puts 2 and 1 on the front
        assertThat(tasks.count()).isEqualTo(3);
        tasks.finish(2);
        assertThat(vm.plotProperty().get().xName()).isEqualTo("objective (maximize)");
        assertThat(vm.plotProperty().get().points().stream().filter(ParetoPlot.Point::onFront)
                .map(ParetoPlot.Point::id)).containsExactly(1, 2);
        assertThat(tasks.count()).as("nothing left to do").isEqualTo(3);

        // a brush only rings points again: no computation
        results.brushedProperty().set(Set.of(2));
        assertThat(vm.plotProperty().get().brushed()).isEqualTo(Set.of(2));
        assertThat(tasks.count()).isEqualTo(3);
    }

    @Test
    void theSameObjectiveTwiceGivesNoPlot() {
        ParetoViewModel vm = new ParetoViewModel(results(), new DirectTaskRunner());
        vm.xProperty().set("cost");
        vm.yProperty().set("cost");

        assertThat(vm.plotProperty().get()).isNull();
        assertThat(vm.statusProperty().get()).isEqualTo("Choose two different objectives.");
    }
}
