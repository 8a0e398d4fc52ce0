package dev.hpsearch.optimizer.exec;

import dev.hpsearch.optimizer.config.JobConfig;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;

/**
 * Real local runs with one behaviour of a cluster put in front: every method forwards to a
 * {@link LocalProcessExecutor}, and a test overrides the one or two it changes (a lost submission answer, a node
 * failure, a submit limit). What cannot be produced on this machine is the only fake; the runs are real processes.
 */
public abstract class ForwardingExecutor implements Executor {
    protected final LocalProcessExecutor local = new LocalProcessExecutor();

    @Override
    public JobRef submit(JobSpec spec) throws ExecutorException {
        return local.submit(spec);
    }

    @Override
    public ResourceLimits limits(JobConfig job) throws ExecutorException {
        return local.limits(job);
    }

    @Override
    public Map<JobRef, JobStatus> poll(Collection<JobRef> jobs) throws ExecutorException {
        return local.poll(jobs);
    }

    @Override
    public void cancel(JobRef job) throws ExecutorException {
        local.cancel(job);
    }

    @Override
    public JobStatus reattach(JobRef job, JobSpec spec) throws ExecutorException {
        return local.reattach(job, spec);
    }

    @Override
    public void awaitChange(Duration timeout) throws InterruptedException {
        local.awaitChange(timeout);
    }

    @Override
    public void close() {
        local.close();
    }
}
