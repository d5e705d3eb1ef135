package org.jcedar.security.method;

import java.util.Optional;
import org.jcedar.security.AuthMethod;

/** Creates the client half of a method once the server has chosen it. */
public interface ClientMethods {

    /** What the server's response ad said that methods need: TOKEN picks its token by these. */
    record ServerOffer(Optional<String> trustDomain, Optional<String> issuerKeys, Optional<String> remoteVersion) {
    }

    /** A fresh run of {@code method}, or empty when this client cannot run it. */
    Optional<ClientAuthentication> create(AuthMethod method, ServerOffer offer);
}
