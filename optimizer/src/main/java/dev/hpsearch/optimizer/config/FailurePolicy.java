package dev.hpsearch.optimizer.config;

/**
 * What a search does about analyses that fail: the optional {@code search_config.json} keys
 * {@code retry_out_of_memory}, {@code retry_timeout}, {@code retry_factor} and {@code max_failures}. The
 * defaults keep the original tool's behaviour: no retries, no limit.
 *
 * @param retryOutOfMemory how many times a run killed for its memory is run again, each time with
 *                         {@code memory} multiplied by {@code retryFactor} (0: never)
 * @param retryTimeout     how many times a run past its time limit is run again, each time with {@code time}
 *                         multiplied by {@code retryFactor} (0: never)
 * @param retryFactor      the factor, above 1
 * @param maxFailures      0 for no limit; a whole number of at least 1: stop after that many failed analyses;
 *                         a fraction between 0 and 1: stop after that share of the combinations the search plans
 *                         (rounded up) failed
 */
public record FailurePolicy(int retryOutOfMemory, int retryTimeout, double retryFactor, double maxFailures) {

    /** The defaults: no retries, no limit. */
    public static final FailurePolicy DEFAULT = new FailurePolicy(0, 0, 2, 0);

    public FailurePolicy {
        if (retryOutOfMemory < 0 || retryTimeout < 0) {
            throw new IllegalArgumentException("retry counts must not be negative");
        }
        if (!(retryFactor > 1) || !Double.isFinite(retryFactor)) {
            throw new IllegalArgumentException("retry_factor must be a finite number above 1: " + retryFactor);
        }
        if (!(maxFailures >= 0) || !Double.isFinite(maxFailures) || (maxFailures > 1 && maxFailures != Math.rint(maxFailures))) {
            throw new IllegalArgumentException("max_failures must be 0, a fraction or a whole number: " + maxFailures);
        }
    }

    /**
     * How many failed analyses stop a search that plans {@code planned} combinations, or 0 for no limit.
     * A fraction f gives ceil(f * planned), at least 1; 1 means one failure.
     */
    public long failureLimit(long planned) {
        if (maxFailures == 0) {
            return 0;
        }
        if (maxFailures >= 1) {
            return (long) maxFailures;
        }
        return Math.max(1, (long) Math.ceil(maxFailures * planned - 1e-9));
    }
}
