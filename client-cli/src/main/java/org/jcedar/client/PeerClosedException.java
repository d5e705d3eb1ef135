package org.jcedar.client;

import java.io.IOException;

/** The daemon closed the connection where a message was expected. */
public final class PeerClosedException extends IOException {
    public PeerClosedException(String message) {
        super(message);
    }
}
