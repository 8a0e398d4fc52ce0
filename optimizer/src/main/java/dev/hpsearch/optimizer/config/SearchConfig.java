package dev.hpsearch.optimizer.config;

/**
 * The seed's {@code search_config.json}, every variable with the seed's recommended value as default.
 *
 * @param randomSeed seed of every random choice; {@code null} when the user gave none (the engine then draws
 *                   one and records it in the search log)
 * @param failures   retries and the failure limit ({@link FailurePolicy#DEFAULT}: none)
 * @param mailUser   whom Slurm mails when a detached search's coordinator ends or fails, or {@code null}
 * @param pruner     early stopping ({@link PrunerConfig#NONE}: every run goes to its end)
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
        PrunerConfig pruner) {

    public SearchConfig {
        failures = failures == null ? FailurePolicy.DEFAULT : failures;
        pruner = pruner == null ? PrunerConfig.NONE : pruner;
    }

    /** A search config without early stopping. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt, FailurePolicy failures,
                        String mailUser) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures, mailUser,
                PrunerConfig.NONE);
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
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, policy, mailUser, pruner);
    }

    /** A copy with a different seed. */
    public SearchConfig withRandomSeed(long seed) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, seed, bopt, failures, mailUser, pruner);
    }

    /** A copy with a different number of combinations to try. */
    public SearchConfig withMaxSuggestions(int n) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                n, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, pruner);
    }

    /** A copy with a different parallelism. */
    public SearchConfig withMaxActivePoints(int n) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, n, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, pruner);
    }

    /** A copy with other early-stopping settings. */
    public SearchConfig withPruner(PrunerConfig p) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, failures,
                mailUser, p);
    }
}
