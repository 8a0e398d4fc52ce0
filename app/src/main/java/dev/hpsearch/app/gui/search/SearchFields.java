package dev.hpsearch.app.gui.search;

import dev.hpsearch.app.gui.search.FieldSpec.Group;
import dev.hpsearch.app.gui.search.FieldSpec.Kind;
import java.util.List;
import java.util.Set;

/** Every variable of the seed's search_config.json table, with its description and recommendation. */
public final class SearchFields {
    private static final Set<String> ALL = Set.of();
    private static final Set<String> BOPT = Set.of("bopt");
    private static final Set<String> GRID_LIKE = Set.of("line", "grid", "bopt");

    private SearchFields() {
    }

    public static final List<FieldSpec> ALL_FIELDS = List.of(
            new FieldSpec("search_type", Group.BASICS, Kind.CHOICE, List.of("line", "grid", "random", "bopt"), "bopt",
                    true, ALL, "Line: vary one hyperparameter at a time around a base combination made of the middle "
                    + "value of each hyperparameter. Grid: regularly spaced combinations over the space. Random: "
                    + "randomly placed combinations. Bayesian optimization (bopt): each new combination is estimated "
                    + "from the results so far; with grid or random suggestion probabilities above 0 it mixes in grid "
                    + "and random combinations."),
            new FieldSpec("search_time", Group.BASICS, Kind.NUMBER, List.of(), "24", true, ALL,
                    "Total time in hours for the whole search, not for one run of your analysis (that is the job "
                    + "config's time). Mainly matters for random and bopt; for line or grid search make sure it does "
                    + "not end the search before every combination was submitted."),
            new FieldSpec("max_suggestions", Group.BASICS, Kind.INTEGER, List.of(), "200", true, ALL,
                    "Maximum number of hyperparameter combinations to try. For line or grid search make it larger "
                    + "than the number of grid combinations."),
            new FieldSpec("max_active_points", Group.BASICS, Kind.INTEGER, List.of(), "20", false, ALL,
                    "Maximum number of combinations running at the same time. On a shared cluster, be considerate: "
                    + "use a modest share of its CPUs or GPUs."),
            new FieldSpec("num_grid_points_per_hyperparameter", Group.BASICS, Kind.INTEGER, List.of(), "3", true,
                    GRID_LIKE, "Number of values per hyperparameter for line and grid search, bounds included (3 gives "
                    + "lower bound, midpoint, upper bound). Categorical hyperparameters always use all their values; "
                    + "discrete ones use at most as many as listed. Used by bopt only when grid suggestion "
                    + "probability > 0."),
            new FieldSpec("random_seed", Group.BASICS, Kind.OPTIONAL_INTEGER, List.of(), "", false, ALL,
                    "Seed of every random choice, so that a search can be repeated exactly. Leave empty to draw one "
                    + "(it is written to the search log)."),
            new FieldSpec("min_initial_points", Group.BOPT, Kind.INTEGER, List.of(), "5", false, BOPT,
                    "Results needed before bopt starts making suggestions; random combinations are suggested until "
                    + "then. More hyperparameters need more initial points."),
            new FieldSpec("y_transformation", Group.BOPT, Kind.CHOICE, List.of("none", "log", "neg", "neglog"), "log",
                    true, BOPT, "Transformation of your script's score before bopt fits it; bopt minimises a loss. "
                    + "log: log10(score), for losses spanning orders of magnitude. neg: -score, for scores where "
                    + "higher is better (such as log-likelihoods). neglog: -log10(score), for such scores spanning "
                    + "orders of magnitude."),
            new FieldSpec("y_failure_value", Group.BOPT, Kind.FAILURE, List.of("max", "nan"), "max", false, BOPT,
                    "Loss assumed for a combination that crashed or ran out of time. max: 1.05 times the largest loss "
                    + "seen so far, telling bopt the region is bad. nan: bopt ignores failed combinations. Or a number."),
            new FieldSpec("grid_suggestion_probability", Group.BOPT, Kind.NUMBER, List.of(), "0", false, BOPT,
                    "Probability of suggesting a grid combination at each iteration."),
            new FieldSpec("random_suggestion_probability", Group.BOPT, Kind.NUMBER, List.of(), "0.1", false, BOPT,
                    "Probability of suggesting a random combination at each iteration (given that no grid "
                    + "combination is suggested)."),
            new FieldSpec("bopt_config.acquisition_type", Group.BOPT, Kind.MULTI, List.of("EI", "MPI", "LCB"),
                    "EI, MPI, LCB", false, BOPT, "Acquisition function(s): EI expected improvement, MPI maximum "
                    + "probability of improvement, LCB lower confidence bound; each trades exploiting known good "
                    + "regions against exploring unknown ones. With several, one is picked at random each iteration, "
                    + "a hedge in case one fails."),
            new FieldSpec("bopt_config.acquisition_optimizer_type", Group.BOPT, Kind.CHOICE, List.of("lbfgs"), "lbfgs",
                    false, BOPT, "Optimizer used to find the optimum of the acquisition function."),
            new FieldSpec("bopt_config.model_type", Group.BOPT, Kind.CHOICE, List.of("GP"), "GP", false, BOPT,
                    "Model of the loss as a function of the hyperparameters: a Gaussian process."),
            new FieldSpec("bopt_config.model_estimation_method", Group.BOPT, Kind.MULTI, List.of("MLE", "MCMC"),
                    "MLE, MCMC", false, BOPT, "How the GP's parameters are estimated. MLE: maximum likelihood, fast "
                    + "but may overfit with few results. MCMC: Hamiltonian Monte Carlo, slow, does not overfit but "
                    + "depends on priors and sampler tuning. With both, one is picked at random, favouring MLE as "
                    + "results accumulate."),
            new FieldSpec("bopt_config.kernel", Group.BOPT, Kind.MULTI, List.of("ExpQuad", "RatQuad", "Matern52"),
                    "ExpQuad, RatQuad, Matern52", false, BOPT, "GP covariance function(s), allowing different "
                    + "smoothness: exponentiated quadratic, rational quadratic, Matern 5/2. With several, one is "
                    + "picked at random each iteration."),
            new FieldSpec("bopt_config.normalize_Y", Group.BOPT, Kind.BOOLEAN, List.of(), "true", false, BOPT,
                    "Normalise the loss values before fitting the GP."),
            new FieldSpec("bopt_config.de_duplication", Group.BOPT, Kind.BOOLEAN, List.of(), "true", false, BOPT,
                    "Avoid suggesting combinations that are already queued or running."),
            new FieldSpec("bopt_config.exact_feval", Group.BOPT, Kind.BOOLEAN, List.of(), "false", false, BOPT,
                    "Treat losses as exact: set to true if your analysis gives exactly the same result every time "
                    + "it runs with the same combination."),
            new FieldSpec("bopt_config.eps", Group.BOPT, Kind.NUMBER, List.of(), "0", false, BOPT,
                    "Minimum distance of a new bopt combination from earlier ones; keep 0, as the distance measure "
                    + "is unclear."),
            new FieldSpec("bopt_config.n_burnin", Group.BOPT, Kind.INTEGER, List.of(), "500", false, BOPT,
                    "HMC samples for the equilibration phase (MCMC only); costs grow with the number of results."),
            new FieldSpec("bopt_config.n_samples", Group.BOPT, Kind.INTEGER, List.of(), "50", false, BOPT,
                    "HMC samples kept after equilibration; they approximate the posterior of the GP's parameters."),
            new FieldSpec("bopt_config.step_size", Group.BOPT, Kind.NUMBER, List.of(), "0.1", false, BOPT,
                    "Step size of the HMC sampler."),
            new FieldSpec("bopt_config.subsample_interval", Group.BOPT, Kind.INTEGER, List.of(), "10", false, BOPT,
                    "Keep every n-th HMC sample; protects against highly auto-correlated samples."),
            new FieldSpec("bopt_config.leapfrog_steps", Group.BOPT, Kind.INTEGER, List.of(), "20", false, BOPT,
                    "Leapfrog steps of the Hamiltonian dynamics per HMC sample."),
            new FieldSpec("search_memory", Group.COORDINATOR, Kind.INTEGER, List.of(), "32", false, ALL,
                    "Memory (GB) for the search coordinator when it runs as a cluster job; unrelated to the memory "
                    + "of one run of your analysis (job config)."),
            new FieldSpec("search_environment_path", Group.COORDINATOR, Kind.TEXT, List.of(), "python3", false, ALL,
                    "Kept for compatibility with the original tool's configs (its Python interpreter); hpsearch "
                    + "itself does not use it."),
            new FieldSpec("search_script_path", Group.COORDINATOR, Kind.TEXT, List.of(), "hp_search.py", false, ALL,
                    "Kept for compatibility with the original tool's configs (its search script); hpsearch itself "
                    + "does not use it."));

    public static FieldSpec get(String key) {
        return ALL_FIELDS.stream().filter(f -> f.key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no search config field " + key));
    }
}
