package org.jcedar.cedar;

/**
 * The 5-byte header in front of every CEDAR packet on a TCP stream (10 §1.1): an end flag and the big-endian
 * length of the body that follows (in AES-GCM mode the length of IV, ciphertext and tag together).
 *
 * @param end    0 = more packets of this message follow; 1..10 = last packet (senders write 1)
 * @param length body length, 1..{@link #MAX_BODY_LENGTH}
 */
public record PacketHeader(int end, int length) {
    public static final int SIZE = 5;
    /** HTCondor refuses packets larger than 1 MiB ("larger than 1MB limit") and empty packets. */
    public static final int MAX_BODY_LENGTH = 1 << 20;
    /** Receivers accept any end flag up to 10; anything else is an unrecognized header. */
    public static final int MAX_END_FLAG = 10;

    public PacketHeader {
        if (end < 0 || end > MAX_END_FLAG || length < 1 || length > MAX_BODY_LENGTH) {
            throw new IllegalArgumentException("invalid packet header: end " + end + ", length " + length);
        }
    }

    /** The header a sender writes: end flag 0 or 1. */
    public static PacketHeader of(boolean lastOfMessage, int length) {
        return new PacketHeader(lastOfMessage ? 1 : 0, length);
    }

    /**
     * Checks the end flag alone, so that garbage is rejected as soon as its first byte arrives.
     *
     * @param streamOffset where the header starts in the stream, for the error message
     */
    public static void checkEndFlag(byte endFlag, long streamOffset) throws CedarException {
        if ((endFlag & 0xFF) > MAX_END_FLAG) {
            throw new CedarException("packet header unrecognized: end flag " + (endFlag & 0xFF), streamOffset);
        }
    }

    /**
     * Reads and validates a header.
     *
     * @param data         holds at least {@link #SIZE} bytes from {@code offset}
     * @param streamOffset where the header starts in the stream, for the error message
     */
    public static PacketHeader parse(byte[] data, int offset, long streamOffset) throws CedarException {
        checkEndFlag(data[offset], streamOffset);
        long length = ((data[offset + 1] & 0xFFL) << 24) | ((data[offset + 2] & 0xFF) << 16)
                | ((data[offset + 3] & 0xFF) << 8) | (data[offset + 4] & 0xFF);
        if (length < 1 || length > MAX_BODY_LENGTH) {
            throw new CedarException("packet length " + length + " outside 1.." + MAX_BODY_LENGTH, streamOffset);
        }
        return new PacketHeader(data[offset] & 0xFF, (int) length);
    }

    /** Whether this packet ends its message (any non-zero end flag). */
    public boolean lastOfMessage() {
        return end != 0;
    }

    public void writeTo(byte[] out, int offset) {
        out[offset] = (byte) end;
        out[offset + 1] = (byte) (length >>> 24);
        out[offset + 2] = (byte) (length >>> 16);
        out[offset + 3] = (byte) (length >>> 8);
        out[offset + 4] = (byte) length;
    }

    public byte[] toBytes() {
        byte[] out = new byte[SIZE];
        writeTo(out, 0);
        return out;
    }
}
