package org.jcedar.keys;

/**
 * A token is not a well-formed JWT as HTCondor's jwt-cpp reads it: not three dot-separated parts, bad
 * base64url, or a header/payload that is not a JSON object. Says which part and the offset in it (in the
 * base64url text for encoding errors, in the decoded JSON for JSON errors).
 */
public final class MalformedTokenException extends TokenException {
    private final String part;
    private final int offset;

    public MalformedTokenException(String message, String part, int offset) {
        super(message + " (" + part + " offset " + offset + ")");
        this.part = part;
        this.offset = offset;
    }

    /** {@code token}, {@code header}, {@code payload} or {@code signature}. */
    public String part() {
        return part;
    }

    public int offset() {
        return offset;
    }
}
