package dev.hpsearch.optimizer.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real file-system failures, described: the JDK's own messages are only the path. */
class IoErrorsTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsSaidToNotExist() {
        Path missing = dir.resolve("nope/output.json");
        IOException e = catchThrowableOfType(IOException.class, () -> Files.readAllBytes(missing));

        assertThat(IoErrors.describe(e)).isEqualTo(missing + " does not exist");
    }

    @Test
    void folderFailuresAreNamed() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("f"));
        Path file = Files.writeString(folder.resolve("a.txt"), "x");

        assertThat(IoErrors.describe(catchThrowableOfType(IOException.class, () -> Files.createDirectory(folder))))
                .isEqualTo(folder + " already exists");
        assertThat(IoErrors.describe(catchThrowableOfType(IOException.class, () -> Files.delete(folder))))
                .isEqualTo(folder + " is a folder that is not empty");
        assertThat(IoErrors.describe(catchThrowableOfType(IOException.class, () -> Files.list(file))))
                .isEqualTo(file + " is not a folder");
    }

    @Test
    void theJdksDecoderFailureIsNotInputLength() throws Exception {
        Path latin1 = Files.write(dir.resolve("c.json"), "café".getBytes(StandardCharsets.ISO_8859_1));
        IOException e = catchThrowableOfType(IOException.class, () -> Files.readString(latin1));

        assertThat(e.getMessage()).contains("Input length");
        assertThat(IoErrors.describe(e)).isEqualTo("not UTF-8 text; save the file as UTF-8");
    }

    @Test
    void anExceptionWithoutAMessageIsNotTheWordNull() {
        assertThat(IoErrors.describe(new IOException((String) null))).isEqualTo("an unexpected error");
        assertThat(IoErrors.describe(new IllegalStateException(new IOException("disk full"))))
                .isEqualTo("disk full");
    }
}
