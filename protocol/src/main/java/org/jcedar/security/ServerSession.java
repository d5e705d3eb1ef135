package org.jcedar.security;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jcedar.command.CommandRegistration;
import org.jcedar.security.authz.AuthorizationLimits;

/**
 * A security session as the server keeps it: identity, how it was established, the key, the limits a token or
 * CLAIMTOBE put on it, and the token's claims (AuthTokenSubject, ...). Cached for resumption until it expires.
 */
public record ServerSession(String sessionId, PeerIdentity identity, Optional<AuthMethod> method,
                            Optional<byte[]> key, Optional<AuthorizationLimits> limits,
                            Map<String, Object> attributes, String peerVersion, Instant expires,
                            boolean triedAuthentication) {

    public ServerSession {
        attributes = Map.copyOf(attributes);
    }

    /** The {@code TokenExpirationTime} of the token the session was authenticated with, if any. */
    public Optional<Long> tokenExpiration() {
        Object value = attributes.get("TokenExpirationTime");
        return value instanceof Number n ? Optional.of(n.longValue()) : Optional.empty();
    }

    /** A command arrived on this session: what the command handler needs. */
    public record Command(CommandRegistration registration, int wireCommand, ServerSession session,
                          boolean encrypted) {
    }
}
