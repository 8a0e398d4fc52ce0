package dev.hpsearch.optimizer.exec;

import java.util.Objects;

/**
 * A submitted job, as recorded in the search journal so that a later coordinator can find it again.
 *
 * @param combinationId the combination the job runs
 * @param id            the executor's job id: a process id locally, a Slurm job id on a cluster
 * @param token         executor-specific identity check (e.g. the process start time, so that a reused pid is
 *                      not mistaken for the job); may be empty
 */
public record JobRef(int combinationId, String id, String token) {
    public JobRef {
        Objects.requireNonNull(id, "id");
        token = token == null ? "" : token;
    }
}
