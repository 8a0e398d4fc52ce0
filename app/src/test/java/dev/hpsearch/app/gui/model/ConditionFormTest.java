package dev.hpsearch.app.gui.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The model form's condition editors (issue 13 part 2): parent, values and inactive value. */
class ConditionFormTest {
    private static final String MODEL = "{\"train\": {\"optimizer\": {\"type\": \"categorical\", \"domain\": [\"adam\", "
            + "\"sgd\"], \"transformation\": \"none\"}, \"momentum\": {\"type\": \"continuous\", \"domain\": [0, 0.9], \"transformation\": \"linear\","
            + " \"condition\": {\"train.optimizer\": [\"sgd\"]}, \"inactive_value\": null}},"
            + " \"layers\": {\"type\": \"discrete\", \"domain\": [1, 2, 3], \"transformation\": \"linear\"},"
            + " \"lr\": {\"type\": \"continuous\", \"domain\": [0.001, 1], \"transformation\": \"log\"}}";
    private final DirectTaskRunner tasks = new DirectTaskRunner();

    @TempDir
    Path tmp;

    private ModelConfigViewModel load() throws Exception {
        Path f = tmp.resolve("model_config.json");
        Files.writeString(f, MODEL);
        ModelConfigViewModel vm = new ModelConfigViewModel(f, tasks, new LoaderModelValidator());
        vm.load();
        return vm;
    }

    @Test
    void aConditionIsShownAndRoundTripsUnchanged() throws Exception {
        ModelConfigViewModel vm = load();
        VariableRow momentum = vm.row("train.momentum");

        assertThat(momentum.conditionParentProperty().get()).isEqualTo("train.optimizer");
        assertThat(momentum.conditionValuesProperty().get()).isEqualTo("sgd");
        assertThat(momentum.inactiveValueProperty().get()).isEqualTo("null");
        assertThat(vm.document()).isEqualTo(JsonFiles.STRICT.readTree(MODEL));
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void parentsOfferedAreTheOtherCategoricalAndDiscreteHyperparameters() throws Exception {
        ModelConfigViewModel vm = load();

        assertThat(vm.conditionParents(vm.row("train.momentum"))).containsExactly("", "train.optimizer", "layers");
        assertThat(vm.conditionParents(vm.row("layers"))).containsExactly("", "train.optimizer");
        assertThat(vm.domainOf("layers")).isEqualTo("1, 2, 3");
    }

    @Test
    void settingAConditionWritesItAndTheLoaderJudgesIt() throws Exception {
        ModelConfigViewModel vm = load();
        VariableRow lr = vm.row("lr");

        lr.conditionParentProperty().set("layers");
        lr.conditionValuesProperty().set("2, 3");
        lr.inactiveValueProperty().set("0.01");

        JsonNode written = vm.document().get("lr");
        assertThat(written.get("condition")).isEqualTo(JsonFiles.STRICT.readTree("{\"layers\": [2, 3]}"));
        assertThat(written.get("inactive_value").asDouble()).isEqualTo(0.01);
        assertThat(vm.validProperty().get()).isTrue();

        lr.conditionValuesProperty().set("2, 7");
        assertThat(vm.validProperty().get()).isFalse();
        assertThat(lr.errorProperty().get()).contains("got 7").contains("allowed: [1, 2, 3]");
    }

    @Test
    void choosingNoParentRemovesConditionAndInactiveValue() throws Exception {
        ModelConfigViewModel vm = load();
        VariableRow momentum = vm.row("train.momentum");

        momentum.conditionParentProperty().set("");

        JsonNode written = vm.document().at("/train/momentum");
        assertThat(written.has("condition")).isFalse();
        assertThat(written.has("inactive_value")).isFalse();
        assertThat(vm.validProperty().get()).isTrue();
    }
}
