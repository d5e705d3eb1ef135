package org.jcedar.security.method;

import org.jcedar.cedar.CedarException;
import org.jcedar.cedar.MessageReader;
import org.jcedar.security.AuthMethod;

/**
 * The client half of one run of one authentication method, between the server's choice (H2) and the key
 * exchange message. A protocol violation by the server is a CedarException and ends the whole session.
 */
public interface ClientAuthentication {
    AuthMethod method();

    /** Called once the server has chosen this method. */
    MethodStep start();

    /** A message from the server. */
    MethodStep receive(MessageReader message) throws CedarException;
}
