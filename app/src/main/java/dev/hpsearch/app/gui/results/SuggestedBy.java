package dev.hpsearch.app.gui.results;

/**
 * Who suggested a combination, in words, from the {@code search_type} the journal records with each suggestion
 * ({@code random}, {@code grid}, {@code line}, or the GP's {@code Kernel_Acquisition_Method} such as
 * {@code Matern52_EI_MCMC}, or {@code Matern52_Thompson_MLE} for a point drawn
 * by Thompson sampling while others ran). A table without the column says "unknown".
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
            // Thompson: a point that minimised a posterior draw, chosen while others ran (bopt_config.batch_method)
            String how = parts[1].equals("Thompson") ? "Thompson sampling" : parts[1] + " acquisition";
            return "GP: " + parts[0] + " kernel, " + how + ", " + parts[2] + " estimation";
        }
        return searchType;
    }
}
