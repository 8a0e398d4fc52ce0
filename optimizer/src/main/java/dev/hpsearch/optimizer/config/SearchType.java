package dev.hpsearch.optimizer.config;

import java.util.List;

/** The search strategies of the seed's {@code search_type}. */
public enum SearchType {
    LINE("line"), GRID("grid"), RANDOM("random"), BOPT("bopt");

    private final String key;

    SearchType(String key) {
        this.key = key;
    }

    /** The spelling used in config files and in {@code hp_search_data.txt}. */
    public String key() {
        return key;
    }

    static List<String> keys() {
        return List.of("line", "grid", "random", "bopt");
    }

    /** The type a config spells {@code key} (any case), or empty. */
    public static java.util.Optional<SearchType> parse(String key) {
        for (SearchType t : values()) {
            if (key != null && t.key.equalsIgnoreCase(key.strip())) {
                return java.util.Optional.of(t);
            }
        }
        return java.util.Optional.empty();
    }

    static SearchType of(String key) {
        for (SearchType t : values()) {
            if (t.key.equalsIgnoreCase(key)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown search type " + key);
    }
}
