package dev.hpsearch.app.cli;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.Preflight;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hpsearch validate}: checks the three files and says what the search would do. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Checks the three config files without running anything.")
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigPaths paths = new ConfigPaths();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Configs configs;
        Strategy strategy;
        try {
            configs = new ConfigLoader().load(paths.search, paths.job, paths.model);
            strategy = Strategies.forConfig(configs.search(), configs.model().space(), paths.search.toString());
        } catch (ConfigException e) {
            return Console.configError(err, e);
        }
        List<ConfigProblem> problems = new ArrayList<>(configs.warnings());
        if (configs.job().isLocal()) {
            problems.addAll(Preflight.local(configs));
        }
        Console.problems(err, problems);
        if (problems.stream().anyMatch(ConfigProblem::isError)) {
            return ExitCodes.CONFIG;
        }
        out.println("The configs are valid. " + configs.model().space().dimension() + " hyperparameter(s):");
        for (Hyperparameter h : configs.model().space().hyperparameters()) {
            String domain = h.isCategorical() || h.type() == dev.hpsearch.optimizer.space.HyperparameterType.DISCRETE
                    ? h.values().toString() : "[" + h.lower() + ", " + h.upper() + "]";
            out.println("  " + h.name() + ": " + h.type().name().toLowerCase() + " " + domain
                    + (h.isCategorical() ? "" : ", " + h.transformation().name().toLowerCase()));
        }
        String planned = strategy.plannedCount().isPresent()
                ? strategy.plannedCount().getAsLong() + " combination(s) in the " + strategy.name() + " plan"
                : "no fixed plan";
        out.println("Search: " + configs.search().searchType().key() + ", " + planned + ", at most "
                + configs.search().maxSuggestions() + " suggestion(s), " + configs.search().maxActivePoints()
                + " at once, on " + (configs.job().isLocal() ? "this machine" : "cluster " + configs.job().cluster()));
        if (strategy.plannedCount().isPresent() && strategy.plannedCount().getAsLong() > configs.search().maxSuggestions()) {
            out.println("Note: max_suggestions (" + configs.search().maxSuggestions() + ") is below the "
                    + strategy.plannedCount().getAsLong() + " combinations of the plan; the search will stop early.");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
