package dev.hpsearch.optimizer.strategy;

import dev.hpsearch.optimizer.space.SearchSpace;

class RandomStrategyContractTest extends StrategyContractTest {
    @Override
    Strategy strategy(SearchSpace space) {
        return new RandomStrategy(space);
    }
}
