package dev.hpsearch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.app.service.ChoiceFiles;
import dev.hpsearch.optimizer.analysis.Choice;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.analysis.ResultRow;
import dev.hpsearch.optimizer.gp.GpFitException;
import dev.hpsearch.optimizer.text.IoErrors;
import dev.hpsearch.optimizer.text.Numbers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpsearch choose}: noise, ties, the optimism of the best, an ensemble, and a ready input.json. */
@Command(name = "choose", mixinStandardHelpOptions = true,
        description = {"Helps choose honestly among a search's results: the noise of the response for fixed "
                + "hyperparameters (pooled over replicates, else the GP's estimate), the settings not significantly "
                + "worse than the best given that noise, each one's probability of being the best, how optimistic "
                + "the best value is, and an ensemble of good settings.",
                "Works on a running or finished search folder, and on an hp_search_data.txt of this tool or of the "
                        + "original one."})
final class ChooseCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ResponseOptions options;

    @Option(names = "--maximize", description = "Higher values of the response are better (default: lower).")
    boolean maximize;

    @Option(names = "--pick", paramLabel = "ID",
            description = "The combination to export (default: the proposed one: the simplest of the ties by the"
                    + " hyperparameters' \"simpler\" in model_config.json, else the best).")
    Integer pick;

    @Option(names = "--export", paramLabel = "FILE", description = "Write the chosen combination's input.json here.")
    Path export;

    @Option(names = "--ensemble", paramLabel = "FILE",
            description = "Write the ensemble here: the settings with their weights, each a ready input.json.")
    Path ensembleFile;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResultsSource source;
        ResponseData data;
        try {
            source = options.read(err);
            data = source.response(options.metric, err);
        } catch (ResultsSource.Failed f) {
            return f.status;
        }
        Choice.Result choice;
        try {
            choice = Choice.choose(data, !maximize, options.seed, source.simpler(), source.space());
        } catch (GpFitException e) {
            err.println("error: cannot fit the GP to " + data.metric() + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        int chosen = pick != null ? pick : choice.proposed().id();
        if (choice.settings().stream().noneMatch(s -> contains(s.replicates(), chosen))) {
            err.println("error: --pick: combination " + chosen + " has no value of " + data.metric() + " in "
                    + options.target);
            return ExitCodes.CONFIG;
        }
        try {
            if (export != null) {
                ChoiceFiles.write(export, input(source, chosen));
            }
            if (ensembleFile != null) {
                ChoiceFiles.write(ensembleFile, ChoiceFiles.ensemble(source.searchDir(), source.model(),
                        source.table(), choice));
            }
        } catch (IOException e) {
            err.println("error: " + IoErrors.describe(e));
            return ExitCodes.FAILURE;
        }
        if (options.json()) {
            out.println(json(source, data, choice, chosen).toPrettyString());
        } else {
            text(out, source, data, choice, chosen);
        }
        out.flush();
        return ExitCodes.OK;
    }

    private static boolean contains(int[] ids, int id) {
        for (int i : ids) {
            if (i == id) {
                return true;
            }
        }
        return false;
    }

    private static ObjectNode input(ResultsSource source, int id) throws IOException {
        return ChoiceFiles.input(source.searchDir(), source.model(), source.table(), id);
    }

    private static ResultRow row(ResultsSource source, int id) {
        return source.table().rows().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    private static ObjectNode json(ResultsSource source, ResponseData data, Choice.Result c, int chosen) {
        ObjectNode root = JSON.createObjectNode();
        root.put("metric", data.metric());
        root.put("minimize", c.minimize());
        root.put("n", data.size());
        root.put("settings", c.settings().size());
        ObjectNode noise = root.putObject("noise");
        noise.put("sd", c.noise().sd());
        if (c.noise().fromReplicates()) {
            noise.put("low", c.noise().low());
            noise.put("high", c.noise().high());
            noise.put("interval_level", 0.95);
        }
        noise.put("df", c.noise().df());
        noise.put("source", c.noise().source());
        root.put("tie_level", Choice.TIE_LEVEL);
        root.put("best", c.best().id());
        ArrayNode ties = root.putArray("ties");
        for (Choice.Setting s : c.ties()) {
            setting(ties.addObject(), source, c, s);
        }
        ObjectNode optimism = root.putObject("optimism");
        optimism.put("observed", c.original(c.best().value()));
        optimism.put("expected", c.original(c.expected()));
        optimism.put("gp_mean", c.original(c.gpMean()));
        optimism.put("gp_low", c.original(c.gpMean() - 2 * c.gpSd()));
        optimism.put("gp_high", c.original(c.gpMean() + 2 * c.gpSd()));
        root.put("scale", c.logScale() ? "log10" : "linear");
        ArrayNode ensemble = root.putArray("ensemble");
        c.ensemble().forEach((s, w) -> {
            ObjectNode m = ensemble.addObject();
            m.put("id", s.id());
            m.put("weight", w);
        });
        ObjectNode proposed = root.putObject("proposed");
        proposed.put("id", c.proposed().id());
        proposed.put("why", c.why());
        root.put("pick", chosen);
        return root;
    }

    private static void setting(ObjectNode node, ResultsSource source, Choice.Result c, Choice.Setting s) {
        node.put("id", s.id());
        node.put("value", c.original(s.value()));
        node.put("difference", s.difference());
        node.put("threshold", s.threshold());
        node.put("probability_best", s.probabilityBest());
        ArrayNode reps = node.putArray("replicates");
        for (int id : s.replicates()) {
            reps.add(id);
        }
        ObjectNode hp = node.putObject("hyperparameters");
        ResultRow row = row(source, s.id());
        for (int j = 0; j < source.table().hyperparameters().size(); j++) {
            hp.set(source.table().hyperparameters().get(j), row.values().get(j));
        }
    }

    private static void text(PrintWriter out, ResultsSource source, ResponseData data, Choice.Result c, int chosen) {
        String m = data.metric();
        out.printf(Locale.ROOT, "Choosing by %s (%s is better) among %d results, %d settings of the hyperparameters.%n",
                m, c.minimize() ? "lower" : "higher", data.size(), c.settings().size());
        String unit = c.logScale() ? " (log10 of " + m + ")" : "";
        if (c.logScale()) {
            out.println("Its values span more than two orders of magnitude: noise, differences and ties are on"
                    + " log10 of " + m + ".");
        }
        Choice.Noise noise = c.noise();
        if (noise.fromReplicates()) {
            out.printf(Locale.ROOT, "Noise: standard deviation %s%s, 95 %% interval [%s, %s], pooled over replicates"
                    + " (%d degrees of freedom).%n", Numbers.display(noise.sd()), unit, Numbers.display(noise.low()),
                    Numbers.display(noise.high()), noise.df());
        } else {
            out.printf(Locale.ROOT, "Noise: standard deviation about %s%s: the GP's estimate, since no setting was run"
                    + " more than once (replicate the best settings to measure it).%n", Numbers.display(noise.sd()),
                    unit);
        }
        Choice.Setting best = c.best();
        out.printf(Locale.ROOT, "Best: combination %d, %s %s.%n", best.id(), m,
                Numbers.display(c.original(best.value())));
        out.printf(Locale.ROOT, "%d setting(s) are not significantly worse than the best (one-sided, %.0f %%):%n",
                c.ties().size(), Choice.TIE_LEVEL * 100);
        List<String> header = new ArrayList<>(List.of("id", m, "worse by" + (c.logScale() ? " (log10)" : ""),
                "tie within" + (c.logScale() ? " (log10)" : ""), "P(best)"));
        header.addAll(source.table().hyperparameters());
        List<List<String>> rows = new ArrayList<>();
        rows.add(header);
        for (Choice.Setting s : c.ties()) {
            List<String> r = new ArrayList<>(List.of(Integer.toString(s.id()), Numbers.display(c.original(s.value())),
                    Numbers.display(s.difference()), Numbers.display(s.threshold()),
                    String.format(Locale.ROOT, "%.2f", s.probabilityBest())));
            row(source, s.id()).values().forEach(v -> r.add(Numbers.display(v)));
            rows.add(r);
        }
        columns(out, rows);
        out.printf(Locale.ROOT, "Optimism: the best of %d tied settings flatters it; expect about %s on untouched data"
                        + " (observed %s; the GP puts this setting's true value between %s and %s).%n", c.ties().size(),
                Numbers.display(c.original(c.expected())), Numbers.display(c.original(best.value())),
                Numbers.display(c.original(c.gpMean() - 2 * c.gpSd())),
                Numbers.display(c.original(c.gpMean() + 2 * c.gpSd())));
        out.println("Proposed: combination " + c.proposed().id() + ", " + c.why() + ".");
        out.println("Evaluate the final choice once on untouched test data, and do not tune on it.");
        StringBuilder e = new StringBuilder("Ensemble (weights: probability of being the best): ");
        List<String> parts = new ArrayList<>();
        c.ensemble().forEach((s, w) -> parts.add(s.id() + " (" + String.format(Locale.ROOT, "%.2f", w) + ")"));
        out.println(e.append(String.join(", ", parts)).append('.'));
        out.println("Pick: combination " + chosen + (chosen == c.proposed().id() ? " (the proposed one)" : "")
                + "; --export FILE writes its input.json, --ensemble FILE the ensemble.");
    }

    private static void columns(PrintWriter out, List<List<String>> rows) {
        int[] width = new int[rows.get(0).size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        for (List<String> r : rows) {
            StringBuilder sb = new StringBuilder("  ");
            for (int i = 0; i < r.size(); i++) {
                sb.append(r.get(i)).append(" ".repeat(width[i] - r.get(i).length() + 2));
            }
            out.println(sb.toString().stripTrailing());
        }
    }
}
