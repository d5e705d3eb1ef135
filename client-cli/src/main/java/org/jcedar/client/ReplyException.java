package org.jcedar.client;

/**
 * A command was accepted but its answer never came, or does not decode: the daemon closed the connection, went
 * silent past the timeout, or sent malformed data.
 */
public final class ReplyException extends Exception {
    private final String address;

    public ReplyException(String address, Exception cause) {
        super("no valid answer from " + address + ": " + cause.getMessage(), cause);
        this.address = address;
    }

    /** The daemon's address. */
    public String address() {
        return address;
    }
}
