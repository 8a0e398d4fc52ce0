package dev.hpsearch.app.gui.results;

/**
 * Who suggested a combination, in words, from the {@code search_type} the journal records with each suggestion
 * ({@code random}, {@code grid}, {@code line}, or the GP's {@code Kernel_Acquisition_Method} such as
 * {@code Matern52_EI_MCMC}). A table without the column says "unknown".
 */
public final class SuggestedBy {
    private SuggestedBy() {
    }

    /** {@code "GP: Matern52 kernel, EI acquisition, MCMC estimation"}, {@code "random"}, {@code "unknown"}... */
    public static String describe(String searchType) {
        if (searchType == null || searchType.isBlank()) {
            return "unknown";
        }
        if (searchType.equals("imported")) {
            return "imported from an earlier search (warm_start_from)";
        }
        if (searchType.equals("initial")) {
            return "initial point of search_config.json";
        }
        String[] parts = searchType.split("_");
        if (parts.length == 3 && (parts[2].equals("MCMC") || parts[2].equals("MLE"))) {
            return "GP: " + parts[0] + " kernel, " + parts[1] + " acquisition, " + parts[2] + " estimation";
        }
        return searchType;
    }
}
