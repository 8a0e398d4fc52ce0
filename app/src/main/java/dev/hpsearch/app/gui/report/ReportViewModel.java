package dev.hpsearch.app.gui.report;

import dev.hpsearch.app.gui.common.TaskRunner;
import dev.hpsearch.app.gui.results.ResponseChoice;
import dev.hpsearch.app.service.SearchResults;
import dev.hpsearch.optimizer.text.IoErrors;
import java.nio.file.Path;
import java.time.Clock;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;

/**
 * The "Report" button: writes the report of the search on screen ({@link HtmlReport}, to {@code report.html} in its
 * folder, or beside its results file) in the background, then opens it in the browser, or, with no browser, says
 * where the file is. The report is about the response chosen in the analysis views (the loss or a metric, with its
 * direction: the shared {@link ResponseChoice}), as {@code hpsearch report --metric NAME [--maximize]} is.
 */
public final class ReportViewModel {
    /** The analysis's seed, as the command's default: the same results give the same report. */
    private static final long SEED = 1;
    private final ObservableValue<Path> source;
    private final ResponseChoice response;
    private final TaskRunner tasks;
    private final Browser browser;
    private final Clock clock;
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding disabled;

    private record Outcome(Path file, boolean opened) {
    }

    /**
     * @param source   the search folder or results file on screen, {@code null} when there is none
     * @param response the response the analysis views chose, which the report is about
     */
    public ReportViewModel(ObservableValue<Path> source, ResponseChoice response, TaskRunner tasks, Browser browser,
                           Clock clock) {
        this.source = source;
        this.response = response;
        this.tasks = tasks;
        this.browser = browser;
        this.clock = clock;
        disabled = Bindings.createBooleanBinding(() -> source.getValue() == null || running.get(), source, running);
    }

    /** While a report is written, or when there is no search to report on. */
    public BooleanBinding disabledProperty() {
        return disabled;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Where the last report went, or why it did not. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The last report written, or {@code null}. */
    public ReadOnlyObjectProperty<Path> writtenProperty() {
        return written.getReadOnlyProperty();
    }

    /** Writes the report of the search on screen and opens it, in the background. */
    public void write() {
        Path target = source.getValue();
        if (target == null || running.get()) {
            return;
        }
        // read on the UI thread, where the choice changes
        String metric = response.metric();
        boolean minimize = response.minimizeProperty().get();
        running.set(true);
        status.set("Writing the report of " + target.getFileName() + " on " + HtmlReport.describe(metric, minimize)
                + "…");
        tasks.run(() -> {
            Path out = HtmlReport.defaultOut(target);
            HtmlReport.write(SearchResults.read(target), metric, minimize, SEED, clock.instant(), out);
            return new Outcome(out, browser.open(out));
        }, o -> {
            running.set(false);
            written.set(o.file());
            status.set(o.opened() ? "Report written to " + o.file() + " and opened in the browser."
                    : "Report written to " + o.file() + ". No browser could be opened here: open that file in one.");
        }, e -> {
            running.set(false);
            status.set("Report not written: " + IoErrors.describe(e));
        });
    }
}
