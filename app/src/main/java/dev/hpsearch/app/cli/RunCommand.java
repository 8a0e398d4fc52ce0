package dev.hpsearch.app.cli;

import dev.hpsearch.app.remote.ProfileSource;
import dev.hpsearch.app.service.PreparedSearch;
import dev.hpsearch.app.service.RunTarget;
import dev.hpsearch.app.service.SearchEvents;
import dev.hpsearch.app.service.SearchService;
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
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpsearch run}: a search in the foreground with a live progress line. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs a hyperparameter search in the foreground; the analyses run on this machine, or on a Slurm cluster over SSH (--cluster or job_config \"cluster\").",
                "--cluster NAME runs on this cluster profile instead of job_config's \"cluster\"; \"local\" for this machine.",
                "Creates hp_search_{id}/ in the folder of job_config.json, with one hp_combination_{id}/ per "
                        + "combination, hp_search_data.txt (every combination and its score) and log.txt."})
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigPaths paths = new ConfigPaths();

    @Mixin
    ClusterOptions clusters = new ClusterOptions();

    @Option(names = {"--quiet", "-q"}, description = "No progress line.")
    boolean quiet;

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
        RunTarget where = clusters.target().orElse(RunTarget.parse(configs.job().cluster()));
        if (onCluster && where.isLocal()) {
            err.println("error: --on-cluster needs a cluster: give --cluster NAME or set \"cluster\" in " + paths.job);
            return ExitCodes.CONFIG;
        }
        if (searchId != null && searchId < 0) {
            err.println("error: --search_id: got " + searchId + "; expected 0 or more");
            return ExitCodes.CONFIG;
        }
        SearchService service = clusters.service(err);
        PreparedSearch prepared = service.prepare(configs, where, new SearchService.NewSearch(
                ProfileSource.commandLine(clusters.cluster, paths.job),
                clusters.cluster != null ? "--cluster" : paths.job + ": $.cluster", onCluster,
                searchId == null ? -1 : searchId, coordinatorId(),
                "hpsearch run --search_config_path " + paths.search + " --job_config_path " + paths.job
                        + " --model_config_path " + paths.model), problemsTo(err));
        out.println("Search folder: " + prepared.searchDir());
        out.flush();
        return SearchRunner.run(prepared, out, err, quiet);
    }

    /** Prints each config warning found while preparing, one line each. */
    static SearchEvents problemsTo(PrintWriter err) {
        return new SearchEvents() {
            @Override
            public void onProblem(ConfigProblem problem) {
                err.println(problem);
                err.flush();
            }
        };
    }

    /** The coordinator's id for launched_hp_searches.txt: its Slurm job id when it runs as one, else its pid. */
    private String coordinatorId() {
        String slurmJob = System.getenv("SLURM_JOB_ID");
        return onCluster && slurmJob != null && !slurmJob.isBlank() ? slurmJob
                : Long.toString(ProcessHandle.current().pid());
    }
}
