package dev.hpsearch.optimizer.exec;

/** An executor could not do what was asked (start a process, reach the cluster...). The message says what and where. */
public class ExecutorException extends Exception {
    public ExecutorException(String message) {
        super(message);
    }

    public ExecutorException(String message, Throwable cause) {
        super(message, cause);
    }
}
