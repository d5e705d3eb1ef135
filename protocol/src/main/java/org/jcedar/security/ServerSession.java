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

    /**
     * The bounding set a session token issued on this session must stay within (30 §3.3): the scopes of the token
     * the session was authenticated with. A CLAIMTOBE session's limit restricts which commands it may run but, as
     * real HTCondor shows, does not bound the tokens it asks for.
     */
    public Optional<AuthorizationLimits> tokenBounds() {
        return attributes.get("LimitAuthorization") instanceof String list ? AuthorizationLimits.ofNullable(list)
                : Optional.empty();
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
