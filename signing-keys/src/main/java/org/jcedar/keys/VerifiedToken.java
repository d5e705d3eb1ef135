package org.jcedar.keys;

/**
 * A token whose signature, algorithm, key and claims {@link TokenVerifier} accepted.
 *
 * @param token  the decoded token, for its signing input, signature and any further claims
 * @param keyId  the {@code kid} it was verified with
 * @param claims its claims, with types checked
 */
public record VerifiedToken(UnverifiedToken token, String keyId, TokenClaims claims) {
}
