package dev.hpsearch.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpsearch validate} with conditional hyperparameters (issue 13 part 2). */
class ConditionCliTest {
    @TempDir
    Path dir;
    private Path model;

    @BeforeEach
    void project() throws Exception {
        model = dir.resolve("model_config.json");
        Files.writeString(dir.resolve("score.sh"), "echo 0.25 > output.json\n");
        Files.writeString(dir.resolve("search_config.json"), "{\"search_type\": \"grid\", "
                + "\"num_grid_points_per_hyperparameter\": 3}");
        Files.writeString(dir.resolve("job_config.json"),
                "{\"environment_path\": \"sh\", \"script_path\": \"score.sh\", \"time\": 1}");
    }

    private Cli validate(String modelJson) throws Exception {
        Files.writeString(model, modelJson);
        return Cli.run("validate", "--search_config_path", dir.resolve("search_config.json").toString(),
                "--job_config_path", dir.resolve("job_config.json").toString(), "--model_config_path", model.toString());
    }

    private static String model(String values) {
        return "{\"optimizer\": {\"type\": \"categorical\", \"domain\": [\"adam\", \"sgd\"]},"
                + " \"momentum\": {\"type\": \"continuous\", \"domain\": [0, 0.9], \"transformation\": \"linear\","
                + " \"condition\": {\"optimizer\": " + values + "}}}";
    }

    @Test
    void aValueOutsideTheParentsDomainExitsWith2NamingPathValueAndAllowed() throws Exception {
        Cli c = validate(model("[\"sgd\", \"nadam\"]"));

        assertThat(c.status).isEqualTo(2);
        assertThat(c.err).contains("error: " + model + ": $.momentum.condition.optimizer[1]: got \"nadam\", not in the"
                + " domain of \"optimizer\"; allowed: [\"adam\", \"sgd\"]").doesNotContain("\tat ");
    }

    @Test
    void theGridCountLeavesOutCombinationsThatDifferOnlyInInactiveValues() throws Exception {
        Cli c = validate(model("[\"sgd\"]"));

        assertThat(c.status).as(c.err).isZero();
        // adam: 1; sgd: 3 momentum values; 6 without the condition
        assertThat(c.out).contains("4 combination(s) in the grid plan");
    }
}
