package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ClusterContact;
import dev.hpsearch.app.remote.ClusterContactException;
import dev.hpsearch.app.remote.ClusterPreflight;
import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigLoader;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.Preflight;
import dev.hpsearch.optimizer.space.Hyperparameter;
import dev.hpsearch.optimizer.strategy.Strategies;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.ssh.profile.ClusterProfile;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.slurm.SlurmExecutor;
import dev.hpsearch.ssh.slurm.SlurmSettings;
import dev.hpsearch.ssh.transport.PathMapping;
import dev.hpsearch.ssh.transport.SshBridgeException;
import dev.hpsearch.ssh.transport.SshSession;
import dev.hpsearch.ssh.transport.SshSettings;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hpsearch validate}: checks the three files and says what the search would do. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Checks the three config files without running anything.",
                "--cluster NAME checks for this cluster profile instead of job_config's \"cluster\": the script, the "
                        + "interpreter and files named in model_config are looked for there, over SSH."})
final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigPaths paths = new ConfigPaths();

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

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
        RunTarget where = clusters.target().orElse(RunTarget.parse(configs.job().cluster()));
        if (where.isLocal()) {
            problems.addAll(Preflight.local(configs));
        } else {
            Integer failed = checkOnCluster(where.name(), configs, problems, err);
            if (failed != null) {
                return failed;
            }
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
                + " at once, on " + (where.isLocal() ? "this machine" : "cluster " + where.name()));
        if (strategy.plannedCount().isPresent() && strategy.plannedCount().getAsLong() > configs.search().maxSuggestions()) {
            out.println("Note: max_suggestions (" + configs.search().maxSuggestions() + ") is below the "
                    + strategy.plannedCount().getAsLong() + " combinations of the plan; the search will stop early.");
        }
        out.flush();
        return ExitCodes.OK;
    }

    /** Looks for the script, the interpreter and the files named in model_config on the cluster. */
    private Integer checkOnCluster(String name, Configs configs, List<ConfigProblem> problems, PrintWriter err) {
        String cluster = clusters.cluster;
        Path clustersFile = clusters.clustersFile;
        String source = cluster != null ? "--cluster" : paths.job + ": $.cluster";
        ClusterProfile profile;
        try {
            profile = SearchExecutors.profiles(clustersFile).require(name);
        } catch (ClusterProfileException e) {
            err.println("error: " + source + ": " + e.getMessage());
            return ExitCodes.CONFIG;
        }
        ProfileSource from = ProfileSource.commandLine(cluster, paths.job).withRunHere(null);
        try (SshSession session = ClusterContact.open(profile, from, SearchExecutors.profilesFile(clustersFile), SshSettings.defaults(),
                new TerminalPrompts(err))) {
            // validate creates nothing: a relative remote root is taken from the home folder, which exists
            String root = profile.remoteRoot().startsWith("/") ? profile.remoteRoot()
                    : session.absolutePath(".") + "/" + profile.remoteRoot();
            String remoteProject = root + "/" + configs.projectFolder().getFileName();
            problems.addAll(ClusterPreflight.check(session, profile, configs, remoteProject));
            problems.addAll(ClusterPreflight.limits(new SlurmExecutor(session, profile,
                    new PathMapping(configs.projectFolder(), remoteProject), SlurmSettings.defaults()), configs));
            return null;
        } catch (ClusterContactException e) {
            err.println("error: " + e.getMessage());
            return ExitCodes.CONNECTION;
        } catch (SshBridgeException e) {
            err.println("error: cannot check the configs on cluster " + name + " (" + source + "): " + e.getMessage());
            return ExitCodes.FAILURE;
        }
    }
}
