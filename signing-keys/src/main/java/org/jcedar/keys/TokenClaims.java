package org.jcedar.keys;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The claims HTCondor puts in a token (30 §2.2): {@code sub}, {@code iss}, {@code iat}, {@code exp},
 * {@code jti} and {@code scope} (authorizations as {@code condor:/READ condor:/WRITE}).
 */
public record TokenClaims(String subject, String issuer, OptionalLong issuedAt, OptionalLong expiresAt,
                          Optional<String> jwtId, Optional<String> scope) {
    /** The prefix that turns a scope entry into an authorization limit (30 §2.5). */
    public static final String AUTHORIZATION_PREFIX = "condor:/";
    private static final int JTI_BYTES = 16;

    /**
     * The claims HTCondor's generate_token writes: {@code iat} now, {@code exp} now + lifetime unless the
     * lifetime is negative, {@code jti} 16 random bytes in lowercase hex, {@code scope} from the
     * authorization names copied verbatim (omitted when there are none).
     *
     * @throws IllegalArgumentException if {@code issuer} is not a valid trust domain
     *                                  ({@link #issuerProblem(String)})
     */
    public static TokenClaims issue(String subject, String issuer, List<String> authorizations,
                                    long lifetimeSeconds, Clock clock, SecureRandom random) {
        issuerProblem(issuer).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        long now = clock.instant().getEpochSecond();
        byte[] jti = new byte[JTI_BYTES];
        random.nextBytes(jti);
        Optional<String> scope = authorizations.isEmpty() ? Optional.empty()
                : Optional.of(String.join(" ", authorizations.stream().map(a -> AUTHORIZATION_PREFIX + a).toList()));
        return new TokenClaims(subject, issuer, OptionalLong.of(now),
                lifetimeSeconds < 0 ? OptionalLong.empty() : OptionalLong.of(now + lifetimeSeconds),
                Optional.of(HexFormat.of().formatHex(jti)), scope);
    }

    /** HTCondor's rule for a trust domain used as issuer, with its message, or empty if it is fine. */
    public static Optional<String> issuerProblem(String issuer) {
        if (issuer == null || issuer.isEmpty()) {
            return Optional.of("Issuer namespace is not set");
        }
        if (issuer.contains(",") || issuer.contains(" ") || issuer.contains("\t")) {
            return Optional.of("Issuer namespace may not contain spaces or commas");
        }
        return Optional.empty();
    }

    /** Every scope entry (split on commas and whitespace), as the server records them in AuthTokenScopes. */
    public List<String> scopeEntries() {
        return scope.map(s -> Arrays.stream(s.split("[,\\s]+")).filter(e -> !e.isEmpty()).toList())
                .orElse(List.of());
    }

    /** The scope entries that start with {@code condor:/}, without that prefix: the authorization limits. */
    public List<String> authorizations() {
        return scopeEntries().stream().filter(e -> e.startsWith(AUTHORIZATION_PREFIX))
                .map(e -> e.substring(AUTHORIZATION_PREFIX.length())).toList();
    }

    /** The payload JSON exactly as HTCondor serialises these claims. */
    public byte[] toPayloadJson() {
        Map<String, Object> members = new LinkedHashMap<>();
        expiresAt.ifPresent(exp -> members.put("exp", exp));
        issuedAt.ifPresent(iat -> members.put("iat", iat));
        members.put("iss", issuer);
        jwtId.ifPresent(jti -> members.put("jti", jti));
        scope.ifPresent(s -> members.put("scope", s));
        members.put("sub", subject);
        return PicoJsonWriter.object(members);
    }
}
