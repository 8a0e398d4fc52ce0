package dev.hpsearch.optimizer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8Test {
    @TempDir
    Path dir;

    @Test
    void latin1FileNamesTheByteAndItsOffset() throws Exception {
        // "café" saved as ISO-8859-1: é is the single byte 0xE9
        String before = "{\n  \"name\": \"caf";
        Path file = dir.resolve("model_config.json");
        Files.write(file, (before + "é\"\n}\n").getBytes(StandardCharsets.ISO_8859_1));

        NotUtf8Exception e = catchThrowableOfType(NotUtf8Exception.class, () -> Utf8.read(file));

        assertThat(e.getMessage()).isEqualTo("not UTF-8 text (byte 0xE9 at offset " + before.length()
                + "); save the file as UTF-8");
        assertThat(e.badByte()).isEqualTo(0xE9);
        assertThat(e.offset()).isEqualTo(before.length());
    }

    @Test
    void offsetCountsBytesNotCharacters() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("ü✓".getBytes(StandardCharsets.UTF_8)); // 2 + 3 bytes
        b.write(0xC3); // a lead byte without its continuation
        b.write('x');

        NotUtf8Exception e = catchThrowableOfType(NotUtf8Exception.class, () -> Utf8.decode(b.toByteArray()));

        assertThat(e.getMessage()).isEqualTo("not UTF-8 text (byte 0xC3 at offset 5); save the file as UTF-8");
    }

    @Test
    void aTruncatedSequenceAtTheEndIsNamed() {
        byte[] bytes = {'a', 'b', (byte) 0xE2, (byte) 0x9C};

        assertThat(catchThrowableOfType(NotUtf8Exception.class, () -> Utf8.decode(bytes)).offset()).isEqualTo(2);
    }

    @Test
    void utf8TextWithAByteOrderMarkIsRead() throws Exception {
        Path file = dir.resolve("a.json");
        Files.write(file, ("\uFEFF{\"a\": \"ü\"}").getBytes(StandardCharsets.UTF_8));

        assertThat(Utf8.read(file)).isEqualTo("{\"a\": \"ü\"}");
    }

    @Test
    void streamingCheckFindsTheFirstBadByteAcrossChunks() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes("a".repeat(8191).getBytes(StandardCharsets.UTF_8));
        b.writeBytes("✓".getBytes(StandardCharsets.UTF_8)); // straddles the first 8 KiB chunk
        b.writeBytes("b".repeat(5000).getBytes(StandardCharsets.UTF_8));
        b.write(0xFF);
        byte[] bytes = b.toByteArray();

        NotUtf8Exception e = Utf8.firstError(new java.io.ByteArrayInputStream(bytes), Long.MAX_VALUE);

        assertThat(e).isNotNull();
        assertThat(e.offset()).isEqualTo(8191 + 3 + 5000);
        assertThat(e.badByte()).isEqualTo(0xFF);
        assertThat(Utf8.firstError(new java.io.ByteArrayInputStream(bytes), 8192)).as("cut inside the check mark").isNull();
    }
}
