package dev.hpsearch.optimizer.text;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.EOFException;
import java.io.InterruptedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Plain words for a failure shown to a user. The JDK's file exceptions carry only a path as their message
 * ({@code NoSuchFileException: /a/b}), its decoders say "Input length = 1", and an exception without a message
 * would print as the word null; each becomes a sentence here.
 */
public final class IoErrors {
    private IoErrors() {
    }

    /** What went wrong, in words: "/a/b does not exist", "permission denied on /a/b". */
    public static String describe(Throwable e) {
        if (e instanceof NotUtf8Exception) {
            return e.getMessage();
        }
        if (e instanceof CharacterCodingException) {
            return "not UTF-8 text; save the file as UTF-8";
        }
        if (e instanceof JsonProcessingException) {
            return "invalid JSON " + JsonErrors.describe((JsonProcessingException) e);
        }
        if (e instanceof FileSystemException) {
            return fileSystem((FileSystemException) e);
        }
        if (e instanceof EOFException) {
            return "the data ended early";
        }
        if (e instanceof InterruptedIOException) {
            return "interrupted or timed out";
        }
        String m = e.getMessage();
        Throwable cause = e.getCause() == e ? null : e.getCause();
        // new X(cause) takes cause.toString() as its message: the class name of the cause, then its message
        if (m == null || m.isBlank() || m.equals("null") || cause != null && m.equals(cause.toString())) {
            return cause != null ? describe(cause) : "an unexpected error";
        }
        return m;
    }

    private static String fileSystem(FileSystemException e) {
        String file = e.getFile() == null ? "a file" : e.getFile();
        String other = e.getOtherFile() == null ? "" : " (and " + e.getOtherFile() + ")";
        if (e instanceof NoSuchFileException) {
            return file + other + " does not exist";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied on " + file + other;
        }
        if (e instanceof FileAlreadyExistsException) {
            return file + " already exists";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return file + " is a folder that is not empty";
        }
        if (e instanceof NotDirectoryException) {
            return file + " is not a folder";
        }
        if (e instanceof FileSystemLoopException) {
            return file + " is inside a loop of symbolic links";
        }
        String reason = e.getReason();
        return file + other + (reason == null || reason.isBlank() ? ": the operating system refused" : ": " + reason);
    }
}
