package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.SearchSpace;

class LineStrategyContractTest extends StrategyContractTest {
    @Override
    Strategy strategy(SearchSpace space) {
        return new LineStrategy(space, 3);
    }
}
