package org.jcedar.cedar;

import java.io.ByteArrayOutputStream;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The packet layer of one CEDAR TCP connection, sans I/O (10 §1): the caller moves bytes between this object and
 * a socket; this object turns message payloads into packets and received packets back into message payloads.
 * Both the blocking client and the netty daemon drive it.
 *
 * <p>Receiving is split in two so that the cipher can be switched on between two messages even when the peer's
 * next packets are already buffered: {@link #receive} only stores bytes; {@link #nextMessage} parses them with
 * the cipher state of that moment.
 *
 * <p>Encryption: after {@link #enableAesGcm} every packet in both directions is sealed with AES-256-GCM, and
 * strings inside messages are length-prefixed, so callers build {@code new MessageWriter(conn.encrypted())} and
 * {@code new MessageReader(payload, conn.encrypted())}. Integrity-only (MD5 MAC headers) and the legacy
 * BLOWFISH/3DES ciphers are not supported (docs/cedar.md).
 */
public final class CedarConnection {
    /** HTCondor's 4096-byte send buffer minus the 5-byte header (10 §1.2). */
    public static final int MAX_PAYLOAD_PER_PACKET = 4091;
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 16 << 20;

    private final int maxMessageSize;
    private final HandshakeDigests digests = new HandshakeDigests();
    private AesGcmPacketCipher cipher;

    private byte[] inbox = new byte[256];
    private int inboxStart;
    private int inboxEnd;
    /** Stream offset of {@code inbox[inboxStart]}. */
    private long consumed;
    private final List<byte[]> messageParts = new ArrayList<>();
    private int messageLength;
    private CedarException failure;

    public CedarConnection() {
        this(DEFAULT_MAX_MESSAGE_SIZE);
    }

    /** @param maxMessageSize largest message payload this side accepts; longer messages fail the stream */
    public CedarConnection(int maxMessageSize) {
        if (maxMessageSize < 1) {
            throw new IllegalArgumentException("maximum message size must be positive");
        }
        this.maxMessageSize = maxMessageSize;
    }

    /** Whether AES-GCM is on (then strings travel length-prefixed). */
    public boolean encrypted() {
        return cipher != null;
    }

    /** Switches AES-256-GCM on for both directions, with a random base IV for sending. */
    public void enableAesGcm(byte[] key32) {
        byte[] baseIv = new byte[AesGcmPacketCipher.IV_LENGTH];
        new SecureRandom().nextBytes(baseIv);
        enableAesGcm(key32, baseIv);
    }

    /** Switches AES-256-GCM on with a given send base IV (to reproduce recorded sessions). */
    public void enableAesGcm(byte[] key32, byte[] sendBaseIv16) {
        if (cipher != null) {
            throw new IllegalStateException("AES-GCM is already on for this connection");
        }
        cipher = new AesGcmPacketCipher(key32, sendBaseIv16);
    }

    /** Forgets both handshake digests, as after a SHARED_PORT_CONNECT to another daemon than "self" (10 §5). */
    public void restartHandshakeDigests() {
        digests.restart();
    }

    public HandshakeDigests handshakeDigests() {
        return digests;
    }

    /**
     * The packets of one message, headers included, ready for the socket. An empty payload gives no bytes: an
     * empty message never appears on the wire.
     */
    public byte[] encodeMessage(byte[] payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 64);
        for (int offset = 0; offset < payload.length; offset += MAX_PAYLOAD_PER_PACKET) {
            int chunk = Math.min(MAX_PAYLOAD_PER_PACKET, payload.length - offset);
            boolean last = offset + chunk == payload.length;
            if (cipher == null) {
                byte[] packet = new byte[PacketHeader.SIZE + chunk];
                PacketHeader.of(last, chunk).writeTo(packet, 0);
                System.arraycopy(payload, offset, packet, PacketHeader.SIZE, chunk);
                digests.plaintextSent(packet, 0, packet.length);
                out.writeBytes(packet);
            } else {
                byte[] header = PacketHeader.of(last, cipher.sealedLength(chunk)).toBytes();
                byte[] body = cipher.seal(digests.aadForSending(header), payload, offset, chunk);
                out.writeBytes(header);
                out.writeBytes(body);
            }
        }
        return out.toByteArray();
    }

    /** Buffers bytes read from the socket; parsing happens in {@link #nextMessage}. */
    public void receive(byte[] data, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, data.length);
        if (inbox.length - inboxEnd < length) {
            int buffered = inboxEnd - inboxStart;
            if (inbox.length - buffered < length) {
                inbox = Arrays.copyOfRange(inbox, inboxStart, inboxStart + Math.max(inbox.length * 2, buffered + length));
            } else {
                System.arraycopy(inbox, inboxStart, inbox, 0, buffered);
            }
            inboxStart = 0;
            inboxEnd = buffered;
        }
        System.arraycopy(data, offset, inbox, inboxEnd, length);
        inboxEnd += length;
    }

    /**
     * Whether nothing of a message is pending: no buffered bytes and no packets of an unfinished message. A peer
     * closing the connection at any other moment cut a message short.
     */
    public boolean atMessageBoundary() {
        return inboxStart == inboxEnd && messageParts.isEmpty();
    }

    /**
     * The next complete message payload, or {@code null} while its last packet has not fully arrived. Packet and
     * message limits are checked from the header, before anything is allocated for the body. After a failure the
     * stream is unusable and every later call fails the same way.
     */
    public byte[] nextMessage() throws CedarException {
        if (failure != null) {
            throw failure;
        }
        try {
            return parseMessage();
        } catch (CedarException e) {
            failure = e;
            throw e;
        }
    }

    private byte[] parseMessage() throws CedarException {
        while (inboxEnd > inboxStart) {
            PacketHeader.checkEndFlag(inbox[inboxStart], consumed);
            if (inboxEnd - inboxStart < PacketHeader.SIZE) {
                return null;
            }
            PacketHeader header = PacketHeader.parse(inbox, inboxStart, consumed);
            int payloadLength = cipher == null ? header.length() : cipher.openedLength(header.length());
            if ((long) messageLength + payloadLength > maxMessageSize) {
                throw new CedarException("message longer than the limit of " + maxMessageSize + " bytes", consumed);
            }
            int packetLength = PacketHeader.SIZE + header.length();
            if (inboxEnd - inboxStart < packetLength) {
                return null;
            }
            byte[] payload;
            if (cipher == null) {
                payload = Arrays.copyOfRange(inbox, inboxStart + PacketHeader.SIZE, inboxStart + packetLength);
                digests.plaintextReceived(inbox, inboxStart, packetLength);
            } else {
                byte[] aad = digests.aadForReceiving(Arrays.copyOfRange(inbox, inboxStart, inboxStart + PacketHeader.SIZE));
                payload = cipher.open(aad, inbox, inboxStart + PacketHeader.SIZE, header.length(), consumed);
            }
            inboxStart += packetLength;
            consumed += packetLength;
            messageParts.add(payload);
            messageLength += payload.length;
            if (header.lastOfMessage()) {
                return completeMessage();
            }
        }
        return null;
    }

    private byte[] completeMessage() {
        byte[] message = new byte[messageLength];
        int position = 0;
        for (byte[] part : messageParts) {
            System.arraycopy(part, 0, message, position, part.length);
            position += part.length;
        }
        messageParts.clear();
        messageLength = 0;
        digests.delivered(message.length);
        return message;
    }
}
