package dev.hpsearch.optimizer.exec;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** Input/output errors in words for users: the file and the operating system's reason, no class names. */
public final class IoErrors {
    private IoErrors() {
    }

    /**
     * "FILE: REASON" as the operating system says it ("Read-only file system", "No space left on device"), or
     * the error's own message when it names no file.
     */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException) {
            FileSystemException f = (FileSystemException) e;
            String reason = f.getReason();
            if (reason == null) {
                reason = e instanceof AccessDeniedException ? "permission denied"
                        : e instanceof NoSuchFileException ? "no such file or folder" : "cannot be accessed";
            }
            return (f.getFile() == null ? "" : f.getFile() + ": ") + reason;
        }
        String m = e.getMessage();
        return m == null || m.isBlank() ? "input/output error" : m;
    }
}
