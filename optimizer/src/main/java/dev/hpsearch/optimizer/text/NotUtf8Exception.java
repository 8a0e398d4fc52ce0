package dev.hpsearch.optimizer.text;

import java.io.CharConversionException;
import java.util.Locale;

/** A file is not UTF-8 text; the message names the first byte that is not and where it is. */
public final class NotUtf8Exception extends CharConversionException {
    private final int badByte;
    private final long offset;

    /**
     * @param badByte the first byte that does not decode, 0 to 255
     * @param offset  its offset from the start of the file, counting from 0
     */
    public NotUtf8Exception(int badByte, long offset) {
        super(String.format(Locale.ROOT, "not UTF-8 text (byte 0x%02X at offset %d); save the file as UTF-8",
                badByte & 0xff, offset));
        this.badByte = badByte & 0xff;
        this.offset = offset;
    }

    /** The first byte that does not decode, 0 to 255. */
    public int badByte() {
        return badByte;
    }

    /** Where that byte is, counted in bytes from the start of the file. */
    public long offset() {
        return offset;
    }
}
