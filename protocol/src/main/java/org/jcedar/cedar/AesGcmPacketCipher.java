package org.jcedar.cedar;

import java.util.Arrays;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HTCondor's AES-256-GCM packet encryption (10 §1.6): every packet is sealed on its own with a 16-byte IV (GCM
 * with a 128-bit IV, not the usual 96) and a 16-byte tag. Each direction has a base IV and a packet counter; the
 * packet's IV is the base IV with the counter added to its first four bytes (big-endian, modulo 2^32). The base
 * IV travels in clear in front of the first packet of its direction only. The caller supplies the AAD, which
 * depends on the handshake digests ({@link HandshakeDigests}).
 *
 * <p>Bouncycastle's lightweight AES-GCM rather than the JCE's: a tool's first JCE cipher sets up the provider
 * framework, SunJCE and the providers listed before it, and the JCE's policy files, a tenth of a token fetch in a
 * fresh JVM (docs/performance.md).
 */
public final class AesGcmPacketCipher {
    public static final int KEY_LENGTH = 32;
    public static final int IV_LENGTH = 16;
    public static final int TAG_LENGTH = 16;
    /** HTCondor refuses to use the last counter value ("Hit max number of packets per connection"). */
    private static final int EXHAUSTED_COUNTER = 0xFFFFFFFF;

    private final KeyParameter key;
    private final GCMModeCipher sealer = GCMBlockCipher.newInstance(AESEngine.newInstance());
    private final GCMModeCipher opener = GCMBlockCipher.newInstance(AESEngine.newInstance());
    private final byte[] sendBaseIv;
    private int sendCounter;
    private byte[] receiveBaseIv;
    private int receiveCounter;

    /**
     * @param key32         the 32-byte session key (the same in both directions)
     * @param sendBaseIv16  this side's base IV; HTCondor draws 16 random bytes when the key is installed
     */
    public AesGcmPacketCipher(byte[] key32, byte[] sendBaseIv16) {
        this(key32, sendBaseIv16, 0);
    }

    /** Resumes sending at {@code sendCounter} (an unsigned 32-bit value), as if that many packets had been sent. */
    AesGcmPacketCipher(byte[] key32, byte[] sendBaseIv16, int sendCounter) {
        if (key32.length != KEY_LENGTH) {
            throw new IllegalArgumentException("AES-256 needs a 32-byte key, not " + key32.length);
        }
        if (sendBaseIv16.length != IV_LENGTH) {
            throw new IllegalArgumentException("the base IV has 16 bytes, not " + sendBaseIv16.length);
        }
        this.key = new KeyParameter(key32);
        this.sendBaseIv = sendBaseIv16.clone();
        this.sendCounter = sendCounter;
    }

    /** Body length of a sealed packet carrying {@code plaintextLength} bytes: IV (first packet only) + text + tag. */
    public int sealedLength(int plaintextLength) {
        return plaintextLength + TAG_LENGTH + (sendCounter == 0 ? IV_LENGTH : 0);
    }

    /** Plaintext length of a received body of {@code bodyLength} bytes; negative when it cannot hold IV and tag. */
    public int openedLength(int bodyLength) {
        return bodyLength - TAG_LENGTH - (receiveCounter == 0 ? IV_LENGTH : 0);
    }

    /** Seals one packet's plaintext; returns the wire body (base IV if this is the first packet, text, tag). */
    public byte[] seal(byte[] aad, byte[] plaintext, int offset, int length) {
        if (sendCounter == EXHAUSTED_COUNTER) {
            throw new IllegalStateException("AES-GCM packet counter exhausted for this connection");
        }
        int ivPrefix = sendCounter == 0 ? IV_LENGTH : 0;
        byte[] body = new byte[ivPrefix + length + TAG_LENGTH];
        System.arraycopy(sendBaseIv, 0, body, 0, ivPrefix);
        sealer.init(true, new AEADParameters(key, TAG_LENGTH * 8, packetIv(sendBaseIv, sendCounter), aad));
        int sealed = sealer.processBytes(plaintext, offset, length, body, ivPrefix);
        try {
            sealer.doFinal(body, ivPrefix + sealed);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
        sendCounter++;
        return body;
    }

    /**
     * Opens one received packet body and returns its plaintext. The first body of the direction starts with the
     * peer's base IV.
     *
     * @param streamOffset where the packet starts in the stream, for the error message
     */
    public byte[] open(byte[] aad, byte[] body, int offset, int length, long streamOffset) throws CedarException {
        if (receiveCounter == EXHAUSTED_COUNTER) {
            throw new CedarException("AES-GCM packet counter exhausted for this connection", streamOffset);
        }
        if (openedLength(length) < 0) {
            throw new CedarException("AES-GCM packet body of " + length + " bytes cannot hold "
                    + (receiveCounter == 0 ? "IV and tag" : "a tag"), streamOffset);
        }
        byte[] baseIv = receiveBaseIv;
        int ivPrefix = 0;
        if (receiveCounter == 0) {
            baseIv = Arrays.copyOfRange(body, offset, offset + IV_LENGTH);
            ivPrefix = IV_LENGTH;
        }
        byte[] plaintext = new byte[openedLength(length)];
        opener.init(false, new AEADParameters(key, TAG_LENGTH * 8, packetIv(baseIv, receiveCounter), aad));
        int opened = opener.processBytes(body, offset + ivPrefix, length - ivPrefix, plaintext, 0);
        try {
            opener.doFinal(plaintext, opened);
        } catch (InvalidCipherTextException e) {
            throw new CedarException("AES-GCM tag does not match (packet " + Integer.toUnsignedString(receiveCounter)
                    + " of this direction)", streamOffset, e);
        }
        receiveBaseIv = baseIv; // only once the first packet authenticated
        receiveCounter++;
        return plaintext;
    }

    /** The IV of packet {@code counter}: the first four bytes of the base IV plus the counter, modulo 2^32. */
    static byte[] packetIv(byte[] baseIv, int counter) {
        byte[] iv = baseIv.clone();
        int first = ((iv[0] & 0xFF) << 24 | (iv[1] & 0xFF) << 16 | (iv[2] & 0xFF) << 8 | (iv[3] & 0xFF)) + counter;
        iv[0] = (byte) (first >>> 24);
        iv[1] = (byte) (first >>> 16);
        iv[2] = (byte) (first >>> 8);
        iv[3] = (byte) first;
        return iv;
    }
}
