package dev.hpsearch.optimizer.exec;

/**
 * A run ended, but what it left (output.json, log.txt) could not be written into its folder on this machine: the
 * folder became read-only, or the disk is full. A fault of the machine, not of the analysis: the run's result is
 * still where it ran (a cluster), so the engine stops and a later {@code resume} collects it.
 */
public class LocalFolderException extends ExecutorException {
    public LocalFolderException(String message, Throwable cause) {
        super(message, cause);
    }
}
