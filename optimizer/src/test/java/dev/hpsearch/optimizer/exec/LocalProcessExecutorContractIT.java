package dev.hpsearch.optimizer.exec;

import dev.hpsearch.optimizer.config.JobConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;

/** The executor contract against local processes. */
class LocalProcessExecutorContractIT extends ExecutorContract {
    @TempDir
    Path tmp;

    @Override
    protected Executor executor() {
        return new LocalProcessExecutor(Clock.systemUTC(), Duration.ofSeconds(2));
    }

    @Override
    protected Path project() {
        return tmp.resolve("project");
    }

    @Override
    protected JobConfig job(Path script, double timeHours) {
        return JobConfig.of("bash", script.toString(), "local", timeHours, 1, "CPU", 1);
    }

    @Override
    protected Duration shortestTimeLimit() {
        return Duration.ofSeconds(2);
    }
}
