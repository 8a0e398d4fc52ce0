package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.remote.SearchExecutors;
import dev.hpsearch.optimizer.config.ConfigProblem;
import dev.hpsearch.optimizer.config.Configs;
import dev.hpsearch.optimizer.engine.LaunchRecords;
import dev.hpsearch.optimizer.engine.Preflight;
import dev.hpsearch.optimizer.engine.SearchFiles;
import dev.hpsearch.optimizer.engine.SearchFolder;
import dev.hpsearch.optimizer.strategy.Strategy;
import dev.hpsearch.ssh.profile.ClusterProfileException;
import dev.hpsearch.ssh.transport.SshBridgeException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpsearch run}: a search in the foreground with a live progress line. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a hyperparameter search in the foreground; the analyses run on this machine, or on a Slurm cluster over SSH (--cluster or job_config \"cluster\").",
                "Creates hp_search_{id}/ in the folder of job_config.json, with one hp_combination_{id}/ per "
                        + "combination, hp_search_data.txt (every combination and its score) and log.txt."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigPaths paths = new ConfigPaths();

    @Option(names = {"--quiet", "-q"}, description = "No progress line.")
    boolean quiet;

    @Option(names = "--cluster", paramLabel = "NAME",
            description = "Run on this cluster profile (Slurm over SSH) instead of job_config's \"cluster\"; \"local\" for this machine.")
    String cluster;

    @Option(names = "--clusters-file", paramLabel = "FILE",
            description = "Cluster profiles file (default: ~/.config/hpsearch/clusters.json).")
    Path clustersFile;

    @Option(names = "--on-cluster",
            description = {"This machine is a node of the cluster (a login node, or a Slurm job as `hpsearch launch` "
                    + "starts it): submit with its own sbatch and use its files directly, without SSH.",
                    "The project folder is then the folder on the cluster."})
    boolean onCluster;

    @Option(names = {"--search_id", "--search-id"}, paramLabel = "ID",
            description = "Use hp_search_ID (absent or empty) instead of the next free id; `hpsearch launch` passes it.")
    Integer searchId;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Configs configs = paths.loadReporting(err);
        if (configs == null) {
            return ExitCodes.CONFIG;
        }
        String where = cluster != null ? cluster : configs.job().cluster();
        if (onCluster && Executors.isLocal(where)) {
            err.println("error: --on-cluster needs a cluster: give --cluster NAME or set \"cluster\" in " + paths.job);
            return ExitCodes.CONFIG;
        }
        if (searchId != null && searchId < 0) {
            err.println("error: --search_id: got " + searchId + "; expected 0 or more");
            return ExitCodes.CONFIG;
        }
        if (Executors.isLocal(where)) {
            List<ConfigProblem> missing = Preflight.local(configs);
            if (!missing.isEmpty()) {
                Console.problems(err, missing);
                return ExitCodes.CONFIG;
            }
        } else {
            try {
                Executors.profiles(clustersFile).require(where);
            } catch (ClusterProfileException e) {
                err.println("error: " + (cluster != null ? "--cluster" : paths.job + ": $.cluster") + ": " + e.getMessage());
                return ExitCodes.CONFIG;
            }
        }
        Strategy strategy = SearchRunner.strategy(configs, err);
        if (strategy == null) {
            return ExitCodes.CONFIG;
        }
        // connect first: a cluster that cannot be reached leaves no search folder and no launch record behind
        SearchExecutors.Opened opened;
        try {
            opened = SearchRunner.connect(where, ProfileSource.commandLine(cluster, paths.job), onCluster,
                    clustersFile, configs.projectFolder(), err);
        } catch (ClusterProfileException | SshBridgeException e) {
            return SearchRunner.connectFailed(e, err);
        }
        // on a cluster: the script (when not here), the interpreter and data files named in model_config, there
        try {
            List<ConfigProblem> remote = opened.preflight(configs);
            Console.problems(err, remote);
            if (remote.stream().anyMatch(ConfigProblem::isError)) {
                opened.close();
                return ExitCodes.CONFIG;
            }
        } catch (SshBridgeException e) {
            opened.close();
            err.println("error: cannot check the configs on cluster " + where + ": " + e.getMessage());
            return ExitCodes.CONNECTION;
        }
        Path dir;
        try {
            dir = SearchFiles.create(configs, Executors.isLocal(where) ? "local" : where, onCluster,
                    searchId == null ? -1 : searchId);
            LaunchRecords.append(configs.projectFolder(), new LaunchRecords.Launch(coordinatorId(),
                    configs.projectFolder(), dir, SearchFolder.searchId(dir), dir.resolve("log.txt"), paths.search,
                    paths.job, paths.model, "hpsearch run --search_config_path " + paths.search
                    + " --job_config_path " + paths.job + " --model_config_path " + paths.model, ""));
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
        out.println("Search folder: " + dir);
        out.flush();
        return SearchRunner.run(configs, strategy, dir, where, onCluster, opened, out, err, quiet);
    }

    /** The coordinator's id for launched_hp_searches.txt: its Slurm job id when it runs as one, else its pid. */
    private String coordinatorId() {
        String slurmJob = System.getenv("SLURM_JOB_ID");
        return onCluster && slurmJob != null && !slurmJob.isBlank() ? slurmJob
                : Long.toString(ProcessHandle.current().pid());
    }
}
