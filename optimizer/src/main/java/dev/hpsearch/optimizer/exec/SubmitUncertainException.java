package dev.hpsearch.optimizer.exec;

/**
 * A submission whose outcome the executor could not learn: the command went out, then the connection to the
 * cluster dropped and did not come back in time. The run may be queued.
 *
 * <p>An executor throws this only if submitting the same {@link JobSpec} again is safe: it then finds the run it
 * may have started and returns that job instead of starting a second one. So the engine keeps the combination
 * waiting to be submitted, rather than recording it as failed.
 */
public class SubmitUncertainException extends ExecutorException {
    public SubmitUncertainException(String message, Throwable cause) {
        super(message, cause);
    }
}
