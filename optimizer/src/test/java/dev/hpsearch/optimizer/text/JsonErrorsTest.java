package dev.hpsearch.optimizer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hpsearch.optimizer.config.JsonFiles;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class JsonErrorsTest {
    /** Words that belong to the JSON library, not to the user: its classes, features, token types. */
    private static final Pattern INTERNAL = Pattern.compile(
            "`|Feature|fasterxml|jackson|JsonNode|START_|END_|VALUE_|FIELD_NAME|Source:|REDACTED|\\bnull\\b|CTRL-CHAR"
                    + "|code \\d+|\\(for |Object entries|Array entries|field name");

    private static String describe(String json) {
        JsonProcessingException e = catchThrowableOfType(JsonProcessingException.class,
                () -> JsonFiles.STRICT.readTree(json));
        assertThat(e).as("%s should not parse", json).isNotNull();
        return JsonErrors.describe(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\": 1,}", "{\"a\" 1}", "{\"a\": 1 \"b\": 2}", "[1 2]", "{\"a\": 1}}",
            "{\"a\": 1} {\"b\": 2}", "{\"a\": 1, \"a\": 2}", "{\"a\": tru}", "{\"a\": 'x'}", "{\"a\": \"x\ty\"}",
            "{\"a\": NaN}", "{\"a\": 01}", "{\"a\": 1.}", "{\"a\": \"\\q\"}", "// c\n{}", "{\"a\": [1, 2}",
            "{\"a\": ", "{\"a\": \"unterminated", "{a: 1}", "[-]", "{\"a\": \u0001}"})
    void messagesUsePlainWordsAndNameThePlace(String json) {
        String message = describe(json);

        assertThat(message).startsWith("at line ");
        assertThat(INTERNAL.matcher(message).find()).as("library words in: %s", message).isFalse();
    }

    @Test
    void aDuplicateKeyIsNamed() {
        assertThat(describe("{\"max_suggestions\": 10,\n \"max_suggestions\": 20}"))
                .isEqualTo("at line 2, column 19: the key \"max_suggestions\" appears twice in the same object");
    }

    @Test
    void aMissingCommaIsNamed() {
        assertThat(describe("{\n  \"search_type\": \"grid\",\n  \"max_suggestions\" 10\n}\n"))
                .isEqualTo("at line 3, column 21: unexpected '1'; expected a colon after the key");
    }

    @Test
    void contentAfterTheValueIsNamed() {
        assertThat(describe("{\"a\": 1}\n{\"b\": 2}")).contains("more after the end of the JSON value");
    }
}
