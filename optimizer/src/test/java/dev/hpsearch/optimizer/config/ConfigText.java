package dev.hpsearch.optimizer.config;

/** Configs for tests and benchmarks, read from JSON text as the CLI reads the files. */
public final class ConfigText {
    private ConfigText() {
    }

    /**
     * A search config with the seed's defaults for every key not given; a problem or a warning (an unknown key,
     * which is only a warning for users) is a mistake in the calling test.
     */
    public static SearchConfig search(String json) {
        try {
            Problems problems = new Problems();
            SearchConfig c = new ConfigLoader().readSearch(JsonFiles.STRICT.readTree(json), "search_config.json",
                    problems);
            problems.throwIfErrors();
            if (!problems.warnings().isEmpty()) {
                throw new IllegalArgumentException(problems.warnings().toString());
            }
            return c;
        } catch (Exception e) {
            throw new IllegalArgumentException("bad search config " + json + ": " + e.getMessage(), e);
        }
    }
}
