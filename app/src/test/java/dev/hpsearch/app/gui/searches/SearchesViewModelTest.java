package dev.hpsearch.app.gui.searches;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.common.SvgPainter;
import dev.hpsearch.app.gui.project.Project;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of a project's searches and their overlaid histories, without a toolkit, on real folders. */
class SearchesViewModelTest {
    private static final String HEADER = "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\t"
            + "is_queued\tmodel_config_path\tloss\tx\n";

    @TempDir
    Path tmp;
    private SearchesViewModel vm;

    private void search(int id, String type, String rows) throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("hp_search_" + id));
        if (type != null) {
            Files.writeString(dir.resolve("search_config.json"), "{\"search_type\": \"" + type + "\"}");
            Files.writeString(dir.resolve("search.json"), "{}");
            Files.setLastModifiedTime(dir.resolve("search.json"),
                    FileTime.from(Instant.parse("2026-11-2" + id + "T08:30:00Z")));
        }
        if (rows != null) {
            Files.writeString(dir.resolve("hp_search_data.txt"), rows);
        }
    }

    private static String row(int id, String type, String loss) {
        return id + "\t\t1.0\t0\t" + type + "\tTrue\tin.json\t" + loss + "\t0.5\n";
    }

    @BeforeEach
    void project() throws Exception {
        search(0, "grid", HEADER + row(0, "grid", "0.5") + row(1, "grid", "0.25") + row(2, "grid", "0.4"));
        search(1, "bopt", HEADER + row(0, "random", "0.3") + row(1, "grid", "nan")
                + row(2, "Matern52_EI_MLE", "7.79988e-6") + row(3, "Matern52_EI_MLE", "0.001"));
        // the original tool's folder: no config; its rows came from two strategies
        search(2, null, HEADER + row(0, "random", "2") + row(1, "grid", "1"));
        search(3, "random", "not a table\n");
        search(4, "line", null);
        vm = new SearchesViewModel(new Project(tmp, tmp.resolve("search_config.json"), tmp.resolve("job_config.json"),
                tmp.resolve("model_config.json")), new DirectTaskRunner(), ZoneOffset.UTC);
        vm.refresh();
    }

    private PastSearch named(String name) {
        return vm.searches().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void eachSearchShowsItsTypeDateCountAndBestInShortForm() {
        assertThat(vm.searches()).extracting(PastSearch::name)
                .containsExactly("hp_search_4", "hp_search_3", "hp_search_2", "hp_search_1", "hp_search_0");
        assertThat(vm.cells(named("hp_search_1")))
                .containsExactly("hp_search_1", "bopt", "2026-11-21 08:30", "4", "7.8e-06", "2");
        assertThat(vm.detail(named("hp_search_1"))).contains("best loss 7.79988e-6 (combination 2)");
        assertThat(vm.cells(named("hp_search_0"))).containsExactly("hp_search_0", "grid", "2026-11-20 08:30", "3",
                "0.25", "1");
        assertThat(vm.cells(named("hp_search_2")).get(1)).isEqualTo("mixed");
        assertThat(vm.cells(named("hp_search_4"))).containsExactly("hp_search_4", "line", "2026-11-24 08:30", "0", "",
                "");
    }

    @Test
    void aTableThatCannotBeReadIsSaidOnItsLineAndTheOthersAreListed() {
        assertThat(named("hp_search_3").problem()).contains("hp_search_data.txt");
        assertThat(vm.detail(named("hp_search_3"))).contains("hp_search_data.txt");
        assertThat(vm.statusProperty().get()).isEqualTo("5 searches; 1 with a table that cannot be read (see its line)");
    }

    @Test
    void theNewestSearchesWithScoresAreOverlaidUntilTheUserChoosesAndTheChoiceSurvivesARefresh() {
        assertThat(vm.compared()).extracting(PastSearch::name).containsExactly("hp_search_2", "hp_search_1",
                "hp_search_0");
        vm.setCompared(named("hp_search_2"), false);
        assertThat(vm.plotProperty().get().searches()).extracting(PastSearch::name)
                .containsExactly("hp_search_1", "hp_search_0");
        vm.refresh();
        assertThat(vm.compared()).extracting(PastSearch::name).containsExactly("hp_search_1", "hp_search_0");
        SvgPainter p = new SvgPainter(800, 400);
        vm.plotProperty().get().draw(p, 800, 400);
        assertThat(p.toSvg()).contains("hp_search_1 (bopt)").contains("hp_search_0 (grid)")
                .contains("best loss so far (log)");
    }

    @Test
    void numericColumnsSortAsNumbers() {
        List<String> cells = new java.util.ArrayList<>(List.of("10", "", "9", "7.8e-06"));
        cells.sort(SearchesViewModel::compareNumbers);
        assertThat(cells).containsExactly("7.8e-06", "9", "10", "");
        assertThat(SearchesViewModel.COLUMNS.get(4)).isEqualTo("best loss");
        assertThat(SearchesViewModel.NUMERIC_COLUMNS).containsExactlyInAnyOrder(3, 4, 5);
    }

    @Test
    void theTypeIsTheConfigsUnlessTheRowsCameFromOtherStrategies() {
        assertThat(PastSearches.type("bopt", List.of())).isEqualTo("bopt");
        assertThat(PastSearches.type(null, List.of())).isEqualTo("unknown");
        assertThat(named("hp_search_1").type()).isEqualTo("bopt");
        assertThat(named("hp_search_2").type()).isEqualTo("mixed");
    }
}
