package dev.hpsearch.optimizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.space.ModelConfig;
import dev.hpsearch.optimizer.space.ReplicateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads and validates the three config files, reporting every problem at once. */
public final class ConfigLoader {
    private static final String BOPT_PREFIX = ConfigSchema.BOPT_PREFIX;
    private final boolean checkWarmStart;

    /** A loader for configs a search is about to start with: warm_start_from must name readable results. */
    public ConfigLoader() {
        this(true);
    }

    private ConfigLoader(boolean checkWarmStart) {
        this.checkWarmStart = checkWarmStart;
    }

    /**
     * A loader for the copies kept in a search folder: warm_start_from is not read again (the search took its rows
     * in when it began, and the paths, relative to the original config, need not exist beside the copy).
     */
    public static ConfigLoader ofStartedSearch() {
        return new ConfigLoader(false);
    }

    /**
     * Reads the three files.
     *
     * @throws ConfigException with one problem per mistake (and the warnings) if any file has an error
     */
    public Configs load(Path searchPath, Path jobPath, Path modelPath) throws ConfigException {
        Problems problems = new Problems();
        SearchConfig search = null;
        JobConfig job = null;
        ModelConfig model = null;
        try {
            search = readSearch(JsonFiles.read(searchPath, searchPath.toString()), searchPath.toString(), problems);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            job = readJob(JsonFiles.read(jobPath, jobPath.toString()), jobPath.toString(), problems);
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        try {
            model = new ModelConfigReader(modelPath.toString(), problems)
                    .read(JsonFiles.read(modelPath, modelPath.toString()));
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (search != null && model != null && !problems.hasErrors()) {
            crossCheck(search, model, searchPath.toString(), modelPath.toString(), problems);
        }
        if (search != null && model != null) {
            checkStartingPoints(search, model, searchPath.toString(), problems);
        }
        problems.throwIfErrors();
        return new Configs(search, job, model, searchPath, jobPath, modelPath, problems.warnings());
    }

    /** Reads a search config; bad values are recorded in {@code problems}. */
    public SearchConfig readSearch(JsonNode root, String file, Problems problems) {
        if (!root.isObject()) {
            problems.error(file, "$", "expected a JSON object, got " + root);
            return null;
        }
        ConfigObject o = new ConfigObject(root, file, "$", problems);
        String type = o.choice(ConfigSchema.SEARCH_TYPE);
        double time = o.number(ConfigSchema.SEARCH_TIME);
        int memory = o.integer(ConfigSchema.SEARCH_MEMORY);
        String env = o.string(ConfigSchema.SEARCH_ENVIRONMENT_PATH);
        String script = o.string(ConfigSchema.SEARCH_SCRIPT_PATH);
        int maxSuggestions = o.integer(ConfigSchema.MAX_SUGGESTIONS);
        int maxActive = o.integer(ConfigSchema.MAX_ACTIVE_POINTS);
        int gridPoints = o.integer(ConfigSchema.NUM_GRID_POINTS);
        int minInitial = o.integer(ConfigSchema.MIN_INITIAL_POINTS);
        String yTransformation = o.choice(ConfigSchema.Y_TRANSFORMATION);
        FailureValue failure = failureValue(o);
        double gridProbability = o.number(ConfigSchema.GRID_PROBABILITY);
        double randomProbability = o.number(ConfigSchema.RANDOM_PROBABILITY);
        Long seed = o.optionalLong(ConfigSchema.RANDOM_SEED.key());
        String mailUser = mailUser(o);
        BoptConfig bopt = readBopt(root, o, file, problems);
        FailurePolicy failures = failurePolicy(o);
        SearchConfig.Replicates replicates = replicates(o);
        PrunerConfig pruner = pruner(o);
        StartingPoints starting = new StartingPoints(warmStartFrom(o, file), initialPoints(o));
        ObjectivesConfig objectives = ObjectivesConfig.read(o);
        SearchType searchType = SearchType.of(type);
        if ((searchType == SearchType.GRID || searchType == SearchType.LINE) && gridPoints < 1) {
            o.error("num_grid_points_per_hyperparameter", "got " + gridPoints + "; "
                    + searchType.key() + " search needs at least 1 point per hyperparameter");
        }
        if (searchType == SearchType.BOPT && failure instanceof FailureValue.Fixed f && f.score() <= 0
                && (yTransformation.equals("log") || yTransformation.equals("neglog"))) {
            // else every failure would be left out of the fit without a word: log10 takes no such score
            o.error(ConfigSchema.Y_FAILURE_VALUE, "got " + o.raw(ConfigSchema.Y_FAILURE_VALUE) + " with y_transformation \""
                    + yTransformation + "\", which takes log10 of a score; allowed: a number above 0, \"max\" or \"nan\"");
        }
        if (searchType == SearchType.BOPT && gridProbability > 0 && gridPoints < 1) {
            o.error("num_grid_points_per_hyperparameter", "got " + gridPoints
                    + "; grid_suggestion_probability > 0 needs at least 1 point per hyperparameter");
        }
        o.warnUnknownKeys(null);
        return new SearchConfig(searchType, time, memory, env, script, maxSuggestions, maxActive, gridPoints,
                minInitial, yTransformation, failure, gridProbability, randomProbability, seed, bopt, failures, mailUser,
                replicates, pruner, starting, objectives);
    }

    /** replicate_key, replicates and replicate_top_k; whether the key names an input is checked with the model. */
    private static SearchConfig.Replicates replicates(ConfigObject o) {
        String key = o.string(ConfigSchema.REPLICATE_KEY);
        JsonNode rawKey = o.raw(ConfigSchema.REPLICATE_KEY);
        if (key != null && key.isBlank()) {
            o.error(ConfigSchema.REPLICATE_KEY, "got " + rawKey + "; expected the name of an input of model_config.json,"
                    + " such as \"seed\" or \"data.split\"");
            key = null;
        }
        int count = o.integer(ConfigSchema.REPLICATES);
        int topK = o.integer(ConfigSchema.REPLICATE_TOP_K);
        if (count > 0 && key == null && rawKey == null) {
            o.error(ConfigSchema.REPLICATES, "got " + count + " without a replicate_key; name the input of"
                    + " model_config.json whose value differs between replicates (a seed or a data-split id), or set"
                    + " replicates to 0");
            count = 0;
        }
        return new SearchConfig.Replicates(key, key == null ? 0 : count, topK);
    }

    /**
     * {@code warm_start_from}: search folders or data files, resolved against the folder of the search config. Each
     * must exist (a folder must hold an hp_search_data.txt) unless the loader reads the copy kept in a search folder,
     * where the rows were taken in when the search began.
     */
    private List<Path> warmStartFrom(ConfigObject o, String file) {
        JsonNode v = o.raw(ConfigSchema.WARM_START_FROM);
        if (v == null) {
            return List.of();
        }
        String expected = "expected a list of earlier search folders or hp_search_data.txt files, such as "
                + "[\"hp_search_0\", \"../old/hp_search_data.txt\"] (relative paths are taken from the folder of "
                + "this search config)";
        if (!v.isArray()) {
            o.error(ConfigSchema.WARM_START_FROM, "got " + v + "; " + expected);
            return List.of();
        }
        List<Path> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = ConfigSchema.WARM_START_FROM.key() + "[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                o.error(at, "got " + item + "; " + expected);
                continue;
            }
            Path p;
            try {
                p = resolveAgainst(Path.of(file), item.asText().strip());
            } catch (java.nio.file.InvalidPathException e) {
                o.error(at, "got \"" + item.asText() + "\"; not a file name");
                continue;
            }
            if (checkWarmStart) {
                String problem = WarmStartSources.problem(p);
                if (problem != null) {
                    o.error(at, "got \"" + item.asText() + "\"; " + problem);
                    continue;
                }
            }
            out.add(p);
        }
        return out;
    }

    /** {@code initial_points}: a list of objects; their values are checked against the domains in checkStartingPoints. */
    private static List<ObjectNode> initialPoints(ConfigObject o) {
        JsonNode v = o.raw(ConfigSchema.INITIAL_POINTS);
        if (v == null) {
            return List.of();
        }
        String expected = "expected a list of objects giving a value for every hyperparameter, such as "
                + "[{\"lr\": 0.01, \"layers\": 2}]";
        if (!v.isArray()) {
            o.error(ConfigSchema.INITIAL_POINTS, "got " + v + "; " + expected);
            return List.of();
        }
        List<ObjectNode> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isObject()) {
                o.error(ConfigSchema.INITIAL_POINTS.key() + "[" + i + "]", "got " + v.get(i) + "; " + expected);
            } else {
                out.add((ObjectNode) v.get(i));
            }
        }
        return out;
    }

    /** retry_out_of_memory, retry_timeout, retry_factor and max_failures; absent keys keep the seed's behaviour. */
    private static FailurePolicy failurePolicy(ConfigObject o) {
        int oom = o.integer(ConfigSchema.RETRY_OUT_OF_MEMORY);
        int timeout = o.integer(ConfigSchema.RETRY_TIMEOUT);
        double factor = o.number(ConfigSchema.RETRY_FACTOR);
        double maxFailures = FailurePolicy.DEFAULT.maxFailures();
        JsonNode v = o.raw(ConfigSchema.MAX_FAILURES);
        if (v != null) {
            double x = v.isNumber() ? v.asDouble() : Double.NaN;
            boolean fraction = x > 0 && x < 1;
            boolean count = x >= 1 && x == Math.rint(x) && x <= Integer.MAX_VALUE;
            if (fraction || count) {
                maxFailures = x;
            } else {
                o.error(ConfigSchema.MAX_FAILURES, "got " + v + "; allowed: a whole number >= 1 (failed analyses that stop the"
                        + " search) or a fraction between 0 and 1 (the share of the planned combinations)");
            }
        }
        return new FailurePolicy(oom, timeout, factor, maxFailures);
    }

    /**
     * pruner, pruner_warmup_steps, pruner_min_step and pruner_reduction_factor, each checked against the schema
     * (file, JSON path, bad value and what is allowed); absent keys mean no early stopping.
     */
    private static PrunerConfig pruner(ConfigObject o) {
        String type = o.choice(ConfigSchema.PRUNER);
        int warmup = o.integer(ConfigSchema.PRUNER_WARMUP_STEPS);
        int minStep = o.integer(ConfigSchema.PRUNER_MIN_STEP);
        int factor = o.integer(ConfigSchema.PRUNER_REDUCTION_FACTOR);
        try {
            return new PrunerConfig(type, warmup, minStep, factor);
        } catch (IllegalArgumentException e) {
            return PrunerConfig.NONE; // the bad value is already an error of the file
        }
    }

    /** {@code mail_user}: a user name or address for Slurm's {@code --mail-user}, or {@code null}. */
    private static String mailUser(ConfigObject o) {
        String v = o.string(ConfigSchema.MAIL_USER);
        if (v == null) {
            return null;
        }
        if (!v.strip().matches("[^\\s,;'\"]+")) {
            o.error(ConfigSchema.MAIL_USER, "got \"" + v + "\"; expected one user name or e-mail address (no spaces, commas or"
                    + " quotes), for Slurm to mail when a detached search's coordinator ends or fails");
            return null;
        }
        return v.strip();
    }

    private static FailureValue failureValue(ConfigObject o) {
        ConfigKey k = ConfigSchema.Y_FAILURE_VALUE;
        FailureValue fallback = FailureValue.parse(k.textDefault()).orElseThrow();
        JsonNode v = o.raw(k);
        if (v == null) {
            return fallback;
        }
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            return new FailureValue.Fixed(v.asDouble());
        }
        if (v.isTextual() && FailureValue.parse(v.asText()).isPresent()) {
            return FailureValue.parse(v.asText()).orElseThrow();
        }
        o.error(k, "got " + v + "; allowed: \"max\", \"nan\" or a finite number");
        return fallback;
    }

    /** bopt_config as a nested object, or as flat "bopt_config.key" entries at the top level. */
    private static BoptConfig readBopt(JsonNode root, ConfigObject top, String file, Problems problems) {
        ConfigObject o = top.object("bopt_config");
        if (o == null) {
            ObjectNode flat = JsonFiles.STRICT.createObjectNode();
            Iterator<Map.Entry<String, JsonNode>> it = root.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getKey().startsWith(BOPT_PREFIX)) {
                    flat.set(e.getKey().substring(BOPT_PREFIX.length()), e.getValue());
                    top.allow(e.getKey());
                }
            }
            o = new ConfigObject(flat, file, "$.bopt_config", problems);
        }
        BoptConfig b = BoptConfig.of(
                o.choices(ConfigSchema.ACQUISITION_TYPE),
                o.choice(ConfigSchema.ACQUISITION_OPTIMIZER),
                o.choice(ConfigSchema.MODEL_TYPE),
                o.choices(ConfigSchema.ESTIMATION_METHOD),
                o.choices(ConfigSchema.KERNEL),
                o.bool(ConfigSchema.NORMALIZE_Y),
                o.bool(ConfigSchema.DE_DUPLICATION),
                o.bool(ConfigSchema.EXACT_FEVAL),
                o.number(ConfigSchema.EPS),
                o.integer(ConfigSchema.N_BURNIN),
                o.integer(ConfigSchema.N_SAMPLES),
                o.number(ConfigSchema.STEP_SIZE),
                o.integer(ConfigSchema.SUBSAMPLE_INTERVAL),
                o.integer(ConfigSchema.LEAPFROG_STEPS),
                o.choice(ConfigSchema.BATCH_METHOD));
        o.warnUnknownKeys(null);
        return b;
    }

    /** Reads a job config; bad values are recorded in {@code problems}. */
    public JobConfig readJob(JsonNode root, String file, Problems problems) {
        if (!root.isObject()) {
            problems.error(file, "$", "expected a JSON object, got " + root);
            return null;
        }
        ConfigObject o = new ConfigObject(root, file, "$", problems);
        String env = o.string(ConfigSchema.ENVIRONMENT_PATH);
        String script = o.string(ConfigSchema.SCRIPT_PATH);
        if (env == null || env.isBlank()) {
            o.error(ConfigSchema.ENVIRONMENT_PATH, "missing; give the interpreter that runs your script, e.g. \"python3\", \"Rscript\", \"perl\", \"bash\"");
        }
        if (script == null || script.isBlank()) {
            o.error(ConfigSchema.SCRIPT_PATH, "missing; give the path of your analysis script (relative paths are taken from the folder of this file)");
        }
        String cluster = o.string(ConfigSchema.CLUSTER);
        double time = o.number(ConfigSchema.TIME);
        int memory = o.integer(ConfigSchema.MEMORY);
        String processor = o.choice(ConfigSchema.PROCESSOR_TYPE);
        int processors = o.integer(ConfigSchema.NUM_PROCESSORS);
        String partition = o.string(ConfigSchema.PARTITION);
        String account = o.string(ConfigSchema.ACCOUNT);
        String qos = o.string(ConfigSchema.QOS);
        String constraint = o.string(ConfigSchema.CONSTRAINT);
        List<String> sbatchArgs = stringList(o, ConfigSchema.SBATCH_ARGS.key(), "[\"--exclusive\"]");
        List<String> upload = uploadList(o, file);
        String gpuType = o.string(ConfigSchema.GPU_TYPE);
        if (gpuType != null && !GRES_TYPE.matcher(gpuType).matches()) {
            o.error("gpu_type", "got \"" + gpuType + "\"; expected a GPU type as the cluster names it in its gres,"
                    + " letters, digits, '.', '_' or '-', such as \"a100\"");
            gpuType = null;
        }
        if (gpuType != null && !"GPU".equals(processor)) {
            o.error("gpu_type", "got \"" + gpuType + "\" with processor_type \"" + processor
                    + "\"; a GPU type needs \"processor_type\": \"GPU\"");
        }
        Integer cpusPerTask = o.optionalInteger(ConfigSchema.CPUS_PER_TASK);
        String container = o.string(ConfigSchema.CONTAINER);
        if (container != null && container.isBlank()) {
            o.error("container", "got \"" + container + "\"; expected an Apptainer/Singularity image on the cluster, such as"
                    + " \"images/analysis.sif\" (relative to the cluster's project folder) or \"docker://python:3.11\"");
            container = null;
        }
        List<String> modules = stringList(o, ConfigSchema.MODULES.key(), "[\"gcc/12\", \"python/3.11\"]");
        for (int i = 0; i < modules.size(); i++) {
            if (modules.get(i).isBlank() || modules.get(i).chars().anyMatch(c -> Character.isWhitespace(c) || c < 32)) {
                o.error("modules[" + i + "]", "got \"" + modules.get(i) + "\"; expected one module name without"
                        + " spaces, such as \"python/3.11\"");
            }
        }
        o.warnUnknownKeys(null);
        return new JobConfig(env, script, cluster, time, memory, processor, processors, partition, account, qos,
                constraint, sbatchArgs, upload, gpuType, cpusPerTask, container, modules);
    }

    /** A gres type as Slurm accepts it between the colons of {@code gpu:TYPE:N}. */
    private static final java.util.regex.Pattern GRES_TYPE = java.util.regex.Pattern.compile("[A-Za-z0-9._-]+");

    /**
     * {@code upload}: paths relative to the project folder (the folder of job_config.json) that exist there and stay
     * inside it, since they keep their relative paths on the cluster.
     */
    private static List<String> uploadList(ConfigObject o, String file) {
        JsonNode v = o.raw(ConfigSchema.UPLOAD);
        if (v == null) {
            return List.of();
        }
        String expected = "expected a list of files or folders relative to the folder of job_config.json, such as "
                + "[\"data/train.csv\", \"lib\"]";
        if (!v.isArray()) {
            o.error("upload", "got " + v + "; " + expected);
            return List.of();
        }
        Path project = Path.of(file).toAbsolutePath().normalize().getParent();
        List<String> out = new java.util.ArrayList<>();
        for (int i = 0; i < v.size(); i++) {
            JsonNode item = v.get(i);
            String at = "upload[" + i + "]";
            if (!item.isTextual() || item.asText().isBlank()) {
                o.error(at, "got " + item + "; " + expected);
                continue;
            }
            String written = item.asText();
            Path rel;
            try {
                rel = Path.of(written).normalize();
            } catch (java.nio.file.InvalidPathException e) {
                o.error(at, "got \"" + written + "\"; not a file name");
                continue;
            }
            if (rel.isAbsolute() || rel.startsWith("..") || rel.toString().isEmpty()) {
                o.error(at, "got \"" + written + "\"; give a path inside the project folder " + project
                        + ", relative to it (it keeps that relative path on the cluster)");
                continue;
            }
            if (project != null && !Files.exists(project.resolve(rel))) {
                o.error(at, "got \"" + written + "\"; no such file or folder: " + project.resolve(rel));
                continue;
            }
            out.add(rel.toString());
        }
        return out;
    }

    private static List<String> stringList(ConfigObject o, String key, String example) {
        JsonNode v = o.raw(key);
        if (v == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    o.error(key, "got " + v + "; expected a list of strings such as " + example);
                    return List.of();
                }
                out.add(item.asText());
            }
            return out;
        }
        o.error(key, "got " + v + "; expected a list of strings such as " + example);
        return List.of();
    }

    private static void crossCheck(SearchConfig s, ModelConfig m, String searchFile, String modelFile, Problems problems) {
        if (m.space().dimension() == 0) {
            problems.error(modelFile, "$", "no hyperparameters found; mark at least one input as "
                    + "{\"type\": ..., \"domain\": ..., \"transformation\": ...}");
        }
        checkReplicateKey(s.replicates(), m, searchFile, problems);
    }

    /**
     * replicate_key must name a constant number or string of the model config, or a discrete or categorical
     * hyperparameter with more values than replicates of one combination (each gets a value of its own).
     */
    static void checkReplicateKey(SearchConfig.Replicates r, ModelConfig m, String searchFile, Problems problems) {
        if (r.key() == null) {
            return;
        }
        String at = "$." + ConfigSchema.REPLICATE_KEY.key();
        java.util.Optional<ReplicateKey> found = ReplicateKey.find(m, r.key());
        if (found.isEmpty()) {
            boolean continuous = m.space().hyperparameters().stream().anyMatch(h -> h.name().equals(r.key()));
            List<String> allowed = ReplicateKey.allowedNames(m);
            String names = allowed.isEmpty() ? "none: add a constant such as \"seed\": 0 to model_config.json"
                    : String.join(", ", allowed.size() > 30 ? allowed.subList(0, 30) : allowed)
                    + (allowed.size() > 30 ? ", ..." : "");
            problems.error(searchFile, at, "got \"" + r.key() + "\"; " + (continuous
                    ? "a continuous hyperparameter cannot be a replicate_key (its replicates would be new points)"
                    : "no input of that name (a number or a string) in model_config.json") + "; allowed: " + names);
            return;
        }
        int max = found.get().maxReplicates(m.space());
        if (r.count() > max) {
            problems.error(searchFile, "$." + ConfigSchema.REPLICATES.key(), "got " + r.count() + "; replicate_key \""
                    + r.key() + "\" is a hyperparameter with " + (max + 1) + " values, so at most " + max
                    + " replicates of one combination get a value of their own");
        }
    }

    /**
     * For a form that shows the search config alone: initial_points against the domains of the model config beside
     * it. A model config that is missing or has problems of its own is left to its own form; nothing is said here.
     */
    public static void checkInitialPoints(SearchConfig s, Path modelFile, String searchFile, Problems problems) {
        if (s == null || s.starting().initialPoints().isEmpty() || !Files.isRegularFile(modelFile)) {
            return;
        }
        Problems own = new Problems();
        ModelConfig m;
        try {
            m = new ModelConfigReader(modelFile.toString(), own).read(JsonFiles.read(modelFile, modelFile.toString()));
        } catch (ConfigException e) {
            return;
        }
        if (m != null && !own.hasErrors()) {
            checkStartingPoints(s, m, searchFile, problems);
        }
    }

    /** initial_points against the domains; checked beside any other problem, so the user sees all at once. */
    private static void checkStartingPoints(SearchConfig s, ModelConfig m, String searchFile, Problems problems) {
        if (m.space().dimension() == 0) {
            return;
        }
        s.starting().initialCombinations(m.space(), s.numGridPointsPerHyperparameter(),
                (path, message) -> problems.error(searchFile, path, message));
        int points = s.starting().initialPoints().size();
        if (points > s.maxSuggestions()) {
            problems.error(searchFile, "$." + ConfigSchema.INITIAL_POINTS.key(), "gives " + points + " points, more than"
                    + " max_suggestions (" + s.maxSuggestions() + "), which they count toward; allowed: at most "
                    + s.maxSuggestions() + " points, or a larger max_suggestions");
        }
    }

    /** Resolves a path written in a config relative to the folder of that config. */
    public static Path resolveAgainst(Path configFile, String written) {
        Path p = Path.of(written);
        if (p.isAbsolute()) {
            return p;
        }
        Path folder = configFile.toAbsolutePath().normalize().getParent();
        return folder == null ? p.toAbsolutePath() : folder.resolve(p).normalize();
    }

    /** True if a program name is found on PATH or is an existing executable file. */
    public static boolean isRunnable(String program) {
        if (program.contains("/")) {
            return isExecutableFile(Path.of(program));
        }
        String pathVar = System.getenv("PATH");
        if (pathVar == null) {
            return false;
        }
        for (String dir : pathVar.split(java.io.File.pathSeparator)) {
            if (!dir.isEmpty() && isExecutableFile(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    /** A folder is "executable" (searchable) too, and cannot be run. */
    private static boolean isExecutableFile(Path p) {
        return Files.isRegularFile(p) && Files.isExecutable(p);
    }
}
