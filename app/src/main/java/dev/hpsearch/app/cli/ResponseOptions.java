package dev.hpsearch.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What the analysis commands read and how they answer: the results, the response, the output format. */
final class ResponseOptions {
    @Parameters(paramLabel = "SEARCH_DIR", description = "An hp_search_{id} folder, or an hp_search_data.txt file.")
    Path target;

    @Option(names = "--metric", paramLabel = "NAME",
            description = "The response: loss (default) or the name of a metric the script writes to output.json.")
    String metric;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String format;

    @Option(names = "--seed", defaultValue = "1",
            description = "Seed of the GP fit, the designs and the draws (default: ${DEFAULT-VALUE}).")
    long seed;

    boolean json() {
        return format.equals("json");
    }

    /** Reads the results; prints what is wrong and throws when they cannot be read or the options are off. */
    ResultsSource read(PrintWriter err) throws ResultsSource.Failed {
        ResultsSource.checkFormat(format, err);
        return ResultsSource.read(target, err);
    }
}
