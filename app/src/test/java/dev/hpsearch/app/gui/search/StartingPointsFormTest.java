package dev.hpsearch.app.gui.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.ManualScheduler;
import dev.hpsearch.app.gui.ScriptedDialogs;
import dev.hpsearch.app.gui.common.UnsavedEdits;
import dev.hpsearch.app.gui.project.Project;
import dev.hpsearch.app.gui.run.DashboardViewModel;
import dev.hpsearch.app.gui.run.SearchLauncher;
import dev.hpsearch.app.gui.start.ProjectFactory;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.config.ConfigSchema;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The search form's warm_start_from and initial_points, and "add as initial point" from the results (decision 0024). */
class StartingPointsFormTest {
    private static final String TABLE = "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\t"
            + "is_queued\tmodel_config_path\tloss\tx\n0\t1\t1.0\t0\tgrid\tTrue\tp\t0.5\t1\n";
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @TempDir
    Path tmp;
    private Project project;
    private SearchConfigViewModel search;

    @BeforeEach
    void demo() throws Exception {
        project = new ProjectFactory().fromDemo(tmp.resolve("demo"));
        search = new SearchConfigViewModel(project.searchConfig(), tasks);
        search.load();
    }

    private String text(String key) {
        return search.field(key).textProperty().get();
    }

    @Test
    void theFormListsTheProjectsEarlierSearchesWithResultsNewestFirst() throws Exception {
        for (String name : List.of("hp_search_0", "hp_search_2")) {
            Files.writeString(Files.createDirectories(project.folder().resolve(name)).resolve("hp_search_data.txt"), TABLE);
        }
        Files.createDirectories(project.folder().resolve("hp_search_1")); // no results: not offered

        assertThat(search.earlierSearches()).extracting(p -> p.getFileName().toString())
                .containsExactly("hp_search_2", "hp_search_0");
    }

    @Test
    void anEarlierSearchIsAddedRelativeToTheConfigOnceAndTheFormIsUnsaved() throws Exception {
        Path old = Files.createDirectories(project.folder().resolve("hp_search_0"));
        Files.writeString(old.resolve("hp_search_data.txt"), TABLE);
        Path elsewhere = Files.writeString(tmp.resolve("old results.txt"), TABLE);

        search.addWarmStart(old);
        search.addWarmStart(elsewhere);
        search.addWarmStart(old);

        assertThat(text(ConfigSchema.WARM_START_FROM.key())).isEqualTo("hp_search_0, " + elsewhere);
        assertThat(search.dirtyProperty().get()).isTrue();
        assertThat(search.validate()).isTrue();
        assertThat(search.document().get("warm_start_from")).isEqualTo(JsonFiles.STRICT.valueToTree(
                List.of("hp_search_0", elsewhere.toString())));
    }

    @Test
    void aWarmStartThatIsNotThereIsShownAtItsField() {
        search.field(ConfigSchema.WARM_START_FROM.key()).textProperty().set("hp_search_7");

        assertThat(search.validate()).isFalse();
        assertThat(search.field(ConfigSchema.WARM_START_FROM.key()).errorProperty().get())
                .contains("no such search folder or file: " + project.folder().resolve("hp_search_7"));
    }

    /** A setting of the demo's four hyperparameters. */
    private static Map<String, JsonNode> demoPoint(String scaling, int epochs, double lr, double l2) {
        Map<String, JsonNode> p = new LinkedHashMap<>();
        p.put("feature_scaling", TextNode.valueOf(scaling));
        p.put("epochs", IntNode.valueOf(epochs));
        p.put("optimizer.learning_rate", DoubleNode.valueOf(lr));
        p.put("optimizer.l2", DoubleNode.valueOf(l2));
        return p;
    }

    @Test
    void pointsAreAppendedToInitialPointsAndSavedAsAListOfObjects() throws Exception {
        assertThat(search.addInitialPoint(demoPoint("standard", 20, 0.01, 1e-4))).isTrue();
        assertThat(search.addInitialPoint(demoPoint("minmax", 200, 1.0, 1e-6))).isTrue();

        assertThat(search.dirtyProperty().get()).isTrue();
        assertThat(search.validate()).isTrue();
        JsonNode points = search.document().get("initial_points");
        assertThat(points).hasSize(2);
        assertThat(points.get(0).toString()).isEqualTo("{\"feature_scaling\":\"standard\",\"epochs\":20,"
                + "\"optimizer.learning_rate\":0.01,\"optimizer.l2\":1.0E-4}");
        assertThat(points.get(1).get("optimizer.l2").asDouble()).isEqualTo(1e-6);
        search.save(null);
        assertThat(JsonFiles.read(project.searchConfig(), "s").get("initial_points")).isEqualTo(points);
        assertThat(search.dirtyProperty().get()).isFalse();
    }

    @Test
    void anInitialPointOutsideTheProjectsDomainsIsShownAtItsField() {
        search.field(ConfigSchema.INITIAL_POINTS.key()).textProperty().set("[{\"feature_scaling\": \"standard\","
                + " \"epochs\": 20, \"optimizer.learning_rate\": 0.1, \"optimizer.l2\": 0.01}]");
        assertThat(search.validate()).isTrue();

        search.field(ConfigSchema.INITIAL_POINTS.key()).textProperty().set("[{\"feature_scaling\": \"standard\","
                + " \"epochs\": 30, \"optimizer.learning_rate\": 0.1, \"optimizer.l2\": 0.01}]");

        assertThat(search.validate()).isFalse();
        assertThat(search.field(ConfigSchema.INITIAL_POINTS.key()).errorProperty().get())
                .isEqualTo("got 30, not one of the listed values [10, 20, 50, 100, 200]");
    }

    @Test
    void aFieldThatIsNoListIsLeftAsTheUserTypedIt() {
        search.field(ConfigSchema.INITIAL_POINTS.key()).textProperty().set("{\"lr\": 0.1");

        assertThat(search.addInitialPoint(Map.of("lr", DoubleNode.valueOf(0.2)))).isFalse();
        assertThat(text(ConfigSchema.INITIAL_POINTS.key())).isEqualTo("{\"lr\": 0.1");
    }

    @Test
    void aRowOfTheResultsBecomesAnInitialPointOfTheSearchForm() {
        SearchLauncher none = (SearchLauncher) java.lang.reflect.Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {SearchLauncher.class}, (proxy, method, args) -> {
                    throw new AssertionError("nothing is launched here: " + method.getName());
                });
        DashboardViewModel dashboard = new DashboardViewModel(project, tasks, none, new ScriptedDialogs(),
                UnsavedEdits.NONE, new ManualScheduler(), Duration.ZERO);
        dashboard.onAddInitialPoint(search::addInitialPoint);
        ResultRow row = new ResultRow(4, "ok", 0.3, List.of(DoubleNode.valueOf(0.001), IntNode.valueOf(3),
                TextNode.valueOf("sgd")), "17", 2.0, "grid", "");
        dashboard.results().show(List.of("lr", "layers", "opt"), null, List.of(row));

        assertThat(dashboard.addAsInitialPoint(row)).isTrue();

        assertThat(search.document().get("initial_points").toString())
                .isEqualTo("[{\"lr\":0.001,\"layers\":3,\"opt\":\"sgd\"}]");
        assertThat(search.configDocument().titleProperty().get()).endsWith("•");
    }

    @Test
    void theDetailSaysWhereAnImportedRowAndAnInitialPointCameFrom() {
        assertThat(dev.hpsearch.app.gui.results.SuggestedBy.describe("imported"))
                .isEqualTo("imported from an earlier search (warm_start_from)");
        assertThat(dev.hpsearch.app.gui.results.SuggestedBy.describe("initial"))
                .isEqualTo("initial point of search_config.json");
    }
}
