package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalTest {
    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve(Journal.FILE_NAME);
    }

    private void appendEvents(String... types) throws IOException {
        try (Journal j = Journal.open(dir)) {
            long t = 1000;
            for (String type : types) {
                j.append(Journal.event(type, t++));
            }
        }
    }

    private void appendRaw(String text) throws IOException {
        Files.writeString(file(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.get("event").asText()).toList();
    }

    @Test
    void eventsAreReadBackInOrderOneLineEach() throws IOException {
        appendEvents("start", "suggest", "submit");

        List<JsonNode> events = Journal.read(dir);

        assertThat(types(events)).containsExactly("start", "suggest", "submit");
        assertThat(events).extracting(e -> e.get("time").asLong()).containsExactly(1000L, 1001L, 1002L);
        assertThat(Files.readAllLines(file())).hasSize(3);
    }

    @Test
    void reopeningAppendsAfterExistingEvents() throws IOException {
        appendEvents("start");
        appendEvents("resume");

        assertThat(types(Journal.read(dir))).containsExactly("start", "resume");
    }

    @Test
    void missingJournalReadsAsNoEvents() throws IOException {
        assertThat(Journal.read(dir)).isEmpty();
    }

    @Test
    void tornLastLineIsIgnored() throws IOException {
        appendEvents("start", "suggest");
        appendRaw("{\"event\":\"finish\",\"id\":0,\"sta");

        assertThat(types(Journal.read(dir))).containsExactly("start", "suggest");
    }

    @Test
    void openMendsATornLastLineSoTheNextEventHasItsOwnLine() throws IOException {
        appendEvents("start", "suggest");
        appendRaw("{\"event\":\"finish\",\"id\":0,\"sta");

        appendEvents("resume");

        assertThat(types(Journal.read(dir))).containsExactly("start", "suggest", "resume");
        assertThat(Files.readAllLines(file())).hasSize(3)
                .allSatisfy(line -> assertThat(line).startsWith("{\"event\":").endsWith("}"));
    }

    @Test
    void openMendsAJournalWhoseOnlyLineIsTorn() throws IOException {
        appendRaw("{\"event\":\"sta");

        appendEvents("start");

        assertThat(types(Journal.read(dir))).containsExactly("start");
    }

    @Test
    void completeLastEventMissingOnlyItsNewlineIsKeptByReadAndOpenAlike() throws IOException {
        // the engine replays what read() returns and then opens the journal: both must agree
        appendEvents("start");
        appendRaw("{\"event\":\"suggest\",\"time\":2}");
        List<String> replayed = types(Journal.read(dir));

        appendEvents("submit");

        assertThat(replayed).containsExactly("start", "suggest");
        assertThat(types(Journal.read(dir))).containsExactly("start", "suggest", "submit");
    }

    @Test
    void damagedMiddleLineIsAnErrorNamingTheLine() throws IOException {
        appendEvents("start");
        appendRaw("{\"event\":\"suggest\",\"id\":\n");
        appendEvents("submit");

        assertThatThrownBy(() -> Journal.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2").hasMessageContaining(Journal.FILE_NAME);
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        appendEvents("start");
        appendRaw("\n\n");
        appendEvents("end");

        assertThat(types(Journal.read(dir))).containsExactly("start", "end");
    }
}
