package org.jcedar.keys;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACVerifier;
import com.nimbusds.jose.util.Base64URL;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.jcedar.keys.TokenRejectedException.Reason;

/**
 * Judges a received token like an HTCondor daemon (30 §2.5), but stricter where HTCondor is unsafe:
 *
 * <ul>
 *   <li>only {@code alg} HS256 (HTCondor derives keys from an empty signature for unknown algorithms,
 *       30 §4.13); {@code kid} must name a key in the store and be a plain file name;</li>
 *   <li>the HMAC is compared in constant time (nimbus {@link MACVerifier});</li>
 *   <li>{@code exp}: accepted while now &lt;= exp, i.e. during the second equal to exp, exactly like
 *       HTCondor; no further clock skew is allowed;</li>
 *   <li>{@code nbf}: if present, refused while now &lt; nbf (HTCondor never writes nbf and ignores it);
 *       a future {@code iat} is accepted, as HTCondor does, so clocks a little apart do not break pools;</li>
 *   <li>max age (SEC_TOKEN_MAX_AGE): if set and the token has {@code iat}, refused when now - iat &gt; max;</li>
 *   <li>{@code iss} present and non-empty (and equal to the expected trust domain if one is given;
 *       HTCondor does not compare it); {@code sub} present; {@code exp}, {@code iat}, {@code nbf} integers;
 *       {@code scope} and {@code jti} strings when present.</li>
 * </ul>
 */
public final class TokenVerifier {
    private final SigningKeySource keys;
    private final Clock clock;
    private final Optional<String> expectedIssuer;
    private final Optional<Duration> maxAge;

    public TokenVerifier(SigningKeySource keys, Clock clock, Optional<String> expectedIssuer,
                         Optional<Duration> maxAge) {
        this.keys = keys;
        this.clock = clock;
        this.expectedIssuer = expectedIssuer;
        this.maxAge = maxAge;
    }

    /** Verifies a compact token {@code header.payload.signature}. */
    public VerifiedToken verify(String token) throws TokenException {
        UnverifiedToken decoded = UnverifiedToken.parse(token);
        checkAlgorithm(decoded.header());
        String keyId = keyId(decoded.header());
        checkSignature(decoded, loadKey(keyId));
        TokenClaims claims = claims(decoded.claims());
        checkValidity(claims, decoded.claims());
        return new VerifiedToken(decoded, keyId, claims);
    }

    /**
     * The server's side of the TOKEN method (30 §4.5): the client sends only {@code header.payload}, proving that
     * it knows the signature without sending it. Applies every check of {@link #verify} except the signature
     * comparison, and returns the token with the signature recomputed with our key, from which the method's
     * proof keys are derived.
     */
    public VerifiedToken verifySigningInput(String signingInput) throws TokenException {
        UnverifiedToken unsigned = UnverifiedToken.parse(signingInput + ".");
        checkAlgorithm(unsigned.header());
        String keyId = keyId(unsigned.header());
        SigningKey key = loadKey(keyId);
        TokenClaims claims = claims(unsigned.claims());
        checkValidity(claims, unsigned.claims());
        Base64URL signature = TokenSigner.signature(key, signingInput);
        return new VerifiedToken(UnverifiedToken.parse(signingInput + "." + signature), keyId, claims);
    }

    private static void checkAlgorithm(Map<String, Object> header) throws TokenRejectedException {
        if (!(header.get("alg") instanceof String alg)) {
            throw new TokenRejectedException(Reason.MISSING_ALGORITHM, "token header has no string alg");
        }
        if (alg.equalsIgnoreCase("none")) {
            throw new TokenRejectedException(Reason.ALGORITHM_NONE, "token is unsigned (alg none)");
        }
        if (!alg.equals("HS256")) {
            throw new TokenRejectedException(Reason.UNSUPPORTED_ALGORITHM,
                    "token algorithm " + alg + " is not HS256");
        }
    }

    private static String keyId(Map<String, Object> header) throws TokenRejectedException {
        Object kid = header.get("kid");
        if (!(kid instanceof String id) || id.isEmpty()) {
            throw new TokenRejectedException(Reason.INVALID_KEY_ID, "token header has no kid");
        }
        if (id.contains("/") || id.indexOf('\0') >= 0 || id.equals(".") || id.equals("..")) {
            throw new TokenRejectedException(Reason.INVALID_KEY_ID, "token kid " + id + " is not a key name");
        }
        return id;
    }

    private SigningKey loadKey(String keyId) throws TokenRejectedException {
        try {
            return keys.load(keyId);
        } catch (KeyFileException e) {
            Reason reason = e.detail().equals(SigningKeyStore.NO_SUCH_KEY) ? Reason.UNKNOWN_KEY_ID : Reason.KEY_UNUSABLE;
            throw new TokenRejectedException(reason,
                    "signing key " + keyId + " cannot be used: " + e.getMessage() + " (" + e.detail() + ")", e);
        }
    }

    private static void checkSignature(UnverifiedToken token, SigningKey key) throws TokenRejectedException {
        byte[] signature = token.signature();
        boolean valid;
        try {
            MACVerifier verifier = new MACVerifier(key.hmacKey());
            JceProvider.use(verifier.getJCAContext());
            valid = signature.length > 0 && verifier.verify(new JWSHeader(JWSAlgorithm.HS256),
                    token.signingInput().getBytes(StandardCharsets.US_ASCII), Base64URL.encode(signature));
        } catch (JOSEException e) {
            // Cannot happen: the derived key is always 256 bits and the header names HS256.
            throw new IllegalStateException("nimbus refused an HS256 verification", e);
        }
        if (!valid) {
            throw new TokenRejectedException(Reason.BAD_SIGNATURE,
                    "token signature does not match (tampered token or a different key " + key.id() + ")");
        }
    }

    private static TokenClaims claims(Map<String, Object> claims) throws TokenRejectedException {
        OptionalLong exp = integerClaim(claims, "exp");
        OptionalLong iat = integerClaim(claims, "iat");
        integerClaim(claims, "nbf");
        String issuer = requiredString(claims, "iss");
        if (issuer.isEmpty()) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM, "token iss is empty");
        }
        String subject = requiredString(claims, "sub");
        return new TokenClaims(subject, issuer, iat, exp, optionalString(claims, "jti"),
                optionalString(claims, "scope"));
    }

    private void checkValidity(TokenClaims claims, Map<String, Object> all) throws TokenRejectedException {
        if (expectedIssuer.isPresent() && !expectedIssuer.get().equals(claims.issuer())) {
            throw new TokenRejectedException(Reason.WRONG_ISSUER,
                    "token issuer " + claims.issuer() + " is not " + expectedIssuer.get());
        }
        long now = clock.instant().getEpochSecond();
        if (claims.expiresAt().isPresent() && now > claims.expiresAt().getAsLong()) {
            throw new TokenRejectedException(Reason.EXPIRED, "token expired "
                    + (now - claims.expiresAt().getAsLong()) + " seconds ago");
        }
        OptionalLong nbf = integerClaim(all, "nbf");
        if (nbf.isPresent() && now < nbf.getAsLong()) {
            throw new TokenRejectedException(Reason.NOT_YET_VALID, "token is not valid for another "
                    + (nbf.getAsLong() - now) + " seconds (nbf)");
        }
        if (maxAge.isPresent() && claims.issuedAt().isPresent()
                && now - claims.issuedAt().getAsLong() > maxAge.get().toSeconds()) {
            throw new TokenRejectedException(Reason.TOO_OLD, "token was issued "
                    + (now - claims.issuedAt().getAsLong()) + " seconds ago, more than the maximum age of "
                    + maxAge.get().toSeconds());
        }
    }

    private static OptionalLong integerClaim(Map<String, Object> claims, String name) throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            return OptionalLong.empty();
        }
        if (!(value instanceof Long number)) {
            throw new TokenRejectedException(Reason.WRONG_CLAIM_TYPE, "token " + name + " is not an integer");
        }
        return OptionalLong.of(number);
    }

    private static String requiredString(Map<String, Object> claims, String name) throws TokenRejectedException {
        if (!claims.containsKey(name)) {
            throw new TokenRejectedException(Reason.MISSING_CLAIM, "token has no " + name + " claim");
        }
        return optionalString(claims, name).orElseThrow();
    }

    private static Optional<String> optionalString(Map<String, Object> claims, String name)
            throws TokenRejectedException {
        Object value = claims.get(name);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw new TokenRejectedException(Reason.WRONG_CLAIM_TYPE, "token " + name + " is not a string");
        }
        return Optional.of(text);
    }
}
