package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressReaderTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPartialLastLineWaitsForItsEnd() {
        ProgressReader r = new ProgressReader();
        List<ProgressReader.Skipped> skipped = new ArrayList<>();
        List<ProgressPoint> first = r.accept(b("{\"step\": 1, \"objective\": 0.5}\n{\"step\": 2, \"obj"), skipped);
        assertThat(first).extracting(ProgressPoint::step).containsExactly(1L);
        assertThat(r.offset()).isEqualTo(b("{\"step\": 1, \"objective\": 0.5}\n{\"step\": 2, \"obj").length);
        List<ProgressPoint> second = r.accept(b("ective\": 0.25, \"acc\": 0.9}\n"), skipped);
        assertThat(second).singleElement().satisfies(p -> {
            assertThat(p.step()).isEqualTo(2);
            assertThat(p.value()).isEqualTo(0.25);
            assertThat(p.metrics()).containsEntry("acc", 0.9);
        });
        assertThat(skipped).isEmpty();
    }

    @Test
    void garbledLinesAreSkippedWithTheirNumberAndTheRestIsRead() {
        ProgressReader r = new ProgressReader();
        List<ProgressReader.Skipped> skipped = new ArrayList<>();
        List<ProgressPoint> points = r.accept(b("{\"step\": 1, \"objective\": 1}\nnot json\n\n"
                + "{\"step\": -1, \"objective\": 1}\n{\"step\": 3}\n{\"step\": 4, \"objective\": \"x\"}\r\n"
                + "{\"step\": 5, \"objective\": 0.1}\r\n"), skipped);
        assertThat(points).extracting(ProgressPoint::step).containsExactly(1L, 5L);
        assertThat(skipped).extracting(ProgressReader.Skipped::line).containsExactly(2L, 4L, 5L, 6L);
        assertThat(skipped.get(0).why()).isEqualTo("not JSON");
        assertThat(skipped.get(2).why()).contains("\"objective\"");
    }

    @Test
    void aLineSplitInsideAMultiByteCharacterIsReadWhole() {
        byte[] all = b("{\"step\": 7, \"objective\": 2, \"\u00e9t\u00e9\": 3}\n");
        int cut = new String(all, StandardCharsets.UTF_8).indexOf('\u00e9') + 1; // inside the two bytes of é
        ProgressReader r = new ProgressReader();
        List<ProgressReader.Skipped> skipped = new ArrayList<>();
        assertThat(r.accept(java.util.Arrays.copyOfRange(all, 0, cut), skipped)).isEmpty();
        assertThat(r.accept(java.util.Arrays.copyOfRange(all, cut, all.length), skipped)).singleElement()
                .satisfies(p -> assertThat(p.metrics()).containsEntry("\u00e9t\u00e9", 3.0));
    }

    @Test
    void aStepMustBeAWholeNumber() {
        assertThatThrownBy(() -> ProgressPoint.parse("{\"step\": 1.5, \"objective\": 1}"))
                .hasMessageContaining("whole number");
        assertThat(ProgressPoint.parse("{\"step\": 2.0, \"objective\": 1}").step()).isEqualTo(2);
    }
}
