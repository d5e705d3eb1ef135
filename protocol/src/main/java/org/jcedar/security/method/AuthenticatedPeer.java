package org.jcedar.security.method;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jcedar.security.AuthMethod;

/**
 * Who a server-side method authenticated: a user and an optional domain (lower-cased, as HTCondor stores it), plus
 * attributes the method adds to the session policy (the token claims of IDTOKENS, 30 §4.9).
 */
public record AuthenticatedPeer(String user, Optional<String> domain, AuthMethod method,
                                Map<String, Object> sessionAttributes) {

    public AuthenticatedPeer {
        domain = domain.map(d -> d.toLowerCase(Locale.ROOT));
        sessionAttributes = Map.copyOf(sessionAttributes);
    }

    public static AuthenticatedPeer of(String user, String domainOrNull, AuthMethod method) {
        return new AuthenticatedPeer(user, Optional.ofNullable(domainOrNull), method, Map.of());
    }

    /** HTCondor's "fully qualified user": {@code user@domain}, or just {@code user} when there is no domain. */
    public String fullyQualifiedUser() {
        return domain.map(d -> user + "@" + d).orElse(user);
    }
}
