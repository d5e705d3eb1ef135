package org.jcedar.cedar;

import java.nio.charset.StandardCharsets;

/**
 * Decodes the primitive values of one complete CEDAR message (10 §2). HTCondor buffers a whole message
 * before decoding, so a reader works on the message payload; a read past its end is an error, never an
 * implicit read from the next message. Every error is a {@link CedarException} naming the offset.
 */
public final class MessageReader {
    /** HEAD rejects encrypted-mode string lengths above this; we apply it in both modes. */
    public static final int MAX_STRING_LENGTH = 10_000_000;

    private final byte[] data;
    private final boolean encrypted;
    private int position;

    public MessageReader(byte[] payload, boolean encrypted) {
        this.data = payload;
        this.encrypted = encrypted;
    }

    public boolean encrypted() {
        return encrypted;
    }

    public int position() {
        return position;
    }

    public int remaining() {
        return data.length - position;
    }

    public boolean hasRemaining() {
        return position < data.length;
    }

    /** A 64-bit integer (C long, int64_t, time_t). */
    public long getLong() throws CedarException {
        require(8, "integer");
        long value = 0;
        for (int i = 0; i < 8; i++) {
            value = (value << 8) | (data[position++] & 0xFF);
        }
        return value;
    }

    /**
     * A field the peer treats as a C int: the upper four bytes must be the sign extension of the lower
     * four, as HTCondor 23.x requires (HEAD truncates silently; we reject, which is the safer reading).
     */
    public int getInt() throws CedarException {
        int start = position;
        long value = getLong();
        if (value != (int) value) {
            throw new CedarException("integer " + value + " does not fit a 32-bit field", start);
        }
        return (int) value;
    }

    /** A boolean sent as an int: non-zero is true. */
    public boolean getBoolean() throws CedarException {
        return getLong() != 0;
    }

    /** A string; HTCondor's null string reads as {@code null}. */
    public String getNullableString() throws CedarException {
        int start = position;
        if (encrypted) {
            long length = getLong();
            if (length < 1 || length > MAX_STRING_LENGTH) {
                throw new CedarException("invalid string length " + length, start);
            }
            require((int) length, "string body");
            int end = position + (int) length;
            if ((data[position] & 0xFF) == MessageWriter.NULL_STRING_MARKER) {
                position = end;
                return null;
            }
            if (data[end - 1] != 0) {
                throw new CedarException("length-prefixed string is not NUL-terminated", start);
            }
            String value = decode(position, end - 1);
            position = end;
            return value;
        }
        require(1, "string");
        if ((data[position] & 0xFF) == MessageWriter.NULL_STRING_MARKER) {
            position++; // in plaintext only the marker byte is consumed
            return null;
        }
        int nul = position;
        while (nul < data.length && data[nul] != 0) {
            nul++;
        }
        if (nul == data.length) {
            throw new CedarException("string is not NUL-terminated before the end of the message", start);
        }
        if (nul - position > MAX_STRING_LENGTH) {
            throw new CedarException("string longer than " + MAX_STRING_LENGTH + " bytes", start);
        }
        String value = decode(position, nul);
        position = nul + 1;
        return value;
    }

    /** A string, with HTCondor's null string read as "" (as get(std::string&) does). */
    public String getString() throws CedarException {
        String value = getNullableString();
        return value == null ? "" : value;
    }

    /** {@code count} raw bytes. */
    public byte[] getBytes(int count) throws CedarException {
        if (count < 0) {
            throw new CedarException("negative byte count " + count, position);
        }
        require(count, "raw bytes");
        byte[] out = new byte[count];
        System.arraycopy(data, position, out, 0, count);
        position += count;
        return out;
    }

    /** A double in HTCondor's frexp/ldexp encoding (see {@link MessageWriter#putDouble}). */
    public double getDouble() throws CedarException {
        int start = position;
        long frac = getLong();
        long exponent = getLong();
        if (exponent < -2100 || exponent > 2100) {
            throw new CedarException("double exponent " + exponent + " out of range", start);
        }
        return Math.scalb(frac / 2147483647.0, (int) exponent);
    }

    /** End of message: every byte must have been consumed, as HTCondor's end_of_message requires. */
    public void expectEnd() throws CedarException {
        if (hasRemaining()) {
            throw new CedarException(remaining() + " unread bytes at the end of the message", position);
        }
    }

    private void require(int count, String what) throws CedarException {
        if (count > data.length - position) {
            throw new CedarException("message ends inside " + what + " (needs " + count + " bytes, "
                    + (data.length - position) + " left)", position);
        }
    }

    private String decode(int from, int to) {
        return new String(data, from, to - from, StandardCharsets.UTF_8);
    }
}
