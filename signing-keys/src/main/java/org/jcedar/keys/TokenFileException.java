package org.jcedar.keys;

/** A token could not be written; the message is HTCondor's text for the same failure (30 §6.1). */
public final class TokenFileException extends Exception {
    public TokenFileException(String message) {
        super(message);
    }

    public TokenFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
