package dev.hpsearch.optimizer.exec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where runs happen. The engine cannot tell implementations apart except by latency: a local process and a
 * Slurm job behind SSH both submit, poll many at once and cancel.
 *
 * <p>Contract: {@link #poll} never blocks for long; when a job reaches a terminal state, every file the run
 * wrote that the engine reads ({@code output.json}, {@code log.txt}) is present in the job's local
 * {@link JobSpec#workDir()} before that state is reported.
 */
public interface Executor extends AutoCloseable {

    /** Starts (or queues) one run. */
    JobRef submit(JobSpec spec) throws ExecutorException;

    /**
     * Submits runs known up front. The default submits one by one; a cluster executor may submit a job array
     * and keep the parallelism limit on the cluster.
     *
     * <p>A cluster executor may submit only the first of them when the cluster's submit limit (Slurm's
     * MaxSubmitJobs, MaxJobCount) leaves no room for the rest: it returns the jobs of that prefix, in order, and the
     * caller submits the rest later, when jobs have left the queue.
     *
     * @param maxActive how many of these may run at once
     * @return one job per spec submitted, in the order of {@code specs}: all of them, or a prefix
     */
    default List<JobRef> submitAll(List<JobSpec> specs, int maxActive) throws ExecutorException {
        List<JobRef> refs = new ArrayList<>(specs.size());
        for (JobSpec s : specs) {
            refs.add(submit(s));
        }
        return refs;
    }

    /**
     * True when {@link #submitAll} keeps the parallelism limit itself (a Slurm job array with {@code %N}):
     * the engine then hands over whole batches of combinations known up front instead of feeding slots.
     */
    default boolean throttlesBatches() {
        return false;
    }

    /**
     * What the executor did on its own that the search log should say (files sent to a cluster, say), each message
     * returned once. The default has nothing to say.
     */
    default List<String> drainNotes() {
        return List.of();
    }

    /**
     * The most a run of this job config may ask for where it would run, for retries with more memory or time.
     * Read once and remembered by executors that must ask a cluster. The default knows no limit (a local run's
     * memory is not limited, its time is what it is given).
     */
    default ResourceLimits limits(dev.hpsearch.optimizer.config.JobConfig job) throws ExecutorException {
        return ResourceLimits.NONE;
    }

    /**
     * The current state of every given job, in one call whatever their number. A terminal state is the job's last
     * word: the caller polls the job no more, and the executor may forget it (a later poll may say LOST).
     */
    Map<JobRef, JobStatus> poll(Collection<JobRef> jobs) throws ExecutorException;

    /**
     * What each job appended to its {@code progress.jsonl} since the given offset, at most
     * {@link ProgressTail#MAX_BYTES} each; an empty array when nothing was (or the file does not exist). One call
     * for all jobs: a cluster executor asks with one remote command, and copies the bytes into the local file so
     * that the local folder holds the curve too. The default reads the local files.
     */
    default Map<JobRef, byte[]> readProgress(List<ProgressTail> tails) throws ExecutorException {
        Map<JobRef, byte[]> out = new java.util.LinkedHashMap<>();
        for (ProgressTail t : tails) {
            out.put(t.job(), readLocalTail(t.localFile(), t.offset()));
        }
        return out;
    }

    /**
     * With a pruner, the longest wait between two reads of the runs' progress (the engine's idle wait is cut to
     * it). The default suits local files, which are cheap to read; a cluster executor returns its poll interval,
     * so that pruning adds no remote commands beyond the one read per poll.
     */
    default Duration progressInterval() {
        return Duration.ofMillis(250);
    }

    /** The bytes of a local file from {@code offset} on, at most {@link ProgressTail#MAX_BYTES}; none if absent. */
    static byte[] readLocalTail(java.nio.file.Path file, long offset) throws ExecutorException {
        try (java.nio.channels.SeekableByteChannel ch = java.nio.file.Files.newByteChannel(file)) {
            long size = ch.size();
            if (size <= offset) {
                return new byte[0];
            }
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate((int) Math.min(ProgressTail.MAX_BYTES, size - offset));
            ch.position(offset);
            while (buf.hasRemaining() && ch.read(buf) > 0) {
                // reads until full or the end
            }
            return java.util.Arrays.copyOf(buf.array(), buf.position());
        } catch (java.nio.file.NoSuchFileException e) {
            return new byte[0];
        } catch (java.io.IOException e) {
            throw new ExecutorException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Stops a job; its status then becomes CANCELLED (or terminal for another reason if it ended first). */
    void cancel(JobRef job) throws ExecutorException;

    /**
     * Re-attaches to a job submitted by an earlier coordinator (after a crash or a closed laptop).
     *
     * @param spec the job's spec, rebuilt from the journal
     * @return its status now; {@link JobStatus.State#LOST} when it is gone and its end cannot be known
     */
    JobStatus reattach(JobRef job, JobSpec spec) throws ExecutorException;

    /**
     * Waits until some job may have changed state or the timeout passes, whichever is first. Executors that
     * learn of changes only by polling simply sleep for their polling interval, at most {@code timeout}.
     */
    void awaitChange(Duration timeout) throws InterruptedException;

    /** Releases connections and threads; running jobs are left running. */
    @Override
    void close();
}
