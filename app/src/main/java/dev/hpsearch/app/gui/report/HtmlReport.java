package dev.hpsearch.app.gui.report;

import dev.hpsearch.app.service.ParetoReport;
import dev.hpsearch.app.gui.analysis.ContourPlot;
import dev.hpsearch.app.gui.analysis.DependencePlot;
import dev.hpsearch.app.gui.analysis.ImportancePlot;
import dev.hpsearch.app.gui.analysis.ParallelPlot;
import dev.hpsearch.app.gui.analysis.ParetoPlot;
import dev.hpsearch.app.gui.analysis.SensitivityPlot;
import dev.hpsearch.app.gui.common.Plot;
import dev.hpsearch.app.gui.common.SvgPainter;
import dev.hpsearch.app.gui.run.HistoryPlot;
import dev.hpsearch.app.service.SearchResults;
import dev.hpsearch.optimizer.analysis.Choice;
import dev.hpsearch.optimizer.analysis.Column;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.History;
import dev.hpsearch.optimizer.analysis.ParallelLayout;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.analysis.Sensitivity;
import dev.hpsearch.optimizer.config.ObjectivesConfig;
import dev.hpsearch.optimizer.engine.HpSearchVersion;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchState;
import dev.hpsearch.optimizer.engine.TrialStatus;
import dev.hpsearch.optimizer.gp.GpFitException;
import dev.hpsearch.optimizer.pareto.FrontSummary;
import dev.hpsearch.optimizer.text.AtomicFiles;
import dev.hpsearch.optimizer.text.Numbers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One self-contained HTML page about a search: its summary and provenance, the history, parallel coordinates,
 * the importance of each hyperparameter with intervals, partial dependence, the top interaction and the choice
 * (noise, ties, probability of being the best, the proposal and why, optimism, an ensemble). The plots are the
 * GUI's own, drawn through an {@link SvgPainter} and inlined; the style is inline too, and the page has no script
 * and names no address, so it opens offline in any browser. Every text from the user (names, paths, configs) is
 * escaped. The page is well-formed XML as well as HTML.
 */
public final class HtmlReport {
    /** The width every plot is drawn at. */
    static final double WIDTH = 960;
    /** The partial dependence's points along a continuous hyperparameter. */
    private static final int DEPENDENCE_POINTS = 21;
    private static final String CSS = """
            body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #24292f;
                   max-width: 1000px; margin: 2em auto; padding: 0 1em; line-height: 1.45; }
            h1 { font-size: 1.6em; margin-bottom: 0.2em; }
            h2 { font-size: 1.25em; border-bottom: 1px solid #d0d7de; padding-bottom: 0.2em; margin-top: 2em; }
            table { border-collapse: collapse; margin: 0.5em 0; }
            th, td { border: 1px solid #d0d7de; padding: 0.25em 0.6em; text-align: left; vertical-align: top; }
            th { background: #f6f8fa; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .warning { background: #fff8c5; border: 1px solid #d4a72c; padding: 0.5em 0.8em; }
            .note { color: #57606a; }
            pre { background: #f6f8fa; padding: 0.6em; overflow-x: auto; font-size: 0.85em; }
            svg { display: block; max-width: 100%; height: auto; margin: 0.5em 0; }
            """;

    private final SearchResults results;
    private final String metric;
    private final boolean minimize;
    private final long seed;
    private final Instant now;
    private final StringBuilder html = new StringBuilder();

    private HtmlReport(SearchResults results, String metric, boolean minimize, long seed, Instant now) {
        this.results = results;
        this.metric = metric == null ? "loss" : metric;
        this.minimize = minimize;
        this.seed = seed;
        this.now = now;
    }

    /**
     * The page.
     *
     * @param metric   the response: "loss" or {@code null} for the loss, else a metric's name
     * @param minimize whether lower values of the response are better
     * @param seed     the seed of the GP fits, designs and draws
     * @param now      when the report is written, for its provenance
     * @throws IllegalArgumentException when the metric is not one of the results'
     */
    public static String html(SearchResults results, String metric, boolean minimize, long seed, Instant now) {
        return new HtmlReport(results, metric, minimize, seed, now).build();
    }

    /**
     * Writes the page to {@code out} (through a temporary file beside it, so a reader never sees half a page).
     *
     * @throws IOException              when the file cannot be written
     * @throws IllegalArgumentException when the metric is not one of the results'
     */
    public static void write(SearchResults results, String metric, boolean minimize, long seed, Instant now, Path out)
            throws IOException {
        String page = html(results, metric, minimize, seed, now);
        if (Files.isDirectory(out)) {
            throw new IOException(out + " is a folder; give the report's file name");
        }
        Path parent = out.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(parent, ".hpsearch-report-", ".tmp");
        try {
            Files.writeString(tmp, page, StandardCharsets.UTF_8);
            AtomicFiles.replace(tmp, out);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** A response in words, as the report's title and summary name it: {@code accuracy (higher is better)}. */
    public static String describe(String metric, boolean minimize) {
        return (metric == null ? "loss" : metric) + " (" + (minimize ? "lower" : "higher") + " is better)";
    }

    /** Where the report goes unless told: {@code report.html} in the search folder, or beside the data file. */
    public static Path defaultOut(Path target) {
        return Files.isDirectory(target) ? target.resolve("report.html")
                : target.toAbsolutePath().resolveSibling("report.html");
    }

    private String build() {
        ResponseData data = ResponseData.of(results.table(), results.space(), metric);
        String name = results.source().getFileName() == null ? results.source().toString()
                : results.source().getFileName().toString();
        // the response in the title too: reports of one search on different responses differ
        name += " on " + describe(data.metric(), minimize);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>hpsearch report: ").append(esc(name)).append("</title>\n<style>\n").append(CSS)
                .append("</style>\n</head>\n<body>\n<h1>hpsearch report: ").append(esc(name)).append("</h1>\n");
        summary(data);
        pareto();
        history();
        parallel();
        Analysis analysis = analyse(data);
        importance(data, analysis);
        dependence(data, analysis);
        interaction(analysis);
        choice(data);
        html.append("</body>\n</html>\n");
        return html.toString();
    }

    private void summary(ResponseData data) {
        open("summary", "Summary and provenance");
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Read from", results.source().toAbsolutePath().toString()});
        rows.add(new String[] {"Kind", results.searchDir() != null ? "an hpsearch search folder (journal and configs)"
                : "a results table (hp_search_data.txt) without its configs: axes inferred from the values"});
        rows.add(new String[] {"Report written", now + " by hpsearch " + HpSearchVersion.current()});
        SearchState state = results.state();
        if (results.configs() != null) {
            rows.add(new String[] {"Search type", results.configs().search().searchType().key()});
            rows.add(new String[] {"Project folder", results.configs().projectFolder().toString()});
        }
        if (results.searchDir() != null) {
            rows.add(new String[] {"Ran on", target(results.searchDir())});
        }
        if (state != null) {
            rows.add(new String[] {"Seed", state.seed() == null ? "not recorded" : Long.toString(state.seed())});
            rows.add(new String[] {"Started", Instant.ofEpochMilli(state.startedAtMillis()).toString()});
            rows.add(new String[] {"State", state.endReason() != null ? "ended: " + state.endReason()
                    : state.stopReason() != null ? "stopped: " + state.stopReason()
                    : "not ended: running, or interrupted (a report of what has finished so far)"});
            StringBuilder counts = new StringBuilder();
            for (TrialStatus s : TrialStatus.values()) {
                int n = state.count(s);
                if (n > 0) {
                    counts.append(counts.length() == 0 ? "" : ", ").append(n).append(' ').append(s.key());
                }
            }
            rows.add(new String[] {"Combinations", state.trials().size() + (counts.length() == 0 ? "" : " (" + counts + ")")});
        } else {
            List<ResultRow> all = results.table().rows();
            long scored = all.stream().filter(ResultRow::hasLoss).count();
            long failed = all.stream().filter(ResultRow::isFailed).count();
            rows.add(new String[] {"Combinations", all.size() + " (" + scored + " with a loss, " + failed + " failed)"});
        }
        rows.add(new String[] {"Hyperparameters", String.join(", ", results.table().hyperparameters())});
        rows.add(new String[] {"Metrics", results.table().metrics().isEmpty() ? "none (only the loss)"
                : String.join(", ", results.table().metrics())});
        rows.add(new String[] {"Response analysed", describe(data.metric(), minimize) + ", " + data.size() + " results with a value" + (data.skipped() > 0
                ? ", " + data.skipped() + " without one left out" : "")});
        rows.add(new String[] {"Analysis seed", Long.toString(seed)});
        html.append("<table>\n");
        for (String[] r : rows) {
            html.append("<tr><th>").append(esc(r[0])).append("</th><td>").append(esc(r[1])).append("</td></tr>\n");
        }
        html.append("</table>\n");
        if (results.searchDir() != null) {
            for (String file : List.of(SearchFiles.SEARCH_CONFIG, SearchFiles.JOB_CONFIG, SearchFiles.MODEL_CONFIG)) {
                Path p = results.searchDir().resolve(file);
                html.append("<details><summary>").append(esc(file)).append("</summary>\n<pre>");
                try {
                    html.append(esc(Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    html.append(esc("(cannot be read: " + e.getMessage() + ")"));
                }
                html.append("</pre></details>\n");
            }
        }
        close();
    }

    /**
     * With {@code objectives} or {@code constraints} in the search config: the Pareto front as {@code hpsearch
     * status} gives it, the plot of the two objectives when there are two, and the runs on the front with their
     * settings.
     */
    private void pareto() {
        if (results.configs() == null || results.state() == null
                || !results.configs().search().objectives().configured()) {
            return;
        }
        ParetoReport p = ParetoReport.of(results.configs().search(), results.state());
        open("pareto", "Pareto front");
        for (String sentence : p.sentences()) {
            html.append("<p>").append(esc(sentence)).append("</p>\n");
        }
        List<ObjectivesConfig.Objective> goals = p.objectives().objectives();
        if (p.summary().front().isEmpty()) {
            close();
            return;
        }
        if (goals.size() == 2) {
            plot(new ParetoPlot(goals.get(0).name() + " (" + goals.get(0).direction() + ")",
                    goals.get(1).name() + " (" + goals.get(1).direction() + ")",
                    ParetoPlot.points(p.objectives(), p.runs(), p.summary()), Set.of()), WIDTH, 420, "Pareto front");
        }
        List<String> hps = results.table().hyperparameters();
        html.append("<table>\n<tr><th>id</th>");
        goals.forEach(g -> html.append("<th>").append(esc(g.name() + " (" + g.direction() + ")")).append("</th>"));
        hps.forEach(h -> html.append("<th>").append(esc(h)).append("</th>"));
        html.append("</tr>\n");
        for (FrontSummary.Member m : p.summary().front()) {
            html.append("<tr><td class=\"num\">").append(m.id()).append("</td>");
            for (double v : m.values()) {
                cell(Numbers.display(v));
            }
            ResultRow row = row(m.id());
            for (int j = 0; j < hps.size(); j++) {
                cell(row == null ? "" : Numbers.display(row.values().get(j)));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"note\">No run on the front is beaten by another in every objective: taking "
                + "one of them weighs one objective against another, which the objectives alone cannot decide.</p>\n");
        close();
    }

    private static String target(Path dir) {
        try {
            return SearchFiles.cluster(dir);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private void history() {
        open("history", "History");
        List<ResultRow> rows = results.table().rows();
        History h = History.of(rows);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : h.losses()) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        html.append("<p>The loss of each scored combination against its id, and the best so far.</p>\n");
        plot(new HistoryPlot(h, lo > 0 && hi / lo > 100), WIDTH, 320, "Optimization history");
        close();
    }

    private Column response() {
        return metric.equals("loss") ? Column.LOSS : Column.metric(metric);
    }

    private ParallelLayout layout() {
        List<Column> columns = new ArrayList<>(Column.hyperparameters(results.table()));
        columns.add(response());
        return ParallelLayout.of(results.table(), results.space(), columns, response(), true);
    }

    private void parallel() {
        open("parallel", "Parallel coordinates");
        html.append("<p>Each combination is a line through its hyperparameters' values and its ").append(esc(metric))
                .append(", coloured by the ").append(esc(metric)).append(".</p>\n");
        ParallelLayout layout = layout();
        plot(new ParallelPlot(layout, layout.noBrushes(), true), WIDTH, 440, "Parallel coordinates");
        close();
    }

    /** The global analysis, or why there is none. */
    private record Analysis(GlobalSensitivity.Result indices, List<GlobalSensitivity.Dependence> dependence,
                            ContourPlot contour, String failure) {
    }

    private Analysis analyse(ResponseData data) {
        if (data.inputs().isEmpty()) {
            return new Analysis(null, List.of(), null, "these results have no hyperparameters");
        }
        try {
            GlobalSensitivity g = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), seed);
            GlobalSensitivity.Result indices = g.indices();
            List<GlobalSensitivity.Dependence> dependence = new ArrayList<>();
            for (int j = 0; j < data.inputs().size(); j++) {
                dependence.add(g.partialDependence(j, DEPENDENCE_POINTS));
            }
            ContourPlot contour = null;
            if (data.inputs().size() >= 2) {
                int[] pair = ContourPlot.topPair(indices, data);
                contour = ContourPlot.of(g, data, pair[0], pair[1]);
            }
            return new Analysis(indices, dependence, contour, "");
        } catch (GpFitException e) {
            return new Analysis(null, List.of(), null, e.getMessage());
        }
    }

    private void importance(ResponseData data, Analysis a) {
        open("importance", "Importance of each hyperparameter");
        if (a.indices() == null) {
            notComputed(a);
            close();
            return;
        }
        GlobalSensitivity.Result r = a.indices();
        html.append(String.format(Locale.ROOT, "<p>First-order and total Sobol indices of %s on a GP (Matern 5/2) fitted"
                + " to %d results. Total: the share of the variance due to the hyperparameter with its interactions;"
                + " first order: alone. Intervals: %.0f %% of draws of the GP posterior, each on its own quasi-random"
                + " design, so they carry both the surrogate's uncertainty and the Monte Carlo error.</p>\n",
                esc(data.metric()), r.n(), GlobalSensitivity.LEVEL * 100));
        html.append(String.format(Locale.ROOT, "<p>Model adequacy: leave-one-out R² %s; %s %% of the standardized"
                + " leave-one-out residuals lie beyond 2 (about 5 %% expected).</p>\n", Numbers.display(r.looR2()),
                Numbers.display(r.outside() * 100)));
        if (!r.warning().isEmpty()) {
            html.append("<p class=\"warning\"><strong>Warning:</strong> ").append(esc(r.warning())).append("</p>\n");
        }
        ImportancePlot plot = new ImportancePlot(r, data.metric());
        plot(plot, WIDTH, plot.preferredHeight(), "Sobol indices with intervals");
        html.append("<table>\n<tr><th>hyperparameter</th><th>total</th><th>first order</th></tr>\n");
        for (GlobalSensitivity.Index ix : r.ranking()) {
            html.append("<tr><td>").append(esc(ix.name())).append("</td><td class=\"num\">")
                    .append(esc(ImportancePlot.interval(ix.total()))).append("</td><td class=\"num\">")
                    .append(esc(ImportancePlot.interval(ix.firstOrder()))).append("</td></tr>\n");
        }
        html.append("</table>\n");
        close();
    }

    private void dependence(ResponseData data, Analysis a) {
        open("dependence", "Partial dependence");
        if (a.indices() == null) {
            notComputed(a);
        } else {
            html.append("<p>The GP mean of ").append(esc(data.metric())).append(" along each hyperparameter, averaged"
                    + " over the others, with a 95 % band; a categorical or discrete hyperparameter as a point with an"
                    + " interval per level.</p>\n");
            plot(DependencePlot.ranked(data, a.indices(), a.dependence()), WIDTH, panelsHeight(data.inputs().size()),
                    "Partial dependence");
        }
        Sensitivity.Result slices = Sensitivity.analyze(layout(), seed);
        if (!slices.slices().isEmpty()) {
            html.append("<h3>One-at-a-time slices through the best combination</h3>\n<p class=\"note\">Each slice moves"
                    + " one hyperparameter with the others held at the best combination: it shows a line through one"
                    + " point of the space, not the average effect above.</p>\n");
            plot(new SensitivityPlot(slices), WIDTH, panelsHeight(slices.slices().size()), "Slices through the best");
        }
        close();
    }

    /** Enough height for panels in rows of up to three. */
    private static double panelsHeight(int panels) {
        int cols = Math.max(1, Math.min(3, (int) Math.ceil(Math.sqrt(panels))));
        int rows = (int) Math.ceil(panels / (double) cols);
        return 20 + rows * 230;
    }

    private void interaction(Analysis a) {
        open("interaction", "Top interaction");
        if (a.contour() == null) {
            if (a.indices() == null) {
                notComputed(a);
            } else {
                html.append("<p>An interaction needs two hyperparameters.</p>\n");
            }
            close();
            return;
        }
        ContourPlot c = a.contour();
        html.append("<p>The GP mean of ").append(esc(c.response())).append(" over ").append(esc(c.x().axis().name()))
                .append(" and ").append(esc(c.y().axis().name())).append(", the other hyperparameters averaged out:"
                        + " the pair with the largest interaction (total minus first-order index). Dots: the"
                        + " combinations run.</p>\n");
        plot(c, WIDTH, 480, "Top interaction");
        close();
    }

    private void choice(ResponseData data) {
        open("choice", "Choosing honestly");
        Choice.Result c;
        try {
            c = Choice.choose(data, minimize, seed, results.simpler(), results.space());
        } catch (GpFitException e) {
            html.append("<p>Not computed: ").append(esc(e.getMessage())).append(".</p>\n");
            close();
            return;
        }
        String m = data.metric();
        String unit = c.logScale() ? " (log10 of " + m + ")" : "";
        if (c.logScale()) {
            html.append("<p>The values of ").append(esc(m)).append(" span more than two orders of magnitude: noise,"
                    + " differences and ties are on log10 of ").append(esc(m)).append(".</p>\n");
        }
        Choice.Noise noise = c.noise();
        html.append("<p><strong>Noise:</strong> ");
        if (noise.fromReplicates()) {
            html.append(esc(String.format(Locale.ROOT, "standard deviation %s%s for fixed hyperparameters, 95 %% interval"
                    + " [%s, %s], pooled over replicates (%d degrees of freedom).", Numbers.display(noise.sd()), unit,
                    Numbers.display(noise.low()), Numbers.display(noise.high()), noise.df())));
        } else {
            html.append(esc("standard deviation about " + Numbers.display(noise.sd()) + unit + ": the GP's estimate,"
                    + " since no setting was run more than once (replicate the best settings to measure it)."));
        }
        html.append("</p>\n");
        Choice.Setting best = c.best();
        html.append("<p><strong>Best:</strong> combination ").append(best.id()).append(", ").append(esc(m)).append(' ')
                .append(esc(Numbers.display(c.original(best.value())))).append(".</p>\n");
        html.append(String.format(Locale.ROOT, "<p><strong>Ties:</strong> %d setting(s) are not significantly worse"
                + " than the best (one-sided, %.0f %%); P(best) is each one's probability of being the best under the"
                + " GP.</p>\n", c.ties().size(), Choice.TIE_LEVEL * 100));
        List<String> hps = results.table().hyperparameters();
        html.append("<table>\n<tr><th>id</th><th>").append(esc(m)).append("</th><th>worse by").append(esc(unit))
                .append("</th><th>tie within").append(esc(unit)).append("</th><th>P(best)</th>");
        for (String h : hps) {
            html.append("<th>").append(esc(h)).append("</th>");
        }
        html.append("</tr>\n");
        for (Choice.Setting s : c.ties()) {
            html.append("<tr><td class=\"num\">").append(s.id()).append("</td>");
            cell(Numbers.display(c.original(s.value())));
            cell(Numbers.display(s.difference()));
            cell(Numbers.display(s.threshold()));
            cell(String.format(Locale.ROOT, "%.2f", s.probabilityBest()));
            ResultRow row = row(s.id());
            for (int j = 0; j < hps.size(); j++) {
                cell(row == null ? "" : Numbers.display(row.values().get(j)));
            }
            html.append("</tr>\n");
        }
        html.append("</table>\n");
        html.append("<p><strong>Proposed:</strong> combination ").append(c.proposed().id()).append(", ")
                .append(esc(c.why())).append(".</p>\n");
        html.append("<p><strong>Optimism:</strong> ").append(esc(String.format(Locale.ROOT, "the best of %d tied"
                + " settings flatters it: observed %s; expect about %s on untouched data (the GP puts this setting's"
                + " true value between %s and %s).", c.ties().size(), Numbers.display(c.original(best.value())),
                Numbers.display(c.original(c.expected())), Numbers.display(c.original(c.gpMean() - 2 * c.gpSd())),
                Numbers.display(c.original(c.gpMean() + 2 * c.gpSd()))))).append(" Evaluate the final choice once on"
                + " untouched test data, and do not tune on it.</p>\n");
        html.append("<p><strong>Ensemble</strong> (weights: the probability of being the best, renormalized over the"
                + " settings kept): </p>\n<table>\n<tr><th>id</th><th>weight</th></tr>\n");
        for (Map.Entry<Choice.Setting, Double> e : c.ensemble().entrySet()) {
            html.append("<tr><td class=\"num\">").append(e.getKey().id()).append("</td>");
            cell(String.format(Locale.ROOT, "%.2f", e.getValue()));
            html.append("</tr>\n");
        }
        html.append("</table>\n<p class=\"note\">hpsearch choose --export FILE writes the chosen input.json,"
                + " --ensemble FILE the ensemble.</p>\n");
        close();
    }

    private ResultRow row(int id) {
        return results.table().rows().stream().filter(r -> r.id() == id).findFirst().orElse(null);
    }

    private void cell(String text) {
        html.append("<td class=\"num\">").append(esc(text)).append("</td>");
    }

    private void notComputed(Analysis a) {
        html.append("<p>Not computed: ").append(esc(a.failure())).append(".</p>\n");
    }

    private void open(String id, String title) {
        html.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(title)).append("</h2>\n");
    }

    private void close() {
        html.append("</section>\n");
    }

    private void plot(Plot plot, double w, double h, String label) {
        SvgPainter p = new SvgPainter(w, h);
        plot.draw(p, w, h);
        html.append(p.toInlineSvg(label));
    }

    private static String esc(String s) {
        return SvgPainter.escape(s);
    }
}
