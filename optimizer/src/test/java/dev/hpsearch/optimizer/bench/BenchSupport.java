package dev.hpsearch.optimizer.bench;

import dev.hpsearch.optimizer.config.ConfigText;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.space.Combination;
import dev.hpsearch.optimizer.space.SearchSpace;
import dev.hpsearch.optimizer.strategy.FinishedTrial;
import dev.hpsearch.optimizer.strategy.Outcome;
import dev.hpsearch.optimizer.strategy.SearchContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Helpers shared by the bopt benchmarks: configs from JSON text and a growing search context. */
final class BenchSupport {

    private BenchSupport() {
    }

    /** A search config read as the CLI reads {@code search_config.json}: seed defaults for every key not given. */
    static SearchConfig searchConfig(String json) {
        return ConfigText.search(json);
    }

    /** The 1, 5 and 15 minute load averages, as /proc/loadavg gives them ("?" elsewhere). */
    static String loadAverage() {
        try {
            String[] f = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (java.io.IOException | RuntimeException e) {
            return "?";
        }
    }

    /** Finished observations of a sequential search, as the engine would hand them to a strategy. */
    static final class History {
        final SearchSpace space;
        final List<FinishedTrial> finished = new ArrayList<>();
        final Set<Combination> seen = new HashSet<>();

        History(SearchSpace space) {
            this.space = space;
        }

        void add(Combination c, String searchType, Double loss) {
            finished.add(new FinishedTrial(finished.size(), c, searchType, -1, Outcome.of(loss)));
            seen.add(c);
        }

        SearchContext context() {
            return new SearchContext(space, List.copyOf(finished), List.of(), Set.copyOf(seen));
        }
    }
}
