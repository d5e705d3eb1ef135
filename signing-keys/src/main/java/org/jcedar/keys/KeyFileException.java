package org.jcedar.keys;

/**
 * A signing key cannot be named, found, read, written or removed. {@link #getMessage()} is the text HTCondor
 * reports for the same failure (its tools print it as {@code TOKEN:1:<message>}); {@link #detail()} says
 * precisely why, as HTCondor only writes to its debug log.
 */
public final class KeyFileException extends Exception {
    private final String detail;

    public KeyFileException(String message, String detail) {
        super(message);
        this.detail = detail;
    }

    public KeyFileException(String message, String detail, Throwable cause) {
        super(message, cause);
        this.detail = detail;
    }

    /** Why, e.g. {@code file must not be readable by others, had perms 100644}. */
    public String detail() {
        return detail;
    }
}
