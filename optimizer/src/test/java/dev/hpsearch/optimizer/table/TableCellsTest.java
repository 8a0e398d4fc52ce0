package dev.hpsearch.optimizer.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class TableCellsTest {
    @ParameterizedTest
    @ValueSource(strings = {"", "relu", "0.001", "a\tb", "line one\nline two\r\n", "C:\\data\\new", "ends with \\",
            "\\t is not a tab", "\u0000\u0001\u001f\u007f", "\u2028\u2029", "\\u0041 stays", "ünïcödé ✓"})
    void escapedCellRoundTripsAndHoldsNoControlCharacter(String value) {
        String cell = TableCells.escape(value);

        assertThat(TableColumns.firstUnprintable(cell)).as("control character in %s", cell).isEqualTo(-1);
        assertThat(TableCells.unescape(cell)).isEqualTo(value);
    }

    @Test
    void escapesAreTheDocumentedOnes() {
        assertThat(TableCells.escape("a\tb\nc\rd\\e\u0001f")).isEqualTo("a\\tb\\nc\\rd\\\\e\\u0001f");
    }

    @Test
    void plainValuesAreWrittenAsTheyAre() {
        assertThat(TableCells.escape("/p/hp_search_0/hp_combination_1/input.json"))
                .isEqualTo("/p/hp_search_0/hp_combination_1/input.json");
    }

    @Test
    void randomTextRoundTrips() {
        SplittableRandom rng = new SplittableRandom(7);
        char[] alphabet = {'a', 'b', '\\', 't', 'n', 'u', '0', '\t', '\n', '\r', '\u0002', '\u2028', ' ', 'é'};
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rng.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet[rng.nextInt(alphabet.length)]);
            }
            String value = sb.toString();
            String cell = TableCells.escape(value);
            assertThat(cell).doesNotContain("\t", "\n", "\r");
            assertThat(TableCells.unescape(cell)).as("round trip of %s", cell).isEqualTo(value);
        }
    }

    @Test
    void aBackslashThatStartsNoEscapeIsKept() {
        assertThat(TableCells.unescape("C:\\data\\x")).isEqualTo("C:\\data\\x");
        assertThat(TableCells.unescape("\\u12")).isEqualTo("\\u12");
    }
}
