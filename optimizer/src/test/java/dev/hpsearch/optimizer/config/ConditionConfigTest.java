package dev.hpsearch.optimizer.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.hpsearch.optimizer.space.Condition;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.space.SearchSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model config's {@code condition} and {@code inactive_value} keys (issue 13 part 2, decision 0026). */
class ConditionConfigTest {
    private static final String SEARCH = "{\"search_type\": \"grid\"}";
    private static final String JOB = "{\"environment_path\": \"python3\", \"script_path\": \"analysis.py\"}";

    @TempDir
    Path dir;

    private Configs load(String model) throws Exception {
        Files.writeString(dir.resolve("s.json"), SEARCH);
        Files.writeString(dir.resolve("j.json"), JOB);
        Files.writeString(dir.resolve("m.json"), model);
        return new ConfigLoader().load(dir.resolve("s.json"), dir.resolve("j.json"), dir.resolve("m.json"));
    }

    private ConfigProblem onlyError(String model) throws Exception {
        Files.writeString(dir.resolve("s.json"), SEARCH);
        Files.writeString(dir.resolve("j.json"), JOB);
        Files.writeString(dir.resolve("m.json"), model);
        ConfigException e = catchThrowableOfType(ConfigException.class,
                () -> new ConfigLoader().load(dir.resolve("s.json"), dir.resolve("j.json"), dir.resolve("m.json")));
        assertThat(e).as("loading should fail").isNotNull();
        List<ConfigProblem> errors = e.problems().stream().filter(ConfigProblem::isError).toList();
        assertThat(errors).hasSize(1);
        assertThat(errors.get(0).file()).isEqualTo(dir.resolve("m.json").toString());
        return errors.get(0);
    }

    private static String model(String momentumExtra) {
        return "{\"optimizer\": {\"name\": {\"type\": \"categorical\", \"domain\": [\"adam\", \"sgd\", \"rmsprop\"]},"
                + " \"momentum\": {\"type\": \"continuous\", \"domain\": [0, 0.99], \"transformation\": \"linear\""
                + momentumExtra + "}},"
                + " \"layers\": {\"type\": \"discrete\", \"domain\": [1, 2, 3], \"transformation\": \"linear\"},"
                + " \"lr\": {\"type\": \"continuous\", \"domain\": [0.001, 1], \"transformation\": \"log\"}}";
    }

    @Test
    void conditionAttachesToTheHyperparameterWithTheParentsOwnValues() throws Exception {
        Configs c = load(model(", \"condition\": {\"optimizer.name\": [\"sgd\", \"rmsprop\"]}, \"inactive_value\": 0"));

        SearchSpace space = c.model().space();
        Hyperparameter momentum = space.get(1);
        assertThat(momentum.condition()).isEqualTo(new Condition("optimizer.name",
                List.of(TextNode.valueOf("sgd"), TextNode.valueOf("rmsprop")), IntNode.valueOf(0)));
        assertThat(space.get(0).condition()).isNull();
    }

    @Test
    void discreteParentMatchesNumbersWrittenDifferently() throws Exception {
        Configs c = load(model(", \"condition\": {\"layers\": [2.0, 3]}"));

        Condition condition = c.model().space().get(1).condition();
        assertThat(condition.values()).containsExactly(IntNode.valueOf(2), IntNode.valueOf(3));
        assertThat(condition.inactiveValue()).isNull();
    }

    @Test
    void explicitNullInactiveValueIsKept() throws Exception {
        Configs c = load(model(", \"condition\": {\"layers\": [2]}, \"inactive_value\": null"));

        assertThat(c.model().space().get(1).condition().inactiveValue().isNull()).isTrue();
    }

    @Test
    void valueOutsideTheParentsDomainNamesPathValueAndAllowed() throws Exception {
        ConfigProblem p = onlyError(model(", \"condition\": {\"optimizer.name\": [\"sgd\", \"adamw\"]}"));

        assertThat(p.jsonPath()).isEqualTo("$.optimizer.momentum.condition.optimizer.name[1]");
        assertThat(p.message()).contains("\"adamw\"").contains("allowed: [\"adam\", \"sgd\", \"rmsprop\"]");
    }

    @Test
    void unknownParentIsAnErrorListingCandidates() throws Exception {
        ConfigProblem p = onlyError(model(", \"condition\": {\"optimiser\": [\"sgd\"]}"));

        assertThat(p.jsonPath()).isEqualTo("$.optimizer.momentum.condition.optimiser");
        assertThat(p.message()).contains("\"optimiser\" is not a hyperparameter")
                .contains("allowed: optimizer.name, layers");
    }

    @Test
    void continuousParentIsAnError() throws Exception {
        ConfigProblem p = onlyError(model(", \"condition\": {\"lr\": [0.01]}"));

        assertThat(p.jsonPath()).isEqualTo("$.optimizer.momentum.condition.lr");
        assertThat(p.message()).contains("\"lr\" is continuous");
    }

    @Test
    void selfConditionIsAnError() throws Exception {
        String m = "{\"a\": {\"type\": \"categorical\", \"domain\": [1, 2], \"condition\": {\"a\": [1]}}}";

        ConfigProblem p = onlyError(m);

        assertThat(p.jsonPath()).isEqualTo("$.a.condition.a");
        assertThat(p.message()).contains("cannot depend on itself");
    }

    @Test
    void cycleIsAnErrorNamingTheChain() throws Exception {
        String m = "{\"a\": {\"type\": \"categorical\", \"domain\": [1, 2], \"condition\": {\"b\": [\"x\"]}},"
                + " \"b\": {\"type\": \"categorical\", \"domain\": [\"x\", \"y\"], \"condition\": {\"a\": [2]}}}";

        ConfigProblem p = onlyError(m);

        assertThat(p.jsonPath()).isEqualTo("$.a.condition");
        assertThat(p.message()).contains("cycle: a -> b -> a");
    }

    @Test
    void conditionThatIsNotOneKeyToAListIsAnError() throws Exception {
        assertThat(onlyError(model(", \"condition\": \"optimizer.name == sgd\"")).jsonPath())
                .isEqualTo("$.optimizer.momentum.condition");
        assertThat(onlyError(model(", \"condition\": {\"optimizer.name\": \"sgd\"}")).message())
                .contains("expected a non-empty list");
        assertThat(onlyError(model(", \"condition\": {\"optimizer.name\": []}")).jsonPath())
                .isEqualTo("$.optimizer.momentum.condition.optimizer.name");
    }

    @Test
    void inactiveValueWithoutConditionIsAnError() throws Exception {
        ConfigProblem p = onlyError(model(", \"inactive_value\": 0.5"));

        assertThat(p.jsonPath()).isEqualTo("$.optimizer.momentum.inactive_value");
        assertThat(p.message()).contains("only used with \"condition\"");
    }

    @Test
    void conditionKeysRaiseNoUnknownKeyWarning() throws Exception {
        Files.writeString(dir.resolve("m.json"), model(", \"condition\": {\"layers\": [2]}, \"inactive_value\": 0"));
        Problems problems = new Problems();
        new ModelConfigReader("m.json", problems).read(JsonFiles.STRICT.readTree(dir.resolve("m.json").toFile()));

        assertThat(problems.all()).isEmpty();
        assertThat(ConfigSchema.hyperparameter()).contains(ConfigSchema.HP_CONDITION, ConfigSchema.HP_INACTIVE_VALUE);
    }
}
