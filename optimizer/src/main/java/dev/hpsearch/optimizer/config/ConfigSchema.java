package dev.hpsearch.optimizer.config;

import dev.hpsearch.optimizer.config.ConfigKey.ConfigFile;
import dev.hpsearch.optimizer.config.ConfigKey.Range;
import dev.hpsearch.optimizer.config.ConfigKey.Relevance;
import dev.hpsearch.optimizer.config.ConfigKey.Section;
import dev.hpsearch.optimizer.config.ConfigKey.ValueType;
import dev.hpsearch.optimizer.gp.AcquisitionType;
import dev.hpsearch.optimizer.gp.BatchMethod;
import dev.hpsearch.optimizer.gp.EstimationMethod;
import dev.hpsearch.optimizer.gp.KernelType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Every key of search_config.json and job_config.json, and the keys of a hyperparameter in model_config.json:
 * the one table the loader validates against and the forms render from. Defaults are the seed's recommendations
 * where it gives one; the descriptions follow the seed's documentation in this project's words.
 */
public final class ConfigSchema {
    static final String BOPT_PREFIX = "bopt_config.";

    private ConfigSchema() {
    }

    private static final List<ConfigKey> SEARCH_KEYS = new ArrayList<>();
    private static final List<ConfigKey> JOB_KEYS = new ArrayList<>();
    private static final List<ConfigKey> MODEL_KEYS = new ArrayList<>();

    // ---- search_config.json: basics

    public static final ConfigKey SEARCH_TYPE = search("search_type", ValueType.CHOICE, "bopt", null,
            SearchType.keys(), true, Relevance.ALL, Section.BASICS,
            "line: vary one hyperparameter at a time around a base combination made of the middle value of each "
            + "hyperparameter. grid: regularly spaced combinations over the space. random: randomly placed "
            + "combinations. bopt (Bayesian optimization): each new combination is estimated from the results so "
            + "far; with grid or random suggestion probabilities above 0 it mixes in grid and random combinations.");
    public static final ConfigKey SEARCH_TIME = search("search_time", ValueType.NUMBER, 24.0, Range.above(0),
            List.of(), true, Relevance.ALL, Section.BASICS,
            "Total time in hours for the whole search, not for one run of your analysis (that is the job "
            + "config's time). Matters mostly for random and bopt; for line or grid search make sure it does "
            + "not end the search before every combination was submitted.");
    public static final ConfigKey MAX_SUGGESTIONS = search("max_suggestions", ValueType.INTEGER, 200,
            Range.atLeast(1), List.of(), true, Relevance.ALL, Section.BASICS,
            "Maximum number of hyperparameter combinations to try. For line or grid search make it larger than "
            + "the number of grid combinations.");
    public static final ConfigKey MAX_ACTIVE_POINTS = search("max_active_points", ValueType.INTEGER, 20,
            Range.atLeast(1), List.of(), false, Relevance.ALL, Section.BASICS,
            "Maximum number of combinations running at the same time. On a shared cluster, be considerate: use "
            + "a modest share (say a tenth) of its CPUs or GPUs.");
    public static final ConfigKey NUM_GRID_POINTS = search("num_grid_points_per_hyperparameter", ValueType.INTEGER,
            3, Range.atLeast(0), List.of(), true, Relevance.GRID_LIKE, Section.BASICS,
            "Number of values per hyperparameter for line and grid search, bounds included (3 gives lower bound, "
            + "midpoint, upper bound). Categorical hyperparameters always use all their values; discrete ones use "
            + "at most as many as listed. Used by bopt only when grid suggestion probability > 0.");
    public static final ConfigKey RANDOM_SEED = search("random_seed", ValueType.SEED, null, null, List.of(), false,
            Relevance.ALL, Section.BASICS,
            "Seed of every random choice, so that a search can be repeated exactly. Leave it out to draw one (it "
            + "is written to the search log). Not in the original tool.");

    // ---- search_config.json: where the search starts (not in the original tool; docs/decisions/0024)

    public static final ConfigKey WARM_START_FROM = search("warm_start_from", ValueType.PATHS, List.of(), null,
            List.of(), false, Relevance.ALL, Section.START,
            "Earlier searches to start from: search folders (hp_search_N) or hp_search_data.txt files, of hpsearch or "
            + "of the original tool; relative paths are taken from the folder of this search config. Their scored "
            + "rows whose hyperparameters fit this search's space (same names, values in the domains) are taken in "
            + "as results with status imported: bopt fits on them from its first suggestion, grid, line and random "
            + "search skip the combinations among them. They are never run again and do not count toward "
            + "max_suggestions. Rows that do not fit are listed in the search log with the reason. Not in the "
            + "original tool.");
    public static final ConfigKey INITIAL_POINTS = search("initial_points", ValueType.POINTS, List.of(), null,
            List.of(), false, Relevance.ALL, Section.START,
            "Combinations to run first, before the search type's own, such as your current baseline: a list of "
            + "objects giving a value for every hyperparameter, e.g. [{\"lr\": 0.01, \"layers\": 2}]. Each value "
            + "must lie in its domain. They count toward max_suggestions like any run. Not in the original tool.");

    // ---- search_config.json: Bayesian optimization

    public static final ConfigKey MIN_INITIAL_POINTS = search("min_initial_points", ValueType.INTEGER, 5,
            Range.atLeast(1), List.of(), false, Relevance.BOPT, Section.BOPT,
            "Results needed before bopt starts making suggestions; random combinations are suggested until then. "
            + "More hyperparameters need more initial points.");
    public static final ConfigKey Y_TRANSFORMATION = search("y_transformation", ValueType.CHOICE, "log", null,
            List.of("none", "log", "neg", "neglog"), true, Relevance.BOPT, Section.BOPT,
            "Transformation of your script's score before bopt fits it; bopt minimises a loss. log: log10(score), "
            + "for losses spanning orders of magnitude. neg: -score, for scores where higher is better (such as "
            + "log-likelihoods). neglog: -log10(score), for such scores spanning orders of magnitude.");
    public static final ConfigKey Y_FAILURE_VALUE = search("y_failure_value", ValueType.FAILURE_VALUE, "max", null,
            List.of("max", "nan"), false, Relevance.BOPT, Section.BOPT,
            "Loss assumed for a combination that crashed or ran out of time. max: 1.05 times the largest "
            + "(transformed) loss seen so far, recomputed as results arrive, so bopt learns the region is bad; when "
            + "that largest loss is 0 or below, 5 % of its size is added instead, so a failure always counts as "
            + "worse than every result. nan: bopt ignores failed combinations. Or a number (a score of your "
            + "script, transformed like the others).");
    public static final ConfigKey GRID_PROBABILITY = search("grid_suggestion_probability", ValueType.NUMBER, 0.0,
            Range.closed(0, 1), List.of(), false, Relevance.BOPT, Section.BOPT,
            "Probability of suggesting a grid combination at each iteration.");
    public static final ConfigKey RANDOM_PROBABILITY = search("random_suggestion_probability", ValueType.NUMBER,
            0.1, Range.closed(0, 1), List.of(), false, Relevance.BOPT, Section.BOPT,
            "Probability of suggesting a random combination at each iteration, given that no grid combination is "
            + "suggested.");
    public static final ConfigKey ACQUISITION_TYPE = search("bopt_config.acquisition_type", ValueType.CHOICES,
            names(AcquisitionType.values()), null, names(AcquisitionType.values()), false, Relevance.BOPT,
            Section.BOPT,
            "Acquisition function(s): EI expected improvement, MPI maximum probability of improvement, LCB lower "
            + "confidence bound; each trades exploiting known good regions against exploring unknown ones. With "
            + "several, one is picked at random at each iteration, a hedge in case one fails.");
    public static final ConfigKey ACQUISITION_OPTIMIZER = search("bopt_config.acquisition_optimizer_type",
            ValueType.CHOICE, "lbfgs", null, List.of("lbfgs"), false, Relevance.BOPT, Section.BOPT,
            "Optimizer used to find the optimum of the acquisition function.");
    public static final ConfigKey MODEL_TYPE = search("bopt_config.model_type", ValueType.CHOICE, "GP", null,
            List.of("GP"), false, Relevance.BOPT, Section.BOPT,
            "Model of the loss as a function of the hyperparameters: a Gaussian process.");
    public static final ConfigKey ESTIMATION_METHOD = search("bopt_config.model_estimation_method",
            ValueType.CHOICES, names(EstimationMethod.values()), null, names(EstimationMethod.values()), false,
            Relevance.BOPT, Section.BOPT,
            "How the GP's parameters are estimated. MLE: maximum likelihood, fast but may overfit with few "
            + "results. MCMC: Hamiltonian Monte Carlo, slow, does not overfit but depends on priors and sampler "
            + "tuning. With both, one is picked at random, favouring MLE as results accumulate.");
    public static final ConfigKey KERNEL = search("bopt_config.kernel", ValueType.CHOICES, kernelNames(), null,
            kernelNames(), false, Relevance.BOPT, Section.BOPT,
            "GP covariance function(s), allowing different smoothness: exponentiated quadratic, rational "
            + "quadratic, Matern 5/2. With several, one is picked at random at each iteration.");
    public static final ConfigKey NORMALIZE_Y = search("bopt_config.normalize_Y", ValueType.BOOLEAN, true, null,
            List.of(), false, Relevance.BOPT, Section.BOPT, "Normalise the loss values before fitting the GP.");
    public static final ConfigKey DE_DUPLICATION = search("bopt_config.de_duplication", ValueType.BOOLEAN, true,
            null, List.of(), false, Relevance.BOPT, Section.BOPT,
            "Avoid suggesting combinations that are already queued or running.");
    public static final ConfigKey BATCH_METHOD = search("bopt_config.batch_method", ValueType.CHOICE,
            BatchMethod.KRIGING_BELIEVER.label(), null,
            java.util.Arrays.stream(BatchMethod.values()).map(BatchMethod::label).toList(), false, Relevance.BOPT,
            Section.BOPT,
            "How a combination is chosen while others are running (max_active_points above 1; not in the original "
            + "tool). kriging_believer: it maximises the acquisition after the running ones are added to the model "
            + "at its prediction (the original tool's way). thompson: it minimises one function drawn from the "
            + "model's posterior, which spreads parallel runs more; it did as well or a little better over 100 runs "
            + "at 10 at once, but explores more in short searches. A combination chosen with nothing running uses "
            + "the acquisition either way.");
    public static final ConfigKey EXACT_FEVAL = search("bopt_config.exact_feval", ValueType.BOOLEAN, false, null,
            List.of(), false, Relevance.BOPT, Section.BOPT,
            "Treat losses as exact: set to true if your analysis gives exactly the same result every time it "
            + "runs with the same combination.");
    public static final ConfigKey EPS = search("bopt_config.eps", ValueType.NUMBER, 0.0,
            new Range(0, false, Double.POSITIVE_INFINITY, true), List.of(), false, Relevance.BOPT, Section.BOPT,
            "Minimum distance of a new bopt combination from earlier ones; keep 0, as the distance measure is "
            + "unclear.");
    public static final ConfigKey N_BURNIN = search("bopt_config.n_burnin", ValueType.INTEGER, 500,
            Range.atLeast(1), List.of(), false, Relevance.BOPT, Section.BOPT,
            "HMC samples for the equilibration phase (MCMC only); the cost grows with the number of results.");
    public static final ConfigKey N_SAMPLES = search("bopt_config.n_samples", ValueType.INTEGER, 50,
            Range.atLeast(1), List.of(), false, Relevance.BOPT, Section.BOPT,
            "HMC samples kept after equilibration; they approximate the posterior of the GP's parameters.");
    public static final ConfigKey STEP_SIZE = search("bopt_config.step_size", ValueType.NUMBER, 0.1,
            Range.above(0), List.of(), false, Relevance.BOPT, Section.BOPT, "Step size of the HMC sampler.");
    public static final ConfigKey SUBSAMPLE_INTERVAL = search("bopt_config.subsample_interval", ValueType.INTEGER,
            10, Range.atLeast(1), List.of(), false, Relevance.BOPT, Section.BOPT,
            "Keep every n-th HMC sample; protects against highly auto-correlated samples.");
    public static final ConfigKey LEAPFROG_STEPS = search("bopt_config.leapfrog_steps", ValueType.INTEGER, 20,
            Range.atLeast(1), List.of(), false, Relevance.BOPT, Section.BOPT,
            "Leapfrog steps of the Hamiltonian dynamics per HMC sample.");

    // ---- search_config.json: failed analyses (not in the original tool; the defaults keep its behaviour)

    public static final ConfigKey RETRY_OUT_OF_MEMORY = search("retry_out_of_memory", ValueType.INTEGER, 0,
            Range.atLeast(0), List.of(), false, Relevance.ALL, Section.FAILURES,
            "How many times a run killed for its memory is run again, each time with the job's memory multiplied "
            + "by retry_factor; 0: never.");
    public static final ConfigKey RETRY_TIMEOUT = search("retry_timeout", ValueType.INTEGER, 0, Range.atLeast(0),
            List.of(), false, Relevance.ALL, Section.FAILURES,
            "How many times a run past its time limit is run again, each time with the job's time multiplied by "
            + "retry_factor; 0: never.");
    public static final ConfigKey RETRY_FACTOR = search("retry_factor", ValueType.NUMBER, 2.0,
            new Range(1, true, 100, false), List.of(), false, Relevance.ALL, Section.FAILURES,
            "Factor by which a retried run's memory or time grows.");
    public static final ConfigKey MAX_FAILURES = search("max_failures", ValueType.FAILURE_LIMIT, null, null,
            List.of(), false, Relevance.ALL, Section.FAILURES,
            "Stop the search after this many failed analyses (a whole number), or after this share of the planned "
            + "combinations failed (a fraction between 0 and 1). Leave it out for no limit.");

    // ---- search_config.json: early stopping (not in the original tool; the default keeps its behaviour)

    public static final ConfigKey PRUNER = search("pruner", ValueType.CHOICE, PrunerConfig.NONE_TYPE, null,
            List.of(PrunerConfig.NONE_TYPE, PrunerConfig.MEDIAN, PrunerConfig.ASHA), false, Relevance.ALL,
            Section.PRUNING,
            "Stop runs early that learn badly. Your script appends lines {\"step\": S, \"objective\": V} to "
            + "{save_folder}/progress.jsonl (lower is better). none: every run goes to its end. median: stop a run "
            + "whose best value up to step S is worse than the median of the other runs at S. asha: asynchronous "
            + "successive halving; at steps pruner_min_step times powers of pruner_reduction_factor only the best "
            + "1/pruner_reduction_factor of the runs go on. A stopped run is recorded as pruned with its last step "
            + "and value.");
    public static final ConfigKey PRUNER_WARMUP_STEPS = search("pruner_warmup_steps", ValueType.INTEGER, 0,
            Range.atLeast(0), List.of(), false, Relevance.ALL, Section.PRUNING,
            "median: steps every run may run before it is judged (a run is judged from step pruner_warmup_steps on).");
    public static final ConfigKey PRUNER_MIN_STEP = search("pruner_min_step", ValueType.INTEGER, 1,
            Range.atLeast(1), List.of(), false, Relevance.ALL, Section.PRUNING,
            "asha: the step of the first rung, where runs are first compared.");
    public static final ConfigKey PRUNER_REDUCTION_FACTOR = search("pruner_reduction_factor", ValueType.INTEGER, 3,
            Range.atLeast(2), List.of(), false, Relevance.ALL, Section.PRUNING,
            "asha: how much the rungs' steps grow and the share of runs that go on shrinks, from one rung to the "
            + "next (3: a third go on).");

    // ---- search_config.json: replicates for an honest choice (not in the original tool; docs/decisions/0020)

    public static final ConfigKey REPLICATE_KEY = search("replicate_key", ValueType.TEXT, null, null, List.of(), false,
            Relevance.ALL, Section.REPLICATES,
            "The input of model_config.json that differs between replicates of one combination: a constant number "
            + "or string such as a seed or a data-split id (named like a hyperparameter column, data.split when "
            + "nested). Replicate i gets the original number + i, or the original string with _r{i} appended. A "
            + "discrete or categorical hyperparameter may be named too: its replicates take its next listed values.");
    public static final ConfigKey REPLICATES = search("replicates", ValueType.INTEGER, 0, Range.closed(0, 1000),
            List.of(), false, Relevance.ALL, Section.REPLICATES,
            "How many times each of the replicate_top_k best combinations is run again at the end of the search, "
            + "each run with its own replicate_key value, so that hpsearch choose measures the noise of the score "
            + "from replicates; 0: none. Replicates do not count toward max_suggestions and bopt never learns "
            + "from them.");
    public static final ConfigKey REPLICATE_TOP_K = search("replicate_top_k", ValueType.INTEGER, 3,
            Range.closed(1, 1000), List.of(), false, Relevance.ALL, Section.REPLICATES,
            "How many of the best combinations (by score) are replicated.");

    // ---- search_config.json: several objectives and constraints (not in the original tool; docs/decisions/0025)

    public static final ConfigKey OBJECTIVES = search("objectives", ValueType.JSON, null, null, List.of(), false,
            Relevance.ALL, Section.OBJECTIVES,
            "Optimize several results at once: a list of {\"name\": METRIC, \"direction\": \"minimize\" or "
            + "\"maximize\"}, where a name is objective (the score) or a number of your script's output.json. The "
            + "result is the Pareto front (no run on it is beaten in every objective by another), listed by hpsearch "
            + "status with its hypervolume. Random and grid searches record them; bopt optimizes them jointly by "
            + "random scalarizations (ParEGO). Leave it out to optimize the score alone.");
    public static final ConfigKey CONSTRAINTS = search("constraints", ValueType.JSON, null, null, List.of(), false,
            Relevance.ALL, Section.OBJECTIVES,
            "Conditions a run must meet to count: a list of {\"name\": METRIC, \"max\": X} or {\"name\": METRIC, "
            + "\"min\": X} (or both bounds). The Pareto front considers feasible runs only (a run missing the metric "
            + "is infeasible); bopt steers away from infeasible runs by a penalty in its scalarization.");

    // ---- search_config.json: the coordinator

    public static final ConfigKey SEARCH_MEMORY = search("search_memory", ValueType.INTEGER, 32, Range.atLeast(1),
            List.of(), false, Relevance.COORDINATOR, Section.COORDINATOR,
            "Memory (GB) for the search coordinator when it runs as a cluster job; unrelated to the memory of one "
            + "run of your analysis (job config).");
    public static final ConfigKey SEARCH_ENVIRONMENT_PATH = search("search_environment_path", ValueType.TEXT, null,
            null, List.of(), false, Relevance.COORDINATOR, Section.COORDINATOR,
            "The original tool's Python interpreter for its coordinator; kept so its configs load, hpsearch itself "
            + "does not use it.");
    public static final ConfigKey SEARCH_SCRIPT_PATH = search("search_script_path", ValueType.TEXT, null, null,
            List.of(), false, Relevance.COORDINATOR, Section.COORDINATOR,
            "The original tool's search script; kept so its configs load, hpsearch itself does not use it.");
    public static final ConfigKey MAIL_USER = search("mail_user", ValueType.TEXT, null, null, List.of(), false,
            Relevance.COORDINATOR, Section.COORDINATOR,
            "A user name or e-mail address Slurm mails when a detached search's coordinator ends or fails. Not in "
            + "the original tool.");

    // ---- job_config.json

    public static final ConfigKey ENVIRONMENT_PATH = job("environment_path", ValueType.TEXT, null, null, List.of(),
            true, Relevance.ALL, Section.BASICS,
            "Interpreter that runs your analysis: python3, Rscript, perl, bash, or a path to one.", "python3");
    public static final ConfigKey SCRIPT_PATH = job("script_path", ValueType.TEXT, null, null, List.of(), true,
            Relevance.ALL, Section.BASICS,
            "Your script that runs one analysis: it reads input.json and writes output.json. Relative paths are "
            + "taken from the project folder.", "train.py");
    public static final ConfigKey CLUSTER = job("cluster", ValueType.TEXT, JobConfig.LOCAL, null, List.of(), false,
            Relevance.ALL, Section.BASICS,
            "Where runs happen: local (this machine) or the name of a cluster profile.", JobConfig.LOCAL);
    public static final ConfigKey TIME = job("time", ValueType.NUMBER, 24.0, Range.above(0), List.of(), false,
            Relevance.ALL, Section.BASICS,
            "Time in hours allowed for one run of your analysis; a run still going is stopped and counts as "
            + "failed.", "2");
    public static final ConfigKey MEMORY = job("memory", ValueType.INTEGER, 4, Range.atLeast(1), List.of(), false,
            Relevance.ALL, Section.BASICS, "Memory in GB for one run (enforced on a cluster).", "32");
    public static final ConfigKey PROCESSOR_TYPE = job("processor_type", ValueType.CHOICE, "CPU", null,
            List.of("CPU", "GPU"), false, Relevance.ALL, Section.BASICS, "Type of processor one run needs.", "GPU");
    public static final ConfigKey NUM_PROCESSORS = job("num_processors", ValueType.INTEGER, 1, Range.atLeast(1),
            List.of(), false, Relevance.ALL, Section.BASICS, "Processors for one run.", "1");
    public static final ConfigKey PARTITION = job("partition", ValueType.TEXT, null, null, List.of(), false,
            Relevance.CLUSTER, Section.SLURM, "Slurm partition; leave it out to use the cluster profile's.", "");
    public static final ConfigKey ACCOUNT = job("account", ValueType.TEXT, null, null, List.of(), false,
            Relevance.CLUSTER, Section.SLURM, "Slurm account (--account).", "");
    public static final ConfigKey QOS = job("qos", ValueType.TEXT, null, null, List.of(), false, Relevance.CLUSTER,
            Section.SLURM, "Slurm quality of service (--qos).", "");
    public static final ConfigKey CONSTRAINT = job("constraint", ValueType.TEXT, null, null, List.of(), false,
            Relevance.CLUSTER, Section.SLURM, "Slurm node constraint (--constraint).", "");
    public static final ConfigKey SBATCH_ARGS = job("sbatch_args", ValueType.ARGUMENTS, List.of(), null, List.of(),
            false, Relevance.CLUSTER, Section.SLURM,
            "Further sbatch arguments, passed as given (a form separates them by spaces), e.g. --exclusive.",
            "--exclusive");
    public static final ConfigKey UPLOAD = job("upload", ValueType.NAMES, List.of(), null, List.of(), false,
            Relevance.CLUSTER, Section.SLURM,
            "Files or folders of the project (relative to its folder; a form separates them by commas), e.g. data, "
            + "lib/helpers.R: copied to the same place in the cluster's project folder before the first job; "
            + "unchanged files are not sent again. The cluster cannot see this machine's files otherwise.",
            "data, lib");
    public static final ConfigKey GPU_TYPE = job("gpu_type", ValueType.TEXT, null, null, List.of(), false,
            Relevance.CLUSTER, Section.SLURM,
            "GPU type of a GPU job as the cluster names it, e.g. a100: --gres=gpu:TYPE:N, N = num_processors.",
            "a100");
    public static final ConfigKey CPUS_PER_TASK = job("cpus_per_task", ValueType.INTEGER, null, Range.atLeast(1),
            List.of(), false, Relevance.CLUSTER, Section.SLURM,
            "CPUs of one run (-c) when they differ from num_processors: beside the GPUs of a GPU job, or instead "
            + "of num_processors for a CPU job.", "");
    public static final ConfigKey CONTAINER = job("container", ValueType.TEXT, null, null, List.of(), false,
            Relevance.CLUSTER, Section.SLURM,
            "Apptainer/Singularity image the analysis runs in on the cluster (apptainer exec IMAGE ...; --nv for "
            + "GPU jobs); relative to the cluster's project folder, or a URI such as docker://python:3.11.",
            "images/analysis.sif");
    public static final ConfigKey MODULES = job("modules", ValueType.NAMES, List.of(), null, List.of(), false,
            Relevance.CLUSTER, Section.SLURM,
            "Environment modules loaded before each run (a form separates them by commas), e.g. gcc/12, "
            + "python/3.11.", "gcc/12, python/3.11");

    // ---- model_config.json: the keys of a hyperparameter

    public static final ConfigKey HP_TYPE = model("type", ValueType.CHOICE,
            List.of("continuous", "discrete", "categorical"),
            "continuous: any number in a range; discrete: one of the listed numbers; categorical: one of the "
            + "listed values, in no order.");
    public static final ConfigKey HP_DOMAIN = model("domain", ValueType.DOMAIN, List.of(),
            "For continuous, a range [lower_bound, upper_bound]; for discrete and categorical, the list of "
            + "values.");
    public static final ConfigKey HP_TRANSFORMATION = model("transformation", ValueType.CHOICE,
            List.of("linear", "log", "none"),
            "linear: the values are shifted and scaled to [0, 1]; log: log10 first, for a domain spanning orders "
            + "of magnitude (grid and random values are then spread evenly on a log scale too). none is read as "
            + "linear. Categorical hyperparameters need none.");

    public static final ConfigKey HP_SIMPLER = model("simpler", ValueType.CHOICES, List.of("lower", "higher"),
            "Optional: which values make the simpler model, lower or higher (a categorical hyperparameter: its values "
            + "listed from the simplest). Among the settings that tie with the best, hpsearch choose and the Selection "
            + "view propose the simplest.");

    public static final ConfigKey HP_CONDITION = model("condition", ValueType.CONDITION, List.of(),
            "Optional: {\"OTHER\": [values]}: the hyperparameter exists only while OTHER (a categorical or discrete "
            + "hyperparameter, by its column name) takes one of the listed values, e.g. momentum only for "
            + "{\"optimizer\": [\"sgd\"]}. Otherwise its key is left out of input.json and its column in "
            + "hp_search_data.txt is empty.");
    public static final ConfigKey HP_INACTIVE_VALUE = model("inactive_value", ValueType.JSON, List.of(),
            "Optional, with condition: the value input.json holds while the hyperparameter does not exist, "
            + "instead of leaving its key out (any JSON value, e.g. 0 or null).");

    /** The keys of search_config.json, in form order. */
    public static List<ConfigKey> search() {
        return List.copyOf(SEARCH_KEYS);
    }

    /** The keys of job_config.json, in form order. */
    public static List<ConfigKey> job() {
        return List.copyOf(JOB_KEYS);
    }

    /** The keys of a hyperparameter in model_config.json. */
    public static List<ConfigKey> hyperparameter() {
        return List.copyOf(MODEL_KEYS);
    }

    /** Every key of the three files. */
    public static List<ConfigKey> all() {
        List<ConfigKey> out = new ArrayList<>(SEARCH_KEYS);
        out.addAll(JOB_KEYS);
        out.addAll(MODEL_KEYS);
        return out;
    }

    private static ConfigKey search(String key, ValueType type, Object defaultValue, Range range,
                                    List<String> choices, boolean mustDecide, Relevance relevance, Section section,
                                    String description) {
        // the seed's search table recommends exactly the values a missing key gets
        String recommendation = ConfigKey.text(defaultValue, type);
        ConfigKey k = new ConfigKey(ConfigFile.SEARCH, key, type, defaultValue, range, choices, false, mustDecide,
                relevance, section, description, recommendation);
        SEARCH_KEYS.add(k);
        return k;
    }

    private static ConfigKey job(String key, ValueType type, Object defaultValue, Range range, List<String> choices,
                                 boolean required, Relevance relevance, Section section, String description,
                                 String example) {
        // the seed marks every key of its own job table "you must decide"; the Slurm extras are ours
        boolean mustDecide = relevance == Relevance.ALL;
        ConfigKey k = new ConfigKey(ConfigFile.JOB, key, type, defaultValue, range, choices, required, mustDecide,
                relevance, section, description, example);
        JOB_KEYS.add(k);
        return k;
    }

    private static ConfigKey model(String key, ValueType type, List<String> choices, String description) {
        ConfigKey k = new ConfigKey(ConfigFile.MODEL, key, type, null, null, choices,
                key.equals("type") || key.equals("domain"),
                true, Relevance.HYPERPARAMETER, Section.HYPERPARAMETER, description, "");
        MODEL_KEYS.add(k);
        return k;
    }

    private static List<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

    private static List<String> kernelNames() {
        return Arrays.stream(KernelType.values()).map(KernelType::label).toList();
    }
}
