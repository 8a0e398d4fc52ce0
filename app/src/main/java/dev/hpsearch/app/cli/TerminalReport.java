package dev.hpsearch.app.cli;

import dev.hpsearch.app.service.Report;
import java.io.PrintWriter;

/** What a long call reports, on the terminal: news on standard output, warnings on standard error. */
final class TerminalReport implements Report {
    private final PrintWriter out;
    private final PrintWriter err;

    TerminalReport(PrintWriter out, PrintWriter err) {
        this.out = out;
        this.err = err;
    }

    @Override
    public void say(String line) {
        out.println(line);
        out.flush();
    }

    @Override
    public void warn(String line) {
        err.println("warning: " + line);
        err.flush();
    }
}
