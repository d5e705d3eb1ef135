package org.jcedar.security.method.token;

import java.util.List;
import java.util.Optional;

/**
 * A token the server accepted (right algorithm, known key, not expired, issuer and subject present): the
 * signature it recomputed, for the proof, and the claims that become session attributes.
 */
public record ValidatedToken(byte[] signature, String subject, String issuer, Optional<String> id,
                             Optional<Long> expiration, List<String> scopes) {

    public ValidatedToken {
        scopes = List.copyOf(scopes);
    }
}
