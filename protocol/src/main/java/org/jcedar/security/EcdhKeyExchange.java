package org.jcedar.security;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.agreement.ECDHBasicAgreement;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * One side's ephemeral P-256 key for a new session (20 §8): the public half travels as {@code ECDHPublicKey},
 * base64 of the 65-byte uncompressed point (not SPKI); the session key is HKDF-SHA256 of the ECDH secret with
 * salt "htcondor" and info "keygen".
 *
 * <p>Bouncycastle's lightweight API, with its specialised P-256 arithmetic, is used rather than the JDK's
 * providers: it is about five times faster here, and the key exchange dominates a token fetch's CPU time.
 */
public final class EcdhKeyExchange {
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256r1");
    private static final ECDomainParameters DOMAIN =
            new ECDomainParameters(CURVE.getCurve(), CURVE.getG(), CURVE.getN(), CURVE.getH());
    private static final byte[] SALT = "htcondor".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] INFO = "keygen".getBytes(StandardCharsets.US_ASCII);
    private static final int POINT_LENGTH = 65;
    /**
     * How bouncycastle's own key-pair generator multiplies the base point: a table of multiples of G, built once
     * and kept with G, makes each public key about twice as fast as the curve's general multiplier.
     */
    private static final ECMultiplier BASE_POINT_MULTIPLIER = new FixedPointCombMultiplier();

    private final ECPrivateKeyParameters privateKey;
    private final byte[] publicPoint;

    private EcdhKeyExchange(BigInteger scalar) {
        this.privateKey = new ECPrivateKeyParameters(scalar, DOMAIN);
        this.publicPoint = BASE_POINT_MULTIPLIER.multiply(DOMAIN.getG(), scalar).normalize().getEncoded(false);
    }

    /** A fresh key pair. */
    public static EcdhKeyExchange generate(SecureRandom random) {
        BigInteger n = DOMAIN.getN();
        BigInteger d;
        do {
            d = new BigInteger(n.bitLength(), random);
        } while (d.signum() == 0 || d.compareTo(n) >= 0);
        return new EcdhKeyExchange(d);
    }

    /** A key pair from a known private scalar (32 bytes, big-endian): for replaying recorded sessions. */
    public static EcdhKeyExchange fromPrivateScalar(byte[] scalar) {
        BigInteger d = new BigInteger(1, scalar);
        if (d.signum() == 0 || d.compareTo(DOMAIN.getN()) >= 0) {
            throw new IllegalArgumentException("not a valid P-256 private scalar");
        }
        return new EcdhKeyExchange(d);
    }

    /** The value of the {@code ECDHPublicKey} attribute: standard base64 of 04 || X || Y, 88 characters. */
    public String publicKeyAttribute() {
        return Base64.getEncoder().encodeToString(publicPoint);
    }

    /**
     * Derives the session key from the peer's {@code ECDHPublicKey} attribute.
     *
     * @param length 32 for AES (the only cipher jcedar runs), 24 for the legacy ciphers
     * @throws HandshakeException when the attribute is not a base64 uncompressed point on P-256
     */
    public byte[] deriveSessionKey(String peerPublicKeyAttribute, int length) throws HandshakeException {
        ECPoint peer = decodePoint(peerPublicKeyAttribute);
        ECDHBasicAgreement agreement = new ECDHBasicAgreement();
        agreement.init(privateKey);
        byte[] secret = toFixedLength(agreement.calculateAgreement(new ECPublicKeyParameters(peer, DOMAIN)), 32);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(secret, SALT, INFO));
        byte[] key = new byte[length];
        hkdf.generateBytes(key, 0, length);
        return key;
    }

    private static ECPoint decodePoint(String attribute) throws HandshakeException {
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(attribute == null ? "" : attribute.strip());
        } catch (IllegalArgumentException e) {
            throw keyError("the peer's ECDHPublicKey is not base64");
        }
        if (encoded.length != POINT_LENGTH || encoded[0] != 0x04) {
            throw keyError("the peer's ECDHPublicKey is not a 65-byte uncompressed P-256 point");
        }
        try {
            ECPoint point = DOMAIN.getCurve().decodePoint(encoded);
            if (point.isInfinity() || !point.isValid()) {
                throw keyError("the peer's ECDHPublicKey is not a point on P-256");
            }
            return point;
        } catch (IllegalArgumentException e) {
            throw keyError("the peer's ECDHPublicKey is not a point on P-256");
        }
    }

    private static HandshakeException keyError(String message) {
        return new HandshakeException(CondorError.secman(CondorError.SECMAN_NO_KEY, message));
    }

    private static byte[] toFixedLength(BigInteger value, int length) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[length];
        int copy = Math.min(raw.length, length);
        System.arraycopy(raw, raw.length - copy, out, length - copy, copy);
        return out;
    }
}
