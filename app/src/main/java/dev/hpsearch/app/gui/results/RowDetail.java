package dev.hpsearch.app.gui.results;

import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.exec.Provenance;
import dev.hpsearch.optimizer.text.Durations;
import java.time.Duration;
import java.util.Locale;

/** Where and how a combination ran (its provenance), in lines for people: a line per fact, a word for what is not known. */
public final class RowDetail {
    /** The detail when no combination is selected. */
    public static final String NO_SELECTION = "Select a combination to see where and how it ran.";

    private RowDetail() {
    }

    /** The detail of a combination: node, Slurm state, exit code, times, memory, digests, version; who suggested it. */
    public static String of(ResultRow r) {
        StringBuilder sb = new StringBuilder();
        sb.append("combination ").append(r.id()).append(": ").append(r.status());
        if (!r.jobId().isEmpty()) {
            sb.append(" (job ").append(r.jobId()).append(')');
        }
        sb.append('\n');
        sb.append("suggested by: ").append(SuggestedBy.describe(r.searchType())).append('\n');
        Provenance p = r.provenance();
        if (p.isEmpty()) {
            sb.append(r.status().equals("running") || r.status().equals("queued")
                    ? "Where and how it ran is recorded when it ends."
                    : "No record of where and how it ran (a table of the original tool, or an earlier hpsearch).");
            return sb.toString();
        }
        boolean local = "local".equals(p.usageFrom());
        line(sb, local ? "host" : "nodes", p.nodes());
        line(sb, local ? "state" : "Slurm state", p.state());
        line(sb, "exit code", p.exitCode());
        line(sb, "elapsed", p.elapsedSeconds() == null ? null : seconds(p.elapsedSeconds()));
        line(sb, "CPU time", p.cpuSeconds() == null ? null : seconds(p.cpuSeconds()));
        line(sb, local ? "peak memory" : "MaxRSS", p.maxRssBytes() == null ? null
                : String.format(Locale.ROOT, "%.1f MiB", p.maxRssBytes() / 1048576.0));
        line(sb, "figures from", p.usageFrom() == null ? null : source(p.usageFrom()));
        line(sb, "script sha256", p.scriptSha256());
        line(sb, "input.json sha256", p.inputSha256());
        line(sb, "hpsearch", p.version());
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append(label).append(": ").append(value == null ? "not known" : value).append('\n');
    }

    private static String seconds(double s) {
        return s < 60 ? String.format(Locale.ROOT, "%.1f s", s)
                : Durations.clock(Duration.ofMillis(Math.round(s * 1000))) + String.format(Locale.ROOT, " (%.0f s)", s);
    }

    private static String source(String from) {
        switch (from) {
            case "sacct":
                return "sacct (Slurm accounting)";
            case "scontrol":
                return "scontrol show job (accounting is off: no CPU time or MaxRSS)";
            case "jobcomp":
                return "the jobcomp file, sacct -c (accounting is off: no CPU time or MaxRSS)";
            case "local":
                return "this machine's /proc, sampled while it ran";
            default:
                return from;
        }
    }
}
