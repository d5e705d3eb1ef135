package org.jcedar.security;

import java.util.List;

/**
 * One side's security policy for one authorization level, after HTCondor's dependency raising (20 §3.3):
 * requirements, the methods and ciphers it offers in preference order, and the session duration and lease.
 *
 * @param authentication      after raising (what the {@code Authentication} attribute carries)
 * @param authenticationNew   before raising by encryption/integrity (HEAD's {@code AuthenticationNew})
 */
public record SecurityPolicy(Requirement authentication, Requirement authenticationNew, Requirement encryption,
                             Requirement integrity, Requirement negotiation, List<AuthMethod> authMethods,
                             List<CryptoMethod> cryptoMethods, long sessionDuration, long sessionLease) {

    public SecurityPolicy {
        authMethods = List.copyOf(authMethods);
        cryptoMethods = List.copyOf(cryptoMethods);
    }
}
