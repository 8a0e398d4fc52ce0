package dev.hpsearch.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.analysis.GlobalSensitivity;
import dev.hpsearch.optimizer.analysis.ResponseData;
import dev.hpsearch.optimizer.gp.GpFitException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
        try {
            result = GlobalSensitivity.fit(data.x(), data.y(), data.inputs(), options.seed).indices();
        } catch (GpFitException e) {
            err.println("error: cannot fit the surrogate of " + data.metric() + ": " + e.getMessage());
            return ExitCodes.FAILURE;
        }
        if (options.json()) {
            out.println(json(data, result).toPrettyString());
        } else {
            text(out, data, result);
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
        ArrayNode params = root.putArray("parameters");
        for (GlobalSensitivity.Index ix : r.ranking()) {
            ObjectNode p = params.addObject();
            p.put("name", ix.name());
            interval(p.putObject("first_order"), ix.firstOrder());
            interval(p.putObject("total"), ix.total());
        }
        return root;
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
