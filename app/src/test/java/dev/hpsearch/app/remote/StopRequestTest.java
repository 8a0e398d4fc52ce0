package dev.hpsearch.app.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StopRequestTest {
    @TempDir
    Path dir;

    @Test
    void aRequestIsTakenOnce() throws Exception {
        Files.write(dir.resolve(StopRequest.FILE_NAME), new StopRequest(true, "out of budget \"q\"\n").bytes());

        assertThat(StopRequest.take(dir)).isEqualTo(new StopRequest(true, "out of budget \"q\"\n"));
        assertThat(dir.resolve(StopRequest.FILE_NAME)).doesNotExist();
        assertThat(StopRequest.take(dir)).isNull();
    }

    @Test
    void anUnreadableRequestStillStopsWithoutCancellingJobs() throws Exception {
        Files.writeString(dir.resolve(StopRequest.FILE_NAME), "stop please");

        assertThat(StopRequest.take(dir)).isEqualTo(new StopRequest(false, "stopped by hpsearch stop"));
    }

    @Test
    void aRequestNeedsAReason() {
        assertThatThrownBy(() -> new StopRequest(false, " ")).isInstanceOf(IllegalArgumentException.class);
    }
}
