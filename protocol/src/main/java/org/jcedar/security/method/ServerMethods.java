package org.jcedar.security.method;

import java.util.Optional;
import org.jcedar.security.AuthMethod;

/** Creates the server half of a method for one connection. */
public interface ServerMethods {

    /** What the client's ad said that methods need: TOKEN names its server identity by the client's version. */
    record ClientOffer(Optional<String> remoteVersion) {
    }

    Optional<ServerAuthentication> create(AuthMethod method, ClientOffer offer);
}
