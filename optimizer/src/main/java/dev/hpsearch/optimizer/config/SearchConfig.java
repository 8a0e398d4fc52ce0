package dev.hpsearch.optimizer.config;

/**
 * The seed's {@code search_config.json}, every variable with the seed's recommended value as default.
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

    /** A search config with the score as its one objective. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, FailurePolicy failures,
                        String mailUser, Replicates replicates, PrunerConfig pruner, StartingPoints starting) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures, mailUser,
                replicates, pruner, starting, ObjectivesConfig.NONE);
    }

    /** A search config without warm_start_from or initial_points. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, FailurePolicy failures,
                        String mailUser, Replicates replicates, PrunerConfig pruner) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures, mailUser,
                replicates, pruner, StartingPoints.NONE, ObjectivesConfig.NONE);
    }

    /** A copy with other starting points. */
    public SearchConfig withStarting(StartingPoints points) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, replicates, pruner, points, objectives);
    }

    /** A search config without early stopping. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, FailurePolicy failures,
                        String mailUser, Replicates replicates) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures, mailUser,
                replicates, PrunerConfig.NONE);
    }

    /** A search config without replicates. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, FailurePolicy failures,
                        String mailUser, PrunerConfig pruner) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures, mailUser,
                Replicates.NONE, pruner);
    }

    /** A search config without replicates or early stopping. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, FailurePolicy failures,
                        String mailUser) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures, mailUser,
                Replicates.NONE, PrunerConfig.NONE);
    }

    /** A search config with the default {@link FailurePolicy} (no retries, no failure limit) and no mail. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, FailurePolicy.DEFAULT, null);
    }

    /** A search config without {@code mail_user}. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, FailurePolicy failures) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures, null);
    }

    /** A search config with the default {@link FailurePolicy}. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, String mailUser) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, FailurePolicy.DEFAULT, mailUser);
    }

    /** A copy with another failure policy. */
    public SearchConfig withFailures(FailurePolicy policy) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, policy, mailUser, replicates, pruner,
                starting, objectives);
    }

    /** A copy with a different seed. */
    public SearchConfig withRandomSeed(long seed) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, seed, bopt, failures, mailUser, replicates, pruner,
                starting, objectives);
    }

    /** A copy with a different number of combinations to try. */
    public SearchConfig withMaxSuggestions(int n) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                n, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, replicates, pruner,
                starting, objectives);
    }

    /** A copy with a different parallelism. */
    public SearchConfig withMaxActivePoints(int n) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, n, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, replicates, pruner,
                starting, objectives);
    }

    /** A copy with other replicate settings. */
    public SearchConfig withReplicates(Replicates r) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, r, pruner, starting, objectives);
    }

    /** A copy with other early-stopping settings. */
    public SearchConfig withPruner(PrunerConfig p) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, replicates, p, starting, objectives);
    }

    /** A copy with other objectives and constraints. */
    public SearchConfig withObjectives(ObjectivesConfig o) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, replicates, pruner, starting, o);
    }

    /** Whether a higher score of the script is better (y_transformation neg or neglog). */
    public boolean higherIsBetter() {
        return yTransformation.equals("neg") || yTransformation.equals("neglog");
    }
}
