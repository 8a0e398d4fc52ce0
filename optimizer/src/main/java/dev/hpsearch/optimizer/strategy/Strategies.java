package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.SearchConfig;
import dev.hpsearch.optimizer.space.SearchSpace;

/** Builds the strategy a search config asks for. */
public final class Strategies {
    private Strategies() {
    }

    /**
     * @param file the search config's name, for messages
     * @throws ConfigException when the search type cannot run with this space
     */
    public static Strategy forConfig(SearchConfig config, SearchSpace space, String file) throws ConfigException {
        switch (config.searchType()) {
            case GRID:
                return new GridStrategy(space, config.numGridPointsPerHyperparameter());
            case LINE:
                return new LineStrategy(space, config.numGridPointsPerHyperparameter());
            case RANDOM:
                return new RandomStrategy(space);
            default:
                return new BoptStrategy(config, space);
        }
    }
}
