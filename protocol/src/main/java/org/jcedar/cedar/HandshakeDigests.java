package org.jcedar.cedar;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The two SHA-256 "handshake digests" of a connection (10 §1.6, 20 §9.2): one over every plaintext packet this
 * side sent, one over every plaintext packet it received (5-byte headers included, in order). They go into the
 * AAD of the first AES-GCM packet of each direction, which binds the unencrypted negotiation to the session key.
 *
 * <p>The state follows HTCondor's ReliSock so that edge cases give the same AAD as a real peer:
 * <ul>
 *   <li>both digests are frozen by the first AES-GCM packet in either direction; the first packet of the other
 *       direction reuses the frozen values;</li>
 *   <li>a digest of a direction in which no plaintext packet passed is 32 zero bytes;</li>
 *   <li>hashing stops once 1 MiB of payload has been sent resp. delivered; once more than 1 MiB has been sent the
 *       digests are dropped and the first AES-GCM packets use the plain header as AAD (receive side: from the
 *       next received packet on);</li>
 *   <li>{@link #restart()} forgets both, as after a SHARED_PORT_CONNECT to another daemon (10 §5).</li>
 * </ul>
 * HTCondor counts sent bytes as values enter its send buffer; we count whole packets, which differs only inside
 * a single message that crosses the 1 MiB mark - far beyond any real handshake.
 */
public final class HandshakeDigests {
    public static final int DIGEST_LENGTH = 32;
    private static final long HASH_LIMIT = 1 << 20;

    private MessageDigest sending;
    private MessageDigest receiving;
    /** The sent digest will not be (or was already) used in a first-packet AAD. */
    private boolean sendingFinished;
    private boolean receivingFinished;
    private byte[] frozenSent;
    private byte[] frozenReceived;
    private long payloadSent;
    private long payloadDelivered;

    HandshakeDigests() {
    }

    /** The digest of what this side sent in plaintext: frozen once AES-GCM started, else the running value. */
    public byte[] sentDigest() {
        return current(frozenSent, sending);
    }

    /** The digest of what this side received in plaintext: frozen once AES-GCM started, else the running value. */
    public byte[] receivedDigest() {
        return current(frozenReceived, receiving);
    }

    void restart() {
        sending = null;
        receiving = null;
        sendingFinished = false;
        receivingFinished = false;
        frozenSent = null;
        frozenReceived = null;
    }

    /** A plaintext packet (header and body contiguous in {@code packet}) went out. */
    void plaintextSent(byte[] packet, int offset, int length) {
        payloadSent += length - PacketHeader.SIZE;
        if (!sendingFinished && payloadSent < HASH_LIMIT) {
            if (sending == null) {
                sending = sha256();
            }
            sending.update(packet, offset, length);
        }
        releaseSending();
    }

    /** A plaintext packet (header and body contiguous in {@code packet}) came in. */
    void plaintextReceived(byte[] packet, int offset, int length) {
        if (!receivingFinished && payloadDelivered < HASH_LIMIT) {
            if (receiving == null) {
                receiving = sha256();
            }
            receiving.update(packet, offset, length);
        }
        releaseReceiving();
    }

    /** A complete message of {@code length} payload bytes was handed to the caller. */
    void delivered(int length) {
        payloadDelivered += length;
    }

    /** AAD for an AES-GCM packet this side sends: D_sent ‖ D_received ‖ header for the first one, else the header. */
    byte[] aadForSending(byte[] header) {
        byte[] aad = header;
        if (!sendingFinished) {
            sendingFinished = true;
            aad = concat(freezeSent(), freezeReceived(), header);
        }
        releaseSending();
        return aad;
    }

    /** AAD for an AES-GCM packet this side receives: the sender's view, D_received ‖ D_sent ‖ header, first. */
    byte[] aadForReceiving(byte[] header) {
        byte[] aad = header;
        if (!receivingFinished) {
            receivingFinished = true;
            aad = concat(freezeReceived(), freezeSent(), header);
        }
        releaseReceiving();
        return aad;
    }

    private byte[] freezeSent() {
        if (frozenSent == null) {
            frozenSent = sending == null ? new byte[DIGEST_LENGTH] : sending.digest();
        }
        return frozenSent;
    }

    private byte[] freezeReceived() {
        if (frozenReceived == null) {
            frozenReceived = receiving == null ? new byte[DIGEST_LENGTH] : receiving.digest();
        }
        return frozenReceived;
    }

    private void releaseSending() {
        if (sending != null && ((sendingFinished && receivingFinished) || payloadSent > HASH_LIMIT)) {
            sendingFinished = true;
            sending = null;
        }
    }

    private void releaseReceiving() {
        // HTCondor tests the *sent* byte count here too.
        if (receiving != null && ((sendingFinished && receivingFinished) || payloadSent > HASH_LIMIT)) {
            receivingFinished = true;
            receiving = null;
        }
    }

    private static byte[] current(byte[] frozen, MessageDigest running) {
        if (frozen != null) {
            return frozen.clone();
        }
        if (running == null) {
            return new byte[DIGEST_LENGTH];
        }
        try {
            return ((MessageDigest) running.clone()).digest();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 cannot be cloned", e);
        }
    }

    private static byte[] concat(byte[] first, byte[] second, byte[] header) {
        byte[] aad = Arrays.copyOf(first, first.length + second.length + header.length);
        System.arraycopy(second, 0, aad, first.length, second.length);
        System.arraycopy(header, 0, aad, first.length + second.length, header.length);
        return aad;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks SHA-256", e);
        }
    }
}
