package dev.hpsearch.app.cli;

import dev.hpsearch.app.gui.report.HtmlReport;
import dev.hpsearch.app.service.SearchResults;
import dev.hpsearch.optimizer.text.IoErrors;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpsearch report}: one self-contained HTML page about a search, with the GUI's plots. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"Writes one self-contained HTML file about a search (inline SVG and style, no script, nothing "
                + "fetched from the network): its summary and provenance, the history, parallel coordinates, the "
                + "importance of each hyperparameter with intervals and the GP's leave-one-out R², partial dependence, "
                + "the top interaction, and the choice (noise, ties, P(best), the proposal, optimism, an ensemble).",
                "Works on a running or finished search folder, and on an hp_search_data.txt of this tool or of the "
                        + "original one."})
final class ReportCommand implements Callable<Integer> {
    /** The clock the report's "written at" comes from. */
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SEARCH_DIR", description = "An hp_search_{id} folder, or an hp_search_data.txt file.")
    Path target;

    @Option(names = "--out", paramLabel = "FILE",
            description = "Where to write the report (default: report.html in SEARCH_DIR, or beside the data file).")
    Path out;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The response: loss (default) or the name of a metric the script writes to output.json.")
    String metric;

    @Option(names = "--maximize", description = "Higher values of the response are better (default: lower).")
    boolean maximize;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the GP fits, the designs and the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    ReportCommand() {
        this(Clock.systemUTC());
    }

    ReportCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SearchResults results;
        try {
            results = ResultsSource.results(target, err);
        } catch (ResultsSource.Failed f) {
            return f.status;
        }
        Path file = out != null ? out : HtmlReport.defaultOut(target);
        try {
            HtmlReport.write(results, metric, !maximize, seed, clock.instant(), file);
        } catch (IllegalArgumentException e) {
            err.println("error: --metric: " + e.getMessage());
            return ExitCodes.CONFIG;
        } catch (IOException e) {
            err.println("error: cannot write the report to " + file + ": " + IoErrors.describe(e));
            return ExitCodes.FAILURE;
        }
        stdout.println("Report written to " + file.toAbsolutePath());
        stdout.flush();
        return ExitCodes.OK;
    }
}
