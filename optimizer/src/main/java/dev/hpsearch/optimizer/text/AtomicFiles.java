package dev.hpsearch.optimizer.text;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replacing a file so that a reader sees the old content or the new, never half of it: the new content is
 * written beside the target and moved over it. Where the file system cannot move atomically, a plain move.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Moves {@code from} over {@code to} (same folder, so same file system), atomically where possible. */
    public static void replace(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
