package dev.hpsearch.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in this JVM and keeps what it printed. */
final class Cli {
    final int status;
    final String out;
    final String err;

    private Cli(int status, String out, String err) {
        this.status = status;
        this.out = out;
        this.err = err;
    }

    static Cli run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Cli(status, out.toString(), err.toString());
    }
}
