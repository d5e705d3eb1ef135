package org.jcedar.security.method;

import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.AuthMethod;

/** The server half of one run of one authentication method. After success, {@link #peer()} says who it was. */
public interface ServerAuthentication {
    AuthMethod method();

    /** Called right after the server sent its choice (H2). */
    MethodStep start();

    /** A message from the client. */
    MethodStep receive(MessageReader message) throws CedarException;

    /** The authenticated peer; only valid after the method succeeded. */
    AuthenticatedPeer peer();
}
