package org.jcedar.client;

/**
 * A daemon could not be located: no local address, no collector that answered, no ad of that name, a name that
 * does not resolve. The message says why, in HTCondor's words where it has them (e.g. {@code unknown host x}).
 */
public final class LocateException extends Exception {
    public LocateException(String message) {
        super(message);
    }

    public LocateException(String message, Throwable cause) {
        super(message, cause);
    }
}
