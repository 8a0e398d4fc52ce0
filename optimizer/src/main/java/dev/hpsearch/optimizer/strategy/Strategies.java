package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.config.ConfigException;
import dev.hpsearch.optimizer.config.ConfigProblem;
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
                try {
                    return new GridStrategy(space, config.numGridPointsPerHyperparameter());
                } catch (ArithmeticException e) {
                    throw new ConfigException(new ConfigProblem(ConfigProblem.Severity.ERROR, file,
                            "$.num_grid_points_per_hyperparameter", "got " + config.numGridPointsPerHyperparameter()
                            + "; with " + space.dimension() + " hyperparameters the grid has more than 2^63 "
                            + "combinations; use fewer points, fewer hyperparameters, or random/bopt search"));
                }
            case LINE:
                return new LineStrategy(space, config.numGridPointsPerHyperparameter());
            case RANDOM:
                return new RandomStrategy(space);
            default:
                return config.objectives().configured() ? new ParEgoStrategy(config, space)
                        : new BoptStrategy(config, space);
        }
    }
}
