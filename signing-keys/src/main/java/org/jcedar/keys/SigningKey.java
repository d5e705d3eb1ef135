package org.jcedar.keys;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A token signing key: its id (the JWT {@code kid}) and the 32-byte HS256 key derived from the key file
 * (30 §1.3, §1.5). The raw secret is not kept; {@link #toString()} never shows key material.
 */
public final class SigningKey {
    /** The key id that names the pool key file rather than a file in the password directory. */
    public static final String POOL = "POOL";

    private static final byte[] SALT = "htcondor".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "master jwt".getBytes(StandardCharsets.US_ASCII);
    private static final int HMAC_KEY_LENGTH = 32;

    private final String id;
    private final byte[] hmacKey;

    private SigningKey(String id, byte[] hmacKey) {
        this.id = id;
        this.hmacKey = hmacKey;
    }

    /** Derives the HS256 key from the signing secret S (already unscrambled, and doubled for POOL). */
    public static SigningKey fromSecret(String id, byte[] secret) {
        return new SigningKey(id, Hkdf.sha256(secret, SALT, INFO, HMAC_KEY_LENGTH));
    }

    /**
     * Turns key-file bytes into the signing secret S. A named key is the unscrambled file; the POOL key is
     * the unscrambled file twice. With {@code poolKeyIsPassword} (SEC_TOKEN_POOL_SIGNING_KEY_IS_PASSWORD) the
     * POOL key is first cut at the first NUL of the file and again at the first NUL of the unscrambled bytes,
     * as pre-9.0 pool passwords were C strings.
     */
    public static byte[] secretFromFile(byte[] fileBytes, boolean isPool, boolean poolKeyIsPassword) {
        if (!isPool) {
            return KeyFileScrambler.scramble(fileBytes);
        }
        byte[] key = poolKeyIsPassword
                ? cutAtNul(KeyFileScrambler.scramble(cutAtNul(fileBytes)))
                : KeyFileScrambler.scramble(fileBytes);
        byte[] doubled = Arrays.copyOf(key, key.length * 2);
        System.arraycopy(key, 0, doubled, key.length, key.length);
        return doubled;
    }

    private static byte[] cutAtNul(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return Arrays.copyOf(bytes, i);
            }
        }
        return bytes;
    }

    public String id() {
        return id;
    }

    /** The HKDF-derived HS256 key {@code J}; a copy. */
    public byte[] hmacKey() {
        return hmacKey.clone();
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + "]";
    }
}
