package org.jcedar.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The JWT decoder and verifier on arbitrary and mutated input: typed errors only, never a forged accept. */
class UnverifiedTokenProperties {
    private static final SigningKey KEY = SigningKey.fromSecret("VECKEY",
            SigningKey.secretFromFile(Vectors.bytes("protocol-30/VECKEY.key"), false, false));
    private static final String VALID = Vectors.token("protocol-30/vector-a.jwt");
    private static final TokenVerifier VERIFIER = new TokenVerifier(kid -> KEY,
            Clock.fixed(Instant.ofEpochSecond(1795821892), ZoneOffset.UTC), Optional.empty(), Optional.empty());

    @Property
    void arbitraryTextDecodesOrFailsWithMalformedTokenException(@ForAll String text) {
        try {
            UnverifiedToken.parse(text);
        } catch (MalformedTokenException expected) {
            // the only failure allowed
        }
    }

    @Property
    void arbitraryDotSeparatedBase64DecodesOrFailsTyped(@ForAll("base64ish") String token) {
        try {
            UnverifiedToken.parse(token);
        } catch (MalformedTokenException expected) {
            // the only failure allowed
        }
    }

    @Property
    void aMutatedTokenIsNeverAccepted(@ForAll("mutations") String mutated) {
        Assume.that(!sameBytes(mutated));
        try {
            VERIFIER.verify(mutated);
            throw new AssertionError("accepted a mutated token: " + mutated);
        } catch (TokenException expected) {
            // MalformedTokenException or TokenRejectedException
        }
    }

    @Property
    void mintedTokensVerifyWithTheSameClaims(@ForAll("subjects") String subject,
                                             @ForAll("authorizations") List<String> authorizations) throws Exception {
        TokenClaims claims = TokenClaims.issue(subject, "vector.example", authorizations, 60,
                Clock.fixed(Instant.ofEpochSecond(1795821892), ZoneOffset.UTC), new SecureRandom());
        VerifiedToken verified = VERIFIER.verify(TokenSigner.mint(claims, KEY));
        if (!verified.claims().equals(claims)) {
            throw new AssertionError(verified.claims() + " != " + claims);
        }
    }

    /** True if the text carries VALID's exact signed bytes (base64url ignores the unused low bits). */
    private static boolean sameBytes(String token) {
        try {
            UnverifiedToken decoded = UnverifiedToken.parse(token);
            UnverifiedToken valid = UnverifiedToken.parse(VALID);
            return decoded.signingInput().equals(valid.signingInput())
                    && java.util.Arrays.equals(decoded.signature(), valid.signature());
        } catch (MalformedTokenException e) {
            return false;
        }
    }

    @Provide
    Arbitrary<String> base64ish() {
        Arbitrary<String> part = Arbitraries.strings().withChars("ABCxyz019-_=+/. e").ofMaxLength(24);
        return Combinators.combine(part, part, part).as((a, b, c) -> a + "." + b + "." + c);
    }

    @Provide
    Arbitrary<String> mutations() {
        Arbitrary<Integer> position = Arbitraries.integers().between(0, VALID.length() - 1);
        Arbitrary<Character> replacement = Arbitraries.chars().with("AZaz09-_.=+/ \u0000\u00e9".toCharArray());
        return Arbitraries.oneOf(
                Combinators.combine(position, replacement)
                        .as((i, c) -> VALID.substring(0, i) + c + VALID.substring(i + 1)),
                position.map(i -> VALID.substring(0, i) + VALID.substring(i + 1)),
                Combinators.combine(position, replacement).as((i, c) -> VALID.substring(0, i) + c + VALID.substring(i)),
                position.map(i -> VALID.substring(0, i)));
    }

    @Provide
    Arbitrary<String> subjects() {
        return Arbitraries.strings().all().ofMaxLength(40)
                .filter(s -> new String(s.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8).equals(s));
    }

    @Provide
    Arbitrary<List<String>> authorizations() {
        return Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZ_/\"\\").ofMinLength(1).ofMaxLength(12)
                .list().ofMaxSize(4);
    }
}
