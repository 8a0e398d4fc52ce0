package dev.hpsearch.optimizer.config;

/**
 * The seed's {@code search_config.json}, every variable with the seed's recommended value as default. The
 * loader ({@link ConfigLoader}) builds it; {@code null} for {@code failures}, {@code replicates}, {@code pruner},
 * {@code starting} or {@code objectives} stands for their none.
 *
 * @param randomSeed seed of every random choice; {@code null} when the user gave none (the engine then draws
 *                   one and records it in the search log)
 * @param failures   retries and the failure limit ({@link FailurePolicy#DEFAULT}: none)
 * @param mailUser   whom Slurm mails when a detached search's coordinator ends or fails, or {@code null}
 * @param replicates which input differs between replicates, how many replicates of how many of the best
 *                   combinations run at the end of the search ({@link Replicates#NONE}: none)
 * @param pruner     early stopping ({@link PrunerConfig#NONE}: every run goes to its end)
 * @param starting   warm_start_from and initial_points ({@link StartingPoints#NONE}: neither)
 * @param objectives several objectives and constraints ({@link ObjectivesConfig#NONE}: the score alone)
 */
public record SearchConfig(
        SearchType searchType,
        double searchTimeHours,
        int searchMemoryGb,
        String searchEnvironmentPath,
        String searchScriptPath,
        int maxSuggestions,
        int maxActivePoints,
        int numGridPointsPerHyperparameter,
        int minInitialPoints,
        String yTransformation,
        FailureValue yFailureValue,
        double gridSuggestionProbability,
        double randomSuggestionProbability,
        Long randomSeed,
        BoptConfig bopt,
        FailurePolicy failures,
        String mailUser,
        Replicates replicates,
        PrunerConfig pruner,
        StartingPoints starting,
        ObjectivesConfig objectives) {

    /**
     * {@code replicate_key}, {@code replicates} and {@code replicate_top_k} of search_config.json.
     *
     * @param key   the input of model_config.json that differs between replicates, or {@code null}
     * @param count replicates of each combination run at the end of the search; 0 for none
     * @param topK  how many of the best combinations are replicated
     */
    public record Replicates(String key, int count, int topK) {
        /** No replicate_key, no replicates. */
        public static final Replicates NONE = new Replicates(null, 0, 3);

        public Replicates {
            if (count < 0 || topK < 1) {
                throw new IllegalArgumentException("replicates must be >= 0 and replicate_top_k >= 1, got " + count
                        + " and " + topK);
            }
            if (count > 0 && key == null) {
                throw new IllegalArgumentException("replicates > 0 needs a replicate_key");
            }
        }

        /** Whether the search itself runs replicates at its end. */
        public boolean atEnd() {
            return count > 0;
        }
    }

    public SearchConfig {
        failures = failures == null ? FailurePolicy.DEFAULT : failures;
        replicates = replicates == null ? Replicates.NONE : replicates;
        pruner = pruner == null ? PrunerConfig.NONE : pruner;
        starting = starting == null ? StartingPoints.NONE : starting;
        objectives = objectives == null ? ObjectivesConfig.NONE : objectives;
    }

    /** Whether a higher score of the script is better (y_transformation neg or neglog). */
    public boolean higherIsBetter() {
        return yTransformation.equals("neg") || yTransformation.equals("neglog");
    }
}
