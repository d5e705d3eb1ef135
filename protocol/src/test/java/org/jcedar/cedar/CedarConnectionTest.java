package org.jcedar.cedar;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.jcedar.testing.RecordedSession;
import org.jcedar.testing.RecordedSession.Packet;
import org.junit.jupiter.api.Test;

class CedarConnectionTest {

    @Test
    void longMessagesAreChunkedAt4091PayloadBytesAndOnlyTheLastPacketEndsTheMessage() throws CedarException {
        byte[] payload = new byte[10_000];
        new Random(1).nextBytes(payload);
        byte[] wire = new CedarConnection().encodeMessage(payload);

        assertEquals(3 * PacketHeader.SIZE + payload.length, wire.length);
        assertEquals(new PacketHeader(0, 4091), PacketHeader.parse(wire, 0, 0));
        assertEquals(new PacketHeader(0, 4091), PacketHeader.parse(wire, 4096, 4096));
        assertEquals(new PacketHeader(1, 1818), PacketHeader.parse(wire, 8192, 8192));
        CedarConnection receiver = new CedarConnection();
        receiver.receive(wire, 0, wire.length);
        assertArrayEquals(payload, receiver.nextMessage());
    }

    @Test
    void anEmptyMessageNeverAppearsOnTheWire() {
        CedarConnection connection = new CedarConnection();
        assertEquals(0, connection.encodeMessage(new byte[0]).length);
        assertArrayEquals(new byte[HandshakeDigests.DIGEST_LENGTH], connection.handshakeDigests().sentDigest());
    }

    @Test
    void anyNonZeroEndFlagUpTo10EndsAMessage() throws CedarException {
        CedarConnection connection = new CedarConnection();
        connection.receive(new byte[] {10, 0, 0, 0, 1, 42}, 0, 6);
        assertArrayEquals(new byte[] {42}, connection.nextMessage());
    }

    @Test
    void badHeadersFailWithTheirStreamOffset() {
        byte[] good = {1, 0, 0, 0, 1, 7};
        assertFailsAt(6, "end flag", good, new byte[] {11});
        assertFailsAt(6, "length 0", good, new byte[] {0, 0, 0, 0, 0});
        assertFailsAt(6, "length 1048577", good, new byte[] {1, 0, 0x10, 0, 1});
        assertFailsAt(6, "length 4294967295", good, new byte[] {1, -1, -1, -1, -1});
    }

    @Test
    void theEndFlagIsCheckedAsSoonAsItArrives() {
        CedarConnection connection = new CedarConnection();
        connection.receive(new byte[] {(byte) 0x80}, 0, 1);
        assertThrows(CedarException.class, connection::nextMessage);
    }

    @Test
    void theMessageLimitIsCheckedFromTheHeaderBeforeTheBodyArrives() throws CedarException {
        CedarConnection connection = new CedarConnection(5000);
        byte[] first = {0, 0, 0, 0x0f, (byte) 0xfb}; // 4091 bytes, more to come
        connection.receive(first, 0, first.length);
        connection.receive(new byte[4091], 0, 4091);
        assertNull(connection.nextMessage());
        byte[] second = {1, 0, 0, 0x03, (byte) 0xa2}; // 930 more: 5021 > 5000
        connection.receive(second, 0, second.length);
        CedarException e = assertThrows(CedarException.class, connection::nextMessage);
        assertEquals(4096, e.offset());
    }

    @Test
    void atMessageBoundaryTellsWhetherEndOfStreamWouldCutAMessage() throws CedarException {
        CedarConnection connection = new CedarConnection();
        assertTrue(connection.atMessageBoundary());
        connection.receive(new byte[] {0, 0, 0, 0, 1, 1, 1, 0, 0}, 0, 9);
        assertNull(connection.nextMessage());
        assertFalse(connection.atMessageBoundary());
        connection.receive(new byte[] {0, 1, 2}, 0, 3);
        assertArrayEquals(new byte[] {1, 2}, connection.nextMessage());
        assertTrue(connection.atMessageBoundary());
    }

    @Test
    void theCipherCanBeSwitchedOnWhileTheFirstEncryptedPacketIsAlreadyBuffered() throws CedarException {
        RecordedSession session = RecordedSession.load(RecordedSession.APPENDIX_A);
        ByteArrayOutputStream serverStream = new ByteArrayOutputStream();
        session.packets().stream().filter(p -> !p.fromClient()).forEach(p -> serverStream.writeBytes(p.wire()));
        CedarConnection client = new CedarConnection();
        client.receive(serverStream.toByteArray(), 0, serverStream.size());
        for (Packet packet : session.packets()) {
            if (packet.encrypted() && !client.encrypted()) {
                client.enableAesGcm(session.key());
            }
            if (packet.fromClient()) {
                client.encodeMessage(packet.plaintext());
            } else {
                assertArrayEquals(packet.plaintext(), client.nextMessage());
            }
        }
        assertTrue(client.atMessageBoundary());
    }

    @Test
    void afterRestartTheDigestsStartFromNothing() {
        CedarConnection client = new CedarConnection();
        client.encodeMessage(new MessageWriter(false).putInt(75).putString("schedd_1_2").toByteArray());
        assertFalse(Arrays.equals(new byte[32], client.handshakeDigests().sentDigest()));
        client.restartHandshakeDigests();
        assertArrayEquals(new byte[32], client.handshakeDigests().sentDigest());
        byte[] packet = client.encodeMessage(new byte[] {1});
        assertEquals(HexFormat.of().formatHex(sha256(packet)),
                HexFormat.of().formatHex(client.handshakeDigests().sentDigest()));
    }

    @Test
    void enablingAesTwiceIsAProgrammingError() {
        CedarConnection connection = new CedarConnection();
        connection.enableAesGcm(new byte[32]);
        assertThrows(IllegalStateException.class, () -> connection.enableAesGcm(new byte[32]));
    }

    private static void assertFailsAt(long offset, String what, byte[] prefix, byte[] header) {
        CedarConnection connection = new CedarConnection();
        connection.receive(prefix, 0, prefix.length);
        connection.receive(header, 0, header.length);
        try {
            assertArrayEquals(new byte[] {7}, connection.nextMessage());
        } catch (CedarException e) {
            throw new AssertionError(e);
        }
        CedarException e = assertThrows(CedarException.class, connection::nextMessage, what);
        assertEquals(offset, e.offset(), what);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
