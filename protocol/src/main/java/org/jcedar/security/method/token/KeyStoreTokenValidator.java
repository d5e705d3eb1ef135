package org.jcedar.security.method.token;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.jcedar.keys.SigningKeySource;
import org.jcedar.keys.TokenClaims;
import org.jcedar.keys.TokenException;
import org.jcedar.keys.TokenVerifier;
import org.jcedar.keys.VerifiedToken;

/**
 * The server's TOKEN validator over its signing keys: the checks live in signing-keys' {@link TokenVerifier}, then
 * the daemon's revocation expression.
 */
public final class KeyStoreTokenValidator implements TokenValidator {
    private final TokenVerifier verifier;
    private final TokenRevocation revocation;

    /** @param maxAge SEC_TOKEN_MAX_AGE, when set */
    public KeyStoreTokenValidator(SigningKeySource keys, Clock clock, Optional<Duration> maxAge) {
        this(keys, clock, maxAge, TokenRevocation.none());
    }

    /** @param revocation SEC_TOKEN_REVOCATION_EXPR */
    public KeyStoreTokenValidator(SigningKeySource keys, Clock clock, Optional<Duration> maxAge,
                                  TokenRevocation revocation) {
        this.verifier = new TokenVerifier(keys, clock, Optional.empty(), maxAge);
        this.revocation = revocation;
    }

    @Override
    public ValidatedToken validate(String signedText) throws Rejected {
        try {
            VerifiedToken token = verifier.verifySigningInput(signedText);
            if (revocation.revokes(token.token().claims())) {
                throw new Rejected("the token is revoked by SEC_TOKEN_REVOCATION_EXPR");
            }
            TokenClaims claims = token.claims();
            return new ValidatedToken(token.token().signature(), claims.subject(), claims.issuer(), claims.jwtId(),
                    claims.expiresAt().isPresent() ? Optional.of(claims.expiresAt().getAsLong()) : Optional.empty(),
                    claims.scopeEntries());
        } catch (TokenException e) {
            throw new Rejected(e.getMessage());
        }
    }
}
