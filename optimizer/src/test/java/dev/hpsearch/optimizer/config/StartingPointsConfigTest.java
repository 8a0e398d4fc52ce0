package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Combination;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** warm_start_from and initial_points as the loader reads and checks them (decision 0024). */
class StartingPointsConfigTest {
    private static final String JOB = "{\"environment_path\": \"python3\", \"script_path\": \"a.py\"}";
    private static final String MODEL = """
            {"lr": {"type": "continuous", "domain": [0.0001, 0.1], "transformation": "log"},
             "layers": {"type": "discrete", "domain": [1, 2, 4], "transformation": "linear"},
             "act": {"type": "categorical", "domain": ["relu", "tanh"], "transformation": "none"},
             "epochs": 10}
            """;
    private static final String TABLE = "combination_id\tjob_id\tjob_time\tprevious_results_count\tsearch_type\t"
            + "is_queued\tmodel_config_path\tloss\tlr\tlayers\tact\n0\t1\t1.0\t0\tgrid\tTrue\tx\t0.5\t0.001\t1\trelu\n";

    @TempDir
    Path dir;

    private Path write(String search) throws Exception {
        Path configs = Files.createDirectories(dir.resolve("project/configs"));
        Files.writeString(configs.resolve("search_config.json"), search);
        Files.writeString(configs.resolve("job_config.json"), JOB);
        Files.writeString(configs.resolve("model_config.json"), MODEL);
        return configs;
    }

    private Configs load(String search) throws Exception {
        Path c = write(search);
        return new ConfigLoader().load(c.resolve("search_config.json"), c.resolve("job_config.json"),
                c.resolve("model_config.json"));
    }

    private List<ConfigProblem> errors(String search) throws Exception {
        Path c = write(search);
        ConfigException e = catchThrowableOfType(ConfigException.class, () -> new ConfigLoader().load(
                c.resolve("search_config.json"), c.resolve("job_config.json"), c.resolve("model_config.json")));
        assertThat(e).as("loading should fail").isNotNull();
        return e.problems().stream().filter(ConfigProblem::isError).toList();
    }

    @Test
    void withoutTheKeysTheSearchStartsFromNothing() throws Exception {
        assertThat(load("{\"search_type\": \"grid\"}").search().starting()).isEqualTo(StartingPoints.NONE);
    }

    @Test
    void warmStartPathsAreTakenFromTheFolderOfTheSearchConfig() throws Exception {
        Path old = Files.createDirectories(dir.resolve("project/hp_search_0"));
        Files.writeString(old.resolve("hp_search_data.txt"), TABLE);
        Files.writeString(dir.resolve("elsewhere.txt"), TABLE);

        Configs c = load("{\"warm_start_from\": [\"../hp_search_0\", \"" + dir.resolve("elsewhere.txt") + "\"]}");

        assertThat(c.search().starting().warmStartFrom()).containsExactly(old, dir.resolve("elsewhere.txt"));
    }

    @Test
    void aWarmStartSourceThatIsMissingOrNoTableIsAnErrorAtItsPath() throws Exception {
        Files.createDirectories(dir.resolve("project/hp_search_3"));
        Files.writeString(dir.resolve("project/notes.txt"), "just notes\n");

        List<ConfigProblem> e = errors("{\"warm_start_from\": [\"../hp_search_9\", \"../hp_search_3\", \"../notes.txt\", 4]}");

        assertThat(e).extracting(ConfigProblem::jsonPath).containsExactly("$.warm_start_from[0]",
                "$.warm_start_from[1]", "$.warm_start_from[2]", "$.warm_start_from[3]");
        assertThat(e.get(0).message()).isEqualTo("got \"../hp_search_9\"; no such search folder or file: "
                + dir.resolve("project/hp_search_9") + " (relative paths are taken from the folder of the search config)");
        assertThat(e.get(1).message()).contains("holds no hp_search_data.txt");
        assertThat(e.get(2).message()).contains("is not a table of search results: its first line needs the columns"
                + " combination_id and loss");
        assertThat(e.get(3).message()).startsWith("got 4; expected a list of earlier search folders");
        assertThat(e).allSatisfy(p -> assertThat(p.file()).endsWith("search_config.json"));
    }

    @Test
    void initialPointsBecomeCombinationsOfTheSpace() throws Exception {
        Configs c = load("{\"initial_points\": [{\"lr\": 0.01, \"layers\": 2.0, \"act\": \"tanh\"},"
                + " {\"act\": \"relu\", \"layers\": 4, \"lr\": 0.0001}]}");

        List<Combination> points = c.search().starting().initialCombinations(c.model().space(),
                c.search().numGridPointsPerHyperparameter(), (p, m) -> {
                    throw new AssertionError(p + m);
                });

        assertThat(points).containsExactly(
                new Combination(List.of(DoubleNode.valueOf(0.01), IntNode.valueOf(2), TextNode.valueOf("tanh"))),
                new Combination(List.of(DoubleNode.valueOf(0.0001), IntNode.valueOf(4), TextNode.valueOf("relu"))));
    }

    @Test
    void aBadInitialPointNamesTheFileThePathTheValueAndWhatIsAllowed() throws Exception {
        List<ConfigProblem> e = errors("{\"initial_points\": [{\"lr\": 0.01, \"layers\": 2, \"act\": \"relu\"},"
                + " {\"lr\": 0.5, \"layers\": 3, \"act\": \"elu\"}, {\"lr\": 0.01, \"act\": \"relu\", \"layer\": 2}, 7]}");

        assertThat(e).extracting(ConfigProblem::jsonPath).containsExactly("$.initial_points[3]",
                "$.initial_points[1].lr", "$.initial_points[1].layers", "$.initial_points[1].act",
                "$.initial_points[2]", "$.initial_points[2].layer");
        assertThat(e.get(1).message()).isEqualTo("got 0.5, outside the domain [1.0E-4, 0.1]");
        assertThat(e.get(2).message()).isEqualTo("got 3, not one of the listed values [1, 2, 4]");
        assertThat(e.get(3).message()).isEqualTo("got \"elu\", not one of the listed values [\"relu\", \"tanh\"]");
        assertThat(e.get(4).message()).startsWith("no value for hyperparameter \"layers\"");
        assertThat(e.get(5).message()).contains("did you mean \"layers\"?");
        assertThat(e.get(0).file()).endsWith("search_config.json");
    }

    @Test
    void moreInitialPointsThanMaxSuggestionsIsAnError() throws Exception {
        List<ConfigProblem> e = errors("{\"max_suggestions\": 1, \"initial_points\": [{\"lr\": 0.01, \"layers\": 2,"
                + " \"act\": \"relu\"}, {\"lr\": 0.001, \"layers\": 2, \"act\": \"relu\"}]}");

        assertThat(e).singleElement().satisfies(p -> {
            assertThat(p.jsonPath()).isEqualTo("$.initial_points");
            assertThat(p.message()).contains("gives 2 points, more than max_suggestions (1)");
        });
    }

    @Test
    void theCopyInASearchFolderLoadsWithoutReadingTheWarmStartAgain() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("project/hp_search_1"));
        Files.writeString(copy.resolve("search_config.json"), "{\"warm_start_from\": [\"../hp_search_0\"]}");
        Files.writeString(copy.resolve("job_config.json"), JOB);
        Files.writeString(copy.resolve("model_config.json"), MODEL);

        Configs c = ConfigLoader.ofStartedSearch().load(copy.resolve("search_config.json"),
                copy.resolve("job_config.json"), copy.resolve("model_config.json"));

        assertThat(c.search().starting().warmStartFrom()).hasSize(1);
        assertThat(catchThrowableOfType(ConfigException.class, () -> new ConfigLoader().load(
                copy.resolve("search_config.json"), copy.resolve("job_config.json"), copy.resolve("model_config.json"))))
                .isNotNull();
    }
}
