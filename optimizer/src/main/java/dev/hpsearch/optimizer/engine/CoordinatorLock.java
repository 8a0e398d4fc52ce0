package dev.hpsearch.optimizer.engine;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes sure one coordinator at a time runs a search folder: two would suggest the same combination ids.
 * An operating-system file lock, so it is released when the coordinator dies, however it dies.
 */
final class CoordinatorLock implements AutoCloseable {
    static final String FILE_NAME = ".coordinator.lock";
    private final FileChannel channel;
    private final FileLock lock;

    private CoordinatorLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock. @throws SearchBusyException when another coordinator holds it */
    static CoordinatorLock acquire(Path searchDir) throws IOException {
        Path file = searchDir.resolve(FILE_NAME);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
            ch.close();
            throw new SearchBusyException(searchDir + " is being run by another coordinator"
                    + (holder.isEmpty() ? "" : " (process " + holder + ")") + "; stop it first, or watch it with hpsearch status");
        }
        ch.truncate(0);
        ch.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
        return new CoordinatorLock(ch, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another coordinator runs this search. */
    static final class SearchBusyException extends IOException {
        SearchBusyException(String message) {
            super(message);
        }
    }
}
