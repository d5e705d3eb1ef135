package org.jcedar.security.method.token;

import java.util.Optional;
import java.util.Set;

/** Where a client's tokens come from (its token directories): the first one the server can verify. */
public interface TokenSource {

    /**
     * @param issuer the server's TrustDomain, if it sent one: a token's {@code iss} must equal it
     * @param keyIds the server's IssuerKeys: a token's {@code kid} must be one of them, if any are named
     */
    Optional<PresentedToken> choose(Optional<String> issuer, Set<String> keyIds);
}
