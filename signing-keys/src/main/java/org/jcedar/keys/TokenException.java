package org.jcedar.keys;

/** A token could not be used: it is malformed ({@link MalformedTokenException}) or was rejected
 * ({@link TokenRejectedException}). */
public abstract sealed class TokenException extends Exception
        permits MalformedTokenException, TokenRejectedException {
    protected TokenException(String message) {
        super(message);
    }

    protected TokenException(String message, Throwable cause) {
        super(message, cause);
    }
}
