package dev.hpsearch.ssh.transport;

import dev.hpsearch.optimizer.text.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies a stream into a local file, at most a given number of bytes of it, through a buffer: a file of any size
 * costs the coordinator 64 KiB of memory, never its size. The target is replaced atomically.
 */
final class BoundedCopy {
    private BoundedCopy() {
    }

    /**
     * @param in       the source, positioned at its start
     * @param size     the source's size, or a negative number when unknown (then {@code keepEnd} is ignored)
     * @param maxBytes how many bytes to keep at most
     * @param keepEnd  keep the last {@code maxBytes} (a log, whose end says what went wrong) instead of the first
     * @return how many bytes the source had beyond those kept
     */
    static long copy(InputStream in, long size, Path local, long maxBytes, boolean keepEnd) throws IOException {
        Path dir = local.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + local.getFileName(), ".part");
        try {
            long skipped = 0;
            if (keepEnd && size > maxBytes) {
                skipped = skipFully(in, size - maxBytes);
            }
            long kept = 0;
            boolean more = false;
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (skipped > 0) {
                    out.write(("[hpsearch: " + skipped + " bytes cut from the start of this file on the cluster; "
                            + "the last " + maxBytes + " bytes follow]\n").getBytes(StandardCharsets.UTF_8));
                }
                byte[] buf = new byte[1 << 16];
                int n;
                // near the limit, one byte past it is asked for, to learn whether the source goes on
                while ((n = in.read(buf, 0, maxBytes - kept >= buf.length ? buf.length : (int) (maxBytes - kept) + 1)) > 0) {
                    int keep = (int) Math.min(n, maxBytes - kept);
                    out.write(buf, 0, keep);
                    kept += keep;
                    if (keep < n) {
                        more = true;
                        break;
                    }
                }
            }
            AtomicFiles.replace(tmp, local);
            if (skipped > 0) {
                return skipped;
            }
            return more ? Math.max(1, size - kept) : 0;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static long skipFully(InputStream in, long n) throws IOException {
        long done = 0;
        byte[] buf = null;
        while (done < n) {
            long s = in.skip(n - done);
            if (s <= 0) {
                // a stream that cannot skip is read and dropped
                if (buf == null) {
                    buf = new byte[1 << 16];
                }
                int r = in.read(buf, 0, (int) Math.min(buf.length, n - done));
                if (r < 0) {
                    break;
                }
                s = r;
            }
            done += s;
        }
        return done;
    }
}
