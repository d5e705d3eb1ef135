package org.jcedar.client;

import java.io.IOException;

/**
 * No connection could be opened to a daemon: unknown host, refused, timed out, or an address jcedar cannot reach
 * (CCB, a local-only shared port). The message says which address and why.
 */
public final class ConnectFailedException extends IOException {
    private final String address;

    public ConnectFailedException(String address, String reason, Throwable cause) {
        super("cannot connect to " + address + ": " + reason, cause);
        this.address = address;
    }

    /** The daemon's address as the caller gave it (a sinful string). */
    public String address() {
        return address;
    }
}
