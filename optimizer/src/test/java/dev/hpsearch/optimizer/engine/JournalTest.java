package dev.hpsearch.optimizer.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;
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
                j.append(event(type, t++));
            }
        }
    }

    private void appendRaw(String text) throws IOException {
        Files.writeString(file(), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /** A small event of each type these tests use. */
    private static JournalEvent event(String type, long time) {
        switch (type) {
            case "start":
                return new JournalEvent.Start(time, 1, null, null);
            case "suggest":
                return new JournalEvent.Suggest(time, 0, SearchStateTest.A, "grid", 0, 0);
            case "submit":
                return new JournalEvent.Submit(time, 0, "100", "");
            case "resume":
                return new JournalEvent.Resume(time);
            case "end":
                return new JournalEvent.End(time, "done");
            default:
                throw new IllegalArgumentException(type);
        }
    }

    private static List<String> types(List<JournalEvent> events) {
        return events.stream().map(e -> e.getClass().getSimpleName().toLowerCase(Locale.ROOT)).toList();
    }

    @Test
    void eventsAreReadBackInOrderOneLineEach() throws IOException {
        appendEvents("start", "suggest", "submit");

        List<JournalEvent> events = Journal.read(dir);

        assertThat(types(events)).containsExactly("start", "suggest", "submit");
        assertThat(events).extracting(JournalEvent::time).containsExactly(1000L, 1001L, 1002L);
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
        appendRaw(JournalCodec.encode(event("suggest", 2)));
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
    void aKnownEventWithAValueItCannotHoldIsAnErrorNamingTheLine() throws IOException {
        appendEvents("start");
        appendRaw("{\"event\":\"finish\",\"time\":2,\"id\":0,\"status\":\"exploded\"}\n");

        assertThatThrownBy(() -> Journal.read(dir)).isInstanceOf(IOException.class)
                .hasMessageContaining("line 2").hasMessageContaining(Journal.FILE_NAME).hasMessageContaining("EXPLODED");
    }

    @Test
    void blankLinesAreSkipped() throws IOException {
        appendEvents("start");
        appendRaw("\n\n");
        appendEvents("end");

        assertThat(types(Journal.read(dir))).containsExactly("start", "end");
    }
}
