package org.jcedar.keys;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** 30 §1.6 / §4.12: key file -> secret -> HMAC key -> signature, byte for byte. */
class SigningKeyTest {
    private static final byte[] KEY_FILE = Vectors.bytes("protocol-30/VECKEY.key");

    @Test
    void unscramblesTheKeyFile() {
        assertArrayEquals(Vectors.expectedHex("unscrambled"), KeyFileScrambler.scramble(KEY_FILE));
    }

    @Test
    void namedKeySecretIsTheUnscrambledFileAndGivesVectorAsHmacKey() {
        byte[] secret = SigningKey.secretFromFile(KEY_FILE, false, false);
        assertArrayEquals(Vectors.expectedHex("unscrambled"), secret);
        assertArrayEquals(Vectors.expectedHex("named.J"), SigningKey.fromSecret("VECKEY", secret).hmacKey());
    }

    @Test
    void poolKeySecretIsTheUnscrambledFileTwice() {
        byte[] secret = SigningKey.secretFromFile(KEY_FILE, true, false);
        byte[] once = Vectors.expectedHex("unscrambled");
        assertEquals(128, secret.length);
        assertArrayEquals(once, Arrays.copyOfRange(secret, 0, 64));
        assertArrayEquals(once, Arrays.copyOfRange(secret, 64, 128));
        assertArrayEquals(Vectors.expectedHex("pool.J"), SigningKey.fromSecret("POOL", secret).hmacKey());
    }

    @Test
    void signaturesOfTheFourRecordedTokensAreReproduced() throws Exception {
        SigningKey named = SigningKey.fromSecret("VECKEY", SigningKey.secretFromFile(KEY_FILE, false, false));
        SigningKey pool = SigningKey.fromSecret("POOL", SigningKey.secretFromFile(KEY_FILE, true, false));
        assertSignature("vector-a", named);
        assertSignature("vector-c", named);
        assertSignature("vector-b", pool);
        assertSignature("vector-d", pool);
    }

    private static void assertSignature(String vector, SigningKey key) throws Exception {
        UnverifiedToken token = UnverifiedToken.parse(Vectors.token("protocol-30/" + vector + ".jwt"));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.hmacKey(), "HmacSHA256"));
        byte[] computed = mac.doFinal(token.signingInput().getBytes(StandardCharsets.US_ASCII));
        assertArrayEquals(Vectors.expectedHex(vector + ".sig"), computed, vector);
        assertArrayEquals(Vectors.expectedHex(vector + ".sig"), token.signature(), vector);
    }

    @Test
    void withoutDoublingOrUnscramblingThePoolSignatureDoesNotMatch() {
        byte[] expected = Vectors.expectedHex("pool.J");
        assertFalse(Arrays.equals(expected,
                SigningKey.fromSecret("POOL", SigningKey.secretFromFile(KEY_FILE, false, false)).hmacKey()));
        byte[] scrambledTwice = new byte[128];
        System.arraycopy(KEY_FILE, 0, scrambledTwice, 0, 64);
        System.arraycopy(KEY_FILE, 0, scrambledTwice, 64, 64);
        assertFalse(Arrays.equals(expected, SigningKey.fromSecret("POOL", scrambledTwice).hmacKey()));
    }

    @Test
    void toStringShowsNoKeyMaterial() {
        assertEquals("SigningKey[VECKEY]",
                SigningKey.fromSecret("VECKEY", SigningKey.secretFromFile(KEY_FILE, false, false)).toString());
    }
}
