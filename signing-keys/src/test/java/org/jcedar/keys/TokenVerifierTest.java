package org.jcedar.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jcedar.keys.TokenRejectedException.Reason;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real tokens verify; every way a token can be bad is refused with its own reason and message. */
class TokenVerifierTest {
    private static final long NOW = 1795821892;
    private static final String GOOD_HEADER = "{\"alg\":\"HS256\",\"kid\":\"VECKEY\"}";
    private static final String GOOD_PAYLOAD =
            "{\"exp\":" + (NOW + 60) + ",\"iat\":" + NOW + ",\"iss\":\"vector.example\",\"sub\":\"alice\"}";

    @TempDir
    Path dir;
    private SigningKeyStore store;

    @BeforeEach
    void installKeys() throws Exception {
        Files.createDirectory(dir.resolve("passwords.d"));
        Vectors.installKey("protocol-30/VECKEY.key", dir.resolve("passwords.d"), "VECKEY");
        Vectors.installKey("protocol-30/VECKEY.key", dir, "POOL");
        store = new SigningKeyStore(Optional.of(dir.resolve("passwords.d")), Optional.of(dir.resolve("POOL")), false,
                Pattern.compile(SigningKeyStore.DEFAULT_EXCLUDE_REGEXP), ProcessIdentity.realUid());
    }

    private TokenVerifier verifier(long now) {
        return new TokenVerifier(store, Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC), Optional.empty(),
                Optional.empty());
    }

    @Test
    void realTokensVerify() throws Exception {
        for (String vector : List.of("vector-a", "vector-b", "vector-c", "vector-d")) {
            String token = Vectors.token("protocol-30/" + vector + ".jwt");
            VerifiedToken verified = verifier(NOW).verify(token);
            assertEquals("vector.example", verified.claims().issuer(), vector);
            assertEquals(token.substring(0, token.lastIndexOf('.')), verified.token().signingInput());
        }
        VerifiedToken a = verifier(NOW).verify(Vectors.token("protocol-30/vector-a.jwt"));
        assertEquals("VECKEY", a.keyId());
        assertEquals("alice@vector.example", a.claims().subject());
        assertEquals(List.of("READ", "WRITE"), a.claims().authorizations());
    }

    @Test
    void tokensOfRealCondorTokenCreate23And25Verify() throws Exception {
        for (String version : List.of("htcondor-23", "htcondor-25")) {
            Vectors.installKey(version + "/POOL.key", dir, "POOL");
            for (String name : List.of("create-veckey-authz", "create-veckey-escapes", "create-veckey-nosub",
                    "create-pool")) {
                String token = Vectors.token(version + "/" + name + ".jwt");
                long iat = (Long) UnverifiedToken.parse(token).claims().get("iat");
                VerifiedToken verified = verifier(iat).verify(token);
                assertEquals(version.equals("htcondor-23") ? "keys23.test" : "keys25.test",
                        verified.claims().issuer());
            }
            String escapes = Vectors.token(version + "/create-veckey-escapes.jwt");
            TokenClaims claims = verifier(NOW).verify(escapes).claims();
            assertEquals("we/ird \"q\" \\b\t\u0001\u007f\u00e9\u20ac\ud83d\ude00", claims.subject());
            assertEquals(List.of("A/B", "x\"y"), claims.authorizations());
        }
    }

    @Test
    void expiryHoldsDuringTheSecondOfExp() throws Exception {
        String token = sign(GOOD_HEADER, GOOD_PAYLOAD);
        verifier(NOW + 60).verify(token);
        assertRejected(Reason.EXPIRED, "token expired 1 seconds ago", verifier(NOW + 61), token);
    }

    @Test
    void notBeforeAndMaxAgeAndIssuer() throws Exception {
        String nbf = sign(GOOD_HEADER, "{\"iss\":\"d\",\"nbf\":" + (NOW + 5) + ",\"sub\":\"a\"}");
        assertRejected(Reason.NOT_YET_VALID, "token is not valid for another 5 seconds (nbf)", verifier(NOW), nbf);
        verifier(NOW + 5).verify(nbf);

        String token = sign(GOOD_HEADER, GOOD_PAYLOAD);
        Clock clock = Clock.fixed(Instant.ofEpochSecond(NOW + 31), ZoneOffset.UTC);
        assertRejected(Reason.TOO_OLD, "token was issued 31 seconds ago, more than the maximum age of 30",
                new TokenVerifier(store, clock, Optional.empty(), Optional.of(Duration.ofSeconds(30))), token);
        new TokenVerifier(store, clock, Optional.empty(), Optional.of(Duration.ofSeconds(31))).verify(token);

        assertRejected(Reason.WRONG_ISSUER, "token issuer vector.example is not other.example",
                new TokenVerifier(store, clock, Optional.of("other.example"), Optional.empty()), token);
        new TokenVerifier(store, clock, Optional.of("vector.example"), Optional.empty()).verify(token);
    }

    @Test
    void algorithmMustBeHs256() throws Exception {
        assertRejected(Reason.ALGORITHM_NONE, "token is unsigned (alg none)", verifier(NOW),
                b64("{\"alg\":\"none\",\"kid\":\"VECKEY\"}") + "." + b64(GOOD_PAYLOAD) + ".");
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, "token algorithm HS512 is not HS256", verifier(NOW),
                sign("{\"alg\":\"HS512\",\"kid\":\"VECKEY\"}", GOOD_PAYLOAD));
        assertRejected(Reason.UNSUPPORTED_ALGORITHM, "token algorithm RS256 is not HS256", verifier(NOW),
                sign("{\"alg\":\"RS256\",\"kid\":\"VECKEY\"}", GOOD_PAYLOAD));
        assertRejected(Reason.MISSING_ALGORITHM, "token header has no string alg", verifier(NOW),
                sign("{\"kid\":\"VECKEY\"}", GOOD_PAYLOAD));
        assertRejected(Reason.MISSING_ALGORITHM, "token header has no string alg", verifier(NOW),
                sign("{\"alg\":256,\"kid\":\"VECKEY\"}", GOOD_PAYLOAD));
    }

    @Test
    void keyIdMustNameAUsableKey() throws Exception {
        assertRejected(Reason.INVALID_KEY_ID, "token header has no kid", verifier(NOW),
                sign("{\"alg\":\"HS256\"}", GOOD_PAYLOAD));
        assertRejected(Reason.INVALID_KEY_ID, "token header has no kid", verifier(NOW),
                sign("{\"alg\":\"HS256\",\"kid\":\"\"}", GOOD_PAYLOAD));
        assertRejected(Reason.INVALID_KEY_ID, "token kid ../POOL is not a key name", verifier(NOW),
                sign("{\"alg\":\"HS256\",\"kid\":\"..\\/POOL\"}", GOOD_PAYLOAD));
        TokenRejectedException unknown = assertRejected(Reason.UNKNOWN_KEY_ID, null, verifier(NOW),
                sign("{\"alg\":\"HS256\",\"kid\":\"NOPE\"}", GOOD_PAYLOAD));
        assertEquals("signing key NOPE cannot be used: Failed to read file " + dir.resolve("passwords.d/NOPE")
                + " securely. (no such file)", unknown.getMessage());

        Files.setPosixFilePermissions(dir.resolve("passwords.d/VECKEY"), PosixFilePermissions.fromString("rw-r--r--"));
        TokenRejectedException insecure = assertRejected(Reason.KEY_UNUSABLE, null, verifier(NOW),
                sign(GOOD_HEADER, GOOD_PAYLOAD));
        assertTrue(insecure.getMessage().endsWith("file must not be readable by others, had perms 100644)"),
                insecure.getMessage());
    }

    @Test
    void tamperedOrMissingSignatureIsRefused() throws Exception {
        String token = Vectors.token("protocol-30/vector-a.jwt");
        String[] parts = token.split("\\.");
        String otherPayload = b64(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("alice", "mallory"));
        String message = "token signature does not match (tampered token or a different key VECKEY)";
        assertRejected(Reason.BAD_SIGNATURE, message, verifier(NOW), parts[0] + "." + otherPayload + "." + parts[2]);
        char last = parts[2].charAt(0);
        String flipped = (last == 'A' ? 'B' : 'A') + parts[2].substring(1);
        assertRejected(Reason.BAD_SIGNATURE, message, verifier(NOW), parts[0] + "." + parts[1] + "." + flipped);
        assertRejected(Reason.BAD_SIGNATURE, message, verifier(NOW), parts[0] + "." + parts[1] + ".");
        // Signed with the POOL secret but naming VECKEY: a different key.
        String vectorB = Vectors.token("protocol-30/vector-b.jwt");
        assertRejected(Reason.BAD_SIGNATURE, message, verifier(NOW),
                parts[0] + vectorB.substring(vectorB.indexOf('.')));
    }

    @Test
    void claimsMustBePresentWithTheRightTypes() throws Exception {
        assertClaims(Reason.MISSING_CLAIM, "token has no iss claim", "{\"sub\":\"a\"}");
        assertClaims(Reason.MISSING_CLAIM, "token iss is empty", "{\"iss\":\"\",\"sub\":\"a\"}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token iss is not a string", "{\"iss\":1,\"sub\":\"a\"}");
        assertClaims(Reason.MISSING_CLAIM, "token has no sub claim", "{\"iss\":\"d\"}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token sub is not a string", "{\"iss\":\"d\",\"sub\":null}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token exp is not an integer",
                "{\"exp\":\"1795821900\",\"iss\":\"d\",\"sub\":\"a\"}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token exp is not an integer",
                "{\"exp\":1.7958219e9,\"iss\":\"d\",\"sub\":\"a\"}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token iat is not an integer", "{\"iat\":true,\"iss\":\"d\",\"sub\":\"a\"}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token nbf is not an integer", "{\"iss\":\"d\",\"nbf\":[],\"sub\":\"a\"}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token scope is not a string",
                "{\"iss\":\"d\",\"scope\":[\"condor:/READ\"],\"sub\":\"a\"}");
        assertClaims(Reason.WRONG_CLAIM_TYPE, "token jti is not a string", "{\"iss\":\"d\",\"jti\":5,\"sub\":\"a\"}");
        verifier(NOW).verify(sign(GOOD_HEADER, "{\"iss\":\"d\",\"sub\":\"\"}"));
    }

    @Test
    void malformedTokensAreMalformedNotRejected() {
        assertThrows(MalformedTokenException.class, () -> verifier(NOW).verify("not a token"));
        assertThrows(MalformedTokenException.class, () -> verifier(NOW).verify(b64(GOOD_HEADER) + ".e30"));
        assertThrows(MalformedTokenException.class, () -> verifier(NOW).verify(b64(GOOD_HEADER) + ".e3.x"));
    }

    private void assertClaims(Reason reason, String message, String payload) throws Exception {
        assertRejected(reason, message, verifier(NOW), sign(GOOD_HEADER, payload));
    }

    private static TokenRejectedException assertRejected(Reason reason, String message, TokenVerifier verifier,
                                                         String token) {
        TokenRejectedException e = assertThrows(TokenRejectedException.class, () -> verifier.verify(token));
        assertEquals(reason, e.reason(), e.getMessage());
        if (message != null) {
            assertEquals(message, e.getMessage());
        }
        return e;
    }

    /** Signs arbitrary header and payload text with the VECKEY named key (test-side HMAC). */
    private static String sign(String header, String payload) throws Exception {
        String input = b64(header) + "." + b64(payload);
        SigningKey key = SigningKey.fromSecret("VECKEY",
                SigningKey.secretFromFile(Vectors.bytes("protocol-30/VECKEY.key"), false, false));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.hmacKey(), "HmacSHA256"));
        return input + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String b64(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
