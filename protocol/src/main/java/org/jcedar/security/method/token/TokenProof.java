package org.jcedar.security.method.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SHA1Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * The key derivation and MACs of the TOKEN method (30 §4.5, §4.6), shared by both halves: from the token's
 * signature and its {@code header.payload} text, K and K' by HKDF-SHA256 with HTCondor's fixed 256-byte seeds,
 * then HMAC-SHA1 proofs over the names and the two random challenges. Bouncycastle's lightweight HMAC, as
 * for the key derivation: a client needs no JCE provider (docs/performance.md).
 */
final class TokenProof {
    /** Length of each random challenge (AUTH_PW_KEY_LEN). */
    static final int CHALLENGE_LENGTH = 256;
    /** Length of an HMAC-SHA1 proof. */
    static final int PROOF_LENGTH = 20;

    // The two fixed seeds HTCondor compiles in (Condor_Auth_Passwd::setup_seed); they salt the key derivation.
    private static final byte[] SEED_KA = HexFormat.of().parseHex(
            "3e4a502047d5f4e5dc7c69bb5210cbb6167add8084f7dd9ef3ad2cca71d283dd"
            + "114a4fbb7b1ee90adfa862c44304de5473a3172f735c2cbb6e775b5d40d39fac"
            + "e873182523f9252b623be0d4b167a3a8040cacfee9ee3da02c0abbf4d9d8b11f"
            + "89004c943923ce5d9508bb3f04bc66a3fa20a13a416c5e6f4e0d3187d45fc783"
            + "35c5e485db2c5a3717970cc26e7b6b9d1965b47a67df77a31f22f08a6c0ba570"
            + "97a21a9ca7c60424f72739ab5cb915a4185bd109828e35e42108ab851c08a3df"
            + "fde0e3b06f3d3938cdad6df6ef9a6f6dc2cb74f0228512eb7a3d6823010684b0"
            + "15c12ac3014c4f9f938e384dad1e3bd745ff8c141fd70b465ba8af5d1b98b4b1");
    private static final byte[] SEED_KB = HexFormat.of().parseHex(
            "010026ad75dfc6c190a5a266b0d1b5d860f7cfa38467205501cd460d4a88d473"
            + "fa52e0b3e9141e33c97d851eee2dd33632f3886768ef010ec8dfdd668ade92d5"
            + "c34308bb243895d84ed785e27268cc5ee7560de49828fab766c2ad8c0b2c0afb"
            + "435c382db5d2ff36a8aead5820470a9ad45d79856f5e2ece894bd2507929dcf2"
            + "6f7d09f0028f1ac4d971f4820c5f54717e9dcdabeb215f61655dead4b72c3d3b"
            + "5f66fa4b30b85888d62facd4129c1304919f69ad6d8c2c43d9ce5cdb31d45803"
            + "52c7362b8d80b7ef1bba5d676660a944764502f91d1d3c54910c088bccb72b11"
            + "948a5e1a1dcd04369c17d298804c216e7a2690b8c0e970363300d092df24fb8c");

    private final byte[] k;

    /**
     * @param signature  the raw JWT signature (the client decodes it from its token; the server recomputes it)
     * @param signedText the token's {@code header.payload} as it travels in the first message
     */
    TokenProof(byte[] signature, String signedText) {
        this.k = hkdf(signature, concat(SEED_KA, signedText.getBytes(StandardCharsets.US_ASCII)), "master ka");
    }

    /** The server's proof in message 2: HMAC-SHA1(K, A || ' ' || B || 0 || ra || rb). */
    byte[] serverProof(String clientName, String serverName, byte[] ra, byte[] rb) {
        return hmac(concat(bytes(clientName), new byte[] {' '}, bytes(serverName), new byte[] {0}, ra, rb));
    }

    /** The client's proof in message 3: HMAC-SHA1(K, A || 0 || rb). */
    byte[] clientProof(String clientName, byte[] rb) {
        return hmac(concat(bytes(clientName), new byte[] {0}, rb));
    }

    /** Constant-time comparison of a received proof with the expected one. */
    static boolean sameProof(byte[] expected, byte[] received) {
        return MessageDigest.isEqual(expected, received);
    }

    private byte[] hmac(byte[] message) {
        HMac mac = new HMac(new SHA1Digest());
        mac.init(new KeyParameter(k));
        mac.update(message, 0, message.length);
        byte[] proof = new byte[PROOF_LENGTH];
        mac.doFinal(proof, 0);
        return proof;
    }

    private static byte[] hkdf(byte[] ikm, byte[] salt, String info) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt, info.getBytes(StandardCharsets.US_ASCII)));
        byte[] out = new byte[32];
        generator.generateBytes(out, 0, out.length);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] p : parts) {
            length += p.length;
        }
        byte[] out = new byte[length];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
