package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** objectives and constraints in search_config.json (docs/decisions/0025). */
class ObjectivesConfigTest {
    private static final String JOB = "{\"environment_path\": \"python3\", \"script_path\": \"a.py\"}";
    private static final String MODEL = "{\"lr\": {\"type\": \"continuous\", \"domain\": [0.001, 1], "
            + "\"transformation\": \"log\"}}";

    @TempDir
    Path dir;

    private ConfigFolder files() {
        return new ConfigFolder(dir, JOB, MODEL);
    }

    @Test
    void withoutTheKeysTheScoreIsTheOneObjective() throws Exception {
        Configs c = files().load("{\"search_type\": \"random\"}");

        assertThat(c.search().objectives()).isEqualTo(ObjectivesConfig.NONE);
        assertThat(c.search().objectives().multiObjective()).isFalse();
        assertThat(c.search().objectives().configured()).isFalse();
    }

    @Test
    void objectivesAndConstraintsAreRead() throws Exception {
        Configs c = files().load("""
                {"objectives": [{"name": "objective", "direction": "minimize"},
                                {"name": "accuracy", "direction": "maximize"}],
                 "constraints": [{"name": "memory_gb", "max": 8}, {"name": "accuracy", "min": 0.5, "max": 1}]}
                """);

        ObjectivesConfig o = c.search().objectives();
        assertThat(o.objectives()).containsExactly(new ObjectivesConfig.Objective("objective", false),
                new ObjectivesConfig.Objective("accuracy", true));
        assertThat(o.constraints()).containsExactly(new ObjectivesConfig.Constraint("memory_gb", null, 8.0),
                new ObjectivesConfig.Constraint("accuracy", 0.5, 1.0));
        assertThat(c.warnings()).as("the keys are known to the schema").isEmpty();
    }

    @Test
    void aBadDirectionNamesFilePathValueAndWhatIsAllowed() throws Exception {
        List<ConfigProblem> e = files().errors("""
                {"objectives": [{"name": "objective", "direction": "minimize"},
                                {"name": "runtime", "direction": "smallest"}]}
                """);

        assertThat(e).hasSize(1);
        assertThat(e.get(0).file()).endsWith("s.json");
        assertThat(e.get(0).jsonPath()).isEqualTo("$.objectives[1].direction");
        assertThat(e.get(0).message()).contains("\"smallest\"").contains("\"minimize\"").contains("\"maximize\"");
    }

    @Test
    void everyMistakeIsReportedWithItsPath() throws Exception {
        List<ConfigProblem> e = files().errors("""
                {"objectives": [{"name": "a", "direction": "minimize"}, {"name": "a", "direction": "maximize"},
                                {"direction": "minimize"}, 3, {"name": "b", "direction": "minimize", "weight": 2}],
                 "constraints": [{"name": "m"}, {"name": "m", "max": "eight"}, {"name": "m", "min": 2, "max": 1}]}
                """);

        assertThat(e).extracting(ConfigProblem::jsonPath).containsExactlyInAnyOrder(
                "$.objectives[1].name", "$.objectives[2].name", "$.objectives[3]", "$.objectives[4].weight",
                "$.constraints[0]", "$.constraints[1].max", "$.constraints[2]");
    }

    @Test
    void anEmptyOrNonListValueIsRefused() throws Exception {
        assertThat(files().errors("{\"objectives\": []}")).extracting(ConfigProblem::jsonPath).containsExactly("$.objectives");
        assertThat(files().errors("{\"constraints\": {\"name\": \"m\", \"max\": 1}}")).extracting(ConfigProblem::jsonPath)
                .containsExactly("$.constraints");
    }
}
