package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.SearchSpace;

class BoptStrategyContractTest extends StrategyContractTest {
    @Override
    Strategy strategy(SearchSpace space) {
        // three results before the GP takes over, so the contract's scored context reaches the model
        return new BoptStrategy(Spaces.searchConfig("{\"min_initial_points\": 3, " + Spaces.BOPT_FAST + "}}"), space);
    }

    /** Initial draws are labelled random; the model's as kernel_acquisition_estimation. */
    @Override
    boolean isOwnSearchType(Strategy s, String searchType) {
        return searchType.matches("random|(ExpQuad|RatQuad|Matern52)_(EI|MPI|LCB)_(MLE|MCMC)");
    }
}
