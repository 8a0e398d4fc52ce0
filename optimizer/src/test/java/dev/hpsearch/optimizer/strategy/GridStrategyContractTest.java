package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.SearchSpace;

class GridStrategyContractTest extends StrategyContractTest {
    @Override
    Strategy strategy(SearchSpace space) {
        return new GridStrategy(space, 3);
    }
}
