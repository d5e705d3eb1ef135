package org.jcedar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Tokens we mint with the claims of a real token are byte-identical to it. */
class TokenSignerTest {
    @ParameterizedTest
    @ValueSource(strings = {
        "protocol-30/vector-a.jwt:protocol-30/VECKEY.key:VECKEY",
        "protocol-30/vector-c.jwt:protocol-30/VECKEY.key:VECKEY",
        "protocol-30/vector-b.jwt:protocol-30/VECKEY.key:POOL",
        "protocol-30/vector-d.jwt:protocol-30/VECKEY.key:POOL",
        "htcondor-23/create-veckey-authz.jwt:htcondor-23/VECKEY.key:VECKEY",
        "htcondor-23/create-veckey-escapes.jwt:htcondor-23/VECKEY.key:VECKEY",
        "htcondor-23/create-veckey-nosub.jwt:htcondor-23/VECKEY.key:VECKEY",
        "htcondor-23/create-pool.jwt:htcondor-23/POOL.key:POOL",
        "htcondor-23/create-nulkey-pool.jwt:htcondor-23/NULKEY.key:POOL",
        "htcondor-25/create-veckey-authz.jwt:htcondor-25/VECKEY.key:VECKEY",
        "htcondor-25/create-veckey-escapes.jwt:htcondor-25/VECKEY.key:VECKEY",
        "htcondor-25/create-veckey-nosub.jwt:htcondor-25/VECKEY.key:VECKEY",
        "htcondor-25/create-pool.jwt:htcondor-25/POOL.key:POOL",
        "htcondor-25/create-nulkey-pool.jwt:htcondor-25/NULKEY.key:POOL",
    })
    void remintingARealTokenGivesTheSameBytes(String spec) throws Exception {
        String[] parts = spec.split(":");
        String real = Vectors.token(parts[0]);
        boolean pool = parts[2].equals("POOL");
        SigningKey key = SigningKey.fromSecret(parts[2],
                SigningKey.secretFromFile(Vectors.bytes(parts[1]), pool, false));
        VerifiedToken verified = verifierAt(key, real).verify(real);
        assertEquals(real, TokenSigner.mint(verified.claims(), key));
    }

    @Test
    void isPasswordModeTruncatesAtNulsLikeHtcondor() throws Exception {
        for (String version : List.of("htcondor-23", "htcondor-25")) {
            String real = Vectors.token(version + "/create-nulkey-is-password.jwt");
            byte[] file = Vectors.bytes(version + "/NULKEY.key");
            byte[] secret = SigningKey.secretFromFile(file, true, true);
            assertEquals(20, secret.length, "cut to 10 bytes at the NUL, then doubled");
            SigningKey key = SigningKey.fromSecret("POOL", secret);
            assertEquals(real, TokenSigner.mint(verifierAt(key, real).verify(real).claims(), key));
            SigningKey untruncated = SigningKey.fromSecret("POOL", SigningKey.secretFromFile(file, true, false));
            TokenRejectedException e = assertThrows(TokenRejectedException.class,
                    () -> verifierAt(untruncated, real).verify(real));
            assertEquals(TokenRejectedException.Reason.BAD_SIGNATURE, e.reason());
        }
    }

    @Test
    void issueWritesHtcondorsClaims() throws Exception {
        Clock clock = Clock.fixed(Instant.ofEpochSecond(1795821892), ZoneOffset.UTC);
        TokenClaims claims = TokenClaims.issue("alice@vector.example", "vector.example", List.of("READ", "WRITE"),
                3600, clock, new SecureRandom());
        assertEquals(OptionalLong.of(1795821892), claims.issuedAt());
        assertEquals(OptionalLong.of(1795825492), claims.expiresAt());
        assertEquals(Optional.of("condor:/READ condor:/WRITE"), claims.scope());
        assertEquals(List.of("READ", "WRITE"), claims.authorizations());
        assertEquals(32, claims.jwtId().orElseThrow().length());
        assertEquals(claims.jwtId().orElseThrow(), claims.jwtId().orElseThrow().toLowerCase());

        TokenClaims noExp = TokenClaims.issue("bob", "d", List.of(), -1, clock, new SecureRandom());
        assertEquals(OptionalLong.empty(), noExp.expiresAt());
        assertEquals(Optional.empty(), noExp.scope());
        TokenClaims zero = TokenClaims.issue("bob", "d", List.of(), 0, clock, new SecureRandom());
        assertEquals(OptionalLong.of(1795821892), zero.expiresAt());
    }

    @Test
    void issuerMustBeAValidTrustDomain() {
        Clock clock = Clock.systemUTC();
        assertEquals("Issuer namespace is not set", assertThrows(IllegalArgumentException.class,
                () -> TokenClaims.issue("a", "", List.of(), -1, clock, new SecureRandom())).getMessage());
        for (String bad : List.of("a b", "a,b", "a\tb")) {
            assertEquals("Issuer namespace may not contain spaces or commas",
                    TokenClaims.issuerProblem(bad).orElseThrow());
        }
        assertEquals(Optional.empty(), TokenClaims.issuerProblem("vector.example"));
    }

    /** A verifier holding only {@code key}, at the token's own iat. */
    static TokenVerifier verifierAt(SigningKey key, String token) throws Exception {
        long iat = (Long) UnverifiedToken.parse(token).claims().get("iat");
        return new TokenVerifier(kid -> key, Clock.fixed(Instant.ofEpochSecond(iat), ZoneOffset.UTC),
                Optional.empty(), Optional.empty());
    }
}
