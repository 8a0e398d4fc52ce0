package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.SearchSpace;

class ParEgoStrategyContractTest extends StrategyContractTest {
    @Override
    Strategy strategy(SearchSpace space) {
        // the contract's contexts carry scores only: the score as objective, a constraint it meets mostly
        return new ParEgoStrategy(Spaces.searchConfig("{\"min_initial_points\": 3, \"objectives\": "
                + "[{\"name\": \"objective\", \"direction\": \"minimize\"}], \"constraints\": [{\"name\": "
                + "\"objective\", \"max\": 2}], " + Spaces.BOPT_FAST + "}}"), space);
    }

    /** Initial draws are labelled random; the model's as kernel_acquisition_estimation. */
    @Override
    boolean isOwnSearchType(Strategy s, String searchType) {
        return searchType.matches("random|(ExpQuad|RatQuad|Matern52)_(EI|MPI|LCB)_(MLE|MCMC)");
    }
}
