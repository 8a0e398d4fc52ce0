package dev.hpsearch.app.gui.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hpsearch.optimizer.config.ConfigSchema;
import org.junit.jupiter.api.Test;

/** A JSON-valued key (objectives, constraints) is edited as JSON text and written back as JSON, not as a string. */
class SchemaFormJsonTest {
    private static final String OBJECTIVES = "[{\"name\":\"objective\",\"direction\":\"minimize\"},"
            + "{\"name\":\"runtime\",\"direction\":\"minimize\"}]";

    @Test
    void objectivesRoundTripThroughTheirField() {
        JsonNode v = SchemaForm.valueOf(ConfigSchema.OBJECTIVES, OBJECTIVES);

        assertThat(v.isArray()).isTrue();
        assertThat(v.get(1).get("name").asText()).isEqualTo("runtime");
        assertThat(SchemaForm.text(ConfigSchema.OBJECTIVES, v)).isEqualTo(OBJECTIVES);
    }

    @Test
    void anEmptyFieldLeavesTheKeyOutAndBadJsonIsLeftForTheLoaderToRefuse() {
        assertThat(SchemaForm.valueOf(ConfigSchema.CONSTRAINTS, " ")).isNull();
        assertThat(SchemaForm.valueOf(ConfigSchema.CONSTRAINTS, "[{\"name\": ").isTextual()).isTrue();
    }

    @Test
    void theHelpOfAJsonKeySaysItTakesJsonNotText() {
        // objectives, constraints and a hyperparameter's inactive_value are one type: any JSON value
        assertThat(new FieldViewModel(ConfigSchema.OBJECTIVES).help()).contains("Allowed: any JSON value.");
        assertThat(ConfigSchema.CONSTRAINTS.type()).isEqualTo(ConfigSchema.HP_INACTIVE_VALUE.type());
    }
}
