package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** replicate_key, replicates and replicate_top_k in search_config.json, checked against model_config.json. */
class ReplicateConfigTest {
    private static final String JOB = "{\"environment_path\": \"python3\", \"script_path\": \"a.py\"}";
    private static final String MODEL = """
            {"lr": {"type": "continuous", "domain": [0.001, 1], "transformation": "log"},
             "split": {"type": "categorical", "domain": ["a", "b", "c"]},
             "seed": 7, "data": {"fold": "f1", "flag": true}}
            """;

    @TempDir
    Path dir;

    private Configs load(String search) throws Exception {
        return new ConfigFolder(dir, JOB, MODEL).load(search);
    }

    private List<ConfigProblem> errors(String search) throws Exception {
        return new ConfigFolder(dir, JOB, MODEL).errors(search);
    }

    @Test
    void withoutTheKeysASearchHasNoReplicates() throws Exception {
        Configs c = load("{\"search_type\": \"random\"}");

        assertThat(c.search().replicates()).isEqualTo(SearchConfig.Replicates.NONE);
        assertThat(c.search().replicates().atEnd()).isFalse();
        assertThat(c.warnings()).isEmpty();
    }

    @Test
    void aConstantOrANestedConstantIsAReplicateKey() throws Exception {
        Configs c = load("{\"replicate_key\": \"seed\", \"replicates\": 4, \"replicate_top_k\": 2}");
        Configs nested = load("{\"replicate_key\": \"data.fold\", \"replicates\": 1}");

        assertThat(c.search().replicates()).isEqualTo(new SearchConfig.Replicates("seed", 4, 2));
        assertThat(nested.search().replicates()).isEqualTo(new SearchConfig.Replicates("data.fold", 1, 3));
        assertThat(c.warnings()).as("the keys are known to the schema").isEmpty();
    }

    @Test
    void aKeyNamingNoInputIsAnErrorThatNamesFilePathValueAndTheAllowedNames() throws Exception {
        List<ConfigProblem> p = errors("{\"replicate_key\": \"sede\", \"replicates\": 2}");

        assertThat(p).hasSize(1);
        assertThat(p.get(0).file()).endsWith("s.json");
        assertThat(p.get(0).jsonPath()).isEqualTo("$.replicate_key");
        assertThat(p.get(0).message()).contains("\"sede\"").contains("allowed: seed, data.fold, split")
                .doesNotContain("data.flag").doesNotContain("lr");
    }

    @Test
    void aContinuousHyperparameterIsNoReplicateKey() throws Exception {
        List<ConfigProblem> p = errors("{\"replicate_key\": \"lr\"}");

        assertThat(p).singleElement().satisfies(e -> assertThat(e.message()).contains("continuous hyperparameter"));
    }

    @Test
    void aCategoricalKeyAllowsOneReplicateFewerThanItHasValues() throws Exception {
        assertThat(load("{\"replicate_key\": \"split\", \"replicates\": 2}").search().replicates().count()).isEqualTo(2);

        List<ConfigProblem> p = errors("{\"replicate_key\": \"split\", \"replicates\": 3}");

        assertThat(p).singleElement().satisfies(e -> {
            assertThat(e.jsonPath()).isEqualTo("$.replicates");
            assertThat(e.message()).contains("got 3").contains("at most 2");
        });
    }

    @Test
    void replicatesNeedAReplicateKey() throws Exception {
        List<ConfigProblem> p = errors("{\"replicates\": 3}");

        assertThat(p).singleElement().satisfies(e -> {
            assertThat(e.jsonPath()).isEqualTo("$.replicates");
            assertThat(e.message()).contains("without a replicate_key");
        });
    }

    @Test
    void countsOutsideTheirRangesAreErrors() throws Exception {
        assertThat(errors("{\"replicate_key\": \"seed\", \"replicates\": -1}"))
                .singleElement().satisfies(e -> assertThat(e.jsonPath()).isEqualTo("$.replicates"));
        assertThat(errors("{\"replicate_key\": \"seed\", \"replicates\": 1001}"))
                .singleElement().satisfies(e -> assertThat(e.message()).contains("<= 1000"));
        assertThat(errors("{\"replicate_key\": \"seed\", \"replicate_top_k\": 0}"))
                .singleElement().satisfies(e -> assertThat(e.jsonPath()).isEqualTo("$.replicate_top_k"));
        assertThat(errors("{\"replicate_key\": 5}"))
                .singleElement().satisfies(e -> assertThat(e.jsonPath()).isEqualTo("$.replicate_key"));
    }

    @Test
    void theSchemaDescribesTheKeysOnce() {
        assertThat(ConfigSchema.search()).contains(ConfigSchema.REPLICATE_KEY, ConfigSchema.REPLICATES,
                ConfigSchema.REPLICATE_TOP_K);
        assertThat(ConfigSchema.REPLICATES.defaultValue()).isEqualTo(0);
    }
}
