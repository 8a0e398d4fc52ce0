package dev.hpsearch.ssh.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BoundedCopyTest {
    @TempDir
    Path tmp;

    private static ByteArrayInputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aFileWithinTheLimitIsCopiedWhole() throws Exception {
        Path out = tmp.resolve("a/output.json");
        assertThat(BoundedCopy.copy(bytes("{\"objective\": 1}"), 16, out, 16, false)).isZero();
        assertThat(out).hasContent("{\"objective\": 1}");
    }

    @Test
    void withoutALimitEveryByteIsCopied() throws Exception {
        byte[] big = new byte[200_000];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) i;
        }
        Path out = tmp.resolve("big");
        assertThat(BoundedCopy.copy(new ByteArrayInputStream(big), -1, out, Long.MAX_VALUE, false)).isZero();
        assertThat(Files.readAllBytes(out)).isEqualTo(big);
    }

    @Test
    void aLargerFileKeepsItsFirstBytesAndSaysHowManyWereLeft() throws Exception {
        Path out = tmp.resolve("output.json");
        long left = BoundedCopy.copy(bytes("0123456789"), 10, out, 4, false);
        assertThat(out).hasContent("0123");
        assertThat(left).isEqualTo(6);
    }

    @Test
    void aLogKeepsItsEndBehindALineThatSaysWhatWasCut() throws Exception {
        Path out = tmp.resolve("log.txt");
        long left = BoundedCopy.copy(bytes("start\nmiddle\nthe error\n"), 23, out, 10, true);
        assertThat(left).isEqualTo(13);
        assertThat(Files.readString(out)).startsWith("[hpsearch: 13 bytes cut from the start").endsWith("the error\n");
    }

    @Test
    void theTargetIsReplacedAndNoPartFileStays() throws Exception {
        Path out = Files.writeString(tmp.resolve("log.txt"), "old content that is longer");
        BoundedCopy.copy(bytes("new"), 3, out, 100, true);
        assertThat(out).hasContent("new");
        try (var files = Files.list(tmp)) {
            assertThat(files).containsExactly(out);
        }
    }
}
