package dev.hpsearch.optimizer.exec;

import java.nio.file.Path;

/**
 * A request for what a running job appended to its {@code progress.jsonl} since {@code offset} bytes.
 *
 * @param job       the job
 * @param localFile the file's path in the job's local folder; an executor that runs elsewhere maps it
 * @param offset    bytes already read
 */
public record ProgressTail(JobRef job, Path localFile, long offset) {
    /** The most bytes one read returns for one job; the rest comes at the next. */
    public static final int MAX_BYTES = 1 << 20;

    public ProgressTail {
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative: " + offset);
        }
    }
}
