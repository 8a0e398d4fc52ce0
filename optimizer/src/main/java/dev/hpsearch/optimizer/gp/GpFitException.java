package dev.hpsearch.optimizer.gp;

/**
 * A GP could not be fitted for an expected numerical reason: the covariance stayed non positive
 * definite after the largest jitter, or the data or likelihood were not finite. Callers handle it
 * (BoptCore falls back to a random suggestion and logs {@link #getMessage()}).
 */
public final class GpFitException extends Exception {
    private static final long serialVersionUID = 1L;

    public GpFitException(String message) {
        super(message);
    }
}
