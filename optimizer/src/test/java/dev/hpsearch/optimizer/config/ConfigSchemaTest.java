package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.config.ConfigKey.ValueType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The schema and the loader agree: every key is known to the loader and every default is accepted by it. */
class ConfigSchemaTest {

    /** A value the loader accepts for the key: its default, else its example, else one of its type. */
    private static JsonNode sample(ConfigKey k) {
        Object v = k.defaultValue();
        if (v == null) {
            switch (k.type()) {
                case SEED:
                    v = 7;
                    break;
                case FAILURE_LIMIT:
                    v = 3;
                    break;
                case INTEGER:
                    v = (int) k.range().min();
                    break;
                case JSON:
                    v = k.key().equals("objectives")
                            ? List.of(Map.of("name", "objective", "direction", "minimize"))
                            : List.of(Map.of("name", "memory_gb", "max", 8));
                    break;
                default:
                    v = k.recommendation().isEmpty() ? "x" : k.recommendation();
            }
        }
        return JsonFiles.STRICT.valueToTree(v);
    }

    private static ObjectNode fileOf(List<ConfigKey> keys) {
        ObjectNode root = JsonFiles.STRICT.createObjectNode();
        keys.forEach(k -> root.set(k.key(), sample(k)));
        return root;
    }

    @Test
    void aSearchConfigWithEveryKeyOfTheSchemaHasNoProblem() {
        Problems problems = new Problems();
        SearchConfig c = new ConfigLoader().readSearch(fileOf(ConfigSchema.search()), "search_config.json", problems);
        assertThat(problems.all()).isEmpty();
        assertThat(c.bopt()).isEqualTo(BoptConfig.defaults());
    }

    @Test
    void aJobConfigWithEveryKeyOfTheSchemaHasNoProblem() {
        ObjectNode file = fileOf(ConfigSchema.job());
        file.put("processor_type", "GPU"); // gpu_type asks for it
        file.putArray("upload");
        Problems problems = new Problems();
        new ConfigLoader().readJob(file, "job_config.json", problems);
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void defaultsAreWhatAMissingKeyReadsAs() {
        Problems problems = new Problems();
        SearchConfig empty = new ConfigLoader().readSearch(JsonFiles.STRICT.createObjectNode(), "s", problems);
        ObjectNode withDefaults = JsonFiles.STRICT.createObjectNode();
        ConfigSchema.search().stream().filter(k -> k.defaultValue() != null)
                .forEach(k -> withDefaults.set(k.key(), sample(k)));
        assertThat(new ConfigLoader().readSearch(withDefaults, "s", problems)).isEqualTo(empty);
        assertThat(problems.all()).isEmpty();
    }

    @Test
    void keysAreUniqueAndChoicesAndRangesAreWhereTheTypeNeedsThem() {
        Set<String> seen = new HashSet<>();
        for (ConfigKey k : ConfigSchema.all()) {
            assertThat(seen.add(k.file() + k.key())).as(k.key()).isTrue();
            assertThat(k.description()).as(k.key()).isNotBlank();
            if (k.type() == ValueType.CHOICE && k.defaultValue() != null) {
                assertThat(k.choices()).as(k.key()).contains(k.textDefault());
            }
            if (k.type() == ValueType.CHOICES) {
                assertThat(k.choices()).as(k.key()).containsAll(k.listDefault());
            }
        }
        assertThat(ConfigSchema.search()).hasSize(45);
        assertThat(ConfigSchema.job()).hasSize(17);
        assertThat(ConfigSchema.hyperparameter()).extracting(ConfigKey::key)
                .containsExactly("type", "domain", "transformation", "simpler", "condition", "inactive_value");
    }
}
