package org.jcedar.command;

import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jcedar.keys.KeyFileException;
import org.jcedar.keys.SigningKey;
import org.jcedar.keys.SigningKeyStore;
import org.jcedar.keys.TokenClaims;
import org.jcedar.keys.TokenSigner;

/**
 * How a daemon makes a token (HTCondor's generate_token and get_token_signing_key, 30 §2.3, §2.4): claims for a
 * subject, signed with one of its keys, issued by its trust domain. Failures carry HTCondor's error codes and
 * its {@code SUBSYS:code:message} text, as the daemons put them into their replies.
 */
public final class TokenGenerator {

    /** A token, or why there is none. */
    public record Outcome(Optional<String> token, int errorCode, String errorText) {
        static Outcome of(String token) {
            return new Outcome(Optional.of(token), 0, "");
        }

        static Outcome error(int code, String text) {
            return new Outcome(Optional.empty(), code, text);
        }
    }

    private final SigningKeyStore keys;
    private final String trustDomain;
    private final String issuerKey;
    private final Clock clock;
    private final SecureRandom random;

    /** @param issuerKey SEC_TOKEN_ISSUER_KEY (default POOL) */
    public TokenGenerator(SigningKeyStore keys, String trustDomain, String issuerKey, Clock clock,
                          SecureRandom random) {
        this.keys = keys;
        this.trustDomain = trustDomain;
        this.issuerKey = issuerKey;
        this.clock = clock;
        this.random = random;
    }

    /** The key the daemon signs with: SEC_TOKEN_ISSUER_KEY, if it holds that key. */
    public Optional<String> signingKey() {
        return holds(issuerKey) ? Optional.of(issuerKey) : Optional.empty();
    }

    /** The error of a daemon without its signing key (get_token_signing_key). */
    public static Outcome noSigningKey() {
        return Outcome.error(4, "TOKEN_UTILS:4:Server does not have a signing key configured.");
    }

    /**
     * A token for {@code subject} signed with {@code keyId}, limited to {@code authorizations} (none: no scope),
     * valid {@code lifetime} seconds (negative: no expiry).
     */
    public Outcome generate(String subject, String keyId, List<String> authorizations, long lifetime) {
        SigningKey key;
        try {
            key = keys.load(keyId);
        } catch (KeyFileException e) {
            return Outcome.error(1, "TOKEN:1:Failed to read file " + describePath(keyId) + " securely.");
        }
        Optional<String> issuerProblem = TokenClaims.issuerProblem(trustDomain);
        if (issuerProblem.isPresent()) {
            return Outcome.error(1, "PASSWD:1:" + issuerProblem.get());
        }
        TokenClaims claims = TokenClaims.issue(subject, trustDomain, authorizations, lifetime, clock, random);
        return Outcome.of(TokenSigner.mint(claims, key));
    }

    /** Whether the daemon holds a key of this name (hasTokenSigningKey). */
    public boolean holds(String kid) {
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
