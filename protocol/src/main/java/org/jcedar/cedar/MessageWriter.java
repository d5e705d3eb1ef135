package org.jcedar.cedar;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Encodes the primitive values of one CEDAR message (10 §2). There is no type tag on the wire: the
 * sequence of calls is the message format. Strings are NUL-terminated while the stream is in plaintext
 * and length-prefixed once encryption is on, so a writer is created for one mode and one message.
 */
public final class MessageWriter {
    /** First byte of HTCondor's "null string" marker (BIN_NULL_CHAR). */
    public static final int NULL_STRING_MARKER = 0xAD;

    private final boolean encrypted;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

    public MessageWriter(boolean encrypted) {
        this.encrypted = encrypted;
    }

    /** Whether strings are written in the encrypted (length-prefixed) form. */
    public boolean encrypted() {
        return encrypted;
    }

    /** Any integer type: 8 bytes, big-endian two's complement (C ints are sign-extended). */
    public MessageWriter putInt(long value) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
        return this;
    }

    /** A boolean travels as an int 0 or 1 (10 §2.2). */
    public MessageWriter putBoolean(boolean value) {
        return putInt(value ? 1 : 0);
    }

    /** A string; {@code null} is sent as the empty string, as HTCondor's put(const char*) does. */
    public MessageWriter putString(String value) {
        byte[] bytes = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            if (b == 0) {
                throw new IllegalArgumentException("a CEDAR string cannot contain a NUL byte");
            }
        }
        if (encrypted) {
            putInt(bytes.length + 1L);
        }
        out.writeBytes(bytes);
        out.write(0);
        return this;
    }

    /** HTCondor's null string (put_nullstr(NULL)): the single byte 0xAD, length-prefixed when encrypted. */
    public MessageWriter putNullString() {
        if (encrypted) {
            putInt(1);
        }
        out.write(NULL_STRING_MARKER);
        return this;
    }

    /** Raw bytes with no length and no terminator: both sides must know the count. */
    public MessageWriter putBytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /**
     * A double as HTCondor's Stream::put(double) sends it: frexp's mantissa scaled by 2^31-1 and truncated,
     * then the exponent, both as ints. Lossy by design (about 31 bits of mantissa).
     */
    public MessageWriter putDouble(double value) {
        if (value == 0.0 || Double.isNaN(value) || Double.isInfinite(value)) {
            // frexp leaves 0, NaN and infinities unscaled; HTCondor's (int) cast of those is not portable,
            // and no HTCondor path in scope sends them, so we send the zero encoding.
            return putInt(0).putInt(0);
        }
        // frexp: value = mantissa * 2^exponent with 0.5 <= |mantissa| < 1. Scaling the value (not dividing
        // by a power of two) keeps the largest doubles finite; subnormals need the extra normalisation.
        int exponent = Math.getExponent(value) + 1;
        double mantissa = Math.scalb(value, -exponent);
        while (Math.abs(mantissa) < 0.5) {
            exponent -= 1;
            mantissa *= 2;
        }
        long frac = (long) (mantissa * 2147483647.0);
        return putInt(frac).putInt(exponent);
    }

    public int size() {
        return out.size();
    }

    /** The encoded message payload (what end_of_message hands to the packet layer). */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
