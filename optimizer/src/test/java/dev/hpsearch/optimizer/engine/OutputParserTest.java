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

    /** A parser that reads at most 1 KiB, so that files beyond the cap are small. */
    private final OutputParser capped = new OutputParser(1024);

    private ScriptOutput parseCapped(String content) throws Exception {
        Path file = dir.resolve("output.json");
        Files.writeString(file, content);
        return capped.parse(file);
    }

    private static String numbers(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(i == 0 ? "" : ", ").append(i % 10);
        }
        return sb.toString();
    }

    @Test
    void scoreFirstInAListLongerThanTheCapIsKeptWithANote() throws Exception {
        String content = "[0.25, " + numbers(5000) + "]";
        ScriptOutput out = parseCapped(content);

        assertThat(out.score()).isEqualTo(0.25);
        assertThat(out.error()).isNull();
        assertThat(out.note()).isEqualTo("output.json is " + content.length() + " bytes; only its first 1024 bytes were read");
    }

    @Test
    void objectiveBeforeALargeArrayIsKeptWithItsMetrics() throws Exception {
        ScriptOutput out = parseCapped("{\"accuracy\": 0.9, \"objective\": 0.5, \"predictions\": [" + numbers(5000) + "]}");

        assertThat(out.score()).isEqualTo(0.5);
        assertThat(out.metrics()).containsExactly(Map.entry("accuracy", 0.9));
        assertThat(out.note()).contains("only its first 1024 bytes were read");
    }

    @Test
    void objectiveAfterALargeArrayBeyondTheCapIsAClearFailure() throws Exception {
        String content = "{\"accuracy\": 0.9, \"predictions\": [" + numbers(5000) + "], \"objective\": 0.5}";
        ScriptOutput out = parseCapped(content);

        assertThat(out.hasScore()).isFalse();
        assertThat(out.present()).isTrue();
        assertThat(out.error()).isEqualTo("output.json is " + content.length() + " bytes; only its first 1024 bytes were read, and they"
                + " hold no \"objective\" entry; write the score first, or keep large data out of output.json");
        assertThat(out.metrics()).containsExactly(Map.entry("accuracy", 0.9));
    }

    @Test
    void aLargeListWhoseFirstValueIsNotANumberSaysSo() throws Exception {
        ScriptOutput out = parseCapped("[\"x\", " + numbers(5000) + "]");

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).startsWith("the first value of output.json is \"x\"; expected a number (output.json is");
    }

    @Test
    void aFileOfExactlyTheCapIsReadWhole() throws Exception {
        String content = "[0.25, " + numbers(600);
        content = content.substring(0, 1023 - 1) + "]";
        content = content.replaceAll(",\\s*]$", "]");
        String padded = content + " ".repeat(1024 - content.length());

        ScriptOutput out = parseCapped(padded);

        assertThat(padded).hasSize(1024);
        assertThat(out.score()).isEqualTo(0.25);
        assertThat(out.note()).isNull();
    }

    @Test
    void syntaxErrorsAreNotHiddenByTheCapWhenTheyComeBeforeIt() throws Exception {
        ScriptOutput out = parseCapped("[0.25, 1 2, " + numbers(5000) + "]");

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).startsWith("output.json is not valid JSON at line 1, column 10:");
    }

    @Test
    void atMostMaxMetricsAreKeptAndTheRestCounted() {
        StringBuilder sb = new StringBuilder("{\"objective\": 1");
        for (int i = 0; i < OutputParser.MAX_METRICS + 7; i++) {
            sb.append(", \"m").append(i).append("\": ").append(i);
        }
        ScriptOutput out = parser.parse(sb.append('}').toString());

        assertThat(out.score()).isEqualTo(1.0);
        assertThat(out.metrics()).hasSize(OutputParser.MAX_METRICS).containsEntry("m0", 0.0).doesNotContainKey("m100");
        assertThat(out.note()).isEqualTo("kept the first 100 numeric entries as metrics, 7 more dropped");
    }

    @Test
    void outputThatIsNotUtf8SaysWhichByte() throws Exception {
        Path file = dir.resolve("output.json");
        Files.write(file, new byte[] {'{', '"', 'c', 'a', 'f', (byte) 0xE9, '"', ':', ' ', '1', '}'});

        ScriptOutput out = parser.parse(file);

        assertThat(out.error()).isEqualTo("output.json is not UTF-8 text (byte 0xE9 at offset 5); save the file as UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"objective\": 1,}", "[1 2]", "{\"objective\": nul}", "{\"a\": 1} x", "[0.1, 'a']",
            "{\"objective\": null}", "null", "[null]", "{\"objective\": \"\\q\"}"})
    void messagesUsePlainWords(String content) {
        ScriptOutput out = parser.parse(content);

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).doesNotContain("`", "Feature", "jackson", "START_", "VALUE_", "Source:", "null", "code ");
    }

    @Test
    void aCopyCutShortBySomeoneElseIsDescribedByTheSizeOfTheWholeFile() throws Exception {
        Path file = dir.resolve("output.json");
        Files.writeString(file, "{\"predictions\": [" + numbers(400) + "], \"objective\": 2}");
        OutputParser.writeCutNote(file, 100L * 1024 * 1024);

        ScriptOutput out = capped.parse(file);

        assertThat(out.hasScore()).isFalse();
        assertThat(out.error()).contains("output.json is 100 MiB").contains("only its first 1024 bytes were read");
        Files.delete(OutputParser.cutNote(file));
        assertThat(capped.parse(file).error()).doesNotContain("100 MiB");
    }
}
