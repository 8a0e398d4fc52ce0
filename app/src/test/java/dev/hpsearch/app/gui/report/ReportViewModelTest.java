package dev.hpsearch.app.gui.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.common.TaskRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Report button without a toolkit: the report is written through the task runner, then the browser is asked. */
class ReportViewModelTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /** A table of the original tool's format: 20 results of lr and layers. */
    private Path table() throws Exception {
        StringBuilder t = new StringBuilder(
                "combination_id\tjob_id\tsearch_type\tprevious_results_count\tis_queued\tjob_time\tloss\tlr\tlayers\n");
        SplittableRandom rng = new SplittableRandom(2);
        for (int i = 0; i < 20; i++) {
            double lr = Math.pow(10, -4 + 3 * rng.nextDouble());
            int layers = 1 + rng.nextInt(3);
            t.append(i).append("\t").append(100 + i).append("\trandom\t0\tFalse\t0.5\t")
                    .append(Math.pow(Math.log10(lr) + 2.5, 2) + 0.1 * layers).append('\t').append(lr).append('\t')
                    .append(layers).append('\n');
        }
        Path file = dir.resolve("hp_search_data.txt");
        Files.writeString(file, t);
        return file;
    }

    /** Remembers what it was asked to open, and answers as told. */
    private static final class FakeBrowser implements Browser {
        final List<Path> opened = new ArrayList<>();
        final boolean present;

        FakeBrowser(boolean present) {
            this.present = present;
        }

        @Override
        public boolean open(Path file) {
            opened.add(file);
            return present;
        }
    }

    @Test
    void withNoBrowserTheReportIsWrittenAndTheStatusSaysWhereItIs() throws Exception {
        SimpleObjectProperty<Path> source = new SimpleObjectProperty<>();
        FakeBrowser browser = new FakeBrowser(false);
        ReportViewModel vm = new ReportViewModel(source, new DirectTaskRunner(), browser, CLOCK);
        assertThat(vm.disabledProperty().get()).isTrue();
        source.set(table());
        assertThat(vm.disabledProperty().get()).isFalse();

        vm.write();

        Path out = dir.resolve("report.html");
        assertThat(out).exists();
        assertThat(Files.readString(out)).contains("<section id=\"choice\">").contains("2026-01-02T03:04:05Z");
        assertThat(browser.opened).containsExactly(out);
        assertThat(vm.writtenProperty().get()).isEqualTo(out);
        assertThat(vm.statusProperty().get()).contains(out.toString()).contains("No browser");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aBrowserOpensTheReportWrittenInTheBackground() throws Exception {
        HeldTasks tasks = new HeldTasks();
        FakeBrowser browser = new FakeBrowser(true);
        ReportViewModel vm = new ReportViewModel(new SimpleObjectProperty<>(table()), tasks, browser, CLOCK);

        vm.write();

        // nothing is written on the calling (UI) thread, and the button waits
        assertThat(dir.resolve("report.html")).doesNotExist();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.disabledProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Writing the report of hp_search_data.txt");
        tasks.finish();
        assertThat(dir.resolve("report.html")).exists();
        assertThat(browser.opened).containsExactly(dir.resolve("report.html"));
        assertThat(vm.statusProperty().get()).endsWith("and opened in the browser.");
        assertThat(vm.disabledProperty().get()).isFalse();
    }

    @Test
    void aReportThatCannotBeWrittenSaysWhy() throws Exception {
        Path notATable = dir.resolve("notes.txt");
        Files.writeString(notATable, "just some words\n");
        FakeBrowser browser = new FakeBrowser(true);
        ReportViewModel vm = new ReportViewModel(new SimpleObjectProperty<>(notATable), new DirectTaskRunner(),
                browser, CLOCK);

        vm.write();

        assertThat(vm.statusProperty().get()).startsWith("Report not written: ");
        assertThat(browser.opened).isEmpty();
        assertThat(vm.writtenProperty().get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
    }

    /** Holds the background work until the test finishes it. */
    private static final class HeldTasks implements TaskRunner {
        private Runnable held;

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onError) {
            held = () -> {
                try {
                    onDone.accept(work.call());
                } catch (Exception e) {
                    onError.accept(e);
                }
            };
        }

        @Override
        public void onUi(Runnable r) {
            r.run();
        }

        void finish() {
            held.run();
        }
    }
}
