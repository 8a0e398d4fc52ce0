package dev.hpsearch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.gp.GpFitException;
import java.io.PrintWriter;
import dev.hpsearch.optimizer.text.Numbers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hpsearch sensitivity}: which hyperparameters the loss (or a metric) depends on, with intervals. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Global sensitivity of the loss, or of a metric, to each hyperparameter: first-order and total "
                + "Sobol indices computed on a GP fitted to the results, each with a 95 % interval over draws of "
                + "the GP posterior, and the GP's leave-one-out R² (below 0.5 the ranking is not to be trusted).",
                "Works on a running or finished search folder, and on an hp_search_data.txt of this tool or of the "
                        + "original one (its axes are then inferred from the values)."})
final class SensitivityCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ResponseOptions options;

    @Option(names = "--partial-dependence",
            description = "Also give each hyperparameter's partial dependence: the GP mean averaged over the others,"
                    + " with a 95 % band (json: at, mean, low, high; its levels for categorical and discrete ones).")
    boolean partialDependence;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ResponseData data;
        try {
                        data = options.read(err).response(options.metric, err);
        } catch (ResultsSource.Failed f) {
            return f.status;
        }
        GlobalSensitivity.Result result;
        GlobalSensitivity analysis;
        try {
            analysis = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), options.seed);
            result = analysis.indices();
        } catch (GpFitException e) {
            err.println("error: cannot fit the surrogate of " + data.metric() + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        List<GlobalSensitivity.Dependence> dependence = new ArrayList<>();
        if (partialDependence) {
            for (int j = 0; j < data.inputs().size(); j++) {
                dependence.add(analysis.partialDependence(j, 21));
            }
        }
        if (options.json()) {
            ObjectNode root = json(data, result);
            if (partialDependence) {
                ArrayNode pds = root.putArray("partial_dependence");
                for (int j = 0; j < dependence.size(); j++) {
                    dependence(pds.addObject(), data, j, dependence.get(j));
                }
            }
            out.println(root.toPrettyString());
        } else {
            text(out, data, result);
            for (int j = 0; j < dependence.size(); j++) {
                text(out, data, j, dependence.get(j));
            }
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode json(ResponseData data, GlobalSensitivity.Result r) {
        ObjectNode root = JSON.createObjectNode();
        root.put("metric", data.metric());
        root.put("n", r.n());
        root.put("skipped", data.skipped());
        root.put("interval_level", GlobalSensitivity.LEVEL);
        root.put("interval_method", "spread of the indices over draws of the GP posterior, each on its own randomly "
                + "shifted quasi-random design: surrogate uncertainty and Monte Carlo error together");
        ObjectNode model = root.putObject("model");
        model.put("kind", "GP, Matern 5/2 kernel, maximum likelihood");
        model.put("loo_r2", r.looR2());
        model.put("loo_outside_2sd", r.outside());
        root.put("warning", r.warning());
        ArrayNode pair = root.putObject("top_interaction").putArray("parameters");
        r.topInteraction().forEach(ix -> pair.add(ix.name()));
        ArrayNode params = root.putArray("parameters");
        for (GlobalSensitivity.Index ix : r.ranking()) {
            ObjectNode p = params.addObject();
            p.put("name", ix.name());
            interval(p.putObject("first_order"), ix.firstOrder());
            interval(p.putObject("total"), ix.total());
        }
        return root;
    }

    private static void dependence(ObjectNode node, ResponseData data, int j, GlobalSensitivity.Dependence d) {
        node.put("name", d.input().name());
        node.put("levels", d.input().hasLevels());
        ArrayNode at = node.putArray("at");
        ArrayNode mean = node.putArray("mean");
        ArrayNode low = node.putArray("low");
        ArrayNode high = node.putArray("high");
        for (int g = 0; g < d.position().length; g++) {
            at.add(data.valueAt(j, d.position()[g]));
            mean.add(d.mean()[g]);
            low.add(d.low()[g]);
            high.add(d.high()[g]);
        }
    }

    private static void text(PrintWriter out, ResponseData data, int j, GlobalSensitivity.Dependence d) {
        out.println();
        out.println("Partial dependence of " + data.metric() + " on " + d.input().name()
                + " (GP mean over the other hyperparameters, 95 % band):");
        for (int g = 0; g < d.position().length; g++) {
            out.printf(Locale.ROOT, "  %-12s %s [%s, %s]%n", Numbers.display(data.valueAt(j, d.position()[g])),
                    Numbers.display(d.mean()[g]), Numbers.display(d.low()[g]), Numbers.display(d.high()[g]));
        }
    }

    private static void interval(ObjectNode node, GlobalSensitivity.Interval i) {
        node.put("estimate", i.estimate());
        node.put("low", i.low());
        node.put("high", i.high());
    }

    private static void text(PrintWriter out, ResponseData data, GlobalSensitivity.Result r) {
        out.printf(Locale.ROOT, "Sensitivity of %s to each hyperparameter, from %d results%s.%n", data.metric(), r.n(),
                data.skipped() > 0 ? " (" + data.skipped() + " without a value left out)" : "");
        out.printf(Locale.ROOT, "Surrogate: a GP (Matern 5/2); leave-one-out R² %.2f; %.0f %% of its standardized"
                + " residuals lie beyond 2 (about 5 %% expected).%n", r.looR2(), r.outside() * 100);
        if (!r.warning().isEmpty()) {
            out.println("WARNING: " + r.warning());
        }
        out.println();
        int width = Math.max(14, r.indices().stream().mapToInt(i -> i.name().length()).max().orElse(0));
        out.printf(Locale.ROOT, "%-" + width + "s  %-22s  %-22s%n", "hyperparameter", "first order (95 %)",
                "total (95 %)");
        for (GlobalSensitivity.Index ix : r.ranking()) {
            out.printf(Locale.ROOT, "%-" + width + "s  %-22s  %-22s%n", ix.name(), cell(ix.firstOrder()),
                    cell(ix.total()));
        }
        out.println();
        out.println("First order: the share of the variance of " + data.metric() + " due to the hyperparameter alone;"
                + " total: including its interactions. Intervals: 95 % of draws of the GP posterior.");
    }

    private static String cell(GlobalSensitivity.Interval i) {
        return String.format(Locale.ROOT, "%.2f [%.2f, %.2f]", i.estimate(), i.low(), i.high());
    }
}
