package dev.hpsearch.app.gui.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hpsearch.app.gui.DirectTaskRunner;
import dev.hpsearch.app.gui.HeldTaskRunner;
import dev.hpsearch.app.gui.results.ResponseChoice;
import dev.hpsearch.optimizer.analysis.Column;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
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

    /**
     * A table of this tool's format with a metric: 24 results of lr and layers; the loss is lowest near lr = 1e-3,
     * the accuracy (higher is better) grows with layers and is highest near lr = 10^-2.5, at combination 17 (0.9).
     */
    private Path tableWithAccuracy() throws Exception {
        StringBuilder t = new StringBuilder("combination_id\tjob_id\tsearch_type\tprevious_results_count\tis_queued"
                + "\tjob_time\tloss\tlr\tlayers\tstatus\tfailure_reason\taccuracy\n");
        SplittableRandom rng = new SplittableRandom(3);
        for (int i = 0; i < 24; i++) {
            double lr = i == 17 ? Math.pow(10, -2.5) : Math.pow(10, -4 + 3 * rng.nextDouble());
            int layers = i == 17 ? 4 : 1 + rng.nextInt(3);
            double accuracy = 0.5 + 0.1 * layers - 0.02 * Math.pow(Math.log10(lr) + 2.5, 2)
                    + (i == 17 ? 0 : 0.005 * rng.nextDouble());
            double loss = Math.pow(Math.log10(lr) + 3, 2) + 0.01 * rng.nextDouble();
            t.append(i).append("\t").append(100 + i).append("\trandom\t0\tFalse\t0.5\t").append(loss).append('\t')
                    .append(lr).append('\t').append(layers).append("\tok\t\t").append(accuracy).append('\n');
        }
        Path file = dir.resolve("hp_search_data.txt");
        Files.writeString(file, t);
        return file;
    }

    /** The shared choice of a view with these metrics, left at the loss. */
    private static ResponseChoice lossChosen(String... metrics) {
        return new ResponseChoice(FXCollections.observableArrayList(metrics));
    }

    @Test
    void theReportIsOnTheResponseChosenInTheAnalysisViewsWithItsDirection() throws Exception {
        ResponseChoice choice = lossChosen("accuracy");
        ReportViewModel vm = new ReportViewModel(new SimpleObjectProperty<>(tableWithAccuracy()), choice,
                new DirectTaskRunner(), new FakeBrowser(false), CLOCK);
        // as the Sensitivity or Selection view sets it
        choice.responseProperty().set(Column.metric("accuracy"));
        choice.minimizeProperty().set(false);

        vm.write();

        String page = Files.readString(dir.resolve("report.html"));
        assertThat(page).contains("<title>hpsearch report: hp_search_data.txt on accuracy (higher is better)</title>")
                .contains("<h1>hpsearch report: hp_search_data.txt on accuracy (higher is better)</h1>")
                .contains("<tr><th>Response analysed</th><td>accuracy (higher is better), 24 results")
                .contains("Sobol indices of accuracy")
                // the best by accuracy, higher being better, not the best by the loss
                .contains("<strong>Best:</strong> combination 17, accuracy 0.9.")
                .doesNotContain("on loss (lower is better)");

        // back to the loss: the next report is on the loss again
        choice.responseProperty().set(Column.LOSS);
        vm.write();
        assertThat(Files.readString(dir.resolve("report.html")))
                .contains("<title>hpsearch report: hp_search_data.txt on loss (lower is better)</title>")
                .doesNotContain("Sobol indices of accuracy");
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
        ReportViewModel vm = new ReportViewModel(source, lossChosen(), new DirectTaskRunner(), browser, CLOCK);
        assertThat(vm.disabledProperty().get()).isTrue();
        source.set(table());
        assertThat(vm.disabledProperty().get()).isFalse();

        vm.write();

        Path out = dir.resolve("report.html");
        assertThat(out).exists();
        assertThat(Files.readString(out)).contains("<section id=\"choice\">").contains("2026-01-02T03:04:05Z")
                .contains("<title>hpsearch report: hp_search_data.txt on loss (lower is better)</title>");
        assertThat(browser.opened).containsExactly(out);
        assertThat(vm.writtenProperty().get()).isEqualTo(out);
        assertThat(vm.statusProperty().get()).contains(out.toString()).contains("No browser");
        assertThat(vm.runningProperty().get()).isFalse();
    }

    @Test
    void aBrowserOpensTheReportWrittenInTheBackground() throws Exception {
        HeldTaskRunner tasks = new HeldTaskRunner();
        FakeBrowser browser = new FakeBrowser(true);
        ReportViewModel vm = new ReportViewModel(new SimpleObjectProperty<>(table()), lossChosen(), tasks, browser,
                CLOCK);

        vm.write();

        // nothing is written on the calling (UI) thread, and the button waits
        assertThat(dir.resolve("report.html")).doesNotExist();
        assertThat(vm.runningProperty().get()).isTrue();
        assertThat(vm.disabledProperty().get()).isTrue();
        assertThat(vm.statusProperty().get()).startsWith("Writing the report of hp_search_data.txt");
        tasks.finishLast();
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
        ReportViewModel vm = new ReportViewModel(new SimpleObjectProperty<>(notATable), lossChosen(),
                new DirectTaskRunner(), browser, CLOCK);

        vm.write();

        assertThat(vm.statusProperty().get()).startsWith("Report not written: ");
        assertThat(browser.opened).isEmpty();
        assertThat(vm.writtenProperty().get()).isNull();
        assertThat(vm.runningProperty().get()).isFalse();
    }
}
