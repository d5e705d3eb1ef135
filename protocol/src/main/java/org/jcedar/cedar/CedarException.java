package org.jcedar.cedar;

/**
 * A peer sent bytes that do not follow the CEDAR wire format, or more than a configured limit allows.
 * Always says what was wrong and where (the byte offset inside the message or stream it was found in).
 */
public class CedarException extends Exception {
    private final long offset;

    public CedarException(String message, long offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    public CedarException(String message, long offset, Throwable cause) {
        super(message + " (at offset " + offset + ")", cause);
        this.offset = offset;
    }

    /** Offset of the offending byte in the message (for message decoders) or in the stream (for framing). */
    public long offset() {
        return offset;
    }
}
