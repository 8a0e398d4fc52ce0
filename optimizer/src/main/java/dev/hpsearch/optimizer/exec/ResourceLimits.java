package dev.hpsearch.optimizer.exec;

/**
 * The most one run may ask for where it runs (a Slurm partition's {@code MaxTime} and {@code MaxMemPerNode}),
 * so that a run retried with more memory or time is not left pending forever for a limit it can never meet.
 *
 * @param maxTimeHours the longest time limit, in hours, or {@code null} when there is none or it is not known
 * @param maxMemoryGb  the most memory, in whole GB, or {@code null} when there is none or it is not known
 * @param where        what the limits belong to, for messages ({@code partition short}); may be empty
 */
public record ResourceLimits(Double maxTimeHours, Integer maxMemoryGb, String where) {
    /** No limit known. */
    public static final ResourceLimits NONE = new ResourceLimits(null, null, "");

    public ResourceLimits {
        where = where == null ? "" : where;
    }
}
