package dev.hpsearch.optimizer.text;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Strict UTF-8 decoding whose failure says which byte, at which offset, is not UTF-8. */
public final class Utf8 {
    private static final int CHUNK = 8192;

    private Utf8() {
    }

    /**
     * Reads a whole file as UTF-8 text. A byte order mark at the start is dropped (editors on Windows write
     * one).
     *
     * @throws NotUtf8Exception if a byte sequence is not UTF-8
     * @throws IOException      if the file cannot be read
     */
    public static String read(Path file) throws IOException {
        return decode(Files.readAllBytes(file));
    }

    /**
     * Decodes UTF-8 bytes.
     *
     * @throws NotUtf8Exception naming the first byte that does not decode and its offset
     */
    public static String decode(byte[] bytes) throws NotUtf8Exception {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB
                && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        // UTF-8 never needs more chars than bytes
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            // the decoder stops in front of the malformed sequence
            throw new NotUtf8Exception(bytes[in.position()], in.position());
        }
        r = decoder.flush(out);
        if (r.isError()) {
            throw new NotUtf8Exception(bytes[in.position()], in.position());
        }
        return out.flip().toString();
    }

    /**
     * Finds the first byte sequence that is not UTF-8 among the first {@code limit} bytes of a stream, reading
     * it in small chunks (for files too large to hold).
     *
     * @return the failure naming the byte and its offset, or {@code null} when those bytes are UTF-8
     */
    public static NotUtf8Exception firstError(InputStream in, long limit) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(CHUNK);
        // one char per byte at most, and it is emptied before every call
        CharBuffer chars = CharBuffer.allocate(CHUNK);
        long base = 0; // offset in the stream of bytes[0]
        while (true) {
            int want = (int) Math.min(bytes.remaining(), limit - base - bytes.position());
            int n = want <= 0 ? -1 : in.read(bytes.array(), bytes.position(), want);
            boolean end = n < 0;
            if (n > 0) {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
            chars.clear();
            // at the limit (not the real end) an incomplete sequence is not an error: its rest was not read
            CoderResult r = decoder.decode(bytes, chars, end && want > 0);
            if (r.isError()) {
                return new NotUtf8Exception(bytes.get(bytes.position()), base + bytes.position());
            }
            if (end) {
                return null;
            }
            base += bytes.position();
            bytes.compact();
        }
    }
}
