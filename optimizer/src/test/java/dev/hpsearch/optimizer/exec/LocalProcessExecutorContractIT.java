package dev.hpsearch.optimizer.exec;

import java.time.Clock;
import java.time.Duration;

/** The executor contract against local processes. */
class LocalProcessExecutorContractIT extends ExecutorContract {

    @Override
    protected Executor executor() {
        return new LocalProcessExecutor(Clock.systemUTC(), Duration.ofSeconds(2));
    }

    @Override
    protected String cluster() {
        return "local";
    }

    @Override
    protected Duration shortestTimeLimit() {
        return Duration.ofSeconds(2);
    }
}
