package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputParserTest {
    private final OutputParser parser = new OutputParser();

    @TempDir
    Path dir;

    private ScriptOutput parseFile(String content) throws Exception {
        Path file = dir.resolve("output.json");
        Files.writeString(file, content);
        return parser.parse(file);
    }

    @Test
    void numberIsTheScore() throws Exception {
        ScriptOutput out = parseFile("0.125\n");

        assertThat(out.present()).isTrue();
        assertThat(out.score()).isEqualTo(0.125);
        assertThat(out.error()).isNull();
        assertThat(out.metrics()).isEmpty();
    }

    @Test
    void integerIsAScore() {
        assertThat(parser.parse("3").score()).isEqualTo(3.0);
    }

    @Test
    void firstValueOfAListIsTheScore() throws Exception {
        ScriptOutput out = parseFile("[0.3, 0.9, 12]");

        assertThat(out.score()).isEqualTo(0.3);
        assertThat(out.error()).isNull();
    }

    @Test
    void objectiveOfAnObjectIsTheScoreAndOtherNumbersAreMetrics() throws Exception {
        ScriptOutput out = parseFile("""
                {"accuracy": 0.91, "objective": 0.42, "note": "converged", "epochs": 12,
                 "history": [1, 2], "nested": {"a": 1}, "flag": true, "missing": null}
                """);

        assertThat(out.score()).isEqualTo(0.42);
        assertThat(out.error()).isNull();
        assertThat(out.metrics()).containsExactlyInAnyOrderEntriesOf(Map.of("accuracy", 0.91, "epochs", 12.0));
    }

    @Test
    void missingFileIsNotPresentWithReason() {
        ScriptOutput out = parser.parse(dir.resolve("output.json"));

        assertThat(out.present()).isFalse();
        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).isEqualTo("no output.json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  \n"})
    void emptyFileIsAnError(String content) throws Exception {
        ScriptOutput out = parseFile(content);

        assertThat(out.present()).isTrue();
        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("empty");
    }

    @Test
    void garbageIsAnErrorNamingThePlace() throws Exception {
        ScriptOutput out = parseFile("loss = 0.3\n");

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("not valid JSON").contains("line 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.5\n0.7\n", "{\"objective\": 1} trailing", "[0.5] [0.7]"})
    void contentAfterTheValueIsAnError(String content) throws Exception {
        ScriptOutput out = parseFile(content);

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("not valid JSON");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NaN", "[NaN, 1.0]", "{\"objective\": NaN}"})
    void nanAsPythonWritesItIsAnErrorNamingNaN(String content) throws Exception {
        ScriptOutput out = parseFile(content);

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("NaN");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Infinity", "-Infinity", "[Infinity]", "{\"objective\": -Infinity}"})
    void infinityAsPythonWritesItIsAnErrorNamingInfinity(String content) throws Exception {
        ScriptOutput out = parseFile(content);

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("Infinity");
    }

    @Test
    void nonFiniteMetricsAreDropped() {
        ScriptOutput out = parser.parse("{\"objective\": 1.5, \"a\": NaN, \"b\": Infinity, \"c\": 2}");

        assertThat(out.score()).isEqualTo(1.5);
        assertThat(out.metrics()).containsExactly(Map.entry("c", 2.0));
    }

    @Test
    void objectWithoutObjectiveHasNoScoreButKeepsMetrics() {
        ScriptOutput out = parser.parse("{\"accuracy\": 0.9}");

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("\"objective\"");
        assertThat(out.metrics()).containsExactly(Map.entry("accuracy", 0.9));
    }

    @Test
    void nonNumericObjectiveIsAnErrorNamingTheValue() {
        ScriptOutput out = parser.parse("{\"objective\": \"0.5\"}");

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("\"0.5\"").contains("number");
    }

    @Test
    void listWhoseFirstValueIsNotANumberIsAnError() {
        ScriptOutput out = parser.parse("[\"loss\", 0.5]");

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("\"loss\"").contains("number");
    }

    @Test
    void emptyListIsAnError() {
        assertThat(parser.parse("[]").error()).contains("empty list");
    }

    @Test
    void stringIsAnError() {
        ScriptOutput out = parser.parse("\"0.5\"");

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("expected a number");
    }
}
