package org.jcedar.command;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.jcedar.keys.KeyFileException;
import org.jcedar.keys.SigningKey;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenClaims;
import org.jcedar.keys.TokenSigner;
import org.jcedar.security.ServerSession;
import org.jcedar.security.authz.AuthorizationLimits;
import org.jcedar.security.authz.WildcardPattern;

/**
 * How a daemon answers DC_GET_SESSION_TOKEN (30 §3.3, current HTCondor): the token names the session's identity;
 * its authorizations can only narrow what the session itself may do; its lifetime is capped by
 * SEC_ISSUED_TOKEN_EXPIRATION and by the expiry of the token the session was made with; the key is the daemon's
 * issuer key or an allowed requested one. Errors carry HTCondor's codes and words.
 */
public final class SessionTokenIssuer {

    /** The token knobs of 30 §2.6 that shape issuance. */
    public record Settings(boolean fetchEnabled, OptionalLong issuedTokenExpiration, String issuerKey,
                           List<String> allowedRequestedKeys, String trustDomain) {
        public Settings {
            allowedRequestedKeys = List.copyOf(allowedRequestedKeys);
        }
    }

    private final Settings settings;
    private final SigningKeyStore keys;
    private final Clock clock;
    private final SecureRandom random;

    public SessionTokenIssuer(Settings settings, SigningKeyStore keys, Clock clock, SecureRandom random) {
        this.settings = settings;
        this.keys = keys;
        this.clock = clock;
        this.random = random;
    }

    public SessionTokenReply issue(ServerSession session, SessionTokenRequest request) {
        if (!settings.fetchEnabled()) {
            return SessionTokenReply.error(44, "Token fetch disabled.");
        }
        Optional<AuthorizationLimits> bounds = session.tokenBounds();
        List<String> authorizations = new ArrayList<>();
        if (!request.authorizations().isEmpty()) {
            if (bounds.isPresent()) {
                for (String requested : request.authorizations()) {
                    if (bounds.get().containsName(requested)) {
                        authorizations.add(requested);
                    }
                }
                if (authorizations.isEmpty()) {
                    return SessionTokenReply.error(4, "Session doesn't allow requested authorization levels.");
                }
            } else {
                authorizations.addAll(request.authorizations());
            }
        } else if (bounds.isPresent()) {
            authorizations.addAll(bounds.get().names());
        }

        long lifetime = -1;
        if (request.lifetime().isPresent()) {
            lifetime = request.lifetime().getAsLong();
            OptionalLong cap = settings.issuedTokenExpiration();
            if (cap.isPresent() && cap.getAsLong() > 0 && (lifetime < 0 || lifetime > cap.getAsLong())) {
                lifetime = cap.getAsLong();
            }
        }

        Optional<String> keyId = hasKey(settings.issuerKey()) ? Optional.of(settings.issuerKey()) : Optional.empty();
        if (request.requestedKey().isPresent()) {
            String requested = request.requestedKey().get();
            if (!allowed(requested)) {
                return SessionTokenReply.error(3, "Server will not sign with requested key.");
            }
            keyId = Optional.of(requested);
        }

        Optional<Long> originalExpiry = session.tokenExpiration();
        long remaining = 0;
        if (originalExpiry.isPresent()) {
            remaining = originalExpiry.get() - clock.instant().getEpochSecond();
            if (lifetime > remaining || (remaining >= 0 && lifetime < 0)) {
                lifetime = remaining;
            }
        }
        if (originalExpiry.isPresent() && remaining < 0) {
            return SessionTokenReply.error(3, "Cannot create new session as original one expired.");
        }
        String subject = session.identity().fullyQualifiedUser();
        if (!session.identity().isMapped()) {
            return SessionTokenReply.error(2, "Server did not successfully authenticate session.");
        }
        if (keyId.isEmpty()) {
            return SessionTokenReply.error(1, "Server does not have access to configured key.");
        }
        SigningKey key;
        try {
            key = keys.load(keyId.get());
        } catch (KeyFileException e) {
            return SessionTokenReply.error(1, "TOKEN:1:Failed to read file " + describePath(keyId.get()) + " securely.");
        }
        Optional<String> issuerProblem = TokenClaims.issuerProblem(settings.trustDomain());
        if (issuerProblem.isPresent()) {
            return SessionTokenReply.error(1, "PASSWD:1:" + issuerProblem.get());
        }
        TokenClaims claims = TokenClaims.issue(subject, settings.trustDomain(), authorizations, lifetime, clock, random);
        return SessionTokenReply.success(TokenSigner.mint(claims, key));
    }

    private boolean allowed(String requested) {
        for (String entry : settings.allowedRequestedKeys()) {
            if (new WildcardPattern(entry).matches(requested)) {
                return true;
            }
        }
        return false;
    }

    private boolean hasKey(String kid) {
        try {
            return keys.has(kid);
        } catch (IOException e) {
            return false;
        }
    }

    private String describePath(String kid) {
        try {
            return keys.pathOf(kid).toString();
        } catch (KeyFileException e) {
            return kid;
        }
    }
}
