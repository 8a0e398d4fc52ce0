package dev.hpsearch.optimizer.config;

/**
 * The seed's {@code search_config.json}, every variable with the seed's recommended value as default.
 *
 * @param randomSeed seed of every random choice; {@code null} when the user gave none (the engine then draws
 *                   one and records it in the search log)
 * @param mailUser   who Slurm mails when a detached coordinator ends or fails ({@code --mail-user}); {@code null}
 *                   for no mail (or the cluster profile's {@code mail_user})
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
        String mailUser) {

    /** A search config without {@code mail_user}. */
    public SearchConfig(SearchType searchType, double searchTimeHours, int searchMemoryGb, String searchEnvironmentPath,
                        String searchScriptPath, int maxSuggestions, int maxActivePoints,
                        int numGridPointsPerHyperparameter, int minInitialPoints, String yTransformation,
                        FailureValue yFailureValue, double gridSuggestionProbability,
                        double randomSuggestionProbability, Long randomSeed, BoptConfig bopt) {
        this(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath, maxSuggestions,
                maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation, yFailureValue,
                gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, null);
    }

    /** A copy with a different seed. */
    public SearchConfig withRandomSeed(long seed) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, seed, bopt, mailUser);
    }

    /** A copy with a different number of combinations to try. */
    public SearchConfig withMaxSuggestions(int n) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                n, maxActivePoints, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, mailUser);
    }

    /** A copy with a different parallelism. */
    public SearchConfig withMaxActivePoints(int n) {
        return new SearchConfig(searchType, searchTimeHours, searchMemoryGb, searchEnvironmentPath, searchScriptPath,
                maxSuggestions, n, numGridPointsPerHyperparameter, minInitialPoints, yTransformation,
                yFailureValue, gridSuggestionProbability, randomSuggestionProbability, randomSeed, bopt, mailUser);
    }
}
