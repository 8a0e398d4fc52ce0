package dev.hpsearch.optimizer.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hpsearch.optimizer.space.ModelConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/** Reads and validates the three config files, reporting every problem at once. */
public final class ConfigLoader {
    static final List<String> Y_TRANSFORMATIONS = List.of("none", "log", "neg", "neglog");
    static final List<String> PROCESSOR_TYPES = List.of("CPU", "GPU");
    private static final String BOPT_PREFIX = "bopt_config.";

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
        String type = o.choice("search_type", "bopt", SearchType.keys());
        double time = o.number("search_time", 24, 0, true, Double.POSITIVE_INFINITY, true);
        int memory = o.integer("search_memory", 32, 1);
        String env = o.string("search_environment_path", null);
        String script = o.string("search_script_path", null);
        int maxSuggestions = o.integer("max_suggestions", 200, 1);
        int maxActive = o.integer("max_active_points", 20, 1);
        int gridPoints = o.integer("num_grid_points_per_hyperparameter", 3, 0);
        int minInitial = o.integer("min_initial_points", 5, 1);
        String yTransformation = o.choice("y_transformation", "log", Y_TRANSFORMATIONS);
        FailureValue failure = failureValue(o);
        double gridProbability = o.number("grid_suggestion_probability", 0, 0, false, 1, false);
        double randomProbability = o.number("random_suggestion_probability", 0.1, 0, false, 1, false);
        Long seed = o.optionalLong("random_seed");
        String mailUser = mailUser(o);
        BoptConfig bopt = readBopt(root, o, file, problems);
        FailurePolicy failures = failurePolicy(o);
        SearchType searchType = SearchType.of(type);
        if ((searchType == SearchType.GRID || searchType == SearchType.LINE) && gridPoints < 1) {
            o.error("num_grid_points_per_hyperparameter", "got " + gridPoints + "; "
                    + searchType.key() + " search needs at least 1 point per hyperparameter");
        }
        if (searchType == SearchType.BOPT && gridProbability > 0 && gridPoints < 1) {
            o.error("num_grid_points_per_hyperparameter", "got " + gridPoints
                    + "; grid_suggestion_probability > 0 needs at least 1 point per hyperparameter");
        }
        o.warnUnknownKeys(null);
        return new SearchConfig(searchType, time, memory, env, script, maxSuggestions, maxActive, gridPoints,
                minInitial, yTransformation, failure, gridProbability, randomProbability, seed, bopt, failures, mailUser);
    }

    /** retry_out_of_memory, retry_timeout, retry_factor and max_failures; absent keys keep the seed's behaviour. */
    private static FailurePolicy failurePolicy(ConfigObject o) {
        FailurePolicy d = FailurePolicy.DEFAULT;
        int oom = o.integer("retry_out_of_memory", d.retryOutOfMemory(), 0);
        int timeout = o.integer("retry_timeout", d.retryTimeout(), 0);
        double factor = o.number("retry_factor", d.retryFactor(), 1, true, 100, false);
        double maxFailures = d.maxFailures();
        JsonNode v = o.raw("max_failures");
        if (v != null) {
            double x = v.isNumber() ? v.asDouble() : Double.NaN;
            boolean fraction = x > 0 && x < 1;
            boolean count = x >= 1 && x == Math.rint(x) && x <= Integer.MAX_VALUE;
            if (fraction || count) {
                maxFailures = x;
            } else {
                o.error("max_failures", "got " + v + "; allowed: a whole number >= 1 (failed analyses that stop the"
                        + " search) or a fraction between 0 and 1 (the share of the planned combinations)");
            }
        }
        return new FailurePolicy(oom, timeout, factor, maxFailures);
    }

    /** {@code mail_user}: a user name or address for Slurm's {@code --mail-user}, or {@code null}. */
    private static String mailUser(ConfigObject o) {
        String v = o.string("mail_user", null);
        if (v == null) {
            return null;
        }
        if (!v.strip().matches("[^\\s,;'\"]+")) {
            o.error("mail_user", "got \"" + v + "\"; expected one user name or e-mail address (no spaces, commas or"
                    + " quotes), for Slurm to mail when a detached search's coordinator ends or fails");
            return null;
        }
        return v.strip();
    }

    private static FailureValue failureValue(ConfigObject o) {
        JsonNode v = o.raw("y_failure_value");
        if (v == null) {
            return FailureValue.max();
        }
        if (v.isNumber() && Double.isFinite(v.asDouble())) {
            return new FailureValue(FailureValue.Kind.NUMBER, v.asDouble());
        }
        if (v.isTextual() && v.asText().equalsIgnoreCase("max")) {
            return FailureValue.max();
        }
        if (v.isTextual() && v.asText().equalsIgnoreCase("nan")) {
            return new FailureValue(FailureValue.Kind.NAN, Double.NaN);
        }
        o.error("y_failure_value", "got " + v + "; allowed: \"max\", \"nan\" or a finite number");
        return FailureValue.max();
    }

    /** bopt_config as a nested object, or as flat "bopt_config.key" entries at the top level. */
    private static BoptConfig readBopt(JsonNode root, ConfigObject top, String file, Problems problems) {
        BoptConfig d = BoptConfig.defaults();
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
        BoptConfig b = new BoptConfig(
                o.choices("acquisition_type", d.acquisitionTypes(), BoptConfig.ACQUISITIONS),
                o.choice("acquisition_optimizer_type", d.acquisitionOptimizerType(), List.of("lbfgs")),
                o.choice("model_type", d.modelType(), List.of("GP")),
                o.choices("model_estimation_method", d.modelEstimationMethods(), BoptConfig.ESTIMATION_METHODS),
                o.choices("kernel", d.kernels(), BoptConfig.KERNELS),
                o.bool("normalize_Y", d.normalizeY()),
                o.bool("de_duplication", d.deDuplication()),
                o.bool("exact_feval", d.exactFeval()),
                o.number("eps", d.eps(), 0, false, Double.POSITIVE_INFINITY, true),
                o.integer("n_burnin", d.nBurnin(), 1),
                o.integer("n_samples", d.nSamples(), 1),
                o.number("step_size", d.stepSize(), 0, true, Double.POSITIVE_INFINITY, true),
                o.integer("subsample_interval", d.subsampleInterval(), 1),
                o.integer("leapfrog_steps", d.leapfrogSteps(), 1));
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
        String env = o.string("environment_path", null);
        String script = o.string("script_path", null);
        if (env == null || env.isBlank()) {
            o.error("environment_path", "missing; give the interpreter that runs your script, e.g. \"python3\", \"Rscript\", \"perl\", \"bash\"");
        }
        if (script == null || script.isBlank()) {
            o.error("script_path", "missing; give the path of your analysis script (relative paths are taken from the folder of this file)");
        }
        String cluster = o.string("cluster", JobConfig.LOCAL);
        double time = o.number("time", 24, 0, true, Double.POSITIVE_INFINITY, true);
        int memory = o.integer("memory", 4, 1);
        String processor = o.choice("processor_type", "CPU", PROCESSOR_TYPES);
        int processors = o.integer("num_processors", 1, 1);
        String partition = o.string("partition", null);
        String account = o.string("account", null);
        String qos = o.string("qos", null);
        String constraint = o.string("constraint", null);
        List<String> sbatchArgs = stringList(o, "sbatch_args", "[\"--exclusive\"]");
        List<String> upload = uploadList(o, file);
        String gpuType = o.string("gpu_type", null);
        if (gpuType != null && !GRES_TYPE.matcher(gpuType).matches()) {
            o.error("gpu_type", "got \"" + gpuType + "\"; expected a GPU type as the cluster names it in its gres,"
                    + " letters, digits, '.', '_' or '-', such as \"a100\"");
            gpuType = null;
        }
        if (gpuType != null && !"GPU".equals(processor)) {
            o.error("gpu_type", "got \"" + gpuType + "\" with processor_type \"" + processor
                    + "\"; a GPU type needs \"processor_type\": \"GPU\"");
        }
        Integer cpusPerTask = o.has("cpus_per_task") ? o.integer("cpus_per_task", 1, 1) : null;
        String container = o.string("container", null);
        if (container != null && container.isBlank()) {
            o.error("container", "got \"" + container + "\"; expected an Apptainer/Singularity image on the cluster, such as"
                    + " \"images/analysis.sif\" (relative to the cluster's project folder) or \"docker://python:3.11\"");
            container = null;
        }
        List<String> modules = stringList(o, "modules", "[\"gcc/12\", \"python/3.11\"]");
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
        JsonNode v = o.raw("upload");
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
